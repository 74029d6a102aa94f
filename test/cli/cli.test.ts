import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Output } from '../../server/src/cli';

const fixtures = join(__dirname, 'fixtures');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Output = {
    write: (text) => (stdout += text),
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('frr-lint check', () => {
  it('exits 0 on a clean file and says so', async () => {
    const { code, stdout } = await run('check', join(fixtures, 'clean', 'frr.conf'));
    assert.equal(code, 0);
    assert.match(stdout, /No problems found/);
  });

  it('exits 1 with errors and prints JSON with 1-based positions', async () => {
    const { code, stdout } = await run('check', '--format', 'json', join(fixtures, 'broken'));
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as { code: string; line: number; column: number; endLine: number; endColumn: number; severity: string; file: string }[];
    const timers = findings.find((f) => f.code === 'frr/timers');
    assert.ok(timers, 'hold time 2 is reported');
    assert.equal(timers.line, 3);
    assert.equal(timers.severity, 'error');
    const syntax = findings.find((f) => f.code === 'frr/syntax');
    assert.ok(syntax, 'an unknown keyword is reported');
    assert.equal(syntax.line, 4);
    assert.equal(syntax.column, 20);
    assert.ok(syntax.file.endsWith('bgpd.conf'));
  });

  it('prints SARIF 2.1.0 with one result per finding', async () => {
    const { stdout } = await run('check', '--format=sarif', join(fixtures, 'broken'));
    const sarif = JSON.parse(stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0]?.results ?? [];
    assert.ok(results.some((r) => r.ruleId === 'frr/syntax' && r.locations[0]?.physicalLocation.region.startLine === 4));
  });

  it('exits 2 with a clear message for an unreadable path, never a stack trace', async () => {
    const { code, stderr } = await run('check', join(fixtures, 'does-not-exist'));
    assert.equal(code, 2);
    assert.match(stderr, /cannot read .*does-not-exist/);
    assert.doesNotMatch(stderr, /\bat \S+ \(/);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run('check')).code, 2);
    assert.equal((await run('check', '--format', 'xml', 'x')).code, 2);
    assert.equal((await run('check', '--frr-version', '7.5', 'x')).code, 2);
    assert.equal((await run('lint', 'x')).code, 2);
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await run('--help');
    assert.equal(code, 0);
    assert.match(stdout, /frr-lint check/);
  });
});

describe('frr-lint fix', () => {
  const hostBits = 'ip prefix-list l seq 5 permit 10.0.0.1/8\nroute-map m permit 10\n match ip address prefix-list l\nrouter bgp 1\n neighbor 10.0.0.2 remote-as 2\n address-family ipv4 unicast\n  neighbor 10.0.0.2 route-map m in\n exit-address-family\n';

  it('--dry-run prints a unified diff and leaves the file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-fix-'));
    const file = join(dir, 'frr.conf');
    writeFileSync(file, hostBits);
    const { stdout, stderr } = await run('fix', '--dry-run', file);
    assert.match(stdout, /^-ip prefix-list l seq 5 permit 10\.0\.0\.1\/8$/m);
    assert.match(stdout, /^\+ip prefix-list l seq 5 permit 10\.0\.0\.0\/8$/m);
    assert.match(stderr, /would apply 1 fix/);
    assert.equal(readFileSync(file, 'utf8'), hostBits);
  });

  it('applies safe fixes in place, keeping every other line byte-identical, and the finding is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-fix-'));
    const file = join(dir, 'frr.conf');
    writeFileSync(file, hostBits);
    await run('fix', file);
    assert.equal(readFileSync(file, 'utf8'), hostBits.replace('10.0.0.1/8', '10.0.0.0/8'));
    const { stdout } = await run('check', '--format', 'json', file);
    assert.ok(!(JSON.parse(stdout) as { code: string }[]).some((f) => f.code === 'frr/prefix-host-bits'));
  });
});

describe('frr-lint render', () => {
  it('renders the only node of the manifests', async () => {
    const { code, stdout } = await run('render', join(fixtures, 'metallb'));
    assert.equal(code, 0);
    assert.match(stdout, /^log stdout informational\n/);
    assert.match(stdout, /^hostname worker-1$/m);
    assert.match(stdout, /^route-map 10\.0\.0\.1-in deny 20$/m);
    assert.match(stdout, /^ {2}neighbor 10\.0\.0\.1 remote-as 64513$/m);
  });

  it('asks for --node when several nodes exist, listing them', async () => {
    const { code, stderr } = await run('render', join(fixtures, 'metallb-two-nodes'));
    assert.equal(code, 2);
    assert.match(stderr, /worker-1, worker-2/);
  });

  it('renders what frr-k8s writes with --mode frr-k8s: no deny 20, incoming filters by prefix-list', async () => {
    const { code, stdout } = await run('render', '--mode', 'frr-k8s', join(fixtures, 'metallb'));
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /-in deny 20/);
    assert.match(stdout, /^route-map 10\.0\.0\.1-out permit 1$/m);
    assert.match(stdout, /^ {2}neighbor 10\.0\.0\.1 remote-as 64513$/m);
  });

  it('renders the older layouts with --metallb-version', async () => {
    const { stdout } = await run('render', '--metallb-version', '0.14', join(fixtures, 'metallb'));
    assert.match(stdout, /10\.0\.0\.1-pl-ipv4/);
  });
});
