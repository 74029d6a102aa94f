import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lowerBound, partitionPoint, sortedBy } from '../../server/src/service/frr/bisect';

test('sortedBy is a stable sort, whether the list is sorted, nearly sorted or shuffled', () => {
  const shapes: ((i: number) => number)[] = [
    (i) => i, // sorted
    (i) => i - (i % 3 === 2 ? 2 : 0), // neighbours out of order, as the words of one line
    (i) => (i * 7) % 10, // many equal keys
    (i) => (i * 7919) % 401, // scattered: takes the full sort
    (i) => -i, // reversed
  ];
  for (const shape of shapes) {
    for (const length of [0, 1, 2, 5, 50, 400]) {
      const items = Array.from({ length }, (_, i) => ({ key: shape(i), order: i }));
      const expected = [...items].sort((a, b) => a.key - b.key);
      assert.deepEqual(sortedBy([...items], (item) => item.key), expected);
    }
  }
});

test('partitionPoint and lowerBound find the first place a predicate fails', () => {
  const starts = [0, 4, 4, 9, 15];
  assert.equal(partitionPoint(0, starts.length, (i) => starts[i]! <= 4), 3);
  assert.equal(partitionPoint(0, starts.length, (i) => starts[i]! < 0), 0);
  assert.equal(partitionPoint(0, starts.length, (i) => starts[i]! <= 99), 5);
  const names = ['a', 'b', 'd'];
  assert.equal(lowerBound(names, 'c'), 2);
  assert.equal(lowerBound(names, 'a'), 0);
  assert.equal(lowerBound(names, 'e'), 3);
});
