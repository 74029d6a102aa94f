/**
 * Real-FRR proof of the bgpextras analysis (DESIGN.md §5): two FRR instances (zebra + bgpd) in
 * network namespaces this script creates and removes, joined by a veth pair. The "tor" announces
 * three prefixes; the "node" runs MetalLB's frr.conf as our renderer writes it, with bgpextras
 * variants loaded the way MetalLB does (frr-reload.py). Shown on the wire:
 *   (a) extras with `permit 10` receive exactly the prefix they match, and stay so across reloads;
 *   (b) the documented `permit 20` flips permit/deny on every reload of the same file;
 *   (c) `permit 30` receives nothing (MetalLB's `deny 20` catches everything first).
 * Our CLI's findings on the same manifests are printed beside FRR's behaviour.
 * Needs root, iproute2 (`ip netns`) and Debian's `frr` package; exit 2 when they are missing.
 * Run: node conformance/frr-bgp-live.mjs
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, installExitHandlers, onCleanup } from './live/cleanup.mjs';
import { FRR_RELOAD, FRR_SBIN, FrrInstance, VTYSH_BINDIR } from './live/frr-instance.mjs';
import { describeEntries, prefixesFromPeer, reloadDeltas, routeMapEntries, sameList, sessionState } from './live/frr-state.mjs';
import { createLinter } from './live/linter.mjs';
import { IN_MAP, LB_IP, loadRenderer, manifests, NODE, TOR, TOR_PREFIXES, VARIANTS, WANTED } from './live/metallb-node.mjs';
import { linkNamespaces, netnsProblem } from './live/netns.mjs';
import { waitFor } from './live/proc.mjs';
import { check, note, skip, summary } from './live/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUN_DEADLINE_MS = 170_000;
// bgpd applies route-map edits after its 5 s route-map delay timer, then asks the peer for a refresh.
const POLICY_SETTLE_MS = 30_000;

function unavailable(message) {
  console.error(`frr-bgp-live: ${message}`);
  process.exit(2);
}

async function preflight() {
  if (process.getuid?.() !== 0) unavailable('must run as root (it creates network namespaces and starts FRR daemons)');
  const netns = await netnsProblem();
  if (netns) unavailable(`\`ip netns\` is unavailable (install iproute2): ${netns}`);
  for (const path of [join(FRR_SBIN, 'zebra'), join(FRR_SBIN, 'bgpd'), FRR_RELOAD, join(VTYSH_BINDIR, 'vtysh')]) {
    if (!existsSync(path)) unavailable(`FRR is missing (${path}); Debian: apt-get install -y frr`);
  }
  if (spawnSync('python3', ['--version']).status !== 0) unavailable('python3 is missing (frr-reload.py needs it)');
  const uid = spawnSync('id', ['-u', 'frr'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'frr'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) unavailable("FRR's `frr` user is missing (the daemons drop to it)");
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

const torConfig = `hostname tor
router bgp ${TOR.asn}
 bgp router-id ${TOR.address}
 no bgp ebgp-requires-policy
 no bgp network import-check
 neighbor ${NODE.address} remote-as ${NODE.asn}
 neighbor ${NODE.address} timers 3 9
 neighbor ${NODE.address} timers connect 2
 address-family ipv4 unicast
${TOR_PREFIXES.map((p) => `  network ${p}`).join('\n')}
 exit-address-family
`;

const show = (list) => `{${list.join(', ')}}`;

async function received(node) {
  return prefixesFromPeer(await node.json('show bgp ipv4 unicast json'), TOR.address);
}

async function inEntries(node) {
  return routeMapEntries(await node.vtysh('show running-config'), IN_MAP);
}

/** Waits until the node's routes from the tor are exactly `expected`; one check line. */
async function expectReceived(node, expected, label) {
  const seen = await waitFor(() => received(node), (got) => sameList(got, expected), { timeoutMs: POLICY_SETTLE_MS });
  const got = Array.isArray(seen.value) ? show(seen.value) : String(seen.value?.message ?? seen.value);
  return check(label, seen.ok, seen.ok ? `${got} after ${(seen.ms / 1000).toFixed(1)} s` : `expected ${show(expected)}, still ${got} after ${POLICY_SETTLE_MS / 1000} s`);
}

function printDeltas(testOutput) {
  const { del, add } = reloadDeltas(testOutput, IN_MAP);
  const parts = [...del.map((l) => `- ${l}`), ...add.map((l) => `+ ${l}`)];
  note(`frr-reload deltas for ${IN_MAP}: ${parts.length ? parts.join(' | ') : 'none'}`);
  return { del, add };
}

/** What our tool says about the manifests of a variant; asserts only codes it is known to emit. */
async function toolView(linter, file, variant, { expect = [], absent = [] }) {
  const result = await linter.check(file);
  if (!result.built) {
    skip(`frr-lint check on ${variant}`, 'the CLI is not built (run `npm run build`)');
    return;
  }
  if (result.error) {
    check(`frr-lint check on ${variant} runs`, false, result.error);
    return;
  }
  const codes = result.findings.map((f) => `${f.code}@${f.line}`);
  note(`frr-lint check ${variant}: ${codes.length ? codes.join(', ') : 'no findings'}`);
  for (const code of expect) {
    const hit = result.findings.find((f) => f.code === code);
    if (hit) check(`frr-lint flags ${variant} with ${code}`, true, hit.message);
    else skip(`frr-lint flags ${variant} with ${code}`, `the tool does not report ${code} yet`);
  }
  for (const code of absent) {
    const hit = result.findings.find((f) => f.code === code);
    check(`frr-lint does not flag ${variant} with ${code}`, !hit, hit?.message ?? '');
  }
}

/** Everything this run started, so teardown can be verified even when the scenario failed midway. */
const started = { pids: [], namespaces: [], work: undefined };

async function setUp(owner) {
  const work = mkdtempSync(join(tmpdir(), 'frrml-live-'));
  started.work = work;
  onCleanup(`remove ${work}`, () => rmSync(work, { recursive: true, force: true }));
  // The daemons run as `frr` and must reach their own folders below this one.
  chmodSync(work, 0o711);

  // Renders and manifests for every variant: what FRR loads and what the linter sees.
  const render = await loadRenderer(root);
  const linter = createLinter(root);
  const files = {};
  for (const [variant, extras] of Object.entries(VARIANTS)) {
    files[variant] = { conf: join(work, `node-${variant}.conf`), yaml: join(work, `manifests-${variant}.yaml`) };
    writeFileSync(files[variant].conf, render(extras));
    writeFileSync(files[variant].yaml, manifests(extras));
  }
  const cliRender = await linter.render(files.permit20.yaml);
  if (!cliRender.built) skip('frr-lint render of the manifests equals the frr.conf loaded into FRR', 'the CLI is not built');
  else {
    check(
      'frr-lint render of the manifests equals the frr.conf loaded into FRR',
      cliRender.text === render(VARIANTS.permit20),
      cliRender.error ?? '',
    );
  }

  const nodeEnd = { ns: `frrml-node-${process.pid}`, ifname: 'veth-tor', cidr: `${NODE.address}/24` };
  const torEnd = { ns: `frrml-tor-${process.pid}`, ifname: 'veth-node', cidr: `${TOR.address}/24` };
  started.namespaces.push(nodeEnd.ns, torEnd.ns);
  await linkNamespaces(nodeEnd, torEnd);
  note(`namespaces ${nodeEnd.ns} (${nodeEnd.cidr}) and ${torEnd.ns} (${torEnd.cidr}), veth pair between them`);

  const tor = new FrrInstance({ name: 'tor', ns: torEnd.ns, dir: join(work, 'tor'), owner, onSpawn: (pid) => started.pids.push(pid) });
  const node = new FrrInstance({ name: 'node', ns: nodeEnd.ns, dir: join(work, 'node'), owner, onSpawn: (pid) => started.pids.push(pid) });
  await tor.start(torConfig);
  // MetalLB boots FRR with its plain config; the extras arrive through reloads.
  await node.start(render(VARIANTS.plain));
  note(`started tor zebra/bgpd pids ${tor.pids.join('/')}, node zebra/bgpd pids ${node.pids.join('/')}`);
  return { tor, node, files, linter };
}

/** The session, the tor's offer, the node's own announcement, and MetalLB's default `deny 20`. */
async function baseline({ tor, node }) {
  const session = await waitFor(
    async () => sessionState(await node.json(`show bgp neighbors ${TOR.address} json`), TOR.address),
    (state) => state === 'Established',
    { timeoutMs: 60_000 },
  );
  if (!check('BGP session node↔tor established', session.ok, `${session.value} after ${(session.ms / 1000).toFixed(1)} s`)) {
    note(node.logTail('bgpd'));
    return false;
  }
  const offered = await waitFor(
    async () => Object.keys((await tor.json(`show bgp ipv4 unicast neighbors ${NODE.address} advertised-routes json`)).advertisedRoutes ?? {}).sort(),
    (got) => TOR_PREFIXES.every((prefix) => got.includes(prefix)),
    { timeoutMs: POLICY_SETTLE_MS },
  );
  // The tor also sends the node's own LB IP back; the node drops it (its AS is in the path).
  check('tor offers its three prefixes to the node', offered.ok, show(offered.value ?? []));
  const lb = await waitFor(
    async () => prefixesFromPeer(await tor.json('show bgp ipv4 unicast json'), NODE.address),
    (got) => sameList(got, [LB_IP]),
    { timeoutMs: POLICY_SETTLE_MS },
  );
  check(`tor receives the LoadBalancer IP ${LB_IP} from the node`, lb.ok, show(lb.value ?? []));
  const entries = await inEntries(node);
  check(`plain MetalLB config: ${IN_MAP} is only deny 20`, describeEntries(entries) === 'deny 20', describeEntries(entries));
  await expectReceived(node, [], 'plain MetalLB config receives nothing (deny 20)');
  return true;
}

const MATCH_RECV = 'match ip address prefix-list recv';
const shape = (entries) => entries.map((e) => `${e.action} ${e.seq}`);

/** (a) our fix: an override below MetalLB's deny 20, stable across reloads of the same file. */
async function permit10({ node, files, linter }) {
  console.log(`\n(a) extras: route-map ${IN_MAP} permit 10 + ${MATCH_RECV} (${WANTED})`);
  await toolView(linter, files.permit10.yaml, 'permit 10', { absent: ['metallb/in-seq-collision', 'metallb/in-seq-unreachable'] });
  for (let i = 1; i <= 3; i++) {
    const deltas = printDeltas(await node.reload(files.permit10.conf));
    if (i > 1) check(`permit 10, reload ${i}: frr-reload sends nothing for ${IN_MAP}`, deltas.add.length + deltas.del.length === 0);
    const entries = await inEntries(node);
    check(
      `permit 10, reload ${i}: ${IN_MAP} is permit 10 + match, deny 20`,
      sameList(shape(entries), ['permit 10', 'deny 20']) && entries[0].lines.includes(MATCH_RECV),
      describeEntries(entries),
    );
    await expectReceived(node, [WANTED], `permit 10, reload ${i}: exactly ${WANTED} received from the tor`);
  }
}

/** (b) the documented pattern, starting from the plain config as MetalLB does. */
async function permit20({ node, files, linter }) {
  console.log(`\n(b) extras: route-map ${IN_MAP} permit 20 + match (MetalLB's documented example)`);
  await toolView(linter, files.permit20.yaml, 'permit 20', { expect: ['metallb/in-seq-collision'] });
  await node.reload(files.plain.conf);
  const plain = await inEntries(node);
  check(`back to plain: ${IN_MAP} is deny 20 without match`, describeEntries(plain) === 'deny 20', describeEntries(plain));
  await expectReceived(node, [], 'back to plain: nothing received');
  const actions = [];
  for (let i = 1; i <= 3; i++) {
    printDeltas(await node.reload(files.permit20.conf));
    const entries = await inEntries(node);
    const entry20 = entries.find((e) => e.seq === 20);
    const action = entry20?.action ?? 'missing';
    actions.push(action);
    note(`permit 20, reload ${i}: ${IN_MAP} is now ${describeEntries(entries)}`);
    check(`permit 20, reload ${i}: entry 20 keeps the user's match`, entry20?.lines.includes(MATCH_RECV) ?? false);
    await expectReceived(node, action === 'permit' ? [WANTED] : [], `permit 20, reload ${i}: entry 20 is ${action}, received routes follow`);
  }
  check('permit 20: the same file flips entry 20 on every reload', actions[0] !== actions[1] && actions[1] !== actions[2], actions.join(' → '));
}

/** (c) an override above MetalLB's deny 20, reached from the working permit 10 state. */
async function permit30({ node, files, linter }) {
  console.log(`\n(c) extras: route-map ${IN_MAP} permit 30 + match`);
  await toolView(linter, files.permit30.yaml, 'permit 30', { expect: ['metallb/in-seq-unreachable'], absent: ['metallb/in-seq-collision'] });
  await node.reload(files.permit10.conf);
  await expectReceived(node, [WANTED], `permit 10 again: ${WANTED} received`);
  for (let i = 1; i <= 2; i++) {
    printDeltas(await node.reload(files.permit30.conf));
    const entries = await inEntries(node);
    check(
      `permit 30, reload ${i}: ${IN_MAP} is deny 20, permit 30 + match`,
      sameList(shape(entries), ['deny 20', 'permit 30']) && entries[1].lines.includes(MATCH_RECV),
      describeEntries(entries),
    );
    await expectReceived(node, [], `permit 30, reload ${i}: nothing received (deny 20 first)`);
  }
}

function verifyTeardown() {
  const alive = started.pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  check(`teardown: the ${started.pids.length} daemons started here have exited`, alive.length === 0, alive.length ? `alive: ${alive.join(', ')}` : '');
  const left = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  const stale = started.namespaces.filter((ns) => left.split('\n').some((line) => line.split(' ')[0] === ns));
  check('teardown: the namespaces created here are deleted', stale.length === 0, stale.join(', '));
  if (started.work) check('teardown: temp dir removed', !existsSync(started.work));
}

const owner = await preflight();
installExitHandlers(RUN_DEADLINE_MS, () => {
  check(`whole run within ${RUN_DEADLINE_MS / 1000} s`, false, 'deadline reached; tearing down');
  summary();
});
try {
  const live = await setUp(owner);
  if (await baseline(live)) {
    await permit10(live);
    await permit20(live);
    await permit30(live);
  }
} catch (error) {
  check('live run completed', false, error.stack ?? String(error));
}
await cleanup();
verifyTeardown();
process.exit(summary() ? 0 : 1);
