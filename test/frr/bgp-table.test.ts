// The BGP command table's own contract: the ids and `$name` bindings the model relies on
// (commands/IDS.md), valid nodes and versions, and specs that are well-formed FRR command strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BGP_COMMANDS } from '../../server/src/service/frr/commands/bgp';
import type { CommandDef } from '../../server/src/service/frr/commands/types';

const BGP_NODES = new Set([
  'BGP', 'BGP_IPV4', 'BGP_IPV6', 'BGP_IPV4M', 'BGP_IPV6M', 'BGP_IPV4L', 'BGP_IPV6L', 'BGP_VPNV4', 'BGP_VPNV6',
  'BGP_FLOWSPECV4', 'BGP_FLOWSPECV6', 'BGP_EVPN', 'BGP_EVPN_VNI', 'BGP_OTHER_AF',
]);

/** The bindings IDS.md promises for each id, on its positive (non-`no`) forms. */
const REQUIRED_ARGS: Record<string, string[]> = {
  'router-bgp': ['asn', 'vrf'],
  'bgp-router-id': ['id'],
  'timers-bgp': ['keepalive', 'hold'],
  'address-family': ['afi'],
  'neighbor-remote-as': ['peer', 'asn'],
  'neighbor-interface-remote-as': ['peer', 'asn'],
  'neighbor-interface': ['peer', 'group'],
  'neighbor-peer-group': ['peer'],
  'neighbor-peer-group-assign': ['peer', 'group'],
  'neighbor-timers': ['peer', 'keepalive', 'hold'],
  'neighbor-bfd-profile': ['peer', 'profile'],
  'neighbor-route-map': ['peer', 'name', 'direction'],
  'neighbor-prefix-list': ['peer', 'name', 'direction'],
  'neighbor-filter-list': ['peer', 'name', 'direction'],
  'neighbor-distribute-list': ['peer', 'name', 'direction'],
  'neighbor-unsuppress-map': ['peer', 'name'],
  'neighbor-default-originate': ['peer', 'name'],
  'neighbor-activate': ['peer'],
  network: ['prefix', 'rmap'],
  'aggregate-address': ['prefix', 'rmap', 'suppressmap'],
  redistribute: ['proto', 'rmap'],
  'import-vrf': ['vrf'],
  'import-vrf-route-map': ['rmap'],
  'table-map': ['rmap'],
};

function bindings(spec: string): Set<string> {
  return new Set([...spec.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}

function nodesOf(def: CommandDef): string[] {
  return Array.isArray(def.node) ? def.node : [def.node];
}

const positive = BGP_COMMANDS.filter((d) => !d.spec.startsWith('no '));

test('every id the model relies on is defined, with the bindings IDS.md names', () => {
  for (const [id, args] of Object.entries(REQUIRED_ARGS)) {
    const defs = positive.filter((d) => d.id === id);
    assert.ok(defs.length > 0, `no positive def for ${id}`);
    for (const def of defs) {
      const bound = bindings(def.spec);
      for (const arg of args) assert.ok(bound.has(arg), `${id}: '${def.spec}' lacks $${arg}`);
    }
  }
});

test('every neighbor command binds its peer as $peer', () => {
  for (const def of BGP_COMMANDS.filter((d) => d.id.startsWith('neighbor-'))) {
    assert.ok(bindings(def.spec).has('peer'), `${def.id}: '${def.spec}'`);
  }
});

test('nodes are BGP nodes, except router bgp and the global bgp settings at top level', () => {
  for (const def of BGP_COMMANDS) {
    for (const node of nodesOf(def)) {
      if (node === 'CONFIG') assert.match(def.spec, /^(no )?(router bgp|bgp )/, def.spec);
      else assert.ok(BGP_NODES.has(node), `${def.id} in ${node}`);
    }
  }
});

test('only context openers enter a node, and they enter the node their keywords name', () => {
  const entering = BGP_COMMANDS.filter((d) => d.enters);
  const af = (spec: string) => entering.find((d) => d.id === 'address-family' && d.spec === spec)?.enters;
  assert.equal(af('address-family ipv4$afi [unicast$safi]'), 'BGP_IPV4');
  assert.equal(af('address-family ipv6$afi [unicast$safi]'), 'BGP_IPV6');
  assert.equal(af('address-family l2vpn$afi evpn$safi'), 'BGP_EVPN');
  assert.equal(af('address-family ipv6$afi labeled-unicast$safi'), 'BGP_IPV6L');
  assert.equal(entering.find((d) => d.id === 'evpn-vni')?.enters, 'BGP_EVPN_VNI');
  for (const def of entering.filter((d) => d.id === 'router-bgp')) assert.equal(def.enters, 'BGP');
  for (const def of entering) {
    assert.ok(['router-bgp', 'address-family', 'evpn-vni'].includes(def.id) || def.enters === 'OPAQUE', def.id);
  }
});

test('exit-address-family leaves every address family for BGP; exit-vni leaves the VNI for EVPN', () => {
  const exitAf = BGP_COMMANDS.find((d) => d.id === 'exit-address-family');
  assert.equal(exitAf?.exitsTo, 'BGP');
  const families = [...BGP_NODES].filter((n) => n !== 'BGP' && n !== 'BGP_EVPN_VNI');
  assert.deepEqual(new Set(nodesOf(exitAf!)), new Set(families));
  assert.equal(BGP_COMMANDS.find((d) => d.id === 'exit-vni')?.exitsTo, 'BGP_EVPN');
});

test('version-specific syntax: ASNUM only from 9.1, remote-as auto only in 10.x', () => {
  const routerBgp = BGP_COMMANDS.filter((d) => d.id === 'router-bgp');
  assert.deepEqual(routerBgp.find((d) => d.spec.includes('(1-4294967295)'))?.versions, ['8.4']);
  assert.deepEqual(routerBgp.find((d) => d.spec.includes('ASNUM'))?.versions, ['9.1', '10.x']);
  for (const def of BGP_COMMANDS) {
    if (def.spec.includes('ASNUM')) assert.ok(def.versions && !def.versions.includes('8.4'), def.spec);
    if (/remote-as auto/.test(def.spec)) assert.deepEqual(def.versions, ['10.x'], def.spec);
  }
  const remoteAs = BGP_COMMANDS.filter((d) => d.id === 'neighbor-remote-as' && !d.spec.startsWith('no '));
  const ALL_VERSIONS = ['8.4', '9.1', '10.x'] as const;
  const versionsCovered = new Set(remoteAs.flatMap((d) => d.versions ?? ALL_VERSIONS));
  assert.deepEqual(versionsCovered, new Set(['8.4', '9.1', '10.x']));
});

test('specs are well-formed: balanced groups, no literal [no], no empty alternatives', () => {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '>': '<', '}': '{' };
  for (const { spec } of BGP_COMMANDS) {
    assert.doesNotMatch(spec, /\[no\]/, `${spec}: use negatable instead of [no]`);
    assert.doesNotMatch(spec, /[<{|]\||\|[>}]|\s{2}|^\s|\s$/, spec);
    const stack: string[] = [];
    for (const ch of spec) {
      if ('([<{'.includes(ch)) stack.push(ch);
      else if (ch in pairs) assert.equal(stack.pop(), pairs[ch], `${spec}: unbalanced ${ch}`);
    }
    assert.equal(stack.length, 0, `${spec}: unclosed group`);
  }
});

test('neighbor password takes exactly one token, description the rest of the line', () => {
  const password = positive.find((d) => d.id === 'neighbor-password');
  assert.match(password!.spec, /password LINE\$password$/);
  const description = positive.find((d) => d.id === 'neighbor-description');
  assert.match(description!.spec, /description LINE\.\.\.\$text$/);
});
