// Fixture tests of the rawConfig rules (frrk8s/seq-collision, name-collision, unknown-peer,
// prefer-toreceive) and of frrk8s/timer-not-rendered, which a rawConfig can settle, through the
// whole manifest analysis. Each case is `raw/<rule>/<case>/` with `input.yaml`, optional
// `options.json` ({metallbVersion, mode}; frr-k8s mode by default) and `expected.json` (code,
// severity, line, the exact source text of the range, message, fix titles).
// A case named `fires-…` must report its rule, `ok-…` (the near-miss) must not. When the rule's
// first finding has a fix, the text after it must equal `expected-after-fix.yaml`, every line
// outside the edits stays byte-identical, and re-checking (`expected-after-fix.json`) shows that
// finding gone and no new one. UPDATE_FIXTURES=1 rewrites the expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifests } from '../../../server/src/service/k8s/parse';
import { analyzeExtras } from '../../../server/src/service/rules/metallb/analyze';
import type { ExtrasOptions } from '../../../server/src/service/metallb/extras/context';
import type { Finding, TextEdit } from '../../../server/src/service/types';

const root = join(import.meta.dirname, 'raw');
const update = process.env.UPDATE_FIXTURES === '1';
const URI = 'file:///input.yaml';

function analyze(text: string, options: ExtrasOptions): Finding[] {
  const file = parseManifests(text, URI);
  assert.deepEqual(file.findings, [], 'the manifest parses cleanly');
  return analyzeExtras([file], options);
}

function describe(text: string, finding: Finding) {
  return {
    code: finding.code,
    severity: finding.severity,
    line: text.slice(0, finding.range.start).split('\n').length,
    text: text.slice(finding.range.start, finding.range.end),
    message: finding.message,
    ...(finding.fixes ? { fixes: finding.fixes.map((fix) => `${fix.title}${fix.safe ? '' : ' (unsafe)'}`) } : {}),
  };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  return out;
}

function assertOtherLinesKept(before: string, after: string, edits: readonly TextEdit[]): void {
  const lineOf = (offset: number) => before.slice(0, offset).split('\n').length - 1;
  const a = before.split('\n');
  const b = after.split('\n');
  const first = Math.min(...edits.map((e) => lineOf(e.range.start)));
  const last = Math.max(...edits.map((e) => lineOf(e.range.end)));
  assert.deepEqual(b.slice(0, first), a.slice(0, first), 'lines before the fix are byte-identical');
  const tail = a.length - 1 - last;
  assert.deepEqual(b.slice(b.length - tail), a.slice(a.length - tail), 'lines after the fix are byte-identical');
}

function expect(path: string, actual: unknown): void {
  if (update) writeFileSync(path, typeof actual === 'string' ? actual : `${JSON.stringify(actual, null, 2)}\n`);
  // A missing expectation fails: only UPDATE_FIXTURES=1 writes one, to be reviewed.
  assert.ok(existsSync(path), `${path} is missing: run with UPDATE_FIXTURES=1 and review what it writes`);
  const stored = readFileSync(path, 'utf8');
  if (typeof actual === 'string') assert.equal(actual, stored, path);
  else assert.deepEqual(actual, JSON.parse(stored), path);
}

const identity = (d: ReturnType<typeof describe>) => `${d.code}|${d.line}|${d.text}`;

for (const rule of readdirSync(root).sort()) {
  for (const name of readdirSync(join(root, rule)).sort()) {
    test(`frrk8s raw ${rule}/${name}`, () => {
      const dir = join(root, rule, name);
      const code = `frrk8s/${rule}`;
      const optionsPath = join(dir, 'options.json');
      const options: ExtrasOptions = { metallbVersion: '0.15', mode: 'frr-k8s', ...(existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {}) };
      const text = readFileSync(join(dir, 'input.yaml'), 'utf8');
      const findings = analyze(text, options);
      const actual = findings.map((f) => describe(text, f));
      expect(join(dir, 'expected.json'), actual);
      const own = findings.filter((f) => f.code === code);
      if (name.startsWith('fires-')) assert.ok(own.length > 0, `${code} fires`);
      if (name.startsWith('ok-')) assert.equal(own.length, 0, `${code} stays silent on the near-miss`);

      const fixed = own.find((f) => f.fixes && f.fixes.length > 0);
      if (!fixed) return;
      const edits = fixed.fixes![0].edits;
      assert.ok(edits.every((e) => e.uri === URI), 'the fix edits the manifest');
      const after = applyEdits(text, edits);
      assertOtherLinesKept(text, after, edits);
      expect(join(dir, 'expected-after-fix.yaml'), after);
      const recheck = analyze(after, options).map((f) => describe(after, f));
      expect(join(dir, 'expected-after-fix.json'), recheck);
      // The fix may settle other findings too; none may appear, and the fixed one is gone.
      const before = actual.map(identity);
      const fixedId = identity(describe(text, fixed));
      for (const found of recheck.map(identity)) assert.ok(before.includes(found) && found !== fixedId, `re-check: unexpected finding ${found}`);
    });
  }
}
