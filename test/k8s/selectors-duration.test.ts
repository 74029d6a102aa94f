import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration } from '../../server/src/service/k8s/duration';
import { anySelectorMatches, selectorError, selectorMatches } from '../../server/src/service/k8s/selectors';
import type { LabelSelector } from '../../server/src/service/k8s/resources';

const at = { start: 0, end: 0 };
const v = (value: string) => ({ value, range: at });
function selector(labels: Record<string, string>, expressions: [string, string, string[]][] = []): LabelSelector {
  return {
    matchLabels: Object.fromEntries(Object.entries(labels).map(([k, val]) => [k, v(val)])),
    matchExpressions: expressions.map(([key, operator, values]) => ({ key: v(key), operator: v(operator), values: values.map(v), range: at })),
    range: at,
  };
}

test('label selectors: matchLabels AND every expression, Kubernetes semantics', () => {
  const node = { rack: 'a', zone: 'east' };
  assert.equal(selectorMatches(selector({ rack: 'a' }), node), true);
  assert.equal(selectorMatches(selector({ rack: 'b' }), node), false);
  assert.equal(selectorMatches(selector({}, [['rack', 'In', ['a', 'b']]]), node), true);
  assert.equal(selectorMatches(selector({}, [['rack', 'NotIn', ['a']]]), node), false);
  assert.equal(selectorMatches(selector({}, [['gpu', 'NotIn', ['yes']]]), node), true, 'NotIn matches a missing label');
  assert.equal(selectorMatches(selector({}, [['zone', 'Exists', []]]), node), true);
  assert.equal(selectorMatches(selector({}, [['zone', 'DoesNotExist', []]]), node), false);
  assert.equal(selectorMatches(selector({ rack: 'a' }, [['zone', 'In', ['west']]]), node), false);
  assert.equal(selectorMatches(selector({}), node), true, 'an empty selector matches everything');
});

test('label selectors: invalid ones match nothing and say why', () => {
  assert.equal(selectorError(selector({}, [['rack', 'Equals', ['a']]])), '"Equals" is not a valid label selector operator');
  assert.equal(selectorError(selector({}, [['rack', 'In', []]])), "for 'in', 'notin' operators, values set can't be empty");
  assert.equal(selectorError(selector({}, [['rack', 'Exists', ['a']]])), 'values set must be empty for exists and does not exist');
  assert.equal(selectorMatches(selector({}, [['rack', 'In', []]]), { rack: 'a' }), false);
});

test('node selector lists: empty selects all, otherwise any may match', () => {
  assert.equal(anySelectorMatches(undefined, {}), true);
  assert.equal(anySelectorMatches([], {}), true);
  assert.equal(anySelectorMatches([selector({ a: '1' }), selector({ b: '2' })], { b: '2' }), true);
  assert.equal(anySelectorMatches([selector({ a: '1' })], { b: '2' }), false);
});

test('Go durations', () => {
  const ns = (text: string) => {
    const parsed = parseGoDuration(text);
    return parsed.ok ? parsed.nanoseconds : parsed.error;
  };
  assert.equal(ns('90s'), 90e9);
  assert.equal(ns('1m30s'), 90e9);
  assert.equal(ns('1.5h'), 5400e9);
  assert.equal(ns('1500ms'), 1.5e9);
  assert.equal(ns('2h45m0.5s'), (2 * 3600 + 45 * 60 + 0.5) * 1e9);
  assert.equal(ns('-3s'), -3e9);
  assert.equal(ns('0'), 0);
  assert.equal(ns('10us'), 10e3);
  assert.equal(ns('10µs'), 10e3);
  assert.equal(ns('10μs'), 10e3);
  assert.equal(ns('+90s'), 90e9);
  assert.equal(ns('.5s'), 0.5e9);
  assert.equal(ns('1.s'), 1e9);
  assert.equal(ns('90'), 'time: missing unit in duration "90"');
  assert.equal(ns('90x'), 'time: unknown unit "x" in duration "90x"');
  assert.equal(ns(''), 'time: invalid duration ""');
  assert.equal(ns('.s'), 'time: invalid duration ".s"');
  assert.equal(ns('3000000h'), 'time: invalid duration "3000000h"');
});
