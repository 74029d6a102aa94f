/**
 * Fixture-driven rule tests: each `fixtures/<rule>/<case>/input.frr` is checked with
 * `checkFrrText`, and the findings carrying that rule's code must equal `expected.json`
 * (line, the exact text the range covers, severity, message, the first fix's edits). Regenerate
 * with UPDATE_FIXTURES=1 and review the diff.
 * `fires` cases expect findings, `near-miss` cases expect none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFrrText } from '../../../server/src/service/rules/frr/check';
import type { Finding } from '../../../server/src/service/types';

const root = join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

interface Expected {
  line: number;
  text: string;
  severity: string;
  message: string;
  /** The first fix: each edit as the text it replaces and the text it writes. */
  fix?: { title: string; safe: boolean; edits: { replaces: string; with: string }[] };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function describe(text: string, finding: Finding): Expected {
  const fix = finding.fixes?.[0];
  return {
    line: lineOf(text, finding.range.start),
    text: text.slice(finding.range.start, finding.range.end),
    severity: finding.severity,
    message: finding.message,
    ...(fix
      ? {
          fix: {
            title: fix.title,
            safe: fix.safe,
            edits: fix.edits.map((e) => ({ replaces: text.slice(e.range.start, e.range.end), with: e.newText })),
          },
        }
      : {}),
  };
}

for (const rule of readdirSync(root).sort()) {
  for (const name of readdirSync(join(root, rule)).sort()) {
    const dir = join(root, rule, name);
    test(`frr/${rule}: ${name}`, () => {
      const input = readFileSync(join(dir, 'input.frr'), 'utf8');
      const actual = checkFrrText(input)
        .findings.filter((f) => f.code === `frr/${rule}`)
        .map((f) => describe(input, f));
      const expectedPath = join(dir, 'expected.json');
      if (update) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[];
      assert.deepEqual(actual, expected);
      if (name.startsWith('near-miss')) assert.equal(actual.length, 0, 'a near-miss must not fire');
      else assert.ok(actual.length > 0, 'a firing case must fire');
    });
  }
}
