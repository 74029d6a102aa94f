import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDefinition, findReferences, prepareRename, rename, type Location } from '../../server/src/service/features/navigation';
import type { WorkspaceIndex } from '../../server/src/service/features/workspaceIndex';
import type { TextEdit } from '../../server/src/service/types';
import { cursor, extrasYaml, frrConfigurationYaml, INTERFACE_PEER_YAML, PEERS_YAML, workspace } from './helpers';

const EXTRAS = [
  'route-map 10.0.0.1-in permit 10',
  '  match ip address prefix-list good',
  'ip prefix-list good seq 5 permit 172.16.0.0/16 le 32',
  'bfd',
  ' profile fast',
  'router bgp 64512',
  ' neighbor 10.0.0.1 remote-as 64513',
  ' neighbor 10.0.0.1 bfd profile fast',
  '',
].join('\n');

function setup(marked: { uri: string; text: string }): { ws: WorkspaceIndex; offset: number } {
  const at = cursor(marked.text);
  const files: Record<string, string> = { 'peers.yaml': PEERS_YAML, 'extras.yaml': extrasYaml(EXTRAS), [marked.uri]: at.text };
  return { ws: workspace(files), offset: at.offset };
}

function texts(ws: WorkspaceIndex, locations: Location[]): string[] {
  return locations.map((l) => `${l.uri}:${ws.byUri.get(l.uri)!.text.slice(l.range.start, l.range.end)}`);
}

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  }
  return out;
}

test('definition of a prefix-list reference inside extras', () => {
  const { ws, offset } = setup({ uri: 'extras.yaml', text: extrasYaml(EXTRAS.replace('prefix-list good\n', 'prefix-list go‸od\n')) });
  const found = findDefinition(ws, 'extras.yaml', offset);
  assert.equal(found.length, 1);
  const text = ws.byUri.get('extras.yaml')!.text;
  assert.equal(found[0]!.range.start, text.indexOf('ip prefix-list good') + 'ip prefix-list '.length);
});

test('definition of `<ID>-in` leads to the route-map and to the BGPPeer behind it', () => {
  const { ws, offset } = setup({ uri: 'extras.yaml', text: extrasYaml(EXTRAS.replace('route-map 10.0.0.1-in', 'route-map 10.0.0.1-i‸n')) });
  assert.deepEqual(texts(ws, findDefinition(ws, 'extras.yaml', offset)), ['extras.yaml:10.0.0.1-in', 'peers.yaml:10.0.0.1']);
});

test('BFD profiles join MetalLB BFDProfile, BGPPeer.bfdProfile and FRR `bfd profile` in extras', () => {
  const { ws, offset } = setup({ uri: 'peers.yaml', text: PEERS_YAML.replace('bfdProfile: fast', 'bfdProfile: fa‸st') });
  assert.deepEqual(texts(ws, findDefinition(ws, 'peers.yaml', offset)), ['extras.yaml:fast', 'peers.yaml:fast']);
  assert.deepEqual(texts(ws, findReferences(ws, 'peers.yaml', offset)), ['extras.yaml:fast', 'extras.yaml:fast', 'peers.yaml:fast', 'peers.yaml:fast']);
  assert.deepEqual(texts(ws, findReferences(ws, 'peers.yaml', offset, false)), ['extras.yaml:fast', 'peers.yaml:fast']);
});

test('references of a BGPPeer address: the neighbor lines and the names derived from it', () => {
  const { ws, offset } = setup({ uri: 'peers.yaml', text: PEERS_YAML.replace('peerAddress: 10.0.0.1', 'peerAddress: 10.0.‸0.1') });
  assert.deepEqual(texts(ws, findReferences(ws, 'peers.yaml', offset)), [
    'extras.yaml:10.0.0.1-in',
    'extras.yaml:10.0.0.1',
    'extras.yaml:10.0.0.1',
    'peers.yaml:10.0.0.1',
  ]);
});

test('renaming a BGPPeer address renames the derived names, keeping their suffix', () => {
  const { ws, offset } = setup({ uri: 'peers.yaml', text: PEERS_YAML.replace('peerAddress: 10.0.0.1', 'peerAddress: 10.0.0.‸1') });
  assert.deepEqual(prepareRename(ws, 'peers.yaml', offset)?.placeholder, '10.0.0.1');
  const result = rename(ws, 'peers.yaml', offset, '10.0.0.9');
  assert.ok('edits' in result);
  const extras = apply(ws.byUri.get('extras.yaml')!.text, result.edits['extras.yaml']!);
  assert.match(extras, /route-map 10\.0\.0\.9-in permit 10/);
  assert.match(extras, /neighbor 10\.0\.0\.9 remote-as 64513/);
  assert.match(apply(ws.byUri.get('peers.yaml')!.text, result.edits['peers.yaml']!), /peerAddress: 10\.0\.0\.9\n/);
});

test('renaming a route-map in a standalone frr.conf touches that file only', () => {
  const conf = 'route-map IN permit 10\nrouter bgp 1\n neighbor 192.0.2.1 remote-as 2\n address-family ipv4 unicast\n  neighbor 192.0.2.1 route-map I‸N in\n';
  const at = cursor(conf);
  const ws = workspace({ 'frr.conf': at.text, 'other.frr': 'route-map IN permit 10\n' });
  const result = rename(ws, 'frr.conf', at.offset, 'FROM-TOR');
  assert.ok('edits' in result);
  assert.deepEqual(Object.keys(result.edits), ['frr.conf']);
  assert.equal(apply(at.text, result.edits['frr.conf']!), at.text.replaceAll(' IN ', ' FROM-TOR '));
});

test('rename refuses names FRR cannot read and things that are not names', () => {
  const { ws, offset } = setup({ uri: 'extras.yaml', text: extrasYaml(EXTRAS.replace('prefix-list good\n', 'prefix-list go‸od\n')) });
  assert.deepEqual(rename(ws, 'extras.yaml', offset, 'two words'), { error: '"two words" is not a valid name: FRR names are one word.' });
  const keyword = setup({ uri: 'extras.yaml', text: extrasYaml(EXTRAS.replace('permit 10', 'per‸mit 10')) });
  assert.equal(prepareRename(keyword.ws, 'extras.yaml', keyword.offset), undefined);
});

test('YAML renames quote what a plain scalar cannot hold', () => {
  const { ws, offset } = setup({ uri: 'peers.yaml', text: PEERS_YAML.replace('name: tor-a', 'name: tor‸-a') });
  const adv = 'apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata:\n  name: adv\nspec:\n  peers:\n  - "tor-a"\n  - tor-b\n';
  const full = workspace({ 'peers.yaml': ws.byUri.get('peers.yaml')!.text, 'adv.yaml': adv });
  const result = rename(full, 'peers.yaml', offset, 'true');
  assert.ok('edits' in result);
  assert.deepEqual(result.edits['adv.yaml']!.map((e) => e.newText), ['"true"']);
  assert.deepEqual(result.edits['peers.yaml']!.map((e) => e.newText), ['"true"']);
});

// ---- names frr-k8s generates (frr-k8s mode) and MetalLB's (FRR mode) ---------------------------

/** Definitions of the prefix-list `name` matched by a rawConfig route-map, or by the extras' when `extras`. */
function listDefinitions(marked: string, mode: 'frr' | 'frr-k8s', extras = false): string[] {
  const body = `route-map 10.0.0.3-in permit 5\n  match ip address prefix-list ${marked}\n`;
  const at = cursor(extras ? extrasYaml(body) : frrConfigurationYaml(body));
  const files = { 'peers.yaml': PEERS_YAML + INTERFACE_PEER_YAML, 'frr.yaml': extras ? frrConfigurationYaml('') : at.text, ...(extras ? { 'extras.yaml': at.text } : {}) };
  const ws = workspace(files, mode);
  // A YAML mapping's range runs to its last line break.
  return texts(ws, findDefinition(ws, extras ? 'extras.yaml' : 'frr.yaml', at.offset)).map((t) => t.trimEnd());
}

test('frr-k8s mode: a generated list leads to the BGPPeer behind MetalLB’s generated FRRConfiguration and to the field of yours frr-k8s renders it from', () => {
  assert.deepEqual(listDefinitions('10.0.0.1-allo‸wed-ipv4', 'frr-k8s'), ['frr.yaml:prefixes: [192.168.10.0/24]', 'peers.yaml:10.0.0.1']);
  assert.deepEqual(listDefinitions('10.0.0.3-in‸pl-ipv4', 'frr-k8s'), ['frr.yaml:prefixes:\n            - prefix: 172.16.0.0/16']);
  assert.deepEqual(listDefinitions('10.0.0.3-allowed-ip‸v6', 'frr-k8s'), ['frr.yaml:mode: all']);
  assert.deepEqual(listDefinitions('10.0.0.3-2‸00-ip-localpref-prefixes', 'frr-k8s'), ['frr.yaml:200']);
  // frr-k8s names the list with the community as it prints it.
  assert.deepEqual(listDefinitions('10.0.0.3-65000:1‸00-ipv6-community-prefixes', 'frr-k8s'), ['frr.yaml:"065000:0100"']);
  assert.deepEqual(listDefinitions('10.0.0.3-065000:0‸100-ip-community-prefixes', 'frr-k8s'), []);
});

test('frr-k8s mode: `-inpl-dual` of an interface neighbor and `-denied-inpl-` (--always-block) lead to the neighbor; `-pl-` is no name of frr-k8s', () => {
  assert.deepEqual(listDefinitions('eth1-in‸pl-dual', 'frr-k8s'), ['peers.yaml:eth1']);
  // No FRRConfiguration field sets --always-block: the list leads to the neighbor it is named after.
  assert.deepEqual(listDefinitions('10.0.0.1-denied-in‸pl-ipv4', 'frr-k8s'), ['frr.yaml:10.0.0.1', 'peers.yaml:10.0.0.1']);
  assert.deepEqual(listDefinitions('eth1-denied-inpl-d‸ual', 'frr-k8s'), ['peers.yaml:eth1']);
  assert.deepEqual(listDefinitions('10.0.0.1-p‸l-ipv4', 'frr-k8s'), []);
  assert.deepEqual(listDefinitions('10.0.0.1-p‸l-ipv4', 'frr-k8s', true), []);
  assert.deepEqual(listDefinitions('10.0.0.1-denied-in‸pl-ipv4', 'frr-k8s', true), ['frr.yaml:10.0.0.1', 'peers.yaml:10.0.0.1']);
});

test('FRR mode: the extras’ names lead to the BGPPeer as MetalLB names them; frr-k8s’s names and rawConfig do not', () => {
  assert.deepEqual(listDefinitions('10.0.0.1-p‸l-ipv4', 'frr', true), ['peers.yaml:10.0.0.1']);
  assert.deepEqual(listDefinitions('10.0.0.1-allo‸wed-ipv4', 'frr', true), ['peers.yaml:10.0.0.1']);
  assert.deepEqual(listDefinitions('10.0.0.1-denied-in‸pl-ipv4', 'frr', true), []);
  assert.deepEqual(listDefinitions('eth1-in‸pl-dual', 'frr', true), []);
  assert.deepEqual(listDefinitions('10.0.0.1-allo‸wed-ipv4', 'frr'), []);
});

test('frr-k8s mode: references and renames of a BGPPeer reach the rawConfig names frr-k8s derives from it', () => {
  const raw = [
    'route-map 10.0.0.1-in permit 5',
    '  match ip address prefix-list 10.0.0.1-denied-inpl-ipv4',
    'route-map 10.0.0.1-in permit 6',
    '  match ip address prefix-list 10.0.0.1-pl-ipv4',
    'router bgp 64512',
    ' neighbor 10.0.0.1 remote-as 64513',
    '',
  ].join('\n');
  const at = cursor(PEERS_YAML.replace('peerAddress: 10.0.0.1', 'peerAddress: 10.0.‸0.1'));
  const run = (mode: 'frr' | 'frr-k8s') => {
    const ws = workspace({ 'peers.yaml': at.text, 'frr.yaml': frrConfigurationYaml(raw) }, mode);
    return { ws, references: texts(ws, findReferences(ws, 'peers.yaml', at.offset)) };
  };
  const k8s = run('frr-k8s');
  assert.deepEqual(k8s.references, [
    'frr.yaml:10.0.0.1-in',
    'frr.yaml:10.0.0.1-denied-inpl-ipv4',
    'frr.yaml:10.0.0.1-in',
    'frr.yaml:10.0.0.1',
    'peers.yaml:10.0.0.1',
  ]);
  const result = rename(k8s.ws, 'peers.yaml', at.offset, '10.0.0.9');
  assert.ok('edits' in result);
  const renamed = apply(k8s.ws.byUri.get('frr.yaml')!.text, result.edits['frr.yaml']!);
  assert.match(renamed, /prefix-list 10\.0\.0\.9-denied-inpl-ipv4\n/);
  assert.match(renamed, /prefix-list 10\.0\.0\.1-pl-ipv4\n/, 'MetalLB’s FRR-mode name is no name of frr-k8s');
  assert.match(renamed, /neighbor 10\.0\.0\.9 remote-as/);
  assert.deepEqual(run('frr').references, ['peers.yaml:10.0.0.1'], 'in FRR mode rawConfig is not MetalLB’s');
});
