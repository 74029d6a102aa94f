import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typedShape } from '../../server/src/service/frr/grammar/shapes';
import { inRange, rangeValue } from '../../server/src/service/frr/grammar/tokens';

test('range tokens read numbers as strtoll does, and shapes key on the same number', () => {
  assert.deepEqual(['5', '+5', '007', '-3', '-0'].map(rangeValue), [5, 5, 7, -3, -0]);
  for (const junk of ['', '+', '-', '5a', '1e3', ' 5', '99999999999999999999']) assert.ok(Number.isNaN(rangeValue(junk)), junk);
  assert.equal(inRange('+5', 1, 10), true);
  assert.equal(inRange('-3', -5, 0), true);
  assert.equal(inRange('11', 1, 10), false);
  assert.equal(inRange('x', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY), false);
  assert.ok(typedShape('+5').endsWith(':5'));
  assert.ok(typedShape('0a').endsWith(':NaN'));
});
