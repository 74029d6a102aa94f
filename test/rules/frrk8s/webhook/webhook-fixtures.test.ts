// Fixture tests of `frrk8s/webhook` (what frr-k8s's FRRConfiguration webhook denies or warns about)
// and of the merge conflicts it reports per node: each folder under fixtures/ holds an `input.yaml`
// (one workspace file) and `expected.json`, the findings as code, severity, message, line and the
// exact source text their range covers. Folders ending in `-ok` are near misses and must stay
// clean. Set UPDATE_FIXTURES=1 to rewrite expectations, then review every one by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../../../../server/src/service/k8s/parse';
import { buildExtrasContext } from '../../../../server/src/service/metallb/extras/context';
import { frrk8sWebhook } from '../../../../server/src/service/rules/frrk8s/webhook';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

for (const name of readdirSync(fixtures).sort()) {
  test(`frrk8s webhook fixture ${name}`, () => {
    const text = readFileSync(join(fixtures, name, 'input.yaml'), 'utf8');
    const uri = `file:///${name}.yaml`;
    const ctx = buildExtrasContext([parseManifests(text, uri)], { metallbVersion: '0.15', mode: 'frr-k8s' });
    const actual = frrk8sWebhook(ctx).map((finding) => {
      assert.equal(finding.uri, uri);
      return {
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        line: text.slice(0, finding.range.start).split('\n').length,
        text: text.slice(finding.range.start, finding.range.end),
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
