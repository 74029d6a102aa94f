import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isScalar, parseDocument, type Node, type Scalar } from 'yaml';
import { extractEmbeddedText, type ScalarStyle } from '../../server/src/service/k8s/embedded-text';

/** Finds the scalar under `key` anywhere in the document. */
function findScalar(node: Node | null, key: string): Scalar | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key && isScalar(pair.value)) return pair.value;
    const nested = findScalar(pair.value as Node, key);
    if (nested) return nested;
  }
  return undefined;
}

function extract(source: string) {
  const document = parseDocument(source);
  assert.equal(document.errors.length, 0, `YAML errors in ${JSON.stringify(source)}: ${document.errors.map((e) => e.message)}`);
  const scalar = findScalar(document.contents as Node, 'extras');
  assert.ok(scalar && scalar.range && typeof scalar.value === 'string', 'extras scalar');
  const embedded = extractEmbeddedText(source, scalar.type as ScalarStyle, { start: scalar.range[0], end: scalar.range[1] }, scalar.value);
  return { embedded, value: scalar.value };
}

const ESCAPE_SPAN = /^\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)$/s;
const LINE_BREAK = /^(\r\n|\n|\r)$/;

/**
 * The property: every value character maps to source text that produced it: the same character,
 * or an escape sequence, a doubled single quote, or a folded line break.
 */
function assertExactMap(source: string) {
  const { embedded, value } = extract(source);
  assert.equal(embedded.value, value);
  assert.equal(embedded.exact, true, `map not exact for ${JSON.stringify(source)}`);
  let previousEnd = -1;
  for (let i = 0; i < value.length; i++) {
    const span = embedded.toSourceRange({ start: i, end: i + 1 });
    const text = source.slice(span.start, span.end);
    assert.ok(span.start >= embedded.range.start && span.end <= embedded.range.end, `char ${i} inside the scalar`);
    assert.ok(span.start >= previousEnd || text.startsWith('\\'), `char ${i} in source order`);
    previousEnd = span.end;
    const ok =
      text === value[i] ||
      ESCAPE_SPAN.test(text) ||
      (text === "''" && value[i] === "'") ||
      (LINE_BREAK.test(text) && (value[i] === '\n' || value[i] === ' '));
    assert.ok(ok, `char ${i} ${JSON.stringify(value[i])} maps to ${JSON.stringify(text)} in ${JSON.stringify(source)}`);
    assert.equal(embedded.toSourceOffset(i), span.start);
  }
}

const BODIES: string[][] = [
  ['route-map a-in permit 10', '  match ip address prefix-list x'],
  ['ip prefix-list x seq 5 permit 10.0.0.0/8 le 32', '', 'route-map y permit 1'],
  ['line one', '  more indented', 'back', '', '', 'after two blanks'],
  ['trailing spaces   ', 'tab\there', 'ünïcødé 😀 text'],
  ['single'],
];

test('block scalars: every style, chomping, indentation indicator, nesting and line end', () => {
  let cases = 0;
  for (const indicator of ['|', '>']) {
    for (const chomp of ['', '-', '+']) {
      for (const explicit of [false, true]) {
        for (const nesting of [0, 1, 2]) {
          for (const eol of ['\n', '\r\n']) {
            for (const body of BODIES) {
              for (const trailing of ['', '\n', '\n\n']) {
                const keyIndent = '  '.repeat(nesting);
                const contentIndent = keyIndent + '  ';
                const header = explicit ? `${indicator}2${chomp}` : `${indicator}${chomp}`;
                const parents = Array.from({ length: nesting }, (_, level) => `${'  '.repeat(level)}level${level}:`);
                const lines = [
                  'apiVersion: v1',
                  ...parents,
                  `${keyIndent}extras: ${header}`,
                  ...body.map((line) => (line === '' ? '' : contentIndent + line)),
                ];
                const source = lines.join(eol) + eol + trailing.replace(/\n/g, eol) + `${keyIndent}other: x${eol}`;
                assertExactMap(source);
                cases++;
              }
            }
          }
        }
      }
    }
  }
  assert.ok(cases > 1000);
});

test('block scalar with explicit indentation keeps leading spaces of the content', () => {
  const source = 'data:\n  extras: |4-\n       indented\n      less\n';
  assertExactMap(source);
  assert.equal(extract(source).value, ' indented\nless');
});

test('double-quoted scalars: escapes map to their whole escape sequence', () => {
  const source = 'extras: "route-map a permit 10\\n  match ip address prefix-list \\"x\\"\\t\\x41\\u00e9\\U0001F600\\\\ end"\n';
  assertExactMap(source);
  const { embedded, value } = extract(source);
  const newline = value.indexOf('\n');
  assert.equal(source.slice(embedded.toSourceRange({ start: newline, end: newline + 1 }).start, embedded.toSourceRange({ start: newline, end: newline + 1 }).end), '\\n');
  const emoji = value.indexOf('\u{1F600}');
  const emojiRange = embedded.toSourceRange({ start: emoji, end: emoji + 2 });
  assert.equal(source.slice(emojiRange.start, emojiRange.end), '\\U0001F600');
});

test('double-quoted scalars: folding, empty lines and escaped line breaks', () => {
  for (const eol of ['\n', '\r\n']) {
    assertExactMap(`extras: "first line${eol}  folded   ${eol}${eol}  after empty \\${eol}  joined"${eol}`);
    assertExactMap(`extras: "a${eol}${eol}${eol}  b"${eol}`);
  }
});

test('single-quoted and plain scalars, with folding', () => {
  for (const eol of ['\n', '\r\n']) {
    assertExactMap(`extras: 'it''s ${eol}  folded${eol}${eol}  kept'${eol}`);
    assertExactMap(`extras: plain text${eol}  continued here${eol}${eol}  and a paragraph${eol}next: 1${eol}`);
    assertExactMap(`extras: route-map x permit 10${eol}`);
  }
});

test('range helper widens to whole source spans and handles the value end', () => {
  const source = 'extras: |\n  ab\n  cd\n';
  const { embedded } = extract(source);
  assert.equal(embedded.value, 'ab\ncd\n');
  assert.deepEqual(embedded.toSourceRange({ start: 0, end: 2 }), { start: 12, end: 14 });
  assert.deepEqual(embedded.toSourceRange({ start: 3, end: 5 }), { start: 17, end: 19 });
  assert.equal(embedded.toSourceOffset(embedded.value.length), source.length);
  assert.deepEqual(embedded.toSourceRange({ start: 4, end: 4 }), { start: 18, end: 18 });
});

test('empty values map to the scalar itself', () => {
  const source = 'extras: ""\n';
  const { embedded } = extract(source);
  assert.equal(embedded.value, '');
  assert.equal(embedded.toSourceOffset(0), 8);
});

test('a value the decoder cannot reproduce falls back to a clamped linear map', () => {
  const embedded = extractEmbeddedText('extras: |\n  abc\n', 'BLOCK_LITERAL', { start: 8, end: 16 }, 'something else entirely');
  assert.equal(embedded.exact, false);
  for (let i = 0; i <= embedded.value.length; i++) {
    const offset = embedded.toSourceOffset(i);
    assert.ok(offset >= 8 && offset <= 16);
  }
});
