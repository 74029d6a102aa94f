/**
 * Re-reading an edited text must give exactly what reading it whole gives: random configurations
 * (every modelled context, unmodelled blocks with nested sub-contexts, errors, escapes, CRLF,
 * over-long lines), random edits, and chains of edits that each resume from the previous re-read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFrr, readStateOf, type Frame } from '../../server/src/service/frr/parser';
import { reparseDeltaOf, reparseFrr } from '../../server/src/service/frr/reparse';
import type { ParseResult } from '../../server/src/service/frr/syntax';
import { ChunkedText } from '../../server/src/service/sourceText';
import { document, edit, random, STANZAS } from './randomConfigs';

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

/**
 * The stack before every line, as plain data, and the words held: a re-read renumbers frames and
 * splices the store in place, and a later re-read resumes from them.
 */
function readState(result: ParseResult): unknown {
  const state = readStateOf(result)!;
  const chain = (frame: Frame | undefined): unknown[] => (frame ? [frame.node, frame.block, frame.indent, ...chain(frame.parent)] : []);
  return { stacks: state.stacks.map(chain), words: state.store.count, stopped: state.stopped };
}

/** One frame per block across all stacks: frames stay shared by the lines of their block. */
function assertSharedFrames(result: ParseResult, message: string): void {
  const frames = new Map<number, Frame>();
  for (const top of readStateOf(result)!.stacks) {
    for (let frame: Frame | undefined = top; frame && frame.block >= 0; frame = frame.parent) {
      const seen = frames.get(frame.block);
      if (seen === frame) break;
      assert.equal(seen, undefined, `${message}: two frames for block ${frame.block}`);
      frames.set(frame.block, frame);
    }
  }
}

/** Re-reads `text` from `previous` and checks it against a whole reading. */
function assertReread(previous: ParseResult, text: string, message: string): ParseResult {
  const before = new Set(previous.lines);
  const result = reparseFrr(previous, text);
  const whole = parseFrr(text);
  assert.deepStrictEqual(snapshot(result), snapshot(whole), message);
  assert.deepStrictEqual(readState(result), readState(whole), message);
  assertSharedFrames(result, message);
  if (result !== previous) assertDelta(before, result, message);
  return result;
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
      const whole = parseFrr(text);
      assert.deepStrictEqual(snapshot(result), snapshot(whole), `seed ${seed}, edit ${step + 1}`);
      if (result !== previous) assertDelta(before, result, `seed ${seed}, edit ${step + 1}`);
      assert.deepStrictEqual(readState(result), readState(whole), `seed ${seed}, edit ${step + 1}`);
      assertSharedFrames(result, `seed ${seed}, edit ${step + 1}`);
    }
  }
});

test('a chunked text re-reads like a string, in parts of it that grow until the reading meets the earlier one', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    let text = document(next);
    // Chunks and first parts of a few dozen characters: edits cross chunks, and readings outgrow their part.
    let source = ChunkedText.of(text, 8 + Math.floor(next() * 64));
    let result = parseFrr(source);
    for (let step = 0; step < 6; step++) {
      const edited = edit(next, text);
      let prefix = 0;
      while (prefix < Math.min(text.length, edited.length) && text[prefix] === edited[prefix]) prefix++;
      let suffix = 0;
      while (suffix < Math.min(text.length, edited.length) - prefix && text[text.length - 1 - suffix] === edited[edited.length - 1 - suffix]) suffix++;
      source = source.edit(prefix, text.length - suffix, edited.slice(prefix, edited.length - suffix));
      text = edited;
      const previous = result;
      const before = new Set(previous.lines);
      result = reparseFrr(previous, source, {}, 1 + Math.floor(next() * 40));
      const message = `seed ${seed}, edit ${step + 1}`;
      const whole = parseFrr(text);
      assert.equal(result.text, text, message);
      assert.deepStrictEqual(snapshot(result), snapshot(whole), message);
      if (result !== previous) assertDelta(before, result, message);
      assert.deepStrictEqual(readState(result), readState(whole), message);
      assertSharedFrames(result, message);
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

test('edits at the very start and end, of blocks before the junction, and of CRLF line breaks re-read like a whole reading', () => {
  const stanzas = STANZAS.flat();
  for (const eol of ['\n', '\r\n']) {
    const base = stanzas.join(eol) + eol;
    const bgp = base.indexOf(' neighbor 10.0.0.2 timers');
    const family = base.indexOf('  network 10.1.0.0/16');
    const edits: [string, (text: string) => string][] = [
      ['insert at the start', (t) => `router bgp 1${eol}${t}`],
      ['delete at the start', (t) => t.slice(t.indexOf(eol) + eol.length)],
      ['insert at the end', (t) => `${t}route-map Z permit 1${eol} set metric 1`],
      ['delete at the end', (t) => t.slice(0, t.length - 3)],
      ['a header inside its own block', (t) => `${t.slice(0, bgp)}router bgp 64512${eol}${t.slice(bgp)}`],
      ['a header inside a nested block', (t) => `${t.slice(0, family)} address-family ipv4 unicast${eol}${t.slice(family)}`],
      ['an exit closing the block early', (t) => `${t.slice(0, bgp)}exit${eol}${t.slice(bgp)}`],
      ['a header removed', (t) => t.replace(`router bgp 64512${eol}`, '')],
      ['a header broken', (t) => t.replace('router bgp 64512 vrf', 'router bgpx 64512 vrf')],
      ['blocks removed before the junction', (t) => t.replace(/route-map RM-in deny 20[^]*?ipv6 address prefix-list PL6/, 'hostname x')],
      ['a CRLF split by a character, an LF made a CRLF', (t) => t.replace(`vrf red${eol}`, eol === '\r\n' ? 'vrf red\rx\n' : 'vrf red\r\n')],
      ['a lone CR', (t) => t.replace(`interface eth0${eol}`, 'interface eth0\r')],
    ];
    for (const [name, change] of edits) {
      let text = base;
      let result = parseFrr(text);
      // Each edit, then the same edit again on its result, then back: chains resume from moved frames.
      for (const next of [change(text), change(change(text)), base]) {
        text = next;
        result = assertReread(result, text, `${name} (${JSON.stringify(eol)})`);
      }
    }
  }
});

test('re-reads of thousands of lines, with and without a junction, and one that grows the word store', () => {
  const body = Array.from({ length: 9000 }, (_, i) => ` neighbor 10.0.${i >> 8}.${i & 255} remote-as ${i + 1}`).join('\n');
  const tail = 'route-map A permit 1\n match ip address prefix-list PL\nexit\nrouter bgp 2\n address-family ipv4 unicast\n  network 10.0.0.0/8\n';
  const withJunction = `router bgp 1\n${body}\n${tail}`;
  const withoutJunction = `router bgp 1\n${body}\n`;
  for (const text of [withJunction, withoutJunction]) {
    let result = parseFrr(text);
    for (const next of [`x${text}`, text, `${text.slice(0, 12)} 1 2 3 4 5 6 7 8 9${text.slice(12)}`, text]) {
      result = assertReread(result, next, next.slice(0, 30));
    }
  }
  assertReread(parseFrr('a\n'), 'a b c d e f g h i j\n'.repeat(40), 'store grown');
});

test('a command bound before a re-read is bound again at its moved words', () => {
  const text = 'hostname a\nrouter bgp 64512\n neighbor 10.0.0.2 remote-as 64513\n';
  const previous = parseFrr(text);
  const commandOf = (result: ParseResult) => {
    const args = result.lines.find((line) => line.commandId?.includes('neighbor'))!.command!.args;
    return Object.entries(args).map(([name, arg]) => [name, arg.value, arg.tokens.map((t) => [t.start, t.end])]);
  };
  commandOf(previous);
  const edited = `!\n${text}`;
  assert.deepStrictEqual(commandOf(reparseFrr(previous, edited)), commandOf(parseFrr(edited)));
});

test('a parse re-read once is spent: re-reading it again reads the text whole', () => {
  const before = 'route-map A permit 10\n match ip address prefix-list PL\n';
  const first = parseFrr(before);
  reparseFrr(first, before.replace('A', 'B'));
  const again = before.replace('10', '20');
  assert.deepStrictEqual(snapshot(reparseFrr(first, again)), snapshot(parseFrr(again)));
});
