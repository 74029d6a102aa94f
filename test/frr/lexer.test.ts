import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRR_LINE_BYTES, lexFrr } from '../../server/src/service/frr/lexer';

test('splits LF, CRLF and lone CR lines with exact offsets', () => {
  const text = 'a b\r\nc\rd\n';
  const lines = lexFrr(text);
  assert.deepEqual(
    lines.map((l) => [l.line, text.slice(l.start, l.end)]),
    [[0, 'a b'], [1, 'c'], [2, 'd'], [3, '']],
  );
  assert.deepEqual(lines[0]!.tokens.map(({ text, start, end }) => ({ text, start, end })), [
    { text: 'a', start: 0, end: 1 },
    { text: 'b', start: 2, end: 3 },
  ]);
});

test('tabs and runs of blanks separate tokens; indentation is reported', () => {
  const [line] = lexFrr('\t  neighbor\t\t1.2.3.4   remote-as 1');
  assert.deepEqual(line!.tokens.map((t) => t.text), ['neighbor', '1.2.3.4', 'remote-as', '1']);
  assert.equal(line!.indent, 3);
  assert.equal(line!.tokens[0]!.start, 3);
});

test('comments only as the first non-blank character; no trailing comments', () => {
  const lines = lexFrr('  ! note\n# hash\nroute-map X permit 10 ! tail');
  assert.deepEqual(lines.map((l) => l.comment), [true, true, false]);
  assert.equal(lines[0]!.tokens.length, 0);
  assert.deepEqual(lines[2]!.tokens.map((t) => t.text), ['route-map', 'X', 'permit', '10', '!', 'tail']);
});

test('a line longer than 4095 UTF-8 bytes is split and the rest read as a new line', () => {
  const long = `description ${'x'.repeat(5000)}`;
  const lines = lexFrr(`${long}\nnext`);
  assert.equal(lines.length, 3);
  assert.equal(lines[0]!.end - lines[0]!.start, FRR_LINE_BYTES);
  assert.equal(lines[1]!.line, 0, 'the split part keeps its physical line');
  assert.equal(lines[1]!.start, FRR_LINE_BYTES);
  assert.equal(lines[2]!.line, 1);
});

test('the byte limit counts UTF-8 bytes, never splitting a surrogate pair', () => {
  const emoji = '\u{1F600}'; // 4 bytes, 2 UTF-16 units
  const text = emoji.repeat(1100);
  const lines = lexFrr(text);
  assert.equal(lines.length, 2);
  assert.equal(lines[0]!.end, 1023 * 2, '1023 emoji = 4092 bytes fit, the next would exceed 4095');
  assert.equal(lines[0]!.end % 2, 0);
});

test('binary junk and lone surrogates never throw', () => {
  const junk = '\u0000\uD800\uDFFF\u0001 \uDC00x\n\u0000'.repeat(3000);
  const lines = lexFrr(junk);
  assert.ok(lines.length > 0);
  for (const l of lines) for (const t of l.tokens) assert.ok(t.end > t.start);
});

test('100k lines lex without trouble', () => {
  const text = 'ip prefix-list a seq 5 permit 10.0.0.0/8 le 24\n'.repeat(100_000);
  assert.equal(lexFrr(text).length, 100_001);
});
