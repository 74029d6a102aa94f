// The bgpextras context and analysis entry: per-node views, the combined file MetalLB writes,
// findings naming only the nodes they hold on, YAML-correct edits, and bad input that must not throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../server/src/service/k8s/parse';
import { analyzeExtras } from '../../server/src/service/rules/metallb/analyze';
import { ANY_NODE, buildExtrasContext } from '../../server/src/service/metallb/extras/context';

const peer = (name: string, address: string, extra = '') => `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: ${name}, namespace: metallb-system}
spec:
  myASN: 64512
  peerASN: 65000
  peerAddress: ${address}
${extra}---
`;
const node = (name: string, rack: string) => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: {rack: ${rack}}
---
`;
const extras = (body: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: bgpextras, namespace: metallb-system}
data:
  extras: |
${body
  .trim()
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;

const PEERS =
  peer('tor-a', '10.0.0.1', '  nodeSelectors:\n  - matchLabels: {rack: a}\n') + peer('tor-b', '10.0.0.2', '  nodeSelectors:\n  - matchLabels: {rack: b}\n');

test('one view per Node, rendered without the extras, combined exactly as MetalLB appends them', () => {
  const body = 'route-map 10.0.0.1-in permit 10\n  match ip address prefix-list x\nip prefix-list x seq 5 permit 10.9.0.0/16 le 32';
  const file = parseManifests(node('n1', 'a') + node('n2', 'b') + PEERS + extras(body), 'file:///all.yaml');
  const ctx = buildExtrasContext([file], { metallbVersion: '0.16', mode: 'frr' });
  assert.deepEqual(ctx.nodes.map((v) => [v.node, [...v.neighborIds]]), [['n1', ['10.0.0.1']], ['n2', ['10.0.0.2']]]);
  for (const view of ctx.nodes) {
    assert.ok(!view.rendered.includes('prefix-list x'));
    assert.equal(view.combined, `${view.rendered.slice(0, -1)}\n${body}\n\n`);
    assert.equal(view.combined.slice(view.extrasBase, view.extrasBase + body.length), body);
  }
});

test('a finding that holds on some nodes only names those nodes', () => {
  const body = 'route-map 10.0.0.1-in permit 20\n  match ip address prefix-list x\nip prefix-list x seq 5 permit 10.9.0.0/16 le 32';
  const file = parseManifests(node('n1', 'a') + node('n2', 'b') + PEERS + extras(body), 'file:///all.yaml');
  const findings = analyzeExtras([file], { metallbVersion: '0.16', mode: 'frr' });
  const collision = findings.find((f) => f.code === 'metallb/in-seq-collision');
  assert.ok(collision);
  assert.match(collision.message, /BGPPeer tor-a \(neighbor 10\.0\.0\.1\)/);
  assert.match(collision.message, /\(on node n1 only\)$/);
  assert.equal(collision.uri, 'file:///all.yaml');
  assert.equal(file.text.slice(collision.range.start, collision.range.end), '20');
});

test('without Nodes, one synthetic node runs the peers meant for every node', () => {
  const file = parseManifests(peer('all', '10.0.0.9') + PEERS + extras('ip prefix-list y seq 5 permit 10.0.0.0/8'), 'file:///p.yaml');
  const ctx = buildExtrasContext([file], { metallbVersion: '0.16', mode: 'frr' });
  assert.deepEqual(ctx.nodes.map((v) => [v.node, v.synthetic, [...v.neighborIds]]), [[ANY_NODE, true, ['10.0.0.9']]]);
  assert.deepEqual([...ctx.peersById.keys()].sort(), ['10.0.0.1', '10.0.0.2', '10.0.0.9']);
});

test('several bgpextras ConfigMaps: the last in apply order is used, the others are reported', () => {
  const first = parseManifests(extras('ip prefix-list a seq 5 permit 10.0.0.0/8'), 'file:///1.yaml');
  const second = parseManifests(extras('ip prefix-list b seq 5 permit 10.0.0.0/8'), 'file:///2.yaml');
  const ctx = buildExtrasContext([first, second], { metallbVersion: '0.16', mode: 'frr' });
  assert.equal(ctx.extras?.uri, 'file:///2.yaml');
  assert.deepEqual(ctx.findings.map((f) => [f.code, f.uri]), [['metallb/extras-duplicate', 'file:///1.yaml']]);
});

test('edits are re-indented to the block scalar and escaped in double-quoted scalars', () => {
  const block = parseManifests(extras('ip prefix-list a permit 10.0.0.0/8'), 'file:///b.yaml');
  const ctx = buildExtrasContext([block], { metallbVersion: '0.16', mode: 'frr' });
  const value = ctx.extras!.embedded.value;
  const appended = ctx.toEdit({ range: { start: value.length, end: value.length }, newText: 'route-map m permit 5\n  match ip address prefix-list a\n' })!;
  const after = block.text.slice(0, appended.range.start) + appended.newText + block.text.slice(appended.range.end);
  assert.ok(after.endsWith('    ip prefix-list a permit 10.0.0.0/8\n    route-map m permit 5\n      match ip address prefix-list a\n'));

  const quoted = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bgpextras}\ndata:\n  extras: "ip prefix-list a permit 10.0.0.0/8\\n"\n', 'file:///q.yaml');
  const qctx = buildExtrasContext([quoted], { metallbVersion: '0.16', mode: 'frr' });
  const end = qctx.extras!.embedded.value.length;
  const edit = qctx.toEdit({ range: { start: end, end }, newText: 'route-map "m" permit 5\n' })!;
  const qafter = quoted.text.slice(0, edit.range.start) + edit.newText + quoted.text.slice(edit.range.end);
  const reparsed = parseManifests(qafter, 'file:///q.yaml');
  const cm = reparsed.resources[0];
  assert.ok(cm.kind === 'ConfigMap' && cm.configMap === 'bgpextras');
  assert.equal(cm.extras?.value, 'ip prefix-list a permit 10.0.0.0/8\nroute-map "m" permit 5\n');

  const folded = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bgpextras}\ndata:\n  extras: >\n    ip prefix-list a permit 10.0.0.0/8\n', 'file:///f.yaml');
  const fctx = buildExtrasContext([folded], { metallbVersion: '0.16', mode: 'frr' });
  assert.equal(fctx.toEdit({ range: { start: 0, end: 0 }, newText: 'x\n' }), undefined, 'a line break cannot be written into a folded scalar');
});

test('bad input never throws: junk, half-typed lines, huge extras, frr-k8s mode', () => {
  const junk = extras('route-map\nroute-map 10.0.0.1-in permit\nip prefix-list\n\u0001\u0002 router bgp x\nneighbor\n' + 'route-map 10.0.0.1-in permit 99999999\n');
  const file = parseManifests(PEERS + junk, 'file:///j.yaml');
  assert.doesNotThrow(() => analyzeExtras([file], { metallbVersion: '0.13', mode: 'frr' }));
  const huge = extras(Array.from({ length: 3000 }, (_, i) => `ip prefix-list big permit 10.${i >> 8}.${i & 255}.0/24`).join('\n'));
  const findings = analyzeExtras([parseManifests(huge, 'file:///h.yaml')], { metallbVersion: '0.16', mode: 'frr' });
  assert.equal(findings.filter((f) => f.code === 'metallb/seqless-prefix-list').length, 3000);
  const k8s = analyzeExtras([parseManifests(PEERS + junk, 'file:///k.yaml')], { metallbVersion: '0.16', mode: 'frr-k8s' });
  assert.deepEqual(k8s.map((f) => f.code), ['metallb/extras-wrong-mode']);
});
