// `frrk8s/webhook` across files and through the analysis entry point: the rule is one of the
// frr-k8s rules every workspace check runs, merge conflicts point at the later FRRConfiguration
// with the earlier one as related location (in its own file), and name the nodes they happen on;
// EVPN errors of the routers merged on a node point at each file's own value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../../../server/src/service/k8s/parse';
import { MERGE_CONFLICT } from '../../../../server/src/service/metallb/frrk8s/merge';
import { analyzeExtras } from '../../../../server/src/service/rules/metallb/analyze';
import { WEBHOOK_CODE } from '../../../../server/src/service/rules/frrk8s';

function configuration(name: string, asn: number, selector = ''): string {
  return `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: ${name}
  namespace: frr-k8s-system
spec:
${selector}  bgp:
    routers:
    - asn: ${asn}
      neighbors:
      - address: 172.18.0.5
        asn: 64513
`;
}

function nodes(count: number): string {
  return Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-${i + 1}\n`).join('---\n');
}

const OPTIONS = { metallbVersion: '0.15' as const, mode: 'frr-k8s' as const };

test('the analysis entry point runs frrk8s/webhook', () => {
  const text = configuration('a', 64512).replace('        asn: 64513\n', '        asn: 64513\n        dynamicASN: external\n');
  const findings = analyzeExtras([parseManifests(text, 'file:///a.yaml')], OPTIONS).filter((f) => f.code === WEBHOOK_CODE);
  assert.deepEqual(findings.map((f) => text.slice(f.range.start, f.range.end)), ['external']);
});

test('a conflict between files points at the later FRRConfiguration, the earlier one related, with the nodes', () => {
  const files = [
    parseManifests(nodes(7), 'file:///nodes.yaml'),
    parseManifests(configuration('a', 64512), 'file:///a.yaml'),
    parseManifests(configuration('b', 64600), 'file:///b.yaml'),
  ];
  const [conflict, ...rest] = analyzeExtras(files, OPTIONS).filter((f) => f.code === MERGE_CONFLICT);
  assert.deepEqual(rest, []);
  assert.equal(conflict.uri, 'file:///b.yaml');
  assert.equal(conflict.related?.[0].uri, 'file:///a.yaml');
  assert.match(conflict.message, /disagree on the ASN of the router in the default VRF \(64512 vs 64600\).*\(on nodes worker-1, worker-2, worker-3, worker-4, worker-5, and 2 more\)$/);
});

test('a conflict only where the selectors meet names that node alone', () => {
  const labelled = `apiVersion: v1\nkind: Node\nmetadata:\n  name: edge-1\n  labels:\n    edge: "true"\n---\n${nodes(2)}`;
  const selector = '  nodeSelector:\n    matchLabels:\n      edge: "true"\n';
  const files = [parseManifests(`${labelled}---\n${configuration('a', 64512)}---\n${configuration('b', 64600, selector)}`, 'file:///all.yaml')];
  const conflicts = analyzeExtras(files, OPTIONS).filter((f) => f.code === MERGE_CONFLICT);
  assert.deepEqual(conflicts.map((f) => f.message.slice(f.message.lastIndexOf('('))), ['(on node edge-1)']);
});

test('EVPN errors of the merged routers point at each file\'s value, the other file\'s declaration related', () => {
  const evpn = (name: string, body: string) =>
    `apiVersion: frrk8s.metallb.io/v1beta1\nkind: FRRConfiguration\nmetadata:\n  name: ${name}\n  namespace: frr-k8s-system\nspec:\n  bgp:\n    routers:\n${body}`;
  const underlay = evpn('underlay', '    - asn: 64512\n      neighbors:\n      - address: 172.18.0.5\n        asn: 64513\n        addressFamilies: [evpn]\n      evpn:\n        l2vnis:\n        - vni: 3000\n');
  const tenant = evpn('tenant', '    - asn: 64512\n      vrf: red\n      neighbors:\n      - address: 10.1.0.1\n        asn: 64600\n      evpn:\n        l3vni:\n          vni: 3000\n          advertisePrefixes: [unicast]\n');
  const files = [parseManifests(nodes(1), 'file:///nodes.yaml'), parseManifests(underlay, 'file:///underlay.yaml'), parseManifests(tenant, 'file:///tenant.yaml')];
  const found = analyzeExtras(files, OPTIONS)
    .filter((f) => f.code === WEBHOOK_CODE)
    .map((f) => ({ uri: f.uri, message: f.message.slice(0, f.message.indexOf(' (')), related: (f.related ?? []).map((r) => `${r.uri} ${r.message}`) }));
  assert.deepEqual(found, [
    {
      uri: 'file:///tenant.yaml',
      message: 'invalid EVPN configuration for vrf "red": l3vni can only be configured on routers with no neighbors',
      related: ['file:///tenant.yaml a neighbor of the router in vrf "red"'],
    },
    {
      uri: 'file:///tenant.yaml',
      message: 'duplicate VNI 3000: configured as l2vni in vrf "" and as l3vni in vrf "red"',
      related: ['file:///underlay.yaml VNI 3000 as l2vni in vrf ""'],
    },
  ]);
});
