import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FrrConfigurationInput } from '../../server/src/service/metallb/frrk8s/merge';
import { MERGE_CONFLICT, mergeFrrConfigurations } from '../../server/src/service/metallb/frrk8s/merge';
import { renderFrrK8sNode } from '../../server/src/service/metallb/frrk8s/node';
import { renderFrrK8s } from '../../server/src/service/metallb/frrk8s/render';
import { parseInternalConfig } from '../../server/src/service/metallb/internal';

const fixtures = join(__dirname, 'fixtures', 'frrk8s', 'merge');

function router(neighbor: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { bgp: { routers: [{ asn: 64512, neighbors: [{ asn: 64513, address: '172.18.0.5', ...neighbor }], ...extra }] } };
}

function merge(...specs: FrrConfigurationInput['spec'][]) {
  return mergeFrrConfigurations(
    specs.map((spec, i) => ({ name: `cfg-${i + 1}`, spec })),
    { hostname: 'worker-1' },
  );
}

describe('mergeFrrConfigurations', () => {
  it('renders the fixture merge byte for byte (vtysh -C accepts it)', () => {
    const input = JSON.parse(readFileSync(join(fixtures, 'two-configs.json'), 'utf8'));
    const { config, conflicts } = mergeFrrConfigurations(input.configs, { hostname: input.hostname });
    assert.deepEqual(conflicts, []);
    assert.equal(renderFrrK8s(config), readFileSync(join(fixtures, 'two-configs.frr.conf'), 'utf8'));
  });

  it('unions advertised prefixes and lets receive-all win over a filtered receive', () => {
    const { config, conflicts } = merge(
      router({ toAdvertise: { allowed: { prefixes: ['10.0.0.2/32'] } }, toReceive: { allowed: { prefixes: [{ prefix: '10.9.0.0/16' }] } } }, { prefixes: ['10.0.0.2/32'] }),
      router({ toAdvertise: { allowed: { prefixes: ['10.0.0.1/32'] } }, toReceive: { allowed: { mode: 'all' } } }, { prefixes: ['10.0.0.1/32'] }),
    );
    assert.deepEqual(conflicts, []);
    const n = config.routers[0].neighbors[0];
    assert.deepEqual(n.outgoing.prefixesV4, ['10.0.0.1/32', '10.0.0.2/32']);
    assert.equal(n.incoming.all, true);
    assert.deepEqual(config.routers[0].ipv4Prefixes, ['10.0.0.1/32', '10.0.0.2/32']);
  });

  it('treats an unset port or timer as its default when comparing, and drops defaults once merged', () => {
    const { config, conflicts } = merge(router({ port: 179, holdTime: '180s' }), router({ keepaliveTime: '1m' }));
    assert.deepEqual(conflicts, []);
    const n = config.routers[0].neighbors[0];
    assert.equal(n.port, undefined);
    assert.equal(n.holdTime, undefined);
    assert.equal(n.keepaliveTime, undefined);
  });

  for (const [what, a, b, expected] of [
    ['ASN', { asn: 64513 }, { asn: 64999 }, 'the ASN (64513 vs 64999) of neighbor 172.18.0.5'],
    ['port', { port: 1790 }, {}, 'the port (1790 vs 179)'],
    ['password', { password: 'a' }, { password: 'b' }, 'the password of neighbor 172.18.0.5'],
    ['hold time', { holdTime: '90s' }, { holdTime: '30s' }, 'the hold time (90s vs 30s)'],
    ['ebgp-multihop', { ebgpMultiHop: true }, {}, 'ebgpMultiHop (true vs false)'],
    ['local ASN', { localASN: 65410 }, {}, 'the local ASN (65410 vs none) of neighbor 172.18.0.5'],
    ['BFD profile', { bfdProfile: 'fast' }, { bfdProfile: 'slow' }, 'the BFD profile (fast vs slow) of neighbor 172.18.0.5'],
    ['next hop', { toAdvertise: { nextHop: { ipv4: '10.0.0.1' } } }, { toAdvertise: { nextHop: { ipv4: '10.0.0.2' } } }, 'the IPv4 next hop (10.0.0.1 vs 10.0.0.2) for neighbor 172.18.0.5'],
  ] as const) {
    it(`reports a conflict on the neighbor ${what}, naming both resources`, () => {
      const { conflicts, config } = merge(router(a), router(b));
      assert.equal(conflicts.length, 1);
      assert.equal(conflicts[0].code, MERGE_CONFLICT);
      assert.match(conflicts[0].message, /"cfg-1" and "cfg-2"/);
      assert.ok(conflicts[0].message.includes(expected), conflicts[0].message);
      assert.equal(config.routers[0].neighbors.length, 1);
    });
  }

  it('reports routers of one VRF with different ASNs or router IDs', () => {
    const asn = merge({ bgp: { routers: [{ asn: 1, vrf: 'red' }] } }, { bgp: { routers: [{ asn: 2, vrf: 'red' }] } });
    assert.match(asn.conflicts[0].message, /ASN of the router in VRF red \(1 vs 2\)/);
    const id = merge({ bgp: { routers: [{ asn: 1, id: '1.1.1.1' }] } }, { bgp: { routers: [{ asn: 1, id: '2.2.2.2' }] } });
    assert.match(id.conflicts[0].message, /router ID in the default VRF \(1.1.1.1 vs 2.2.2.2\)/);
  });

  it('reports two local preferences for one prefix and BFD profiles that differ', () => {
    const lp = (localPref: number) => router({ toAdvertise: { allowed: { prefixes: ['10.0.0.1/32'] }, withLocalPref: [{ prefixes: ['10.0.0.1/32'], localPref }] } });
    assert.match(merge(lp(100), lp(200)).conflicts[0].message, /local preference of 10.0.0.1\/32 \(100 vs 200\)/);
    const bfd = (receiveInterval: number) => ({ bgp: { bfdProfiles: [{ name: 'fast', receiveInterval }] } });
    assert.match(merge(bfd(100), bfd(300)).conflicts[0].message, /BFD profile fast/);
  });

  // frr-k8s neighborsAreCompatible: "compatible if at least one of the BFDProfiles is empty".
  it('keeps the one BFD profile set, whichever resource sets it', () => {
    const withProfile = { bgp: { ...router({ bfdProfile: 'fast' }).bgp, bfdProfiles: [{ name: 'fast' }] } };
    for (const specs of [[withProfile, router({})], [router({}), withProfile]]) {
      const { config, conflicts } = merge(...specs);
      assert.deepEqual(conflicts, []);
      assert.equal(config.routers[0].neighbors[0].bfdProfile, 'fast');
    }
  });

  it('keeps the one next hop set, and unions address families (absent is the API default, unicast)', () => {
    const { config, conflicts } = merge(router({ toAdvertise: { nextHop: { ipv6: 'fc00::1' } } }), router({ addressFamilies: ['evpn'] }));
    assert.deepEqual(conflicts, []);
    const n = config.routers[0].neighbors[0];
    assert.equal(n.outgoing.nextHopV6, 'fc00::1');
    assert.deepEqual(n.addressFamilies, ['evpn', 'unicast']);
  });

  it('unions EVPN L2 VNIs in numeric order and reports what two EVPN sections disagree on', () => {
    const evpn = (e: Record<string, unknown>) => ({ bgp: { routers: [{ asn: 64512, evpn: e }] } });
    const l2 = merge(evpn({ l2vnis: [{ vni: 1000, importRTs: ['64512:2'] }] }), evpn({ l2vnis: [{ vni: 200 }, { vni: 1000, importRTs: ['64512:1'] }] }));
    assert.deepEqual(l2.conflicts, []);
    assert.deepEqual(l2.config.routers[0].evpn?.l2vnis.map((v) => [v.vni, v.importRTs]), [[200, []], [1000, ['64512:1', '64512:2']]]);
    assert.deepEqual(merge(evpn({ advertiseVNIs: 'Disabled' }), evpn({})).conflicts, []);
    for (const [a, b, expected] of [
      // Unlike the next hop or the BFD profile, an unset advertiseVNIs is not "no opinion": frr-k8s
      // compares it as Disabled (merge_test.go: "One sets advertiseVNIs to All, other leaves nil - conflict").
      [{ advertiseVNIs: 'All' }, {}, 'the EVPN advertiseVNIs (All vs Disabled) of the router in the default VRF'],
      [{}, { advertiseVNIs: 'All' }, 'the EVPN advertiseVNIs (Disabled vs All) of the router in the default VRF'],
      [{ advertiseSVI: true }, {}, 'the EVPN advertiseSVI (true vs false) of the router in the default VRF'],
      [{ l2vnis: [{ vni: 10, rd: '1:1' }] }, { l2vnis: [{ vni: 10, rd: '1:2' }] }, 'L2 VNI 10: the route distinguisher (1:1 vs 1:2)'],
      [{ l2vnis: [{ vni: 10, exportRTs: ['1:1'] }] }, { l2vnis: [{ vni: 10 }] }, 'L2 VNI 10: exportRTs listed on one side only'],
      [{ l3vni: { vni: 30 } }, { l3vni: { vni: 31 } }, 'the L3 VNI (30 vs 31)'],
    ] as const) {
      const { conflicts } = merge(evpn(a), evpn(b));
      assert.equal(conflicts.length, 1);
      assert.ok(conflicts[0].message.includes(expected), conflicts[0].message);
    }
  });

  it('appends raw configs in ascending priority', () => {
    const { config } = merge({ raw: { rawConfig: 'b', priority: 10 } }, { raw: { rawConfig: 'a', priority: 1 } }, { raw: { rawConfig: 'c', priority: 10 } });
    assert.equal(config.extraConfig, 'a\nb\nc');
  });

  it('never throws on junk specs', () => {
    const junk = [{ bgp: { routers: [{ asn: 1, neighbors: [{}] }] } }, {}, { bgp: {} }, { raw: {} }] as FrrConfigurationInput['spec'][];
    assert.doesNotThrow(() => renderFrrK8s(merge(...junk).config));
  });
});

// frr-k8s validates each router by merging it with itself (api_to_config.go validateRouterConfig):
// what a merge canonicalizes is canonical in a FRRConfiguration no other one shares a router with.
describe('a FRRConfiguration alone is merged with itself', () => {
  it('drops a port or timer equal to its default: no `port 179` line, no timers once the keepalive is dropped', () => {
    const { config, conflicts } = merge(router({ port: 179, holdTime: '90s', keepaliveTime: '60s', connectTime: '60s' }));
    assert.deepEqual(conflicts, []);
    const n = config.routers[0].neighbors[0];
    assert.deepEqual([n.port, n.holdTime, n.keepaliveTime, n.connectTime], [undefined, 90, undefined, undefined]);
    assert.doesNotMatch(renderFrrK8s(config), /port 179|timers/);
  });

  it('sorts and deduplicates the router prefixes and imports', () => {
    const { config } = merge(router({}, { prefixes: ['10.2.0.0/24', '10.10.0.0/24', '10.2.0.0/24'], imports: [{ vrf: 'red' }, { vrf: 'blue' }, { vrf: 'red' }] }));
    assert.deepEqual(config.routers[0].ipv4Prefixes, ['10.10.0.0/24', '10.2.0.0/24']);
    assert.deepEqual(config.routers[0].importVRFs, ['blue', 'red']);
  });

  it('orders incoming filters by the merge key (prefix, le, ge as one string) and drops duplicates', () => {
    const prefixes = [{ prefix: '10.0.0.0/8', le: 9 }, { prefix: '10.0.0.0/8', le: 24 }, { prefix: '10.0.0.0/8', le: 9 }];
    const { config } = merge(router({ toReceive: { allowed: { prefixes } } }));
    const lines = renderFrrK8s(config).split('\n').filter((line) => line.includes('-inpl-ipv4 seq'));
    assert.deepEqual(lines.slice(0, 2), [
      'ip prefix-list 172.18.0.5-inpl-ipv4 seq 1 permit 10.0.0.0/8 le 24',
      'ip prefix-list 172.18.0.5-inpl-ipv4 seq 2 permit 10.0.0.0/8 le 9',
    ]);
  });

  it('sorts L2 VNIs by number and their route targets', () => {
    const { config } = merge(router({}, { evpn: { l2vnis: [{ vni: 1000, importRTs: ['1:2', '1:1', '1:2'] }, { vni: 200 }] } }));
    assert.deepEqual(config.routers[0].evpn?.l2vnis.map((v) => [v.vni, v.importRTs]), [[200, []], [1000, ['1:1', '1:2']]]);
  });
});

describe('renderFrrK8sNode', () => {
  const internal = parseInternalConfig({
    hostname: 'worker-1',
    sessions: [{ peerAddress: '172.18.0.5', peerPort: 179, myASN: 64512, peerASN: 64513, routerID: '10.0.0.11', advertised: [{ prefix: '192.168.10.0/32', localPref: 0, communities: [] }] }],
  });

  it('merges MetalLB generated config with the user ones', () => {
    const { text, conflicts } = renderFrrK8sNode(internal, [router({ toReceive: { allowed: { mode: 'all' } } })]);
    assert.deepEqual(conflicts, []);
    assert.match(text, /ip prefix-list 172\.18\.0\.5-allowed-ipv4 seq 1 permit 192\.168\.10\.0\/32/);
    assert.match(text, /ip prefix-list 172\.18\.0\.5-inpl-ipv4 seq 1 permit any/);
    assert.match(text, /bgp router-id 10\.0\.0\.11/);
  });

  it('names MetalLB generated configuration in its conflicts', () => {
    const { conflicts } = renderFrrK8sNode(internal, [{ name: 'tor-peering', spec: router({ asn: 65000 }) }]);
    assert.equal(conflicts.length, 1);
    assert.match(conflicts[0].message, /"metallb-worker-1" and "tor-peering" disagree on the ASN \(64513 vs 65000\)/);
  });
});
