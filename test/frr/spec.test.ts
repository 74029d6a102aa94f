import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSpec, SpecError, type Position } from '../../server/src/service/frr/grammar/spec';

function texts(positions: Position[]): string[] {
  return positions.map((p) => p.text);
}

test('keywords, variables and typed tokens get their kinds', () => {
  const [route] = compileSpec('route-map RMAP_NAME$name <deny|permit>$action (1-65535)$seq');
  assert.equal(route!.kind, 'keyword');
  const name = route!.next[0]!;
  assert.equal(name.kind, 'variable');
  assert.equal(name.bind, 'name');
  assert.deepEqual(texts(name.next), ['deny', 'permit']);
  assert.ok(name.next.every((p) => p.bind === 'action'), 'a group binding names its unnamed members');
  const seq = name.next[0]!.next[0]!;
  assert.deepEqual([seq.kind, seq.min, seq.max, seq.final], ['range', 1, 65535, true]);
});

test('negative ranges and typed address tokens', () => {
  const metric = compileSpec('set metric (-4294967295-4294967295)')[0]!.next[0]!.next[0]!;
  assert.deepEqual([metric.kind, metric.min, metric.max], ['range', -4294967295, 4294967295]);
  const kinds = ['A.B.C.D', 'A.B.C.D/M', 'X:X::X:X', 'X:X::X:X/M', 'X:X:X:X:X:X', 'ASNUM'].map(
    (t) => compileSpec(`x ${t}`)[0]!.next[0]!.kind,
  );
  assert.deepEqual(kinds, ['ipv4', 'ipv4-prefix', 'ipv6', 'ipv6-prefix', 'mac', 'asnum']);
});

test('optional parts make the command end early; varargs loop on themselves', () => {
  const [desc] = compileSpec('description LINE...$text');
  const line = desc!.next[0]!;
  assert.ok(line.repeat && line.final && line.next.includes(line));
  const [hostname] = compileSpec('log stdout [LEVEL]');
  assert.ok(hostname!.next[0]!.final, '`log stdout` may end without a level');
});

test('{a|b} loops over its options; [no] adds a negation entry', () => {
  const entry = compileSpec('ip prefix-list WORD <any|A.B.C.D/M [{ge (0-32)|le (0-32)}]>', true);
  assert.deepEqual(texts(entry), ['no', 'ip']);
  assert.ok(entry[0]!.negation);
  const prefix = entry[1]!.next[0]!.next[0]!.next[1]!;
  assert.equal(prefix.text, 'A.B.C.D/M');
  const ge = prefix.next.find((p) => p.text === 'ge')!;
  const geValue = ge.next[0]!;
  assert.deepEqual(texts(geValue.next).sort(), ['ge', 'le']);
});

test('![x] is required in the positive form and optional in the no form', () => {
  const entry = compileSpec('receive-interval ![(10-4294967)$interval]', true);
  const positive = entry.find((p) => p.text === 'receive-interval')!;
  assert.equal(positive.final, false);
  const negated = entry.find((p) => p.negation)!.next[0]!;
  assert.equal(negated.final, true);
});

test('malformed specs are rejected with a SpecError', () => {
  for (const bad of ['route-map <deny|permit', 'x (5-1)', 'x $', 'x <a|>', '[x]']) {
    assert.throws(() => compileSpec(bad), SpecError, bad);
  }
});
