/** Chunked text reads, edits and compares exactly as the string it holds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkedText, commonEnds } from '../../server/src/service/sourceText';
import { random } from '../frr/randomConfigs';

const ALPHABET = ['a', 'b', ' ', '\n', '\r\n', 'route-map X permit 10\n', '!\n', 'é', '\u{1F600}'];

function randomText(next: () => number, words: number): string {
  let text = '';
  for (let i = 0; i < words; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

test('edits, slices and characters of chunked text are those of the string', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    let text = randomText(next, 1 + Math.floor(next() * 400));
    // Chunks of a few characters: every edit meets chunk boundaries.
    let chunked = ChunkedText.of(text, 1 + Math.floor(next() * 16));
    for (let step = 0; step < 20; step++) {
      const start = Math.floor(next() * (text.length + 1));
      const end = start + Math.floor(next() * Math.min(60, text.length - start + 1));
      const insert = next() < 0.3 ? '' : randomText(next, Math.floor(next() * 30));
      const edited = text.slice(0, start) + insert + text.slice(end);
      const after = chunked.edit(start, end, insert);
      assert.equal(after.length, edited.length, `seed ${seed}, step ${step}`);
      assert.equal(chunked.toString(), text, 'an edit leaves the earlier version as it was');
      const from = Math.floor(next() * (edited.length + 1));
      const to = from + Math.floor(next() * (edited.length - from + 1));
      assert.equal(after.slice(from, to), edited.slice(from, to), `seed ${seed}, step ${step}: slice ${from}-${to}`);
      const at = Math.floor(next() * edited.length);
      assert.equal(after.charCodeAt(at), edited.charCodeAt(at));
      const ends = commonEnds(chunked, after);
      assert.deepEqual(ends, commonEnds(text, edited), `seed ${seed}, step ${step}: common ends`);
      assert.equal(after.toString(), edited);
      text = edited;
      chunked = after;
    }
  }
});

test('two versions share the chunks an edit did not touch', () => {
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) lines.push(`ip prefix-list PL-${i} seq 5 permit 10.${i >> 8}.${i & 255}.0/24\n`);
  const text = lines.join('');
  const before = ChunkedText.of(text, 1024);
  const at = text.indexOf('PL-1000 ');
  const after = before.edit(at, at, 'X');
  const shared = after.chunks.filter((chunk) => before.chunks.includes(chunk)).length;
  assert.ok(before.chunks.length > 50 && shared >= before.chunks.length - 2, `${shared} of ${before.chunks.length} chunks shared`);
  assert.deepEqual(commonEnds(before, after), { prefix: at, suffix: text.length - at });
  const undone = after.edit(at, at + 1, '');
  assert.deepEqual(commonEnds(before, undone), { prefix: text.length, suffix: 0 }, 'an undone edit is no change');
});
