import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completions, sortedCompletions, type CompletionItem } from '../../server/src/service/features/completion';
import { cursor, extrasYaml, PEERS_YAML, workspace } from './helpers';

function complete(files: Record<string, string>, uri: string): { items: CompletionItem[]; text: string } {
  const at = cursor(files[uri]!);
  const ws = workspace({ ...files, [uri]: at.text });
  return { items: completions(ws, uri, at.offset), text: at.text };
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);

test('after `route-map ` in extras: peer-derived names, peers still missing an -in override first', () => {
  const extras = extrasYaml('route-map 10.0.0.1-in permit 10\n  match ip address prefix-list good\nroute-map ‸\n');
  const { items, text } = complete({ 'peers.yaml': PEERS_YAML, 'extras.yaml': extras }, 'extras.yaml');
  const peerNames = items.filter((item) => item.kind === 'peer-name');
  assert.deepEqual(labels(peerNames), ['10.0.0.2-in', '10.1.0.1-red-in', '10.0.0.1-in', '10.0.0.1-out', '10.0.0.2-out', '10.1.0.1-red-out']);
  assert.equal(peerNames[0]!.detail, 'BGPPeer tor-b (peers.yaml)');
  assert.match(peerNames[0]!.documentation!, /No override exists yet/);
  const at = text.indexOf('route-map \n') + 'route-map '.length;
  assert.deepEqual(peerNames[0]!.range, { start: at, end: at }, 'an empty range at the cursor, in YAML offsets');
});

test('a half-typed name is replaced whole and filters the names', () => {
  const frr = 'route-map 10.0.0.1-in permit 10\nroute-map 10.1‸\n';
  const { items, text } = complete({ 'peers.yaml': PEERS_YAML, 'a.frr': frr }, 'a.frr');
  assert.deepEqual(labels(items.filter((i) => i.kind === 'peer-name')), ['10.1.0.1-red-in', '10.1.0.1-red-out']);
  const start = text.lastIndexOf('10.1');
  assert.deepEqual(items[0]!.range, { start, end: start + 4 });
});

test('seq of a peer -in route-map: 10, never 20, and a free one when 10 is taken', () => {
  const first = complete({ 'peers.yaml': PEERS_YAML, 'a.frr': 'route-map 10.0.0.1-in permit ‸\n' }, 'a.frr');
  assert.deepEqual(labels(first.items.filter((i) => i.kind === 'value')), ['10']);
  const taken = complete(
    { 'peers.yaml': PEERS_YAML, 'a.frr': 'route-map 10.0.0.1-in permit 10\n match ip address prefix-list a\nroute-map 10.0.0.1-in permit ‸\n' },
    'a.frr',
  );
  assert.deepEqual(labels(taken.items.filter((i) => i.kind === 'value')), ['15']);
  assert.ok(labels(taken.items).includes('(1-65535)'), 'the range placeholder is listed as a hint');
});

test('prefix-list seq: the next free one after the highest', () => {
  const frr = 'ip prefix-list good seq 5 permit 10.0.0.0/8\nip prefix-list good seq 12 permit 11.0.0.0/8\nip prefix-list other seq 40 permit 12.0.0.0/8\nip prefix-list good seq ‸';
  const { items } = complete({ 'a.frr': frr }, 'a.frr');
  assert.deepEqual(labels(items.filter((i) => i.kind === 'value')), ['17']);
});

test('reference positions offer the defined names of the right kind only', () => {
  const frr = [
    'ip prefix-list v4list seq 5 permit 10.0.0.0/8',
    'ipv6 prefix-list v6list seq 5 permit 2001:db8::/32',
    'route-map other permit 10',
    'route-map x permit 10',
    ' match ip address prefix-list ‸',
  ].join('\n');
  const { items } = complete({ 'a.frr': frr }, 'a.frr');
  assert.deepEqual(labels(items.filter((i) => i.kind === 'reference')), ['v4list']);
  assert.ok(labels(items).includes('PREFIXLIST4_NAME'));
  assert.ok(!labels(items).includes('PREFIXLIST6_NAME'), '`ip` is the keyword ip, not an abbreviation of ipv6');

  const bgp = 'route-map in-map permit 10\nrouter bgp 64512\n neighbor 192.0.2.1 remote-as 64513\n address-family ipv4 unicast\n  neighbor 192.0.2.1 route-map ‸ in\n';
  const rm = complete({ 'a.frr': bgp }, 'a.frr');
  assert.deepEqual(labels(rm.items.filter((i) => i.kind === 'reference')), ['in-map']);
});

test('keywords of the current context come first, then the ones that leave it', () => {
  const { items } = complete({ 'a.frr': 'route-map x permit 10\n ‸' }, 'a.frr');
  const keywords = items.filter((i) => i.kind === 'keyword');
  const match = keywords.findIndex((i) => i.label === 'match');
  const set = keywords.findIndex((i) => i.label === 'set');
  const router = keywords.findIndex((i) => i.label === 'router');
  assert.ok(match >= 0 && set >= 0 && router >= 0);
  assert.ok(match < router && set < router, 'route-map keywords rank before top-level ones');
  assert.match(keywords[router]!.detail!, /leaves the current context/);

  const next = complete({ 'a.frr': 'route-map x permit 10\n match ip address ‸' }, 'a.frr');
  assert.deepEqual(labels(next.items.filter((i) => i.kind === 'keyword')), ['prefix-len', 'prefix-list']);
  assert.ok(labels(next.items).includes('ACCESSLIST4_NAME'));
  const bgp = complete({ 'a.frr': 'router bgp 64512\n neighbor 192.0.2.1 remote-as ‸' }, 'a.frr');
  assert.ok(labels(bgp.items).includes('external') && labels(bgp.items).includes('internal'));
});

test('inside double-quoted extras, a name is written with YAML escapes', () => {
  const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bgpextras\ndata:\n  extras: "route-map 10.0.0.1-in permit 10\\nroute-map ‸"\n';
  const { items } = complete({ 'peers.yaml': PEERS_YAML, 'extras.yaml': yaml }, 'extras.yaml');
  assert.ok(items.some((i) => i.label === '10.0.0.2-in' && i.insertText === '10.0.0.2-in'));
});

test('MetalLB YAML: field names per kind, without the ones already written', () => {
  const peer = 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: p\nspec:\n  myASN: 1\n  peer‸\n';
  const { items } = complete({ 'p.yaml': peer }, 'p.yaml');
  assert.deepEqual(labels(items), ['peerASN', 'peerAddress', 'peerPort']);
  const fresh = complete({ 'p.yaml': 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: p\nspec:\n  myASN: 1\n  ‸\n' }, 'p.yaml');
  assert.ok(labels(fresh.items).includes('bfdProfile') && !labels(fresh.items).includes('myASN'));
  const top = complete({ 'p.yaml': 'apiVersion: metallb.io/v1beta1\nkind: BFDProfile\n‸' }, 'p.yaml');
  assert.deepEqual(labels(top.items), ['metadata', 'spec']);
});

test('MetalLB YAML: enum values and names of referenced resources', () => {
  const files = { 'peers.yaml': PEERS_YAML };
  const dyn = complete({ ...files, 'x.yaml': 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec:\n  dynamicASN: ‸\n' }, 'x.yaml');
  assert.deepEqual(labels(dyn.items), ['internal', 'external']);
  const bfd = complete({ ...files, 'x.yaml': 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec:\n  bfdProfile: f‸\n' }, 'x.yaml');
  assert.deepEqual(labels(bfd.items), ['fast']);
  const adv = 'apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata:\n  name: a\nspec:\n  peers:\n  - tor-a\n  - ‸\n';
  const peers = complete({ ...files, 'x.yaml': adv }, 'x.yaml');
  assert.deepEqual(labels(peers.items), ['tor-a', 'tor-b', 'tor-red']);
  const pools = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: public\nspec:\n  addresses: [192.0.2.0/24]\n---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nspec:\n  ipAddressPools:\n    - ‸\n';
  assert.deepEqual(labels(complete({ 'x.yaml': pools }, 'x.yaml').items), ['public']);
  const community = 'apiVersion: metallb.io/v1beta1\nkind: Community\nmetadata:\n  name: c\nspec:\n  communities:\n  - name: no-export\n    value: 65535:65281\n---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nspec:\n  communities:\n  - ‸\n';
  assert.deepEqual(labels(complete({ 'x.yaml': community }, 'x.yaml').items), ['no-export']);
  const expression = 'apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nspec:\n  nodeSelectors:\n  - matchExpressions:\n    - key: a\n      operator: ‸\n';
  assert.deepEqual(labels(complete({ 'x.yaml': expression }, 'x.yaml').items), ['In', 'NotIn', 'Exists', 'DoesNotExist']);
  const item = complete({ 'x.yaml': 'apiVersion: metallb.io/v1beta1\nkind: Community\nspec:\n  communities:\n  - name: a\n    ‸\n' }, 'x.yaml');
  assert.deepEqual(labels(item.items), ['value']);
});

test('junk, huge and half-typed input never throws', () => {
  const junk = '\u0000\uffff route-map \t\t ‸ }{[]|||\n';
  assert.doesNotThrow(() => complete({ 'a.frr': junk }, 'a.frr'));
  const long = `${'neighbor 1.1.1.1 '.repeat(400)}‸`;
  assert.doesNotThrow(() => complete({ 'a.frr': `router bgp 1\n ${long}` }, 'a.frr'));
  const setLine = `route-map x permit 10\n set community ${'1:1 '.repeat(2000)}‸`;
  assert.doesNotThrow(() => complete({ 'a.frr': setLine }, 'a.frr'));
  assert.doesNotThrow(() => complete({ 'x.yaml': ': : - - [\n  ‸' }, 'x.yaml'));
  const ws = workspace({ 'a.frr': 'route-map x permit 10\n' });
  assert.deepEqual(completions(ws, 'missing.frr', 0), []);
  assert.ok(Array.isArray(completions(ws, 'a.frr', 10_000)));
});

test('the items taken one by one are the whole list sorted by sortText, each label once at its best rank', () => {
  const bySortText = (a: CompletionItem, b: CompletionItem) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0);
  const frr = [
    ...Array.from({ length: 300 }, (_, i) => `route-map map-${i} permit 10`),
    'route-map 10.0.0.1-in permit 10',
    'router bgp 64512',
    ' neighbor group peer-group',
    ' neighbor 192.0.2.1 remote-as 64513',
    ' address-family ipv4 unicast',
    '  neighbor ‸',
  ].join('\n');
  const cases: Record<string, string>[] = [
    { 'a.frr': frr },
    { 'peers.yaml': PEERS_YAML, 'a.frr': frr.replace('  neighbor ‸', 'route-map ‸') },
    { 'peers.yaml': PEERS_YAML, 'a.frr': frr.replace('  neighbor ‸', 'route-map map-2‸') },
    { 'peers.yaml': PEERS_YAML, 'extras.yaml': extrasYaml('route-map 10.0.0.1-in permit 10\nroute-map ‸\n') },
    { 'p.yaml': 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec:\n  dynamicASN: ‸\n' },
  ];
  for (const files of cases) {
    const uri = Object.keys(files).find((name) => files[name]!.includes('‸'))!;
    const at = cursor(files[uri]!);
    const ws = workspace({ ...files, [uri]: at.text });
    const all = completions(ws, uri, at.offset);
    assert.deepEqual([...sortedCompletions(ws, uri, at.offset)], [...all].sort(bySortText));
    assert.equal(new Set(labels(all)).size, all.length);
  }
  const taken = completions(workspace({ 'peers.yaml': PEERS_YAML, 'a.frr': cursor(cases[1]!['a.frr']!).text }), 'a.frr', cursor(cases[1]!['a.frr']!).offset);
  assert.equal(taken.find((item) => item.label === '10.0.0.1-in')?.kind, 'peer-name', 'an existing override is still offered as the peer’s');
});
