/**
 * frr-k8s rule fixtures: each `fixtures/<case>/input.yaml` goes through `buildExtrasContext`
 * (frr-k8s mode) and every `FRRK8S_RULES` rule; the findings must equal `expected.json` (code,
 * line, the exact text the range covers, severity, message, related texts). An empty expected
 * list is a near-miss. Regenerate with UPDATE_FIXTURES=1 and review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifests } from '../../../server/src/service/k8s/parse';
import { buildExtrasContext } from '../../../server/src/service/metallb/extras/context';
import { FRRK8S_RULES } from '../../../server/src/service/rules/frrk8s';
import type { Finding } from '../../../server/src/service/types';

const root = join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

function describe(text: string, finding: Finding) {
  return {
    code: finding.code,
    line: text.slice(0, finding.range.start).split('\n').length,
    text: text.slice(finding.range.start, finding.range.end),
    severity: finding.severity,
    message: finding.message,
    related: (finding.related ?? []).map((r) => ({ text: text.slice(r.range.start, r.range.end), message: r.message })),
  };
}

for (const name of readdirSync(root).sort()) {
  test(`frrk8s: ${name}`, () => {
    const dir = join(root, name);
    const text = readFileSync(join(dir, 'input.yaml'), 'utf8');
    const ctx = buildExtrasContext([parseManifests(text)], { metallbVersion: '0.15', mode: 'frr-k8s' });
    const actual = FRRK8S_RULES.flatMap((rule) => rule(ctx)).map((finding) => describe(text, finding));
    const expectedPath = join(dir, 'expected.json');
    if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
