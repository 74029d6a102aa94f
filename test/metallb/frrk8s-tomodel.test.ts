// frr-k8s's `api_to_config.go` conversion of one FRRConfiguration router (toModel.ts): a neighbor
// advertises, and gets community/local-pref lists for, only its own address families (both when
// dual-stack or unnumbered); `mode: all` covers the router's prefixes plus those of the VRFs it
// imports from the same FRRConfiguration; JSON junk in `toReceive` is skipped, never thrown on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NeighborSpec, RouterSpec } from '../../server/src/service/metallb/frrk8s/api';
import { mergeFrrConfigurations } from '../../server/src/service/metallb/frrk8s/merge';
import { renderFrrK8s } from '../../server/src/service/metallb/frrk8s/render';
import { routerToModel } from '../../server/src/service/metallb/frrk8s/toModel';

const V4 = '192.169.1.0/24';
const V6 = '2001:db8:abcd::/48';

function dualRouter(neighbor: NeighborSpec): RouterSpec {
  return { asn: 65000, prefixes: [V4, V6], neighbors: [neighbor] };
}

const withModifiers: NeighborSpec['toAdvertise'] = {
  allowed: { mode: 'all' },
  withLocalPref: [{ localPref: 100, prefixes: [V4, V6] }],
  withCommunity: [{ community: '10:100', prefixes: [V4, V6] }],
};

describe('routerToModel: address families', () => {
  it('an IPv4 neighbor advertises only IPv4 prefixes and gets only ip modifier lists', () => {
    const [n] = routerToModel(dualRouter({ asn: 65001, address: '192.168.1.2', toAdvertise: withModifiers })).neighbors;
    assert.deepEqual(n.outgoing.prefixesV4, [V4]);
    assert.deepEqual(n.outgoing.prefixesV6, []);
    assert.deepEqual(n.outgoing.modifiers.map((m) => m.name).sort(), [
      '192.168.1.2-100-ip-localpref-prefixes',
      '192.168.1.2-10:100-ip-community-prefixes',
    ]);
  });

  it('an IPv6 neighbor advertises only IPv6 prefixes and gets only ipv6 modifier lists', () => {
    const [n] = routerToModel(dualRouter({ asn: 65002, address: '2001:db8::1', toAdvertise: withModifiers })).neighbors;
    assert.deepEqual(n.outgoing.prefixesV4, []);
    assert.deepEqual(n.outgoing.prefixesV6, [V6]);
    assert.deepEqual(n.outgoing.modifiers.map((m) => m.family), ['ipv6', 'ipv6']);
  });

  it('a dual-stack or unnumbered neighbor keeps both families', () => {
    for (const neighbor of [
      { asn: 65001, address: '192.168.1.2', dualStackAddressFamily: true, toAdvertise: withModifiers },
      { asn: 65001, interface: 'eth0', toAdvertise: withModifiers },
    ]) {
      const [n] = routerToModel(dualRouter(neighbor)).neighbors;
      assert.deepEqual([n.outgoing.prefixesV4, n.outgoing.prefixesV6], [[V4], [V6]]);
      assert.deepEqual(n.outgoing.modifiers.map((m) => m.family).sort(), ['ipv4', 'ipv4', 'ipv6', 'ipv6']);
    }
  });

  it('filtered prefixes of the other family are dropped too', () => {
    const [n] = routerToModel(dualRouter({ asn: 65001, address: '192.168.1.2', toAdvertise: { allowed: { prefixes: [V4, V6] } } })).neighbors;
    assert.deepEqual([n.outgoing.prefixesV4, n.outgoing.prefixesV6], [[V4], []]);
  });

  it('advertises each prefix once, in Go string order, as frr-k8s\'s per-family sets do', () => {
    const [n] = routerToModel({ asn: 65000, prefixes: ['10.2.0.0/24', '10.10.0.0/24'], neighbors: [{ asn: 65001, address: '192.168.1.2', toAdvertise: { allowed: { prefixes: ['10.2.0.0/24', '10.10.0.0/24', '10.2.0.0/24'] } } }] }).neighbors;
    assert.deepEqual(n.outgoing.prefixesV4, ['10.10.0.0/24', '10.2.0.0/24']);
  });

  it('renders the allowed lists of frr-k8s golden TestMultipleNeighborsOneV4AndOneV6 from FRRConfiguration input', () => {
    const spec = {
      bgp: {
        routers: [{
          asn: 65000,
          prefixes: [V4, V6],
          neighbors: [
            { asn: 65001, address: '192.168.1.2', sourceaddress: '192.168.1.50', toAdvertise: { allowed: { mode: 'all' } } },
            { asn: 65002, address: '2001:db8::1', ebgpMultiHop: true, toAdvertise: { allowed: { mode: 'all' } } },
          ],
        }],
      },
    };
    const text = renderFrrK8s(mergeFrrConfigurations([{ name: 'c', spec }], { hostname: 'dummyhostname' }).config);
    const allowed = text.split('\n').filter((line) => /^ip(v6)? prefix-list \S+-allowed-/.test(line));
    assert.deepEqual(allowed, [
      'ip prefix-list 192.168.1.2-allowed-ipv4 seq 1 permit 192.169.1.0/24',
      'ipv6 prefix-list 192.168.1.2-allowed-ipv6 seq 1 deny any',
      'ip prefix-list 2001:db8::1-allowed-ipv4 seq 1 deny any',
      'ipv6 prefix-list 2001:db8::1-allowed-ipv6 seq 1 permit 2001:db8:abcd::/48',
    ]);
  });
});

describe('routerToModel: modifier list names', () => {
  // frr-k8s api_to_config.go: localPrefPrefixListName(neighbor.ID(), …) = `<ID>-<localPref>-<ip|ipv6>-localpref-prefixes`,
  // communityPrefixListName = `<ID>-[large:]<community.String()>-<ip|ipv6>-community-prefixes`, with
  // NeighborConfig.ID() = the interface, else the address, then `-<vrf>` on a router with a VRF.
  const names = (router: RouterSpec) => routerToModel(router).neighbors[0].outgoing.modifiers.map((m) => m.name).sort();

  it('names the lists of a VRF router\'s neighbor after `<address>-<vrf>`, never after the peer ASN', () => {
    assert.deepEqual(names({ vrf: 'red', ...dualRouter({ asn: 65001, address: '192.168.1.2', toAdvertise: withModifiers }) }), [
      '192.168.1.2-red-100-ip-localpref-prefixes',
      '192.168.1.2-red-10:100-ip-community-prefixes',
    ]);
  });

  it('names an unnumbered neighbor\'s lists after its interface, one per family', () => {
    assert.deepEqual(names(dualRouter({ asn: 65001, interface: 'eth0', toAdvertise: withModifiers })), [
      'eth0-100-ip-localpref-prefixes',
      'eth0-100-ipv6-localpref-prefixes',
      'eth0-10:100-ip-community-prefixes',
      'eth0-10:100-ipv6-community-prefixes',
    ]);
  });

  it('names an IPv6 neighbor\'s lists `ipv6`, a large community with its marker, and prints communities as frr-k8s does', () => {
    const toAdvertise = {
      allowed: { mode: 'all' },
      withLocalPref: [{ localPref: 200, prefixes: [V6] }],
      withCommunity: [{ community: 'large:123:456:7890', prefixes: [V6] }, { community: '065000:0100', prefixes: [V6] }],
    };
    const [n] = routerToModel(dualRouter({ asn: 65002, address: '2001:db8::1', toAdvertise })).neighbors;
    assert.deepEqual(n.outgoing.modifiers.map((m) => [m.name, m.community ?? m.localPref]).sort(), [
      ['2001:db8::1-200-ipv6-localpref-prefixes', 200],
      ['2001:db8::1-65000:100-ipv6-community-prefixes', '65000:100'],
      ['2001:db8::1-large:123:456:7890-ipv6-community-prefixes', 'large:123:456:7890'],
    ]);
    const text = renderFrrK8s(mergeFrrConfigurations([{ name: 'c', spec: { bgp: { routers: [dualRouter({ asn: 65002, address: '2001:db8::1', toAdvertise })] } } }], { hostname: 'h' }).config);
    assert.match(text, /\nipv6 prefix-list 2001:db8::1-large:123:456:7890-ipv6-community-prefixes seq \d+ permit 2001:db8:abcd::\/48\n/);
    assert.match(text, /match ipv6 address prefix-list 2001:db8::1-65000:100-ipv6-community-prefixes\n {2}set community 65000:100 additive\n/);
  });
});

describe('routerToModel: imported VRFs', () => {
  const red: RouterSpec = { asn: 65013, vrf: 'red', prefixes: ['192.0.5.0/24', '2001:db9::/64'] };

  it('mode: all also advertises the prefixes of the VRFs the router imports', () => {
    const main: RouterSpec = { asn: 65040, prefixes: ['192.0.2.0/24'], imports: [{ vrf: 'red' }], neighbors: [{ asn: 65041, address: '192.0.2.22', toAdvertise: { allowed: { mode: 'all' } } }] };
    const model = routerToModel(main, [main, red]);
    assert.deepEqual(model.neighbors[0].outgoing.prefixesV4, ['192.0.2.0/24', '192.0.5.0/24']);
    // The router's own networks stay its own prefixes.
    assert.deepEqual(model.ipv4Prefixes, ['192.0.2.0/24']);
  });

  it('"default" names the router without a VRF; an import nothing declares adds nothing', () => {
    const main: RouterSpec = { asn: 65040, prefixes: ['192.0.2.0/24'] };
    const importer: RouterSpec = { asn: 65013, vrf: 'red', imports: [{ vrf: 'default' }, { vrf: 'blue' }], neighbors: [{ asn: 65041, address: '192.0.2.22', toAdvertise: { allowed: { mode: 'all' } } }] };
    assert.deepEqual(routerToModel(importer, [main, importer]).neighbors[0].outgoing.prefixesV4, ['192.0.2.0/24']);
  });
});

describe('routerToModel: localASN, nextHop, addressFamilies and evpn', () => {
  it('carries localASN and the next hop of each family into the neighbor and the render', () => {
    const spec = { asn: 65000, prefixes: [V4], neighbors: [{ asn: 65001, address: '192.168.1.2', localASN: 65410, toAdvertise: { allowed: { mode: 'all' }, nextHop: { ipv4: '192.168.1.1' } } }] };
    const [n] = routerToModel(spec).neighbors;
    assert.deepEqual([n.localASN, n.outgoing.nextHopV4, n.outgoing.nextHopV6], [65410, '192.168.1.1', '']);
    const text = renderFrrK8s(mergeFrrConfigurations([{ name: 'c', spec: { bgp: { routers: [spec] } } }], { hostname: 'h' }).config);
    assert.match(text, /\n {2}neighbor 192\.168\.1\.2 local-as 65410 no-prepend replace-as\n/);
    assert.match(text, /match ip address prefix-list 192\.168\.1\.2-allowed-ipv4\n {2}set ip next-hop 192\.168\.1\.1\n/);
  });

  it('an absent addressFamilies is the API default [unicast]; an evpn-only neighbor gets no unicast activation', () => {
    const families = (addressFamilies?: string[]) => routerToModel({ asn: 1, neighbors: [{ asn: 2, address: '10.0.0.1', addressFamilies }] }).neighbors[0].addressFamilies;
    assert.deepEqual([families(), families([]), families(['evpn', 'bogus'])], [['unicast'], [], ['evpn']]);
    const spec = { asn: 65000, neighbors: [{ asn: 65001, address: '192.168.1.2', addressFamilies: ['evpn'] }], evpn: {} };
    const text = renderFrrK8s(mergeFrrConfigurations([{ name: 'c', spec: { bgp: { routers: [spec] } } }], { hostname: 'h' }).config);
    assert.doesNotMatch(text, /address-family ipv4 unicast/);
    assert.match(text, /address-family l2vpn evpn\n {4}neighbor 192\.168\.1\.2 activate\n {2}exit-address-family/);
  });

  it('converts the evpn section: advertiseVNIs All, advertiseSVI, L2 VNIs and the L3 VNI with advertisePrefixes', () => {
    const model = routerToModel({
      asn: 65000,
      vrf: 'red',
      evpn: { advertiseVNIs: 'All', advertiseSVI: true, l2vnis: [{ vni: 10, rd: '1:10' }], l3vni: { vni: 30, exportRTs: ['1:30'], advertisePrefixes: ['unicast'] } },
    });
    assert.deepEqual(model.evpn, {
      advertiseAllVni: true,
      advertiseSvi: true,
      l2vnis: [{ vni: 10, rd: '1:10', importRTs: [], exportRTs: [] }],
      l3vni: { vni: 30, rd: '', importRTs: [], exportRTs: ['1:30'], advertiseUnicast: true },
    });
    assert.equal(routerToModel({ asn: 1 }).evpn, undefined);
    assert.equal(routerToModel({ asn: 1, evpn: { advertiseVNIs: 'Disabled' } }).evpn?.advertiseAllVni, false);
  });
});

describe('routerToModel: JSON input it cannot use', () => {
  it('skips toReceive prefix items that are not {prefix} objects instead of throwing', () => {
    const prefixes = ['10.0.0.0/8', null, 7, { prefix: 3 }, { le: 24 }, { prefix: '10.1.0.0/16', le: 24 }] as unknown as { prefix: string }[];
    const [n] = routerToModel({ asn: 1, neighbors: [{ asn: 2, address: '10.0.0.1', toReceive: { allowed: { prefixes } } }] }).neighbors;
    assert.deepEqual(n.incoming.prefixesV4, [{ family: 'ipv4', prefix: '10.1.0.0/16', le: 24, ge: 0 }]);
  });

  it('never throws on junk router or neighbor members', () => {
    const junk = [
      { asn: 1, prefixes: [null, 5, '10.0.0.0/8'], imports: [null, { vrf: 3 }], neighbors: [null, 'x', { toAdvertise: { withCommunity: [null, { prefixes: 'x' }], withLocalPref: [{ prefixes: [1] }] } }] },
      { asn: 1, evpn: { l2vnis: [null, 'x', { vni: 'a', importRTs: 'x' }], l3vni: 5 }, neighbors: [{ addressFamilies: 'evpn', localASN: 'x', toAdvertise: { nextHop: 'x' } }] },
    ] as unknown as RouterSpec[];
    for (const router of junk) assert.doesNotThrow(() => renderFrrK8s(mergeFrrConfigurations([{ name: 'c', spec: { bgp: { routers: [router] } } }], { hostname: 'h' }).config));
  });
});
