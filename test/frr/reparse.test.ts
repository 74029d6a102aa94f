/**
 * Re-reading an edited text must give exactly what reading it whole gives: random configurations
 * (every modelled context, unmodelled blocks with nested sub-contexts, errors, escapes, CRLF,
 * over-long lines), random edits, and chains of edits that each resume from the previous re-read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFrr } from '../../server/src/service/frr/parser';
import { reparseDeltaOf, reparseFrr } from '../../server/src/service/frr/reparse';
import type { ParseResult } from '../../server/src/service/frr/syntax';

/** Well-formed stanzas, so that `exit` lines close what they should. */
const STANZAS: string[][] = [
  ['frr version 8.4.4', 'hostname leaf-1', 'log stdout informational'],
  ['ip prefix-list PL seq 5 permit 10.0.0.0/8 le 24', 'ip prefix-list PL permit 192.168.0.0/16', 'ipv6 prefix-list PL6 seq 1 deny any'],
  ['route-map RM-in permit 10', ' match ip address prefix-list PL', ' set local-preference 200', ' on-match goto 20', 'exit'],
  ['route-map RM-in deny 20', 'route-map RM-out permit 1', ' match ipv6 address prefix-list PL6'],
  [
    'router bgp 64512',
    ' bgp router-id 10.0.0.1',
    ' neighbor 10.0.0.2 remote-as 64513',
    ' neighbor 10.0.0.2 timers 3 9',
    ' neighbor PG peer-group',
    ' address-family ipv4 unicast',
    '  neighbor 10.0.0.2 activate',
    '  neighbor 10.0.0.2 route-map RM-in in',
    '  network 10.1.0.0/16',
    ' exit-address-family',
    ' address-family ipv6 unicast',
    '  network 10.0.0.0/8',
    ' exit-address-family',
    ' address-family l2vpn evpn',
    '  advertise-all-vni',
    ' exit-address-family',
    'exit',
  ],
  ['router bgp 64512 vrf red', ' neighbor 10.0.0.3 remote-as external', 'exit'],
  ['vrf red', 'exit-vrf'],
  ['interface eth0', ' description uplink', 'exit'],
  ['bfd', ' profile fast', '  receive-interval 300', ' peer 10.0.0.2', '  profile fast', ' exit', 'exit'],
  ['router ospf', ' network 10.0.0.0/8 area 0', 'exit'],
  ['segment-routing', ' traffic-eng', '  segment-list SL', '   index 10 mpls label 100', '  exit', ' exit', 'exit'],
  ['router isis CORE', ' segment-routing srv6', '  node-msd', '  exit', ' exit', 'exit'],
  ['line vty', 'exit'],
];

/** Lines that fit anywhere or nowhere: errors, escapes, comments, blanks. */
const LINES = [
  'no such command',
  'route-map',
  'neighbor 10.0.0.9 remote-as 1',
  ' network 10.2.0.0/16',
  'ip prefix-list PL seq 5 permit 10.0.0.1/8',
  '!',
  '! comment',
  '# hash comment',
  '',
  '   ',
  '\t neighbor 10.0.0.3 remote-as external',
];

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function document(next: () => number): string {
  const count = 3 + Math.floor(next() * 30);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.03) out.push(`description ${'x'.repeat(4100)}`);
    // A top-level `exit` ends the reading (nothing after it resumes): rare, so most chains resume.
    else if (r < 0.05) out.push('exit');
    else if (r < 0.3) out.push(pick(next, LINES));
    else out.push(...pick(next, STANZAS));
  }
  const eol = next() < 0.15 ? '\r\n' : '\n';
  return out.join(eol) + (next() < 0.8 ? eol : '');
}

const SNIPPETS = ['\n', ' ', 'x', '!', 'exit\n', '\r', '\r\n', 'route-map A permit 5\n', ' neighbor 10.0.0.2 remote-as 1\n', 'router ospf\n', 'exit-address-family\n', ' address-family ipv4 unicast\n'];

function edit(next: () => number, text: string): string {
  const at = Math.floor(next() * (text.length + 1));
  const removed = next() < 0.5 ? Math.floor(next() * Math.min(60, text.length - at + 1)) : 0;
  const inserted = next() < 0.3 ? '' : next() < 0.5 ? pick(next, SNIPPETS) : `${pick(next, pick(next, STANZAS))}\n`;
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

/** Everything a parse result says, as plain data. */
function snapshot(result: ParseResult): unknown {
  return {
    lines: result.lines.map((line) => ({
      index: line.index,
      start: line.start,
      end: line.end,
      line: line.line,
      range: line.range,
      kind: line.kind,
      node: line.node,
      nodeAfter: line.nodeAfter,
      block: line.block,
      escapedFrom: line.escapedFrom,
      tokens: line.tokens.map((t) => [t.text, t.start, t.end]),
      command: line.command && {
        id: line.command.id,
        negated: line.command.negated,
        args: Object.entries(line.command.args).map(([name, arg]) => [name, arg.value, arg.tokens.map((t) => [t.start, t.end])]),
      },
    })),
    blocks: result.blocks.map((b) => ({ ...b })),
    findings: result.findings,
  };
}

/** The delta names exactly the lines that left and joined: every other line is the same object, moved. */
function assertDelta(before: ReadonlySet<unknown>, result: ParseResult, message: string): void {
  const delta = reparseDeltaOf(result);
  if (!delta) return;
  const after = new Set(result.lines);
  assert.deepStrictEqual(
    delta.added.map((line) => line.index),
    result.lines.filter((line) => !before.has(line)).map((line) => line.index),
    message,
  );
  assert.ok(delta.removed.every((line) => before.has(line) && !after.has(line)), message);
  assert.equal(before.size - delta.removed.length + delta.added.length, after.size, message);
}

test('a re-read edited text equals a whole reading, over chains of random edits', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const next = random(seed);
    let text = document(next);
    let result = parseFrr(text);
    for (let step = 0; step < 6; step++) {
      text = edit(next, text);
      const previous = result;
      const before = new Set(previous.lines);
      result = reparseFrr(previous, text);
      assert.deepStrictEqual(snapshot(result), snapshot(parseFrr(text)), `seed ${seed}, edit ${step + 1}`);
      if (result !== previous) assertDelta(before, result, `seed ${seed}, edit ${step + 1}`);
    }
  }
});

test('re-reading with another FRR version reads the text whole', () => {
  const text = 'router bgp 64512\n neighbor 10.0.0.2 remote-as 1.5\n';
  const any = parseFrr(text);
  assert.deepStrictEqual(snapshot(reparseFrr(any, text, { frrVersion: '8.4' })), snapshot(parseFrr(text, { frrVersion: '8.4' })));
});

test('a text ended early by a top-level exit is read whole again', () => {
  const before = 'hostname a\nexit\nhostname b\n';
  const after = 'hostname a\nexi\nhostname b\n';
  assert.deepStrictEqual(snapshot(reparseFrr(parseFrr(before), after)), snapshot(parseFrr(after)));
});

test('binary junk and lines over 4095 bytes edited in and out re-read like a whole reading', () => {
  const next = random(7);
  const junk = () => Array.from({ length: 1 + Math.floor(next() * 300) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join('');
  let text = `${STANZAS.flat().join('\n')}\n`;
  let result = parseFrr(text);
  for (let step = 0; step < 60; step++) {
    const at = Math.floor(next() * (text.length + 1));
    const inserted = step % 3 === 0 ? junk() : step % 3 === 1 ? `description ${'y'.repeat(4090 + Math.floor(next() * 20))}\n` : '';
    const removed = step % 3 === 2 ? Math.floor(next() * 200) : 0;
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    result = reparseFrr(result, text);
    assert.deepStrictEqual(snapshot(result), snapshot(parseFrr(text)), `step ${step + 1}`);
  }
});
