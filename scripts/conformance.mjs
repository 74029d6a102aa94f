// Runs every conformance suite in conformance/ (each a script that prints its pass counts and exits
// non-zero on failure) against ../shared/corpus and real FRR, then prints one summary line per suite.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus'));
if (!existsSync(corpus)) {
  console.error(`conformance: the corpus is missing at ${corpus} (set FRR_METALLB_CORPUS)`);
  process.exit(1);
}
const only = process.argv.slice(2);
const suites = readdirSync(join(root, 'conformance'))
  .filter((name) => /\.(mjs|ts)$/.test(name) && !name.startsWith('_'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
const results = [];
for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  const args = suite.endsWith('.ts') ? ['--import', 'tsx', join('conformance', suite)] : [join('conformance', suite)];
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FRR_METALLB_CORPUS: corpus },
  });
  results.push({ suite, ok: run.status === 0 });
}
console.log('\n=== conformance summary ===');
for (const { suite, ok } of results) console.log(`${ok ? 'PASS' : 'FAIL'} ${suite}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
