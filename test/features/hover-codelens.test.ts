import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../server/src/service/features/codeLens';
import { buildModel } from '../../server/src/service/frr/model';
import { parseFrr } from '../../server/src/service/frr/parser';
import { renderFrrK8s } from '../../server/src/service/metallb/frrk8s';
import { rawContext } from '../../server/src/service/metallb/extras/rawContext';
import { fromSourceOffset, reindentForBlock, yamlScalar, embeddedSpelling } from '../../server/src/service/features/embeddedOffsets';
import { hover } from '../../server/src/service/features/hover';
import { buildWorkspaceIndex, frrViewAt, type WorkspaceIndex } from '../../server/src/service/features/workspaceIndex';
import { parseManifests } from '../../server/src/service/k8s/parse';
import type { BgpExtrasConfigMap } from '../../server/src/service/k8s/resources';
import { cursor, extrasYaml, frrConfigurationYaml, INTERFACE_PEER_YAML, PEERS_YAML, workspace } from './helpers';

const EXTRAS = [
  'route-map 10.0.0.1-in permit 10',
  '  match ip address prefix-list good',
  'ip prefix-list good seq 5 permit 172.16.0.0/16 le 32',
  'ip prefix-list good permit 10.0.0.0/8',
  '',
].join('\n');

function hoverAt(marked: string) {
  const at = cursor(marked);
  const ws = workspace({ 'peers.yaml': PEERS_YAML, 'extras.yaml': at.text });
  return { result: hover(ws, 'extras.yaml', at.offset), text: at.text };
}

test('hover on a route-map name: its entries and the BGPPeer it belongs to', () => {
  const { result, text } = hoverAt(extrasYaml(EXTRAS.replace('10.0.0.1-in', '10.0.0.1‸-in')));
  assert.ok(result);
  assert.equal(text.slice(result.range.start, result.range.end), '10.0.0.1-in');
  assert.match(result.contents, /route-map 10\.0\.0\.1-in permit 10\n match ip address prefix-list good/);
  assert.match(result.contents, /\*\*BGPPeer tor-a\*\* \(peers\.yaml\): routes received from neighbor `10\.0\.0\.1`/);
  assert.match(result.contents, /AS 64513 · local AS 64512 · BFD profile fast · on every node/);
});

test('hover on a prefix-list reference: its entries, with the seq FRR gives the seqless one', () => {
  const { result } = hoverAt(extrasYaml(EXTRAS.replace('prefix-list good\n', 'prefix-list g‸ood\n')));
  assert.match(result!.contents, /ip prefix-list good seq 5 permit 172\.16\.0\.0\/16 le 32\nip prefix-list good permit 10\.0\.0\.0\/8 {4}! seq 10/);
});

test('hover on a keyword: the command syntax and meaning', () => {
  const { result, text } = hoverAt(extrasYaml(EXTRAS.replace('  match ip', '  ma‸tch ip')));
  assert.match(result!.contents, /match ip address prefix-list PREFIXLIST4_NAME/);
  assert.match(result!.contents, /prefix-list that does not exist matches nothing/);
  assert.equal(text.slice(result!.range.start, result!.range.end), 'match ip address prefix-list good');
  const blank = hoverAt(extrasYaml(`${EXTRAS}‸`));
  assert.equal(blank.result, undefined);
});

function listHover(list: string, mode: 'frr' | 'frr-k8s') {
  const at = cursor(extrasYaml(`route-map 10.0.0.1-out permit 10\n  match ip address prefix-list ${list}\n`));
  const docs = [
    { uri: 'peers.yaml', kind: 'yaml' as const, text: PEERS_YAML },
    { uri: 'extras.yaml', kind: 'yaml' as const, text: at.text },
  ];
  return hover(buildWorkspaceIndex(docs, { metallb: { metallbVersion: '0.16', mode } }), 'extras.yaml', at.offset)?.contents ?? '';
}

test('hover on a generated prefix-list: MetalLB’s in FRR mode', () => {
  assert.match(listHover('10.0.0.1‸-allowed-ipv4', 'frr'), /: MetalLB’s list of prefixes announced to neighbor `10\.0\.0\.1`/);
  assert.doesNotMatch(listHover('10.0.0.1‸-allowed-ipv4', 'frr'), /frr-k8s renders/);
  assert.match(listHover('10.0.0.1‸-pl-ipv4', 'frr'), /MetalLB’s list of prefixes announced to/);
});

test('hover on a generated prefix-list in frr-k8s mode: frr-k8s renders it, and from which FRRConfiguration field', () => {
  const allowed = listHover('10.0.0.1‸-allowed-ipv4', 'frr-k8s');
  assert.match(allowed, /: frr-k8s’s list of prefixes announced to neighbor `10\.0\.0\.1`/);
  assert.match(allowed, /frr-k8s renders it from `toAdvertise\.allowed` in MetalLB’s generated FRRConfiguration \(from the BGPAdvertisements\) and in any of yours/);
  assert.doesNotMatch(allowed, /MetalLB’s list/);
  const localPref = listHover('10.0.0.1‸-200-ip-localpref-prefixes', 'frr-k8s');
  assert.match(localPref, /frr-k8s’s local-preference prefixes for neighbor `10\.0\.0\.1`/);
  assert.match(localPref, /`toAdvertise\.withLocalPref` in MetalLB’s generated FRRConfiguration \(from a BGPAdvertisement’s `localPref`\)/);
  const community = listHover('10.0.0.1‸-10:1-ip-community-prefixes', 'frr-k8s');
  assert.match(community, /frr-k8s’s community prefixes for/);
  assert.match(community, /`toAdvertise\.withCommunity`/);
  // MetalLB's generated FRRConfiguration receives nothing: what an -inpl- list accepts is the user's toReceive.
  const inpl = listHover('10.0.0.1‸-inpl-dual', 'frr-k8s');
  assert.match(inpl, /frr-k8s’s list of prefixes accepted from neighbor `10\.0\.0\.1`/);
  assert.match(inpl, /`toReceive\.allowed` in your FRRConfigurations for this neighbor; MetalLB’s generated one accepts nothing/);
  // frr-k8s never renders MetalLB's pre-v0.15 `-pl-` name: it belongs to no BGPPeer there.
  assert.doesNotMatch(listHover('10.0.0.1‸-pl-ipv4', 'frr-k8s'), /BGPPeer/);
});

/** Hover on `list` in a rawConfig, beside the BGPPeers (an unnumbered one included). */
function rawListHover(list: string, mode: 'frr' | 'frr-k8s') {
  const at = cursor(frrConfigurationYaml(`route-map 10.0.0.3-in permit 5\n  match ip address prefix-list ${list}\n`));
  const ws = workspace({ 'peers.yaml': PEERS_YAML + INTERFACE_PEER_YAML, 'frr.yaml': at.text }, mode);
  return hover(ws, 'frr.yaml', at.offset)?.contents ?? '';
}

test('hover in frr-k8s mode: frr-k8s’s --always-block list and the `-dual` lists of an unnumbered neighbor', () => {
  const denied = rawListHover('10.0.0.1-denied‸-inpl-ipv4', 'frr-k8s');
  assert.match(denied, /\*\*BGPPeer tor-a\*\* \(peers\.yaml\): frr-k8s’s list of prefixes always refused from neighbor `10\.0\.0\.1`/);
  assert.match(denied, /frr-k8s renders it from its own `--always-block` setting/);
  assert.match(rawListHover('eth1-denied‸-inpl-dual', 'frr-k8s'), /\*\*BGPPeer tor-eth1\*\* \(peers\.yaml\): frr-k8s’s list of prefixes always refused from neighbor `eth1`/);
  assert.match(rawListHover('eth1‸-inpl-dual', 'frr-k8s'), /\*\*BGPPeer tor-eth1\*\* \(peers\.yaml\): frr-k8s’s list of prefixes accepted from neighbor `eth1`/);
  // In FRR mode neither is a name MetalLB renders.
  assert.doesNotMatch(rawListHover('10.0.0.1-denied‸-inpl-ipv4', 'frr'), /BGPPeer/);
  assert.doesNotMatch(rawListHover('eth1‸-inpl-dual', 'frr'), /BGPPeer/);
});

test('hover in frr-k8s mode: the FRRConfigurations declaring the neighbor, merged with the BGPPeer of the same ID', () => {
  assert.match(rawListHover('10.0.0.1‸-allowed-ipv4', 'frr-k8s'), /on every node\n\nfrr-k8s merges it with the neighbor of \*\*FRRConfiguration tor-c\*\* \(frr\.yaml\)\.\n\nfrr-k8s renders it from `toAdvertise\.allowed`/);
  const own = rawListHover('10.0.0.3‸-inpl-ipv4', 'frr-k8s');
  assert.match(own, /^\*\*ip prefix-list 10\.0\.0\.3-inpl-ipv4\*\*: not defined/);
  assert.match(own, /\*\*FRRConfiguration tor-c\*\* \(frr\.yaml\): frr-k8s’s list of prefixes accepted from neighbor `10\.0\.0\.3`\n\nfrr-k8s renders it from `toReceive\.allowed`/);
  assert.doesNotMatch(own, /BGPPeer/);
  assert.doesNotMatch(rawListHover('10.0.0.3‸-inpl-ipv4', 'frr'), /FRRConfiguration tor-c/);
});

const NODES = ['a', 'b', 'c']
  .map((n) => `---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-${n}\n  labels:\n    rack: ${n === 'c' ? 'r2' : 'r1'}\n`)
  .join('');
const RACK_PEER = '---\napiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: rack1\n  namespace: metallb-system\nspec:\n  myASN: 64512\n  peerASN: 64600\n  peerAddress: 10.9.0.1\n  nodeSelectors:\n  - matchLabels:\n      rack: r1\n';

/** Without a mode the index has no MetalLB options (and no per-node renders). */
function lenses(body: string, mode?: 'frr' | 'frr-k8s') {
  const ws = workspace({ 'peers.yaml': PEERS_YAML + NODES + RACK_PEER, 'extras.yaml': extrasYaml(body) }, mode);
  const text = ws.byUri.get('extras.yaml')!.text;
  return codeLenses(ws, 'extras.yaml').map((lens) => `${text.slice(lens.range.start, lens.range.end)} → ${lens.title}`);
}

test('code lens on each -in entry: what it admits, from whom, on how many nodes', () => {
  const body = [
    'route-map 10.0.0.1-in permit 10',
    ' match ip address prefix-list good',
    'ip prefix-list good seq 5 permit 172.16.0.0/16 le 32',
    'route-map 10.0.0.2-in permit 20',
    ' match ip address prefix-list good',
    'route-map 10.1.0.1-red-in permit 30',
    'route-map 10.9.0.1-in deny 5',
    ' match ip address prefix-list missing',
    'route-map 10.9.0.1-in permit 6',
    'route-map 10.0.0.1-in deny 20',
    'route-map 10.9.0.1-in deny 20',
    ' match ip address prefix-list good',
    'route-map unrelated-in permit 10',
    '',
  ].join('\n');
  const expected = [
    'route-map 10.0.0.1-in permit 10 → admits 172.16.0.0/16 le 32 from tor-a (10.0.0.1) on all 3 nodes',
    'route-map 10.0.0.2-in permit 20 → unstable: MetalLB re-sends `deny 20` on reload and flips this entry between permit and deny',
    'route-map 10.1.0.1-red-in permit 30 → never evaluated: MetalLB’s deny 20 matches every route first',
    'route-map 10.9.0.1-in deny 5 → rejects nothing (prefix-list missing is not defined) from rack1 (10.9.0.1) on 2 nodes',
    'route-map 10.9.0.1-in permit 6 → admits every route from rack1 (10.9.0.1) on 2 nodes',
    'route-map 10.0.0.1-in deny 20 → no effect: re-declares MetalLB’s own deny 20, which rejects every route',
    'route-map 10.9.0.1-in deny 20 → narrows MetalLB’s own deny 20 to 172.16.0.0/16 le 32: other routes go on to later entries, or are rejected at the end of the route-map',
  ];
  assert.deepEqual(lenses(body), expected);
  assert.deepEqual(lenses(body, 'frr'), expected, 'MetalLB’s per-node renders agree with the selectors');
  // frr-k8s renders no `deny 20`, and MetalLB in frr-k8s mode refuses a non-empty bgpextras altogether.
  assert.deepEqual(lenses(body, 'frr-k8s'), []);
});

/**
 * Node-c only (rack r2): a second FRRConfiguration for neighbor 10.0.0.1 adds a local-preference
 * `-out` entry there, so frr-k8s's `-in` entries for it move from seq 3–4 to 4–5 on that node.
 * Its own rawConfig is appended on node-c only, where BGPPeer rack1 (rack r1) has no session.
 */
const RACK2_FRR_CONFIGURATION = `---
apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: rack2
  namespace: frr-k8s-system
spec:
  nodeSelector:
    matchLabels:
      rack: r2
  bgp:
    routers:
    - asn: 64512
      prefixes: [192.168.10.0/24]
      neighbors:
      - address: 10.0.0.1
        asn: 64513
        toAdvertise:
          allowed:
            prefixes: [192.168.10.0/24]
          withLocalPref:
          - localPref: 200
            prefixes: [192.168.10.0/24]
  raw:
    rawConfig: |
      route-map 10.0.0.1-in permit 1
      route-map 10.9.0.1-in permit 1
`;

describe('code lens on the -in entries of a rawConfig (frr-k8s mode)', () => {
  const BODY = [
    'route-map 10.0.0.1-in permit 2',
    ' match ip address prefix-list good',
    'route-map 10.0.0.1-in permit 3',
    'route-map 10.0.0.1-in permit 5',
    'route-map 10.0.0.3-in deny 1',
    ' match ip address prefix-list 10.0.0.3-inpl-ipv4',
    'route-map 10.0.0.3-in permit 7',
    ' match ip address prefix-list good',
    'route-map 10.0.0.9-in permit 1',
    'route-map unrelated-in permit 1',
    'ip prefix-list good seq 5 permit 10.1.0.0/16 le 24',
    '',
  ].join('\n');
  const TOR_A = 'neighbor 10.0.0.1 (FRRConfiguration tor-c, BGPPeer tor-a)';

  function rawLenses(ws: WorkspaceIndex, uri: string): string[] {
    const text = ws.byUri.get(uri)!.text;
    return codeLenses(ws, uri).map((lens) => `${text.slice(lens.range.start, lens.range.end)} → ${lens.title}`);
  }

  function cluster(files: Record<string, string> = {}, mode: 'frr' | 'frr-k8s' = 'frr-k8s'): WorkspaceIndex {
    return workspace({ 'peers.yaml': PEERS_YAML + NODES + RACK_PEER, 'frr.yaml': frrConfigurationYaml(BODY), ...files }, mode);
  }

  test('before, at and after frr-k8s’s entries (seq 3–4 after the two -out ones); unknown neighbors get none', () => {
    assert.deepEqual(rawLenses(cluster(), 'frr.yaml'), [
      `route-map 10.0.0.1-in permit 2 → decides before frr-k8s’s entries (seq 3–4): admits 10.1.0.0/16 le 24 from ${TOR_A} on all 3 nodes`,
      'route-map 10.0.0.1-in permit 3 → same seq as frr-k8s’s permit 3 on all 3 nodes: merges into it (see frrk8s/seq-collision)',
      `route-map 10.0.0.1-in permit 5 → after frr-k8s’s entries (seq 3–4): admits every route toReceive did not accept from ${TOR_A} on all 3 nodes`,
      // frr-k8s's own list counts: its IPv4 entry accepts what toReceive allows. 10.0.0.3 has four -out entries.
      'route-map 10.0.0.3-in deny 1 → decides before frr-k8s’s entries (seq 5–6): rejects 172.16.0.0/16 from neighbor 10.0.0.3 (FRRConfiguration tor-c) on all 3 nodes',
      'route-map 10.0.0.3-in permit 7 → after frr-k8s’s entries (seq 5–6): admits 10.1.0.0/16 le 24 among the routes toReceive did not accept from neighbor 10.0.0.3 (FRRConfiguration tor-c) on all 3 nodes',
    ]);
  });

  test('nodes that disagree: the seqs each reads against, or one lens per reading with its share of the nodes', () => {
    const ws = cluster({ 'rack2.yaml': RACK2_FRR_CONFIGURATION });
    const tor = 'neighbor 10.0.0.1 (FRRConfiguration tor-c, FRRConfiguration rack2, BGPPeer tor-a)';
    assert.deepEqual(rawLenses(ws, 'frr.yaml').slice(0, 5), [
      `route-map 10.0.0.1-in permit 2 → decides before frr-k8s’s entries (seq 3–4 or 4–5): admits 10.1.0.0/16 le 24 from ${tor} on all 3 nodes`,
      'route-map 10.0.0.1-in permit 3 → same seq as frr-k8s’s permit 3 on 2 of 3 nodes: merges into it (see frrk8s/seq-collision)',
      `route-map 10.0.0.1-in permit 3 → decides before frr-k8s’s entries (seq 4–5): admits every route from ${tor} on 1 of 3 nodes`,
      `route-map 10.0.0.1-in permit 5 → after frr-k8s’s entries (seq 3–4): admits every route toReceive did not accept from ${tor} on 2 of 3 nodes`,
      'route-map 10.0.0.1-in permit 5 → same seq as frr-k8s’s permit 5 on 1 of 3 nodes: merges into it (see frrk8s/seq-collision)',
    ]);
    // rack2's rawConfig is appended on node-c only, where frr-k8s renders no session with BGPPeer rack1.
    assert.deepEqual(rawLenses(ws, 'rack2.yaml'), [
      `route-map 10.0.0.1-in permit 1 → decides before frr-k8s’s entries (seq 4–5): admits every route from ${tor} on 1 node`,
    ]);
  });

  /** No option runs frr-k8s with --always-block: this swaps in the render frr-k8s makes with it. */
  function alwaysBlock(ws: WorkspaceIndex): WorkspaceIndex {
    const blocked = [{ family: 'ipv4' as const, prefix: '10.96.0.0/12', le: 0, ge: 0 }];
    for (const node of rawContext(ws.extras!).nodes) {
      const routers = node.config.routers.map((router) => ({ ...router, neighbors: router.neighbors.map((n) => ({ ...n, alwaysBlock: blocked })) }));
      node.rendered = buildModel(parseFrr(renderFrrK8s({ ...node.config, routers, hostname: 'node', extraConfig: '' })));
    }
    return ws;
  }

  test('with --always-block: before its denies, at one of frr-k8s’s entries, or after the denies and the toReceive permits', () => {
    assert.deepEqual(rawLenses(alwaysBlock(cluster()), 'frr.yaml').slice(0, 3), [
      `route-map 10.0.0.1-in permit 2 → decides before frr-k8s’s entries, its --always-block denies included (seq 3–6): admits 10.1.0.0/16 le 24 from ${TOR_A} on all 3 nodes`,
      'route-map 10.0.0.1-in permit 3 → same seq as frr-k8s’s deny 3 on all 3 nodes: merges into it (see frrk8s/seq-collision)',
      'route-map 10.0.0.1-in permit 5 → same seq as frr-k8s’s permit 5 on all 3 nodes: merges into it (see frrk8s/seq-collision)',
    ]);
    const late = alwaysBlock(cluster({ 'frr.yaml': frrConfigurationYaml('route-map 10.0.0.1-in permit 7\n') }));
    assert.deepEqual(rawLenses(late, 'frr.yaml'), [
      `route-map 10.0.0.1-in permit 7 → after frr-k8s’s entries (seq 3–6): admits every route toReceive did not accept and --always-block did not refuse from ${TOR_A} on all 3 nodes`,
    ]);
  });

  test('without Nodes: every node, or the nodes the FRRConfigurations’ selectors pick', () => {
    const ws = workspace({ 'peers.yaml': PEERS_YAML, 'frr.yaml': frrConfigurationYaml('route-map 10.0.0.1-in permit 2\n') }, 'frr-k8s');
    assert.deepEqual(rawLenses(ws, 'frr.yaml'), [`route-map 10.0.0.1-in permit 2 → decides before frr-k8s’s entries (seq 3–4): admits every route from ${TOR_A} on every node`]);
    const selective = workspace({ 'peers.yaml': PEERS_YAML, 'rack2.yaml': RACK2_FRR_CONFIGURATION }, 'frr-k8s');
    assert.deepEqual(rawLenses(selective, 'rack2.yaml'), [
      'route-map 10.0.0.1-in permit 1 → decides before frr-k8s’s entries (seq 4–5): admits every route from neighbor 10.0.0.1 (FRRConfiguration rack2, BGPPeer tor-a) on the nodes selected by FRRConfiguration rack2',
    ]);
  });

  test('FRR mode: a rawConfig gets no lens, and the bgpextras lenses are the FRR-mode ones', () => {
    const ws = cluster({ 'extras.yaml': extrasYaml('route-map 10.0.0.1-in permit 10\n') }, 'frr');
    assert.deepEqual(rawLenses(ws, 'frr.yaml'), []);
    assert.deepEqual(rawLenses(ws, 'extras.yaml'), ['route-map 10.0.0.1-in permit 10 → admits every route from tor-a (10.0.0.1) on all 3 nodes']);
  });
});

test('the reverse offset map lands on the FRR character under a YAML cursor', () => {
  const source = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bgpextras\ndata:\n  extras: |\n    route-map a permit 10\n      match x\n';
  const extras = (parseManifests(source).resources[0] as BgpExtrasConfigMap).extras!.embedded;
  const value = extras.value;
  for (let i = 0; i <= value.length; i++) {
    assert.equal(fromSourceOffset(extras, extras.toSourceOffset(i)), i, `value offset ${i}`);
  }
  assert.equal(fromSourceOffset(extras, source.indexOf('      match') + 2), value.indexOf('  match') , 'inside the block indentation: the start of the line');
});

test('YAML spelling helpers', () => {
  assert.equal(yamlScalar('tor-a', 'plain'), 'tor-a');
  assert.equal(yamlScalar('yes', 'plain'), '"yes"');
  assert.equal(yamlScalar('a: b', 'plain'), '"a: b"');
  assert.equal(yamlScalar("it's", 'single'), "'it''s'");
  assert.equal(yamlScalar('x', 'double'), '"x"');
  const source = 'data:\n  extras: "route-map a permit 10"\n';
  const quoted = { value: 'route-map a permit 10', range: { start: source.indexOf('"'), end: source.lastIndexOf('"') + 1 }, exact: true, toSourceOffset: (i: number) => i, toSourceRange: (r: { start: number; end: number }) => r };
  assert.equal(embeddedSpelling(source, quoted, 'a"b\\c'), 'a\\"b\\\\c');
  const block = 'data:\n  extras: |\n    route-map a permit 10\n';
  const literal = { ...quoted, range: { start: block.indexOf('|'), end: block.length } };
  assert.equal(reindentForBlock(block, literal, 'route-map b permit 10\n match x\n'), 'route-map b permit 10\n     match x\n');
});

test('a YAML cursor maps into the embedded FRR only inside the scalar', () => {
  const text = `${extrasYaml('route-map a permit 10\n')}  other: x\n`;
  const ws = workspace({ 'extras.yaml': text });
  const doc = ws.byUri.get('extras.yaml')!;
  const inside = frrViewAt(doc, text.indexOf('permit'));
  assert.equal(inside?.view.text.slice(inside.offset, inside.offset + 6), 'permit');
  assert.equal(frrViewAt(doc, text.indexOf('other')), undefined);
  assert.equal(frrViewAt(doc, text.indexOf('extras:')), undefined);
});

test('hover on a MetalLB field: its type, meaning and values', () => {
  const peers = PEERS_YAML.replace('peerASN:', 'peer‸ASN:');
  const at = cursor(peers);
  const ws = workspace({ 'peers.yaml': at.text });
  const result = hover(ws, 'peers.yaml', at.offset);
  assert.ok(result);
  assert.equal(at.text.slice(result.range.start, result.range.end), 'peerASN');
  assert.match(result.contents, /^\*\*peerASN\*\* \(integer\)/);
});

test('hover on a field of a YAML file that is not MetalLB gives nothing', () => {
  const at = cursor('apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl‸icas: 2\n');
  const ws = workspace({ 'deploy.yaml': at.text });
  assert.equal(hover(ws, 'deploy.yaml', at.offset), undefined);
});
