/**
 * `metallb/prefix-overlap` fixtures: each `fixtures/<case>/input.yaml` (optional `options.json`
 * with `metallbVersion`) goes through `buildExtrasContext`, and the rule's findings must equal
 * `expected.json` (line, the exact text the range covers, severity, message, related locations as
 * the text they cover). An empty expected list is a near-miss. Regenerate with UPDATE_FIXTURES=1
 * and review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifests } from '../../../server/src/service/k8s/parse';
import { buildExtrasContext } from '../../../server/src/service/metallb/extras/context';
import type { MetalLBVersion } from '../../../server/src/service/metallb/render';
import { OVERLAP_RULES } from '../../../server/src/service/rules/metallb/extras-overlap';
import type { Finding } from '../../../server/src/service/types';

const root = join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function describe(text: string, finding: Finding) {
  return {
    code: finding.code,
    line: lineOf(text, finding.range.start),
    text: text.slice(finding.range.start, finding.range.end),
    severity: finding.severity,
    message: finding.message,
    related: (finding.related ?? []).map((r) => ({ text: text.slice(r.range.start, r.range.end), message: r.message })),
  };
}

for (const name of readdirSync(root).sort()) {
  test(`prefix-overlap: ${name}`, () => {
    const dir = join(root, name);
    const text = readFileSync(join(dir, 'input.yaml'), 'utf8');
    const options = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { metallbVersion?: MetalLBVersion }) : {};
    const ctx = buildExtrasContext([parseManifests(text)], { metallbVersion: options.metallbVersion ?? '0.15', mode: 'frr' });
    const actual = OVERLAP_RULES.flatMap((rule) => rule(ctx)).map((finding) => describe(text, finding));
    const expectedPath = join(dir, 'expected.json');
    if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}

test('prefix-overlap: nothing in frr-k8s mode, where MetalLB refuses the extras altogether', () => {
  const text = readFileSync(join(root, 'pool-covered', 'input.yaml'), 'utf8');
  const ctx = buildExtrasContext([parseManifests(text)], { metallbVersion: '0.15', mode: 'frr-k8s' });
  assert.deepEqual(OVERLAP_RULES.flatMap((rule) => rule(ctx)), []);
});

test('prefix-overlap: half-typed and garbled extras never throw', () => {
  const text = readFileSync(join(root, 'pool-covered', 'input.yaml'), 'utf8').replace(
    '    ip prefix-list upstream seq 5 permit 10.0.0.0/8 le 32\n',
    `    ip prefix-list upstream seq 5 permit 10.0.0.0/\n    ip prefix-list upstream seq 7 permit ::/0 le 200\n    \uFFFD\u00e9 route-map ${'x'.repeat(5000)}\n    ip prefix-list upstream seq 9 permit any\n`,
  );
  const ctx = buildExtrasContext([parseManifests(text)], { metallbVersion: '0.15', mode: 'frr' });
  const findings = OVERLAP_RULES.flatMap((rule) => rule(ctx));
  assert.ok(findings.every((f) => f.code === 'metallb/prefix-overlap'));
  assert.ok(findings.some((f) => f.message.includes('permit any')), 'permit any accepts the pool');
});
