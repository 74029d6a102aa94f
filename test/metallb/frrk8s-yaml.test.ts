// End to end: FRRConfigurations written in YAML render exactly what the same specs render when
// given as JSON (the input of the renderer goldens), for every field the renderer takes, both
// through the merge and through the workspace preview (`frr-lint render --mode frr-k8s`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { parseManifests } from '../../server/src/service/k8s/parse';
import type { FRRConfiguration } from '../../server/src/service/k8s/resources';
import { buildInternalConfig } from '../../server/src/service/metallb/build';
import type { FrrConfigurationObject } from '../../server/src/service/metallb/frrk8s/api';
import { frrConfigurationInput } from '../../server/src/service/metallb/frrk8s/fromResource';
import { mergeFrrConfigurations, type FrrConfigurationInput } from '../../server/src/service/metallb/frrk8s/merge';
import { renderFrrK8sNode } from '../../server/src/service/metallb/frrk8s/node';
import { renderFrrK8s } from '../../server/src/service/metallb/frrk8s/render';
import { DEFAULT_OPTIONS, Workspace } from '../../server/src/service/workspace';

const MANIFESTS = `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: tenants
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      id: 10.0.0.100
      imports:
      - vrf: red
      prefixes: [192.168.10.0/24, 192.168.11.0/24, "fc00:f853:ccd:e799::/64"]
      neighbors:
      - address: 172.18.0.5
        asn: 64513
        dualStackAddressFamily: true
        holdTime: 1m30s
        passwordSecret: {name: md5, namespace: frr-k8s-system}
        toAdvertise:
          allowed:
            mode: all
          withLocalPref:
          - localPref: 200
            prefixes: [192.168.10.0/24]
          withCommunity:
          - community: "10:100"
            prefixes: [192.168.11.0/24, "fc00:f853:ccd:e799::/64"]
          - community: large:1:2:3
            prefixes: [192.168.10.0/24]
        toReceive:
          allowed:
            prefixes:
            - prefix: 10.0.0.0/8
              ge: 16
              le: 24
            - prefix: 10.2.0.0/16
            - {prefix: "fc00:f853:ccd:e800::/56", le: 64}
    - asn: 64512
      vrf: red
      imports:
      - vrf: blue
      neighbors:
      - address: 172.20.0.5
        asn: 64515
        toReceive:
          allowed:
            prefixes:
            - prefix: 10.20.0.0/16
              le: 32
---
apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: more
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      prefixes: [192.168.12.0/24]
      neighbors:
      - address: 172.18.0.5
        asn: 64513
        dualStackAddressFamily: true
        holdTime: 90s
        toAdvertise:
          allowed:
            prefixes: [192.168.12.0/24]
          withLocalPref:
          - localPref: 200
            prefixes: [192.168.12.0/24]
        toReceive:
          allowed:
            prefixes:
            - prefix: 10.0.0.0/8
              le: 24
`;

/** localASN, addressFamilies, toAdvertise.nextHop and evpn, split over two resources merging into one router. */
const EVPN_MANIFESTS = `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: fabric
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      prefixes: [192.168.10.0/24]
      neighbors:
      - address: 172.18.0.5
        asn: 64513
        localASN: 65410
        addressFamilies: [evpn]
        toAdvertise:
          allowed: {mode: all}
          nextHop: {ipv4: 172.18.0.1}
      evpn:
        advertiseVNIs: All
        l2vnis:
        - {vni: 1000, rd: "64512:1000", importRTs: ["64512:1000"], exportRTs: ["64512:1000"]}
    - asn: 64512
      vrf: red
      evpn:
        l3vni: {vni: 2000, rd: "64512:2000", advertisePrefixes: [unicast]}
---
apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: unicast
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      neighbors:
      - address: 172.18.0.5
        asn: 64513
        localASN: 65410
`;

/** The JSON path: each document as the plain object a JSON file with the same spec would give. */
function jsonInputs(manifests = MANIFESTS): FrrConfigurationInput[] {
  return parseAllDocuments(manifests).map((document) => {
    const object = document.toJS() as FrrConfigurationObject;
    return { name: object.metadata.name, spec: object.spec };
  });
}

function yamlInputs(manifests = MANIFESTS): FrrConfigurationInput[] {
  const file = parseManifests(manifests);
  assert.deepEqual(file.findings, []);
  return file.resources.filter((r): r is FRRConfiguration => r.kind === 'FRRConfiguration').map(frrConfigurationInput);
}

describe('FRRConfiguration in YAML', () => {
  it('merges and renders byte for byte like the same specs given as JSON', () => {
    const fromYaml = mergeFrrConfigurations(yamlInputs(), { hostname: 'worker-1' });
    const fromJson = mergeFrrConfigurations(jsonInputs(), { hostname: 'worker-1' });
    assert.deepEqual(fromYaml.conflicts, []);
    assert.deepEqual(fromJson.conflicts, []);
    const text = renderFrrK8s(fromYaml.config);
    assert.equal(text, renderFrrK8s(fromJson.config));
    // The fields the reader used to drop are in the render, not merely absent on both sides.
    for (const line of [
      'ip prefix-list 172.18.0.5-inpl-dual seq 1 permit 10.0.0.0/8 le 24',
      'ip prefix-list 172.18.0.5-inpl-dual seq 2 permit 10.0.0.0/8 le 24 ge 16',
      'ipv6 prefix-list 172.18.0.5-inpl-dual seq 4 permit fc00:f853:ccd:e800::/56 le 64',
      'ip prefix-list 172.20.0.5-red-inpl-ipv4 seq 1 permit 10.20.0.0/16 le 32',
      'ip prefix-list 172.18.0.5-200-ip-localpref-prefixes seq 2 permit 192.168.12.0/24',
      '  set local-preference 200',
      '  set community 10:100 additive',
      '  set large-community 1:2:3 additive',
      '    import vrf red',
      '    import vrf blue',
    ]) {
      assert.ok(text.includes(`${line}\n`), `rendered: ${line}`);
    }
  });

  it('carries localASN, addressFamilies, nextHop and evpn into the merge and the render, as JSON does', () => {
    const fromYaml = mergeFrrConfigurations(yamlInputs(EVPN_MANIFESTS), { hostname: 'worker-1' });
    const fromJson = mergeFrrConfigurations(jsonInputs(EVPN_MANIFESTS), { hostname: 'worker-1' });
    assert.deepEqual([fromYaml.conflicts, fromJson.conflicts], [[], []]);
    const text = renderFrrK8s(fromYaml.config);
    assert.equal(text, renderFrrK8s(fromJson.config));
    // The second resource's neighbor has the default [unicast]: merged, the neighbor runs both families.
    for (const line of [
      'vrf red\n  vni 2000\nexit-vrf',
      '  neighbor 172.18.0.5 local-as 65410 no-prepend replace-as',
      '  match ip address prefix-list 172.18.0.5-allowed-ipv4\n  set ip next-hop 172.18.0.1',
      '  address-family ipv4 unicast\n    neighbor 172.18.0.5 activate',
      '  address-family l2vpn evpn\n    neighbor 172.18.0.5 activate\n    advertise-all-vni\n    vni 1000\n      rd 64512:1000',
      '  address-family l2vpn evpn\n    advertise ipv4 unicast\n    advertise ipv6 unicast\n    rd 64512:2000\n  exit-address-family',
    ]) {
      assert.ok(text.includes(`${line}\n`), `rendered: ${line}`);
    }
  });

  it('previews (frr-lint render --mode frr-k8s) what the JSON specs render on the node', () => {
    const workspace = new Workspace({ mode: 'frr-k8s' });
    workspace.setFile('file:///frr.yaml', MANIFESTS, 1, 'yaml');
    const preview = workspace.render('worker-1');
    const internal = buildInternalConfig([], 'worker-1', { metallbVersion: DEFAULT_OPTIONS.metallbVersion }).config;
    const expected = renderFrrK8sNode({ ...internal, extras: '' }, jsonInputs());
    assert.deepEqual(preview.errors, []);
    assert.equal(preview.text, expected.text);
  });
});
