// Real FRR as the oracle: `vtysh -C -f FILE` (grammar-only dry run), with results cached under
// conformance/.work/ keyed by the text's hash and the installed FRR version, so reruns are fast.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.work');
const cacheDir = join(workDir, 'vtysh-cache');

/** Fails loudly when vtysh is not installed: the suites are meaningless without it. */
export function frrVersion() {
  const which = spawnSync('sh', ['-c', 'command -v vtysh'], { encoding: 'utf8' });
  if (which.status !== 0) {
    throw new Error('vtysh not found: install FRR (Debian: apt-get install -y frr) to run the conformance suites');
  }
  const pkg = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'frr'], { encoding: 'utf8' });
  return pkg.status === 0 && pkg.stdout ? pkg.stdout.trim() : 'unknown';
}

/**
 * vtysh prints one `line N: <message>: <text>` per rejected line and keeps going; `Warning[…]`
 * lines (e.g. the early exit of 10.x) are not errors.
 */
export function parseVtyshOutput(output) {
  const errors = [];
  for (const raw of output.split('\n')) {
    const m = /^line (\d+): (.*)$/.exec(raw);
    if (!m) continue;
    const message = m[2];
    if (/^Warning/i.test(message)) continue;
    const kind = /Unknown command/.test(message)
      ? 'unknown'
      : /incomplete/i.test(message)
        ? 'incomplete'
        : /Ambiguous/i.test(message)
          ? 'ambiguous'
          : 'other';
    const node = /\[(\d+)\]/.exec(message);
    errors.push({ line: Number(m[1]), kind, node: node ? Number(node[1]) : undefined, message });
  }
  return errors;
}

function runVtysh(text) {
  const dir = mkdtempSync(join(tmpdir(), 'frr-conf-'));
  const file = join(dir, 'frr.conf');
  writeFileSync(file, text);
  return new Promise((resolve) => {
    const child = spawn('vtysh', ['-C', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ exitCode: code ?? -1, output });
    });
  });
}

/** Asks FRR about `text`; `{ exitCode, output, errors: [{line, kind, node, message}] }`. */
export async function checkWithFrr(text, version) {
  const key = createHash('sha256').update(version).update('\0').update(text).digest('hex');
  const cached = join(cacheDir, `${key}.json`);
  if (existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, 'utf8'));
    } catch {
      // A truncated cache entry (interrupted run) is simply recomputed.
    }
  }
  const { exitCode, output } = await runVtysh(text);
  const result = { exitCode, output, errors: parseVtyshOutput(output) };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, JSON.stringify(result));
  return result;
}

/** Runs `fn` over `items` with at most `limit` in flight (the machine's cores are shared). */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

