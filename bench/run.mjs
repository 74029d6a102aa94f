// `npm run bench`: our parse + all rules against FRR's own checkers on the same generated files.
// It reports figures and never fails a test run; a missing FRR tool is reported as such.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateConfig } from './generate.mjs';
import { benchLsp, printLsp } from './lsp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(root, 'bench', '.generated');
mkdirSync(workDir, { recursive: true });
const worker = join(workDir, 'worker.js');
await build({
  entryPoints: [join(root, 'bench', 'worker.ts')],
  outfile: worker,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});

const SIZES = [1_000, 10_000, 100_000];
const REPEATS = 3;
const VTYSH = '/usr/bin/vtysh';
const RELOAD = '/usr/lib/frr/frr-reload.py';
const cli = join(root, 'bin', 'frr-lint.js');
const reportRss = join(root, 'bench', 'report-rss.cjs');
const emptyRunning = join(workDir, 'running-empty.conf');
writeFileSync(emptyRunning, '');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(command, args) {
  const times = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.error) return { error: result.error.message };
  }
  return { ms: median(times) };
}

/** `frr-lint check` as a user runs it: a process of its own, cold. Median wall time and peak RSS. */
function timeOurCli(file) {
  const times = [];
  let maxRssKb = 0;
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', reportRss, cli, 'check', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const reported = /frr-lint-bench maxRSS (\d+)/.exec(result.stderr ?? '');
    if (!reported) return { error: `frr-lint failed: ${(result.stderr ?? result.error?.message ?? '').trim().split('\n').pop()}` };
    maxRssKb = Math.max(maxRssKb, Number(reported[1]));
  }
  return { ms: median(times), maxRssMb: maxRssKb / 1024 };
}

function runWorker(file, runs) {
  const run = spawnSync(process.execPath, [worker, file, String(runs)], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`our checker failed on ${file}:\n${run.stderr}`);
    process.exit(0);
  }
  return JSON.parse(run.stdout);
}

const fmt = (ms) => (ms === undefined ? 'n/a' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const ratio = (theirs, ours) => (theirs === undefined || !ours ? 'n/a' : `${(theirs / ours).toFixed(1)}×`);

const rows = [];
for (const size of SIZES) {
  const file = join(workDir, `metallb-${size}.conf`);
  writeFileSync(file, generateConfig(size));
  // The CLI as users run it (startup and a cold check included), compared with FRR's tools run the
  // same way; and the warm check the language server repeats on every edit (median of runs in one process).
  const cliRun = timeOurCli(file);
  const ours = runWorker(file, size >= 100_000 ? 7 : 11);
  const vtysh = existsSync(VTYSH) ? timeCommand(VTYSH, ['--dryrun', '-f', file]) : { error: 'not installed' };
  const reload = existsSync(RELOAD) ? timeCommand('python3', [RELOAD, '--test', '--input', emptyRunning, file]) : { error: 'not installed' };
  rows.push({ size, lines: ours.lines, cliRun, ours, vtysh, reload });
}

console.log('Our parse + all rules (median of warm runs in one process, as the language server runs them) and');
console.log('`frr-lint check` as a user runs it (a process of its own, startup included), against FRR tools run as processes.');
console.log('Median wall time in ms; ratios are theirs / ours, for the warm check and for the process.');
console.log('| target | lines | parse + all rules | frr-lint check | vtysh --dryrun | ratio | frr-reload.py --test | ratio | frr-lint peak RSS |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { size, lines, cliRun, ours, vtysh, reload } of rows) {
  const both = (theirs) => `${ratio(theirs, ours.medianMs)} / ${ratio(theirs, cliRun.ms)}`;
  console.log(
    `| ${size / 1000}k | ${lines} | ${fmt(ours.medianMs)} | ${cliRun.error ?? fmt(cliRun.ms)} | ${vtysh.error ?? fmt(vtysh.ms)} | ${both(vtysh.ms)} | ${reload.error ?? fmt(reload.ms)} | ${both(reload.ms)} | ${cliRun.maxRssMb === undefined ? 'n/a' : `${cliRun.maxRssMb.toFixed(0)} MB`} |`,
  );
}
console.log('Targets at 100k lines: ≥ 20× vtysh --dryrun, ≥ 50× frr-reload.py --test, ≤ 150 MB.');

printLsp(await benchLsp(root, SIZES));

// The extension as users get it: the .vsix size, and activation as VS Code reports it in code-server
// (only where `npm start` or `npm run test:e2e` has installed code-server: the bench installs nothing).
const pack = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--no-build'], { encoding: 'utf8' });
console.log(`\n.vsix: ${(/: (\d+ bytes.*)$/m.exec(pack.stdout)?.[1] ?? `packaging failed: ${pack.stderr.trim().split('\n').pop()}`)}`);
if (existsSync(join(root, '.code-server'))) {
  const activation = spawnSync(process.execPath, [join(root, 'scripts', 'e2e', 'activation.mjs'), '--runs', '3'], { encoding: 'utf8', timeout: 600_000 });
  console.log((activation.stdout.trim().split('\n').pop() ?? '') || `activation measure failed: ${activation.stderr.trim()}`);
  console.log('Target: activation ≤ 100 ms.');
} else {
  console.log('activation: n/a (code-server is not installed; run npm start or npm run test:e2e once)');
}
