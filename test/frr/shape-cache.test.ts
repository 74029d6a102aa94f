/**
 * The matcher walks the command graph once per line shape and the lexer shares repeated words:
 * a cached verdict must be exactly what a fresh walk gives, and every line must bind its own words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_COMMANDS } from '../../server/src/service/frr/commands';
import { buildNodeTables, Matcher } from '../../server/src/service/frr/grammar/match';
import { keywordShape, mayBeTyped, typedShape } from '../../server/src/service/frr/grammar/shapes';
import { HASH_SEED, hashStep, WordInterner } from '../../server/src/service/frr/intern';
import { parseFrr } from '../../server/src/service/frr/parser';
import type { NodeId } from '../../server/src/service/frr/syntax';

const tables = buildNodeTables(ALL_COMMANDS);

function words(line: string): string[] {
  return line.split(' ');
}

/** Lines that share a shape with an earlier one, or differ from it only where matching looks. */
const SEQUENCES: { node: NodeId; lines: string[] }[] = [
  { node: 'CONFIG', lines: ['route-map A permit 10', 'route-map B permit 65535', 'route-map C permit 65536', 'route-map D permit +7', 'route-map E permit 010'] },
  { node: 'CONFIG', lines: ['ip prefix-list L seq 5 permit 10.0.0.0/8', 'ip prefix-list L seq 5 permit 10.0.0.0/33', 'ip prefix-list L seq 5 permit 2001:db8::/32', 'i prefix-list L seq 5 permit 10.0.0.0/8'] },
  { node: 'BGP', lines: ['neighbor 10.0.0.1 remote-as 64512', 'neighbor 10.0.0.2 remote-as 4294967296', 'neighbor 10.0.0.3 remote-as 1.5', 'neighbor fe80::1 remote-as internal', 'neighbor PG remote-as external'] },
  { node: 'BGP_IPV4', lines: ['neighbor 10.0.0.1 route-map RM-in in', 'neighbor 10.0.0.2 route-map RM-out out', 'neighbor 10.0.0.3 route-map RM-x sideways', 'no neighbor 10.0.0.4 route-map'] },
  { node: 'RMAP', lines: ['description one', 'description one two three', 'description a b', 'set community 65000:1 65000:2 additive', 'set community 1:1'] },
];

test('a cached verdict equals a fresh walk, line after line, in every version', () => {
  for (const version of ['any', '8.4', '9.1', '10.x'] as const) {
    for (const { node, lines } of SEQUENCES) {
      const table = tables.get(node)!;
      const shared = new Matcher(version);
      for (const line of [...lines, ...lines]) {
        const fresh = new Matcher(version).match(table, words(line));
        assert.deepEqual(shared.match(table, words(line)), fresh, `${version} ${node}: ${line}`);
      }
    }
  }
});

test('lines of one shape each bind their own words', () => {
  const text = ['router bgp 64512', ' address-family ipv4 unicast', '  neighbor 10.0.0.1 route-map A-in in', '  neighbor 10.0.0.2 route-map B-in in'].join('\n');
  const [, , first, second] = parseFrr(text).lines;
  assert.equal(first!.command!.args.peer!.value, '10.0.0.1');
  assert.equal(second!.command!.args.peer!.value, '10.0.0.2');
  assert.deepEqual(second!.command!.args.name!.tokens[0], second!.tokens[3]);
  assert.equal(second!.command!.args.name!.value, 'B-in');
});

test('a range bound on one line of a shape still rejects the next', () => {
  const parse = parseFrr('route-map A permit 65535\nroute-map B permit 65536\n');
  assert.deepEqual(
    parse.lines.slice(0, 2).map((l) => l.kind),
    ['command', 'error'],
  );
});

test('word shapes: keywords by text, typed words by what accepts them, the rest alike', () => {
  assert.equal(keywordShape('neigh'), '=neigh');
  assert.equal(keywordShape('10.0.0.1'), undefined);
  assert.equal(mayBeTyped('10.0.0.1-in'), false);
  assert.equal(mayBeTyped('RM-in'), false);
  assert.equal(mayBeTyped('-5'), true);
  assert.equal(mayBeTyped('5-3'), false);
  assert.equal(mayBeTyped('fe80::1'), true);
  assert.equal(mayBeTyped('aa:bb:cc:dd:ee:ff'), true);
  assert.equal(typedShape('10.0.0.1'), typedShape('192.168.7.9'));
  assert.notEqual(typedShape('10.0.0.1'), typedShape('10.0.0.0/8'));
  assert.notEqual(typedShape('65535'), typedShape('65536'));
  assert.notEqual(typedShape('+7'), typedShape('7'), 'ranges read both as 7, but ASNUM refuses the sign');
});

function hashOf(text: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

test('interned words are the text at their offsets, even when hashes collide or the table is full', () => {
  const text = 'neighbor remote-as neighbor remotE-as';
  const interner = new WordInterner(1);
  const spans: [number, number][] = [[0, 8], [9, 18], [19, 27], [28, 37]];
  for (const [start, end] of spans) {
    assert.equal(interner.word(text, start, end, hashOf(text.slice(start, end))), text.slice(start, end));
  }
  // Every word under one hash: only the characters decide.
  for (const [start, end] of spans) assert.equal(interner.word(text, start, end, 7), text.slice(start, end));
  const many = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
  let at = 0;
  for (const word of many.split(' ')) {
    assert.equal(interner.word(many, at, at + word.length, hashOf(word)), word);
    at += word.length + 1;
  }
});
