/**
 * Fixture-driven tests of resources + node → MetalLB internal config. Each folder of
 * fixtures/build holds manifests.yaml, node.txt and expected.json ({ config, errors, notes });
 * run with UPDATE_FIXTURES=1 to rewrite expected.json after a deliberate change (then review the diff).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseManifests } from '../../server/src/service/k8s/parse';
import { buildInternalConfig } from '../../server/src/service/metallb/build/index';

const fixtures = join(import.meta.dirname, 'fixtures', 'build');

for (const name of readdirSync(fixtures).sort()) {
  const dir = join(fixtures, name);
  if (!existsSync(join(dir, 'manifests.yaml'))) continue;
  test(`build fixture ${name}`, () => {
    const file = parseManifests(readFileSync(join(dir, 'manifests.yaml'), 'utf8'));
    assert.deepEqual(file.findings.filter((f) => f.severity === 'error'), [], 'fixture manifests must parse cleanly');
    const nodeName = readFileSync(join(dir, 'node.txt'), 'utf8').trim();
    const result = buildInternalConfig(file.resources, nodeName, { metallbVersion: 'v0.16.1' });
    const actual = JSON.parse(JSON.stringify(result));
    const expectedPath = join(dir, 'expected.json');
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
