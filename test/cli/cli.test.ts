import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Output } from '../../server/src/cli';
import { fileKindByPath, fileKindByUri } from '../../server/src/service/workspace';

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

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await run('--version');
    assert.equal(code, 0);
    assert.equal(stdout.trim(), version);
  });

  it('skips a dangling symlink in a folder with a note and checks the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-walk-'));
    writeFileSync(join(dir, 'frr.conf'), 'router bgp 1\n neighbor 10.0.0.2 remote-as 2\n neighbor 10.0.0.2 timers 30 2\n');
    symlinkSync(join(dir, 'gone.conf'), join(dir, 'bgpd.conf'));
    const { code, stdout, stderr } = await run('check', '--format', 'json', dir);
    assert.equal(code, 1);
    assert.ok((JSON.parse(stdout) as { code: string }[]).some((f) => f.code === 'frr/timers'));
    assert.match(stderr, /note: skipped unreadable .*bgpd\.conf: ENOENT/);
    assert.doesNotMatch(stderr, /internal error/);
  });

  it('exits 2 for an explicitly named dangling symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-walk-'));
    symlinkSync(join(dir, 'gone.conf'), join(dir, 'frr.conf'));
    const { code, stderr } = await run('check', join(dir, 'frr.conf'));
    assert.equal(code, 2);
    assert.match(stderr, /cannot read/);
  });

  it('reads only FRR-named files and manifests in folders, but any file named explicitly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-walk-'));
    mkdirSync(join(dir, 'etc'));
    writeFileSync(join(dir, 'etc', 'nginx.conf'), 'server { listen 80; }\n');
    writeFileSync(join(dir, 'etc', 'zebra.conf'), 'hostname ok\n');
    const folder = await run('check', dir);
    assert.equal(folder.code, 0);
    assert.match(folder.stdout, /No problems found/);
    const named = await run('check', '--format', 'json', join(dir, 'etc', 'nginx.conf'));
    assert.equal(named.code, 1);
    assert.ok((JSON.parse(named.stdout) as { code: string }[]).some((f) => f.code === 'frr/syntax'));
  });

  it('decides FRR files by name the same way for the CLI and the editor', () => {
    for (const name of ['frr.conf', 'bgpd.conf', 'zebra.conf', 'staticd.conf', 'bfdd.conf', 'ospfd.conf', 'ospf6d.conf', 'r1.frr', 'BGPD.CONF']) {
      assert.equal(fileKindByPath(`/etc/frr/${name}`), 'frr', name);
    }
    assert.equal(fileKindByUri('file:///w/peers.yaml'), 'yaml');
    assert.equal(fileKindByPath('C:\\w\\pool.yml'), 'yaml');
    for (const name of ['nginx.conf', 'daemons', 'vtysh.conf.sample', 'frr.conf.bak', 'xbgpd.conf']) assert.equal(fileKindByPath(`/etc/${name}`), undefined, name);
  });

  it('reads a path\'s # and ? as part of its names, and a URI\'s as its fragment and query', () => {
    assert.equal(fileKindByPath('/home/u/#drafts/frr.conf'), 'frr');
    assert.equal(fileKindByPath('/srv/what?/peers.yaml'), 'yaml');
    assert.equal(fileKindByPath('/srv/notes#frr.conf.txt'), undefined);
    assert.equal(fileKindByUri('file:///home/u/%23drafts/frr.conf'), 'frr');
    assert.equal(fileKindByUri('file:///w/peers.yaml#L3'), 'yaml');
    assert.equal(fileKindByUri('untitled:bgpd.conf?x=1'), 'frr');
    assert.equal(fileKindByUri('file:///w/r1%2Efrr'), 'frr');
  });

  it('walks folders whose names hold # and ?', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-walk-'));
    mkdirSync(join(dir, '#drafts?'));
    writeFileSync(join(dir, '#drafts?', 'frr.conf'), 'route-map m permit 10\n match ip address prefix-list missing\n');
    const { stdout } = await run('check', '--format', 'json', dir);
    const findings = JSON.parse(stdout) as { code: string; file: string }[];
    assert.ok(findings.some((f) => f.code === 'frr/undefined-reference' && f.file.endsWith(join('#drafts?', 'frr.conf'))), stdout);
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

  it('--dry-run exits like check on the files as they are, since it fixes nothing on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-fix-'));
    const file = join(dir, 'config.yaml');
    const legacy = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\n  namespace: metallb-system\ndata:\n  config: |\n    peers:\n    - peer-address: 10.0.0.1\n      peer-asn: 64513\n      my-asn: 64512\n      bfdProfile: slow\n';
    writeFileSync(file, legacy);
    assert.equal((await run('check', file)).code, 1);
    const dry = await run('fix', '--dry-run', file);
    assert.match(dry.stdout, /^\+ {6}bfd-profile: slow$/m);
    assert.equal(dry.code, 1);
    assert.equal(readFileSync(file, 'utf8'), legacy);
    assert.equal((await run('fix', file)).code, 0, 'once written, the fix removes the error');
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

  it('prints missing inputs as notes, and MetalLB\'s objections as errors with exit 1, still rendering', async () => {
    const { code, stdout, stderr } = await run('render', join(fixtures, 'metallb-rejected'));
    assert.equal(code, 1);
    assert.match(stderr, /^error: .*different routerIDs \(10\.1\.1\.1, 10\.1\.1\.2\)$/m);
    assert.match(stderr, /^note: missing input: no IPAddressPool in the workspace/m);
    assert.match(stdout, /^ {2}neighbor 10\.0\.0\.2 remote-as 64513$/m);
  });

  it('exits 2 for a --node the manifests do not define, listing the known nodes', async () => {
    const { code, stdout, stderr } = await run('render', '--node', 'nosuchnode', join(fixtures, 'metallb-two-nodes'));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /nosuchnode.*worker-1, worker-2/);
  });

  it('renders a hypothetical node, with a note, when the manifests have no Node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frr-render-'));
    const manifests = readFileSync(join(fixtures, 'metallb', 'manifests.yaml'), 'utf8').replace(/^apiVersion: v1\nkind: Node\nmetadata:\n {2}name: worker-1\n---\n/, '');
    assert.doesNotMatch(manifests, /kind: Node/);
    writeFileSync(join(dir, 'manifests.yaml'), manifests);
    const { code, stdout, stderr } = await run('render', '--node', 'edge-7', dir);
    assert.equal(code, 0);
    assert.match(stdout, /^hostname edge-7$/m);
    assert.match(stderr, /^note: .*hypothetical node.*edge-7/m);
  });

  it('renders the older layouts with --metallb-version', async () => {
    const { stdout } = await run('render', '--metallb-version', '0.14', join(fixtures, 'metallb'));
    assert.match(stdout, /10\.0\.0\.1-pl-ipv4/);
  });
});
