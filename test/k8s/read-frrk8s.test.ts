// The FRRConfiguration reader: every field the frr-k8s renderer takes (toAdvertise.withLocalPref /
// withCommunity / nextHop, toReceive prefixes with ge/le, router imports and evpn, passwordSecret,
// localASN, addressFamilies) is read with the exact source range of its value and key, in block
// and flow style alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../server/src/service/k8s/parse';
import type { FRRConfiguration, Located } from '../../server/src/service/k8s/resources';
import type { OffsetRange } from '../../server/src/service/types';

const SOURCE = `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: full
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      vrf: red
      imports:
      - vrf: blue
      - {vrf: green}
      prefixes: [192.168.10.0/24, 192.168.11.0/24]
      neighbors:
      - address: 172.18.0.5
        asn: 64513
        passwordSecret: {name: md5, namespace: frr-k8s-system}
        toAdvertise:
          allowed:
            mode: filtered
            prefixes: [192.168.10.0/24, 192.168.11.0/24]
          withLocalPref:
          - localPref: 200
            prefixes: [192.168.10.0/24]
          withCommunity:
          - community: "10:100"
            prefixes:
            - 192.168.11.0/24
          - {community: "large:1:2:3", prefixes: [192.168.10.0/24]}
        toReceive:
          allowed:
            prefixes:
            - prefix: 10.0.0.0/8
              ge: 16
              le: 24
            - {prefix: "fc00::/48", le: 64}
            - prefix: 10.9.0.0/16
`;

function frr(source: string): FRRConfiguration {
  const file = parseManifests(source);
  const resource = file.resources[0];
  assert.equal(resource?.kind, 'FRRConfiguration');
  return resource as FRRConfiguration;
}

function text(range: OffsetRange | undefined): string {
  assert.ok(range, 'range present');
  return SOURCE.slice(range.start, range.end);
}

/** The value, the source text of its range and of its key. */
function seen<T>(located: Located<T> | undefined): [T, string, string] {
  assert.ok(located, 'value present');
  return [located.value, text(located.range), text(located.keyRange)];
}

test('reads router imports, block and flow items, with ranges', () => {
  const [router] = frr(SOURCE).spec.routers;
  assert.deepEqual(router.imports.map((i) => seen(i.vrf)), [
    ['blue', 'blue', 'vrf'],
    ['green', 'green', 'vrf'],
  ]);
  assert.equal(text(router.imports[1].range), '{vrf: green}');
});

test('reads toAdvertise.withLocalPref and withCommunity, with ranges', () => {
  const advertise = frr(SOURCE).spec.routers[0].neighbors[0].toAdvertise;
  assert.ok(advertise);
  assert.deepEqual(seen(advertise.allowed?.mode), ['filtered', 'filtered', 'mode']);
  assert.deepEqual(advertise.allowed?.prefixes.map((p) => text(p.range)), ['192.168.10.0/24', '192.168.11.0/24']);
  const [localPref] = advertise.withLocalPref;
  assert.deepEqual(seen(localPref.localPref), [200, '200', 'localPref']);
  assert.deepEqual(localPref.prefixes.map((p) => [p.value, text(p.range)]), [['192.168.10.0/24', '192.168.10.0/24']]);
  assert.deepEqual(advertise.withCommunity.map((c) => seen(c.community)), [
    ['10:100', '"10:100"', 'community'],
    ['large:1:2:3', '"large:1:2:3"', 'community'],
  ]);
  assert.deepEqual(advertise.withCommunity.map((c) => c.prefixes.map((p) => text(p.range))), [['192.168.11.0/24'], ['192.168.10.0/24']]);
  assert.equal(text(advertise.withCommunity[1].range), '{community: "large:1:2:3", prefixes: [192.168.10.0/24]}');
});

test('reads toReceive prefixes as objects: prefix, ge and le each with their ranges', () => {
  const allowed = frr(SOURCE).spec.routers[0].neighbors[0].toReceive?.allowed;
  assert.ok(allowed);
  const items = allowed.prefixes.map((p) => ({ prefix: seen(p.prefix), ge: p.ge && seen(p.ge), le: p.le && seen(p.le) }));
  assert.deepEqual(items, [
    { prefix: ['10.0.0.0/8', '10.0.0.0/8', 'prefix'], ge: [16, '16', 'ge'], le: [24, '24', 'le'] },
    { prefix: ['fc00::/48', '"fc00::/48"', 'prefix'], ge: undefined, le: [64, '64', 'le'] },
    { prefix: ['10.9.0.0/16', '10.9.0.0/16', 'prefix'], ge: undefined, le: undefined },
  ]);
  assert.equal(text(allowed.prefixes[1].range), '{prefix: "fc00::/48", le: 64}');
});

test('reads passwordSecret', () => {
  const secret = frr(SOURCE).spec.routers[0].neighbors[0].passwordSecret;
  assert.deepEqual([seen(secret?.name), seen(secret?.namespace)], [
    ['md5', 'md5', 'name'],
    ['frr-k8s-system', 'frr-k8s-system', 'namespace'],
  ]);
});

test('absent lists read as empty, and toAdvertise without allowed keeps its modifiers', () => {
  const source = SOURCE.replace(/      imports:\n.*\n.*\n/, '').replace(/          allowed:\n            mode: filtered\n.*\n/, '');
  const [router] = frr(source).spec.routers;
  assert.deepEqual(router.imports, []);
  const advertise = router.neighbors[0].toAdvertise;
  assert.equal(advertise?.allowed, undefined);
  assert.equal(advertise?.withLocalPref.length, 1);
  assert.equal(advertise?.withCommunity.length, 2);
});

test('ill-typed ge, le, localPref and community are k8s/schema findings and read as absent', () => {
  const source = SOURCE.replace('ge: 16', 'ge: "16"').replace('le: 64', 'le: 6.5').replace('localPref: 200', 'localPref: high').replace('community: "10:100"', 'community: [10, 100]');
  const file = parseManifests(source);
  assert.deepEqual(
    [...file.findings].sort((a, b) => a.range.start - b.range.start).map((f) => [f.code, source.slice(f.range.start, f.range.end), f.message.split(':')[0]]),
    [
      ['k8s/schema', 'high', 'spec.bgp.routers.neighbors.toAdvertise.withLocalPref.localPref'],
      ['k8s/schema', '[10, 100]', 'spec.bgp.routers.neighbors.toAdvertise.withCommunity.community'],
      ['k8s/schema', '"16"', 'spec.bgp.routers.neighbors.toReceive.allowed.prefixes.ge'],
      ['k8s/schema', '6.5', 'spec.bgp.routers.neighbors.toReceive.allowed.prefixes.le'],
    ],
  );
  const neighbor = (file.resources[0] as FRRConfiguration).spec.routers[0].neighbors[0];
  assert.equal(neighbor.toAdvertise?.withLocalPref[0].localPref, undefined);
  assert.equal(neighbor.toAdvertise?.withCommunity[0].community, undefined);
  assert.equal(neighbor.toReceive?.allowed?.prefixes[0].ge, undefined);
  assert.equal(neighbor.toReceive?.allowed?.prefixes[1].le, undefined);
});

test('a plain CIDR in toReceive prefixes (frr-k8s\'s older samples) is refused as the API server refuses it', () => {
  const source = SOURCE.replace('            - prefix: 10.9.0.0/16\n', '            - 10.9.0.0/16\n');
  const file = parseManifests(source);
  assert.deepEqual(
    file.findings.map((f) => [f.code, source.slice(f.range.start, f.range.end), f.message]),
    [
      [
        'k8s/schema',
        '10.9.0.0/16',
        'spec.bgp.routers.neighbors.toReceive.allowed.prefixes: Invalid value: "string": spec.bgp.routers.neighbors.toReceive.allowed.prefixes in body must be of type object: "string"',
      ],
    ],
  );
  const items = (file.resources[0] as FRRConfiguration).spec.routers[0].neighbors[0].toReceive?.allowed?.prefixes ?? [];
  assert.deepEqual(items.map((i) => i.prefix?.value), ['10.0.0.0/8', 'fc00::/48']);
});

const NEW_FIELDS = `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: evpn
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      neighbors:
      - address: 172.18.0.5
        asn: 64513
        localASN: 65410
        addressFamilies: [unicast, evpn]
        toAdvertise:
          nextHop: {ipv4: 172.18.0.1, ipv6: "fc00::1"}
      - address: 172.18.0.6
        asn: 64513
      evpn:
        advertiseVNIs: All
        advertiseSVI: true
        l2vnis:
        - vni: 1000
          rd: "64512:1000"
          importRTs: ["64512:1000"]
          exportRTs: ["64512:1001"]
    - asn: 64512
      vrf: red
      evpn:
        l3vni: {vni: 2000, advertisePrefixes: [unicast]}
`;

test('reads localASN, addressFamilies, toAdvertise.nextHop and the router evpn section, with ranges', () => {
  const text = (range: OffsetRange | undefined) => (assert.ok(range), NEW_FIELDS.slice(range.start, range.end));
  const located = <T>(l: Located<T> | undefined): [T, string, string] => (assert.ok(l), [l.value, text(l.range), text(l.keyRange)]);
  const file = parseManifests(NEW_FIELDS);
  assert.deepEqual(file.findings, []);
  const [main, red] = (file.resources[0] as FRRConfiguration).spec.routers;
  const [first, second] = main.neighbors;
  assert.deepEqual(located(first.localASN), [65410, '65410', 'localASN']);
  assert.deepEqual(first.addressFamilies?.map((f) => [f.value, text(f.range)]), [['unicast', 'unicast'], ['evpn', 'evpn']]);
  // Absent, not empty: the API server defaults it to [unicast].
  assert.equal(second.addressFamilies, undefined);
  const nextHop = first.toAdvertise?.nextHop;
  assert.deepEqual([located(nextHop?.ipv4), located(nextHop?.ipv6)], [['172.18.0.1', '172.18.0.1', 'ipv4'], ['fc00::1', '"fc00::1"', 'ipv6']]);
  const evpn = main.evpn;
  assert.ok(evpn);
  assert.deepEqual([located(evpn.advertiseVNIs), located(evpn.advertiseSVI)], [['All', 'All', 'advertiseVNIs'], [true, 'true', 'advertiseSVI']]);
  const [l2] = evpn.l2vnis;
  assert.deepEqual([located(l2.vni), located(l2.rd)], [[1000, '1000', 'vni'], ['64512:1000', '"64512:1000"', 'rd']]);
  assert.deepEqual([l2.importRTs.map((rt) => text(rt.range)), l2.exportRTs.map((rt) => rt.value)], [['"64512:1000"'], ['64512:1001']]);
  assert.equal(red.evpn?.l3vni && text(red.evpn.l3vni.range), '{vni: 2000, advertisePrefixes: [unicast]}');
  assert.deepEqual(red.evpn?.l3vni?.advertisePrefixes.map((p) => p.value), ['unicast']);
});

test('ill-typed new fields are k8s/schema findings and read as absent', () => {
  const source = NEW_FIELDS.replace('localASN: 65410', 'localASN: "65410"').replace('advertiseSVI: true', 'advertiseSVI: yes please').replace('addressFamilies: [unicast, evpn]', 'addressFamilies: evpn');
  const file = parseManifests(source);
  assert.deepEqual(
    [...file.findings].sort((a, b) => a.range.start - b.range.start).map((f) => [source.slice(f.range.start, f.range.end), f.message.split(':')[0]]),
    [
      ['"65410"', 'spec.bgp.routers.neighbors.localASN'],
      ['evpn', 'spec.bgp.routers.neighbors.addressFamilies'],
      ['yes please', 'spec.bgp.routers.evpn.advertiseSVI'],
    ],
  );
  const [main] = (file.resources[0] as FRRConfiguration).spec.routers;
  assert.deepEqual([main.neighbors[0].localASN, main.neighbors[0].addressFamilies, main.evpn?.advertiseSVI], [undefined, undefined, undefined]);
});
