// `frr-lint render --node $(cat node.txt) manifests.yaml` is byte-identical to expected.frr.conf for
// every YAML-level case of the corpus: the whole CLI path, as a user runs it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const casesDir = join(corpus, 'metallb-yaml-cases');
const cli = join(root, 'bin', 'frr-lint.js');
if (!existsSync(casesDir)) {
  console.error(`cli-render: missing ${casesDir}`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('cli-render: dist/cli.js is missing; run npm run build first');
  process.exit(2);
}

let passed = 0;
const failures = [];
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, 'manifests.yaml'))).sort();
for (const name of cases) {
  const dir = join(casesDir, name);
  const node = readFileSync(join(dir, 'node.txt'), 'utf8').trim();
  const expected = readFileSync(join(dir, 'expected.frr.conf'), 'utf8');
  const run = spawnSync(process.execPath, [cli, 'render', '--node', node, join(dir, 'manifests.yaml')], { encoding: 'utf8' });
  if (run.status === 0 && run.stdout === expected) passed++;
  else failures.push({ name, status: run.status, stderr: run.stderr, got: run.stdout, expected });
}
for (const failure of failures) {
  console.log(`FAIL ${failure.name} (exit ${failure.status})`);
  const got = failure.got.split('\n');
  const want = failure.expected.split('\n');
  const line = want.findIndex((text, i) => text !== got[i]);
  console.log(`  first difference at line ${line + 1}: expected ${JSON.stringify(want[line])}, got ${JSON.stringify(got[line])}`);
  if (failure.stderr) console.log(`  stderr: ${failure.stderr.trim().split('\n').join('\n  ')}`);
}
console.log(`cli-render: ${passed} passed, ${failures.length} failed (frr-lint render vs expected.frr.conf)`);
process.exit(failures.length === 0 ? 0 : 1);
