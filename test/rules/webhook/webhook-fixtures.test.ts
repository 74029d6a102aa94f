// Fixture-driven tests of MetalLB's webhook validation: each folder under fixtures/ holds an
// `input.yaml` (one workspace file) and `expected.json`: the findings as code, severity, message
// and the exact source text their range covers. Set UPDATE_FIXTURES=1 to rewrite expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../../../server/src/service/k8s/parse';
import { validateResources } from '../../../server/src/service/rules/metallb/webhook/index';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

for (const name of readdirSync(fixtures).sort()) {
  test(`webhook fixture ${name}`, () => {
    const text = readFileSync(join(fixtures, name, 'input.yaml'), 'utf8');
    const file = parseManifests(text, `file:///${name}.yaml`);
    assert.deepEqual(file.findings, [], 'the input parses cleanly');
    const actual = validateResources([file]).map((finding) => {
      assert.equal(finding.uri, `file:///${name}.yaml`);
      return {
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        text: text.slice(finding.range.start, finding.range.end),
        ...(finding.fixes ? { fixes: finding.fixes.map((fix) => fix.edits.map((edit) => edit.newText)) } : {}),
      };
    });
    const expectedPath = join(fixtures, name, 'expected.json');
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    if (name.endsWith('-ok')) assert.deepEqual(actual, [], 'near-miss fixtures (-ok) must be clean');
  });
}
