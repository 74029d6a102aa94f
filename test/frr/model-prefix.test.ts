import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  anyRange,
  coveringSet,
  entryRange,
  formatPrefix,
  hasHostBits,
  maskPrefix,
  parsePrefix,
  prefixContains,
  PrefixIndex,
  rangeCovers,
  type Prefix,
} from '../../server/src/service/frr/prefix';

function p(text: string): Prefix {
  const parsed = parsePrefix(text);
  assert.ok(parsed, `parses ${text}`);
  return parsed;
}

test('parses and formats IPv4 and IPv6 prefixes, keeping host bits until masked', () => {
  assert.equal(formatPrefix(p('10.1.2.3/8')), '10.1.2.3/8');
  assert.equal(formatPrefix(maskPrefix(p('10.1.2.3/8'))), '10.0.0.0/8');
  assert.equal(formatPrefix(p('2001:DB8:0:0:0:0:0:1/128')), '2001:db8::1/128');
  assert.equal(formatPrefix(maskPrefix(p('fc00:f853:ccd:e800::7/64'))), 'fc00:f853:ccd:e800::/64');
  assert.equal(formatPrefix(p('::/0')), '::/0');
  assert.equal(formatPrefix(p('::ffff:1.2.3.4/128')), '::ffff:102:304/128');
  assert.equal(formatPrefix(p('1:0:0:1:0:0:0:1/128')), '1:0:0:1::1/128');
});

test('rejects malformed prefixes without throwing', () => {
  for (const bad of ['10.0.0.0', '10.0.0.256/8', '10.0.0/8', '10.0.0.0/33', '2001:db8::/129', '1::2::3/64', 'x/8', '', '/', '1.2.3.4/', ':::/8', '1.2.3.4::/64', '\u0000\uffff/3']) {
    assert.equal(parsePrefix(bad), undefined, bad);
  }
});

test('host bits and containment', () => {
  assert.equal(hasHostBits(p('172.16.1.10/24')), true);
  assert.equal(hasHostBits(p('172.16.1.0/24')), false);
  assert.equal(hasHostBits(p('2001:db8::1/64')), true);
  assert.equal(prefixContains(p('10.0.0.0/8'), p('10.1.0.0/16')), true);
  assert.equal(prefixContains(p('10.1.0.0/16'), p('10.0.0.0/8')), false);
  assert.equal(prefixContains(p('10.0.0.0/8'), p('11.0.0.0/16')), false);
  assert.equal(prefixContains(p('0.0.0.0/0'), p('2001:db8::/32')), false);
});

test('entry ranges follow FRR: exact without ge/le, le alone from len, ge alone to max', () => {
  assert.deepEqual(entryRange(p('10.0.0.0/8')), { prefix: p('10.0.0.0/8'), min: 8, max: 8 });
  assert.deepEqual(entryRange(p('10.0.0.0/8'), undefined, 24), { prefix: p('10.0.0.0/8'), min: 8, max: 24 });
  assert.deepEqual(entryRange(p('10.0.0.0/8'), 16), { prefix: p('10.0.0.0/8'), min: 16, max: 32 });
  assert.deepEqual(entryRange(p('2001:db8::/32'), 48, 64).max, 64);
  assert.equal(rangeCovers(entryRange(p('10.0.0.0/8'), undefined, 32), entryRange(p('10.1.0.0/16'), undefined, 24)), true);
  assert.equal(rangeCovers(entryRange(p('10.0.0.0/8'), undefined, 24), entryRange(p('10.1.0.0/16'), undefined, 32)), false);
  assert.equal(rangeCovers(anyRange('ipv4'), entryRange(p('10.0.0.0/8'))), true);
  assert.equal(rangeCovers(anyRange('ipv6'), entryRange(p('10.0.0.0/8'))), false);
});

test('the prefix index finds the stored ranges containing a prefix, and unions of length slices cover', () => {
  const index = new PrefixIndex<string>();
  index.add(entryRange(p('10.0.0.0/8'), undefined, 16), 'a');
  index.add(entryRange(p('10.0.0.0/8'), 17), 'b');
  index.add(entryRange(p('10.1.0.0/16')), 'c');
  index.add(entryRange(p('192.168.0.0/16'), undefined, 32), 'd');
  const found = index.containing(p('10.1.2.0/24')).map((x) => x.value);
  assert.deepEqual(found, ['a', 'b', 'c']);
  const target = entryRange(p('10.1.2.0/24'), undefined, 32);
  assert.deepEqual(coveringSet(target, index.containing(target.prefix)), ['b']);
  const wide = entryRange(p('10.1.0.0/16'), undefined, 32);
  assert.deepEqual(coveringSet(wide, index.containing(wide.prefix)), ['a', 'b']);
  const outside = entryRange(p('11.0.0.0/8'), undefined, 32);
  assert.equal(coveringSet(outside, index.containing(outside.prefix)), undefined);
});
