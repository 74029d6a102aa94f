// Fixture-driven tests of the bgpextras analysis. Each case is a folder
// `<rule>/<case>/` with `input/*.yaml` (the workspace files, in apply order by name), optional
// `options.json` ({metallbVersion, mode}), and `expected.json`: the findings as code, severity,
// file, the exact source text their range covers, message and fix titles. A case named `fires-…`
// must report its rule, a case named `ok-…` (the near-miss) must not. When the rule's first finding
// has a fix, the fixed files are compared with `expected-after-fix/`, every line outside the edit
// stays byte-identical, and re-checking shows that finding gone and no new one (others may go too).
// Set UPDATE_FIXTURES=1 to rewrite expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../../../server/src/service/k8s/parse';
import type { ManifestFile } from '../../../server/src/service/k8s/resources';
import { analyzeExtras } from '../../../server/src/service/rules/metallb/analyze';
import type { ExtrasOptions } from '../../../server/src/service/metallb/extras/context';
import type { Finding, TextEdit } from '../../../server/src/service/types';

const root = dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_FIXTURES === '1';

interface Case {
  rule: string;
  name: string;
  dir: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const rule of readdirSync(root).sort()) {
    const ruleDir = join(root, rule);
    if (rule.endsWith('.ts') || !existsSync(ruleDir)) continue;
    for (const name of readdirSync(ruleDir).sort()) out.push({ rule, name, dir: join(ruleDir, name) });
  }
  return out;
}

function readInputs(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) files.set(name, readFileSync(join(dir, name), 'utf8'));
  return files;
}

/** A missing expectation fails: only UPDATE_FIXTURES=1 writes one, to be reviewed. */
function readExpected(path: string): string {
  assert.ok(existsSync(path), `${path} is missing: run with UPDATE_FIXTURES=1 and review what it writes`);
  return readFileSync(path, 'utf8');
}

function analyze(texts: Map<string, string>, options: ExtrasOptions): { files: ManifestFile[]; findings: Finding[] } {
  const files = [...texts].map(([name, text]) => parseManifests(text, `file:///${name}`));
  return { files, findings: analyzeExtras(files, options) };
}

function describe(texts: Map<string, string>, finding: Finding) {
  const file = (finding.uri ?? '').replace('file:///', '');
  const text = texts.get(file) ?? '';
  return {
    code: finding.code,
    severity: finding.severity,
    file,
    text: text.slice(finding.range.start, finding.range.end),
    message: finding.message,
    ...(finding.fixes ? { fixes: finding.fixes.map((fix) => `${fix.title}${fix.safe ? '' : ' (unsafe)'}`) } : {}),
  };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

/** Lines before the first edited line and after the last one are unchanged. */
function assertOtherLinesKept(before: string, after: string, edits: TextEdit[]): void {
  const a = before.split('\n');
  const b = after.split('\n');
  const first = Math.min(...edits.map((e) => lineOf(before, e.range.start)));
  const last = Math.max(...edits.map((e) => lineOf(before, e.range.end)));
  assert.deepEqual(b.slice(0, first), a.slice(0, first), 'lines before the fix are byte-identical');
  const tail = a.length - 1 - last;
  assert.deepEqual(b.slice(b.length - tail), a.slice(a.length - tail), 'lines after the fix are byte-identical');
}

const key = (d: ReturnType<typeof describe>) => `${d.code}|${d.file}|${d.text}`;

for (const c of cases()) {
  test(`extras ${c.rule}/${c.name}`, () => {
    const code = `metallb/${c.rule}`;
    const optionsPath = join(c.dir, 'options.json');
    const options: ExtrasOptions = { metallbVersion: '0.16', mode: 'frr', ...(existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {}) };
    const texts = readInputs(join(c.dir, 'input'));
    const { files, findings } = analyze(texts, options);
    for (const file of files) assert.deepEqual(file.findings, [], `${file.uri} parses cleanly`);
    const actual = findings.map((f) => describe(texts, f));
    const expectedPath = join(c.dir, 'expected.json');
    if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readExpected(expectedPath)));
    const own = findings.filter((f) => f.code === code);
    if (c.name.startsWith('fires-')) assert.ok(own.length > 0, `${code} fires`);
    if (c.name.startsWith('ok-')) assert.equal(own.length, 0, `${code} stays silent on the near-miss`);

    const fixed = own.find((f) => f.fixes && f.fixes.length > 0);
    if (!fixed) return;
    const fix = fixed.fixes![0];
    const afterTexts = new Map(texts);
    for (const [name, text] of texts) {
      const edits = fix.edits.filter((e) => (e.uri ?? fixed.uri) === `file:///${name}`);
      if (edits.length === 0) continue;
      const after = applyEdits(text, edits);
      assertOtherLinesKept(text, after, edits);
      afterTexts.set(name, after);
    }
    const afterDir = join(c.dir, 'expected-after-fix');
    for (const [name, text] of afterTexts) {
      if (text === texts.get(name)) continue;
      const path = join(afterDir, name);
      if (update) {
        mkdirSync(afterDir, { recursive: true });
        writeFileSync(path, text);
      }
      assert.equal(text, readExpected(path), `text after "${fix.title}"`);
    }
    const recheck = analyze(afterTexts, options);
    for (const file of recheck.files) assert.deepEqual(file.findings, [], `${file.uri} still parses cleanly after the fix`);
    const remaining = recheck.findings.map((f) => key(describe(afterTexts, f))).sort();
    const fixedKey = key(describe(texts, fixed));
    const expectedRemaining = actual.map(key);
    expectedRemaining.splice(expectedRemaining.indexOf(fixedKey), 1);
    // The fix may also settle related findings (a rename attaches the route-map): none may appear.
    for (const found of remaining) {
      const at = expectedRemaining.indexOf(found);
      assert.ok(at >= 0, `re-check after "${fix.title}": new finding ${found}`);
      expectedRemaining.splice(at, 1);
    }
    assert.ok(!remaining.includes(fixedKey) || actual.filter((d) => key(d) === fixedKey).length > 1, 're-check: the fixed finding is gone');
    const recheckPath = join(c.dir, 'expected-after-fix.json');
    const recheckActual = recheck.findings.map((f) => describe(afterTexts, f));
    if (update) writeFileSync(recheckPath, `${JSON.stringify(recheckActual, null, 2)}\n`);
    assert.deepEqual(recheckActual, JSON.parse(readExpected(recheckPath)));
  });
}
