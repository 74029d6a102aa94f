// The BGP table through the command engine: every spec compiles, and lines match the command,
// arguments and versions FRR gives them (checked against FRR 8.4.4's vtysh -C where it decides).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BGP_COMMANDS } from '../../server/src/service/frr/commands/bgp';
import { compileSpec } from '../../server/src/service/frr/grammar/spec';
import { buildNodeTables, Matcher, type MatchResult as EngineResult } from '../../server/src/service/frr/grammar/match';
import type { FrrVersion } from '../../server/src/service/types';
import { TokenStore } from '../../server/src/service/frr/lexer';
import type { CommandMatch, NodeId, Token } from '../../server/src/service/frr/syntax';

const tables = buildNodeTables(BGP_COMMANDS);

function tokens(line: string): Token[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** The words as a parse keeps them. */
function storeOf(words: readonly Token[]): TokenStore {
  const store = new TokenStore(words.length);
  for (const word of words) store.push(word.text, word.start);
  return store;
}

/** The engine's verdict with the line's words bound, as the parser binds them when a command is read. */
type MatchResult = EngineResult & { command?: CommandMatch };

function match(node: NodeId, line: string, version: FrrVersion = 'any'): MatchResult {
  const table = tables.get(node);
  assert.ok(table, `no commands in ${node}`);
  const words = tokens(line);
  const result = new Matcher(version).match(table, words.map((word) => word.text));
  return { ...result, command: result.binding?.bind(storeOf(words), 0) };
}

function args(result: MatchResult): Record<string, string> {
  return Object.fromEntries(Object.entries(result.command?.args ?? {}).map(([k, v]) => [k, v.value]));
}

test('every BGP spec compiles with the engine', () => {
  for (const def of BGP_COMMANDS) {
    assert.doesNotThrow(() => compileSpec(def.spec, def.negatable ?? false), `${def.id}: ${def.spec}`);
  }
});

test('router bgp: ASN and VRF bound; asdot and as-notation only from 9.1', () => {
  const r = match('CONFIG', 'router bgp 65000 vrf RED', '8.4');
  assert.equal(r.status, 'full');
  assert.equal(r.def?.enters, 'BGP');
  assert.deepEqual(args(r), { asn: '65000', vrf: 'RED' });
  assert.equal(match('CONFIG', 'router bgp', '8.4').status, 'full');
  assert.equal(match('CONFIG', 'router bgp 1.10', '8.4').status, 'none');
  assert.equal(match('CONFIG', 'router bgp 1.10', '9.1').status, 'full');
  assert.equal(match('CONFIG', 'router bgp 65000 as-notation dot', '8.4').status, 'none');
  assert.equal(match('CONFIG', 'router bgp 65000 as-notation dot', '10.x').status, 'full');
  assert.equal(match('CONFIG', 'router bgp 0').status, 'none');
});

test('neighbor remote-as: numbers, internal/external everywhere, auto only in 10.x', () => {
  const r = match('BGP', 'neighbor 192.168.1.1 remote-as 65001', '8.4');
  assert.equal(r.command?.id, 'neighbor-remote-as');
  assert.deepEqual(args(r), { peer: '192.168.1.1', asn: '65001' });
  assert.deepEqual(args(match('BGP', 'neighbor PG remote-as ext', '8.4')), { peer: 'PG', asn: 'external' });
  assert.equal(match('BGP', 'neighbor 192.168.1.1 remote-as auto', '8.4').status, 'none');
  assert.equal(match('BGP', 'neighbor 192.168.1.1 remote-as auto', '9.1').status, 'none');
  assert.equal(match('BGP', 'neighbor 192.168.1.1 remote-as auto', '10.x').status, 'full');
  assert.equal(match('BGP', 'neighbor 192.168.1.1 remote-as', '8.4').status, 'incomplete');
  const unnumbered = match('BGP', 'neighbor eth0 interface v6only remote-as internal', '8.4');
  assert.equal(unnumbered.command?.id, 'neighbor-interface-remote-as');
  assert.deepEqual(args(unnumbered), { peer: 'eth0', asn: 'internal' });
});

test('abbreviated keywords match as FRR allows them', () => {
  const r = match('BGP', 'neigh 10.0.0.1 rem 65001', '8.4');
  assert.equal(r.command?.id, 'neighbor-remote-as');
  // Verified with vtysh -C: `n` also abbreviates neighbor, but only network completes the line.
  assert.equal(match('BGP', 'n 10.0.0.0/8').command?.id, 'network');
  assert.equal(match('BGP', 'n 10.0.0.1 remote-as 1').command?.id, 'neighbor-remote-as');
  // Verified: `r` and `route-` tie between complete commands; `re` completes only remove-private-AS.
  assert.equal(match('BGP', 'neighbor 10.0.0.1 r').status, 'ambiguous');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 route-').status, 'ambiguous');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 re').command?.id, 'neighbor-remove-private-as');
});

test('peer-groups: define, assign, unnumbered interface with a group', () => {
  assert.deepEqual(args(match('BGP', 'neighbor PG peer-group')), { peer: 'PG' });
  assert.equal(match('BGP', 'neighbor PG peer-group').command?.id, 'neighbor-peer-group');
  const assign = match('BGP', 'neighbor 10.0.0.1 peer-group PG');
  assert.equal(assign.command?.id, 'neighbor-peer-group-assign');
  assert.deepEqual(args(assign), { peer: '10.0.0.1', group: 'PG' });
  const iface = match('BGP', 'neighbor eth0 interface peer-group PG');
  assert.equal(iface.command?.id, 'neighbor-interface');
  assert.deepEqual(args(iface), { peer: 'eth0', group: 'PG' });
});

test('session settings: password is one token, timers and bfd profile are bound', () => {
  assert.equal(match('BGP', 'neighbor 10.0.0.1 password SECRET').status, 'full');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 password two words').status, 'none');
  assert.deepEqual(args(match('BGP', 'neighbor 10.0.0.1 timers 30 90')), { peer: '10.0.0.1', keepalive: '30', hold: '90' });
  assert.equal(match('BGP', 'neighbor 10.0.0.1 timers 30 65536').status, 'none');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 timers connect 0').status, 'none');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 timers connect 5').command?.id, 'neighbor-timers-connect');
  assert.deepEqual(args(match('BGP', 'neighbor 10.0.0.1 bfd profile FAST')), { peer: '10.0.0.1', profile: 'FAST' });
  assert.equal(match('BGP', 'neighbor 10.0.0.1 ebgp-multihop 256').status, 'none');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 local-as 65100 no-prepend replace-as', '8.4').status, 'full');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 local-as 65100 no-prepend replace-as dual-as', '8.4').status, 'none');
  assert.equal(match('BGP', 'neighbor 10.0.0.1 description uplink to the core').command?.id, 'neighbor-description');
});

test('no forms: shorter no-forms are accepted, and negated is set', () => {
  for (const line of ['no neighbor 10.0.0.1 password', 'no neighbor 10.0.0.1', 'no bgp router-id', 'no timers bgp']) {
    const r = match('BGP', line, '8.4');
    assert.equal(r.status, 'full', line);
    assert.equal(r.command?.negated, true, line);
  }
  assert.equal(match('BGP', 'no bgp ebgp-requires-policy').command?.id, 'bgp-ebgp-requires-policy');
});

test('address-family lines enter the node of their family', () => {
  const cases: [string, NodeId][] = [
    ['address-family ipv4', 'BGP_IPV4'],
    ['address-family ipv4 unicast', 'BGP_IPV4'],
    ['address-family ipv6 unicast', 'BGP_IPV6'],
    ['address-family ipv4 multicast', 'BGP_IPV4M'],
    ['address-family ipv6 labeled-unicast', 'BGP_IPV6L'],
    ['address-family ipv4 vpn', 'BGP_VPNV4'],
    ['address-family vpnv6', 'BGP_VPNV6'],
    ['address-family ipv6 flowspec', 'BGP_FLOWSPECV6'],
    ['address-family l2vpn evpn', 'BGP_EVPN'],
  ];
  for (const [line, node] of cases) {
    const r = match('BGP', line, '8.4');
    assert.equal(r.def?.enters, node, line);
    assert.equal(r.command?.id, 'address-family', line);
  }
  assert.deepEqual(args(match('BGP', 'address-family ipv6 unicast')), { afi: 'ipv6', safi: 'unicast' });
  assert.equal(match('BGP', 'address-family link-state', '8.4').status, 'none');
  assert.equal(match('BGP', 'address-family link-state', '10.x').def?.enters, 'BGP_OTHER_AF');
  assert.equal(match('BGP', 'vni 100').status, 'none');
  assert.equal(match('BGP_EVPN', 'vni 100').def?.enters, 'BGP_EVPN_VNI');
});

test('per-family policy: route-map/prefix-list bound; the legacy BGP-level form also matches', () => {
  for (const node of ['BGP_IPV4', 'BGP_IPV6', 'BGP'] as NodeId[]) {
    const r = match(node, 'neighbor 10.0.0.1 route-map RM-IN in');
    assert.equal(r.command?.id, 'neighbor-route-map', node);
    assert.deepEqual(args(r), { peer: '10.0.0.1', name: 'RM-IN', direction: 'in' });
  }
  assert.deepEqual(args(match('BGP_IPV4', 'neighbor PG prefix-list PL out')), { peer: 'PG', name: 'PL', direction: 'out' });
  assert.equal(match('BGP_IPV4', 'neighbor PG route-map RM sideways').status, 'none');
  assert.equal(match('BGP_IPV4', 'neighbor PG allowas-in 11').status, 'none');
  assert.equal(match('BGP_IPV4', 'neighbor PG allowas-in origin').status, 'full');
  assert.deepEqual(args(match('BGP_IPV4', 'neighbor PG default-originate route-map DEF')), { peer: 'PG', name: 'DEF' });
  // Session settings are BGP-level only: inside a family they do not match (FRR walks up).
  assert.equal(match('BGP_IPV4', 'neighbor 10.0.0.1 remote-as 65001').status, 'none');
  // The EVPN family has no prefix-list.
  assert.equal(match('BGP_EVPN', 'neighbor PG prefix-list PL in').status, 'none');
});

test('network, aggregate-address and redistribute per family', () => {
  assert.deepEqual(args(match('BGP_IPV4', 'network 10.0.0.0/8 route-map RM')), { prefix: '10.0.0.0/8', rmap: 'RM' });
  assert.equal(match('BGP_IPV4', 'network 10.0.0.0/33').status, 'none');
  assert.equal(match('BGP_IPV4', 'network 10.0.0.0 mask 255.0.0.0').status, 'full');
  // An IPv4 network in the IPv6 family does not match there (FRR then walks up to BGP level).
  assert.equal(match('BGP_IPV6', 'network 10.0.0.0/8').status, 'none');
  assert.equal(match('BGP_IPV6', 'network 2001:db8::/32').status, 'full');
  assert.deepEqual(args(match('BGP_IPV6', 'aggregate-address 2001:db8::/32 summary-only suppress-map SM')), {
    prefix: '2001:db8::/32',
    suppressmap: 'SM',
  });
  assert.deepEqual(args(match('BGP_IPV4', 'redistribute connected route-map RM metric 5')), { proto: 'connected', rmap: 'RM' });
  assert.equal(match('BGP_IPV6', 'redistribute ospf6').status, 'full');
  // Verified with vtysh -C: in the IPv6 family `ospf` abbreviates ospf6 and `rip` ripng; eigrp is IPv4-only.
  assert.deepEqual(args(match('BGP_IPV6', 'redistribute ospf')), { proto: 'ospf6' });
  assert.deepEqual(args(match('BGP_IPV6', 'redistribute rip')), { proto: 'ripng' });
  assert.equal(match('BGP_IPV6', 'redistribute eigrp').status, 'none');
  assert.equal(match('BGP_IPV4', 'redistribute local', '8.4').status, 'none');
  assert.equal(match('BGP_IPV4', 'redistribute local', '10.x').status, 'full');
  assert.equal(match('BGP_IPV4', 'maximum-paths 257').status, 'none');
});

test('VRF leaking and table-map bind their names', () => {
  assert.deepEqual(args(match('BGP_IPV4', 'import vrf RED')), { vrf: 'RED' });
  assert.equal(match('BGP_IPV4', 'import vrf route-map RM').command?.id, 'import-vrf-route-map');
  assert.deepEqual(args(match('BGP_IPV6', 'import vrf route-map RM')), { rmap: 'RM' });
  assert.deepEqual(args(match('BGP_IPV4', 'table-map TM')), { rmap: 'TM' });
});

test('exits: exit-address-family in every family, exit-vni in the VNI', () => {
  for (const node of ['BGP_IPV4', 'BGP_EVPN', 'BGP_VPNV6', 'BGP_FLOWSPECV4'] as NodeId[]) {
    assert.equal(match(node, 'exit-address-family').def?.exitsTo, 'BGP', node);
  }
  assert.equal(tables.get('BGP')?.firstKeywords().includes('exit-address-family'), false);
  assert.equal(match('BGP_EVPN_VNI', 'exit-vni').def?.exitsTo, 'BGP_EVPN');
});
