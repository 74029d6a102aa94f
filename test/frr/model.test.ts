/** Batfish-style model tests: parse a config string, assert definitions and references by kind, name and range. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, definitionsAt, referencesAt, symbolAt, type FrrModel, type SymbolKind } from '../../server/src/service/frr/model';
import { parseFrr } from '../../server/src/service/frr/parser';

function model(text: string): FrrModel {
  return buildModel(parseFrr(text));
}

/** Offset of the `nth` occurrence of `word` as a whole token. */
function at(text: string, word: string, nth = 0): { start: number; end: number } {
  let from = 0;
  for (let i = 0; ; i++) {
    const start = text.indexOf(word, from);
    assert.ok(start >= 0, `"${word}" occurs ${nth + 1} times`);
    const before = text[start - 1];
    const after = text[start + word.length];
    const whole = (before === undefined || /\s/.test(before)) && (after === undefined || /\s/.test(after));
    if (whole && i === nth) return { start, end: start + word.length };
    if (!whole) i--;
    from = start + 1;
  }
}

/** Only the offsets: a one-word name's range is its token, which also carries the text. */
function span(range: { start: number; end: number }) {
  return { start: range.start, end: range.end };
}

function defs(m: FrrModel, kind: SymbolKind, name: string, scope = '') {
  return m.symbols.get(`${kind}|${scope}|${name}`)?.definitions.map((d) => span(d.range)) ?? [];
}

function refs(m: FrrModel, kind: SymbolKind, name: string, scope = '') {
  return m.symbols.get(`${kind}|${scope}|${name}`)?.references.filter((r) => !r.configures).map((r) => span(r.range)) ?? [];
}

const CONFIG = `ip prefix-list PL4 seq 5 permit 10.0.0.0/8 le 24
ip prefix-list PL4 permit 11.0.0.0/8
ipv6 prefix-list PL6 permit 2001:db8::/32
bgp community-list standard CL permit 64512:1
bgp large-community-list standard LCL permit 64512:1:1
bgp as-path access-list AP permit _64513_
access-list ACL permit 10.0.0.0/8
route-map RM-IN permit 10
 match ip address prefix-list PL4
 match ipv6 address prefix-list PL6
 match community CL
 match large-community LCL
 match as-path AP
 match ip address ACL
 call RM-SUB
 on-match goto 20
route-map RM-SUB permit 10
 set comm-list CL delete
route-map RM-NET permit 10
bfd
 profile FAST
 peer 10.0.0.1
  profile FAST
 exit
exit
vrf red
exit-vrf
router bgp 64512
 neighbor SPINE peer-group
 neighbor SPINE remote-as external
 neighbor 10.0.0.1 remote-as 64513
 neighbor 10.0.0.1 bfd profile FAST
 neighbor 10.0.0.2 peer-group SPINE
 neighbor eth0 interface peer-group SPINE
 address-family ipv4 unicast
  network 192.0.2.0/24 route-map RM-NET
  neighbor 10.0.0.1 route-map RM-IN in
  neighbor 10.0.0.1 prefix-list PL4 out
  neighbor 10.0.0.1 filter-list AP in
 exit-address-family
exit
router bgp 64512 vrf red
 neighbor 10.0.0.1 remote-as 64514
 address-family ipv4 unicast
  redistribute connected route-map RM-NET
  import vrf route-map RM-NET
 exit-address-family
exit
`;

test('definitions: every structure with the range of its name token', () => {
  const m = model(CONFIG);
  assert.deepEqual(defs(m, 'ip-prefix-list', 'PL4'), [at(CONFIG, 'PL4', 0), at(CONFIG, 'PL4', 1)]);
  assert.deepEqual(defs(m, 'ipv6-prefix-list', 'PL6'), [at(CONFIG, 'PL6', 0)]);
  assert.deepEqual(defs(m, 'ip-prefix-list', 'PL6'), []);
  assert.deepEqual(defs(m, 'community-list', 'CL'), [at(CONFIG, 'CL', 0)]);
  assert.deepEqual(defs(m, 'large-community-list', 'LCL'), [at(CONFIG, 'LCL', 0)]);
  assert.deepEqual(defs(m, 'as-path-list', 'AP'), [at(CONFIG, 'AP', 0)]);
  assert.deepEqual(defs(m, 'access-list', 'ACL'), [at(CONFIG, 'ACL', 0)]);
  assert.deepEqual(defs(m, 'route-map', 'RM-IN'), [at(CONFIG, 'RM-IN', 0)]);
  assert.deepEqual(defs(m, 'bfd-profile', 'FAST'), [at(CONFIG, 'FAST', 0)]);
  assert.deepEqual(defs(m, 'vrf', 'red'), [at(CONFIG, 'red', 0)]);
  assert.deepEqual(defs(m, 'peer-group', 'SPINE'), [at(CONFIG, 'SPINE', 0)]);
  assert.deepEqual(defs(m, 'neighbor', '10.0.0.1'), [at(CONFIG, '10.0.0.1', 1)]);
  assert.deepEqual(defs(m, 'neighbor', '10.0.0.2'), [at(CONFIG, '10.0.0.2', 0)]);
  assert.deepEqual(defs(m, 'neighbor', 'eth0'), [at(CONFIG, 'eth0', 0)]);
  assert.deepEqual(defs(m, 'neighbor', '10.0.0.1', 'red'), [at(CONFIG, '10.0.0.1', 6)]);
  assert.deepEqual(defs(m, 'router-bgp', '64512'), [at(CONFIG, '64512', 0)]);
  assert.deepEqual(defs(m, 'router-bgp', '64512', 'red'), [at(CONFIG, '64512', 1)]);
});

test('references: every use with the range of the name token', () => {
  const m = model(CONFIG);
  assert.deepEqual(refs(m, 'ip-prefix-list', 'PL4'), [at(CONFIG, 'PL4', 2), at(CONFIG, 'PL4', 3)]);
  assert.deepEqual(refs(m, 'ipv6-prefix-list', 'PL6'), [at(CONFIG, 'PL6', 1)]);
  assert.deepEqual(refs(m, 'community-list', 'CL'), [at(CONFIG, 'CL', 1), at(CONFIG, 'CL', 2)]);
  assert.deepEqual(refs(m, 'large-community-list', 'LCL'), [at(CONFIG, 'LCL', 1)]);
  assert.deepEqual(refs(m, 'as-path-list', 'AP'), [at(CONFIG, 'AP', 1), at(CONFIG, 'AP', 2)]);
  assert.deepEqual(refs(m, 'access-list', 'ACL'), [at(CONFIG, 'ACL', 1)]);
  assert.deepEqual(refs(m, 'route-map', 'RM-SUB'), [at(CONFIG, 'RM-SUB', 0)]);
  assert.deepEqual(refs(m, 'route-map', 'RM-IN'), [at(CONFIG, 'RM-IN', 1)]);
  assert.deepEqual(refs(m, 'route-map', 'RM-NET'), [at(CONFIG, 'RM-NET', 1), at(CONFIG, 'RM-NET', 2), at(CONFIG, 'RM-NET', 3)]);
  assert.deepEqual(refs(m, 'bfd-profile', 'FAST'), [at(CONFIG, 'FAST', 1), at(CONFIG, 'FAST', 2)]);
  assert.deepEqual(refs(m, 'peer-group', 'SPINE'), [at(CONFIG, 'SPINE', 2), at(CONFIG, 'SPINE', 3)]);
  assert.deepEqual(refs(m, 'vrf', 'red'), [at(CONFIG, 'red', 1)]);
});

test('lookups: definition at offset and references of the symbol under the cursor', () => {
  const m = model(CONFIG);
  const use = at(CONFIG, 'RM-IN', 1);
  assert.deepEqual(definitionsAt(m, use.start + 2).map((d) => span(d.range)), [at(CONFIG, 'RM-IN', 0)]);
  assert.deepEqual(referencesAt(m, at(CONFIG, 'RM-IN', 0).end).map((r) => span(r.range)), [use]);
  assert.equal(symbolAt(m, at(CONFIG, 'permit', 0).start), undefined);
});

test('prefix-lists: implicit seq is highest + 5, host bits masked, same seq replaces', () => {
  const text = `ip prefix-list A permit 10.0.0.0/8
ip prefix-list A seq 12 permit 11.0.0.0/8
ip prefix-list A permit 12.1.0.0/16 le 24
ip prefix-list A seq 5 deny 13.0.0.0/8
ipv6 prefix-list A permit 2001:db8::/32
`;
  const m = model(text);
  const v4 = m.prefixLists.ipv4.get('A');
  assert.ok(v4);
  assert.deepEqual(v4.entries.map((e) => [e.seq, e.action, e.match?.prefix.length]), [[5, 'deny', 8], [12, 'permit', 8], [17, 'permit', 16]]);
  assert.deepEqual(v4.lines.map((e) => e.status), ['replaced', 'active', 'active', 'active']);
  assert.equal(m.prefixLists.ipv6.get('A')?.entries[0].seq, 5);
});

test('prefix-list entries: tokens and bounds are the words that hold them, where the same text repeats', () => {
  const text = `ip prefix-list 24 seq 24 deny 10.0.0.24/24 le 24 ge 24
no ip prefix-list 24 seq 24 deny 10.0.0.24/24 le 24 ge 24
ip prefix-list V6 permit 2001:db8::/32
ipv6 prefix-list V6 deny any
`;
  const m = model(text);
  const word = (token: { start: number; end: number; text: string } | undefined) => token && { ...span(token), text: token.text };
  const [entry, removal] = m.prefixLists.ipv4.get('24')?.lines ?? [];
  assert.ok(entry && removal);
  assert.deepEqual(word(entry.prefixToken), { ...at(text, '10.0.0.24/24', 0), text: '10.0.0.24/24' });
  assert.deepEqual([word(entry.leToken), word(entry.geToken)], [{ ...at(text, '24', 2), text: '24' }, { ...at(text, '24', 3), text: '24' }]);
  assert.deepEqual([word(removal.prefixToken)?.start, word(removal.leToken)?.start, word(removal.geToken)?.start], [
    at(text, '10.0.0.24/24', 1).start,
    at(text, '24', 6).start,
    at(text, '24', 7).start,
  ]);
  assert.deepEqual(
    [entry.family, entry.action, entry.seq, entry.seqExplicit, entry.any, entry.ge, entry.le, entry.writtenAsIp, entry.status, removal.status],
    ['ipv4', 'deny', 24, true, false, 24, 24, false, 'deleted', 'deleted'],
  );
  assert.deepEqual(entry.prefix, { family: 'ipv4', address: 0x0a000018n, length: 24 });
  assert.deepEqual(entry.match, { prefix: { family: 'ipv4', address: 0x0a000000n, length: 24 }, min: 24, max: 24 });
  assert.equal(span(entry.lineRange).end, text.indexOf('\n'));
  const [abbreviated, any] = m.prefixLists.ipv6.get('V6')?.lines ?? [];
  assert.ok(abbreviated && any);
  assert.deepEqual([abbreviated.family, abbreviated.writtenAsIp, abbreviated.ge, abbreviated.geToken], ['ipv6', true, undefined, undefined]);
  assert.deepEqual([any.any, any.prefix, any.prefixToken, any.match?.min, any.match?.max, any.writtenAsIp], [true, undefined, undefined, 0, 128, false]);
});

test('ranges keep their offsets at the end of the longest line FRR reads whole (4095 characters)', () => {
  const name = 'N'.repeat(4095 - 'ip prefix-list  permit 10.0.0.0/8'.length);
  const text = `ip prefix-list ${name} permit 10.0.0.0/8\nroute-map RM permit 10\n match ip address prefix-list ${name}\n`;
  const m = model(text);
  assert.equal(text.indexOf('\n'), 4095);
  assert.deepEqual(defs(m, 'ip-prefix-list', name), [at(text, name, 0)]);
  assert.deepEqual(refs(m, 'ip-prefix-list', name), [at(text, name, 1)]);
  assert.deepEqual(span(m.prefixLists.ipv4.get(name)?.lines[0]?.prefixToken ?? { start: -1, end: -1 }), at(text, '10.0.0.0/8'));
});

test('route-maps: the other action flips the entry and keeps its clauses; a second match of a kind replaces the first', () => {
  const text = `route-map X-in deny 20
route-map X-in permit 20
 match ip address prefix-list A
 match ip address prefix-list B
 match community C
route-map X-in deny 20
`;
  const m = model(text);
  const entry = m.routeMaps.get('X-in')?.entries[0];
  assert.ok(entry);
  assert.equal(entry.action, 'deny');
  assert.deepEqual(entry.headers.map((h) => h.action), ['deny', 'permit', 'deny']);
  assert.deepEqual([...entry.matches.keys()].sort(), ['rmap-match-community', 'rmap-match-ip-address-prefix-list']);
  assert.equal(entry.matches.get('rmap-match-ip-address-prefix-list')?.args.name.value, 'B');
  assert.equal(entry.replaced.length, 1);
});

test('route-maps: clauses keep FRR\'s order by kind; a kind removed and added again comes last', () => {
  const text = `route-map X permit 10
 match ip address prefix-list A
 set local-preference 100
 match community C
 no match ip address prefix-list A
 match ip address prefix-list B
 set local-preference 200
`;
  const entry = model(text).routeMaps.get('X')?.entries[0];
  assert.ok(entry);
  assert.deepEqual([...entry.matches].map(([kind, clause]) => [kind, clause.line]), [['rmap-match-community', 3], ['rmap-match-ip-address-prefix-list', 5]]);
  assert.deepEqual([...entry.sets].map(([kind, clause]) => [kind, clause.line]), [['rmap-set-local-preference', 6]]);
  assert.deepEqual(entry.replaced.map(({ clause, by }) => [clause.line, by.line]), [[2, 6]]);
  assert.deepEqual(entry.headers.map((header) => [header.line, span(header.actionRange)]), [[0, at(text, 'permit', 0)]]);
});

test('bgp: one ASN per VRF, neighbors per instance, uses before definition recorded', () => {
  const text = `router bgp 64512
 neighbor 10.0.0.1 timers 3 9
 neighbor 10.0.0.1 remote-as 64513
router bgp 64999
 neighbor 10.0.0.5 remote-as 1
router bgp 64999 vrf blue
 neighbor 10.0.0.1 remote-as 64513
`;
  const m = model(text);
  assert.deepEqual([...m.routers.values()].map((r) => [r.asn, r.vrf]), [['64512', ''], ['64999', 'blue']]);
  assert.equal(m.rejectedRouters.length, 1);
  assert.equal(m.rejectedRouters[0].runningAsn, '64512');
  assert.deepEqual(defs(m, 'neighbor', '10.0.0.5'), []);
  assert.deepEqual(m.neighborUses.filter((u) => u.resolved === 'unknown').map((u) => span(u.peerRange)), [at(text, '10.0.0.1', 0)]);
});

test('junk, binary and half-typed input build a model without throwing', () => {
  const junk = ['\u0000\u0001\uffff route-map', 'route-map', 'route-map X permit', 'ip prefix-list', 'ip prefix-list A seq 5 permit 10.0.0.0/', 'router bgp\n neighbor', 'neighbor 1.1.1.1 remote-as 1', 'x'.repeat(100000)];
  for (const text of junk) assert.doesNotThrow(() => model(text));
});
