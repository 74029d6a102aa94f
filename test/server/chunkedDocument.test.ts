/** A chunked document reads and changes exactly as vscode-languageserver-textdocument's, without joining its text. */
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedDocument, ChunkedDocuments } from '../../server/src/lsp/chunkedDocument';
import { ChunkedText } from '../../server/src/service/sourceText';
import { random } from '../frr/randomConfigs';

const PIECES = ['a', 'b', ' ', 'é', '\u{1F600}', '\n', '\n', '\r\n', '\r\n', '\r', '\n\n', 'route-map X permit 10\n', '!\r\n'];

type Next = () => number;

function int(next: Next, below: number): number {
  return Math.floor(next() * below);
}

function randomText(next: Next, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[int(next, PIECES.length)];
  // Sometimes half a surrogate pair, or a line break's half at either end, to meet its other half.
  const odd = next();
  if (odd < 0.05) text = '\uD83D' + text;
  else if (odd < 0.15) text = '\n' + text;
  else if (odd < 0.25) text += '\r';
  return text;
}

/** A position in or around `reference`'s text: mostly inside, sometimes out of range or inside a CRLF. */
function randomPosition(next: Next, reference: TextDocument): Position {
  const lines = reference.lineCount;
  const wild = next();
  if (wild < 0.03) return { line: lines + int(next, 3), character: int(next, 5) };
  if (wild < 0.06) return { line: -1 - int(next, 2), character: int(next, 5) };
  if (wild < 0.1) return { line: int(next, lines), character: -1 - int(next, 3) };
  const line = int(next, lines);
  const length = reference.getLineRange(line).end.character;
  // Past the end of the line (onto or beyond its line break) now and then.
  return { line, character: int(next, length + (next() < 0.2 ? 4 : 1)) };
}

/** A range from a position; its end most often near it, in either order. */
function randomRange(next: Next, reference: TextDocument): Range {
  const start = randomPosition(next, reference);
  const shape = next();
  let end: Position;
  if (shape < 0.35) end = { line: start.line, character: start.character + int(next, 6) };
  else if (shape < 0.6) end = { line: start.line + 1 + int(next, 3), character: int(next, 8) };
  else if (shape < 0.7) end = { ...start };
  else end = randomPosition(next, reference);
  return next() < 0.15 ? { start: end, end: start } : { start, end };
}

/** One `update` call: a full replace now and then, else one to four ranged changes. */
function randomChanges(next: Next, reference: TextDocument): { changes: TextDocumentContentChangeEvent[]; clampedChanges: TextDocumentContentChangeEvent[] } {
  if (next() < 0.06 || reference.getText().length > 20000) {
    const full = [{ text: randomText(next, int(next, 60)) }];
    return { changes: full, clampedChanges: full };
  }
  const changes: TextDocumentContentChangeEvent[] = [];
  const clampedChanges: TextDocumentContentChangeEvent[] = [];
  // Each change applies to the result of the one before: a scratch copy tells where its lines are.
  const scratch = TextDocument.create(reference.uri, reference.languageId, 0, reference.getText());
  for (let count = 1 + int(next, 4), i = 0; i < count; i++) {
    const range = randomRange(next, scratch);
    const kind = next();
    const text = kind < 0.3 ? '' : kind < 0.95 ? randomText(next, int(next, 12)) : randomText(next, 40 + int(next, 200));
    const change = next() < 0.2 ? { range, rangeLength: 0, text } : { range, text };
    changes.push(change);
    // The reference gets the range clamped to its text, as the chunked document clamps it.
    const clamped = { ...change, range: { start: scratch.positionAt(scratch.offsetAt(range.start)), end: scratch.positionAt(scratch.offsetAt(range.end)) } };
    clampedChanges.push(clamped);
    TextDocument.update(scratch, [clamped], 0);
  }
  return { changes, clampedChanges };
}

function assertSame(actual: ChunkedDocument, expected: TextDocument, next: Next, where: string): void {
  assert.equal(actual.version, expected.version, `${where}: version`);
  assert.equal(actual.lineCount, expected.lineCount, `${where}: lineCount`);
  // Ranged reads first: getText() joins the chunks, and the reads of this version would then use the joined string.
  for (let i = 0; i < 8; i++) {
    const range = randomRange(next, expected);
    assert.equal(actual.getText(range), expected.getText(range), `${where}: getText(${JSON.stringify(range)})`);
    const position = randomPosition(next, expected);
    assert.deepEqual(actual.offsetAt(position), expected.offsetAt(position), `${where}: offsetAt(${JSON.stringify(position)})`);
  }
  const length = expected.getText().length;
  for (let i = 0; i < 8; i++) {
    const offset = int(next, length + 7) - 3;
    assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${where}: positionAt(${offset})`);
  }
  for (let line = -1; line <= expected.lineCount + 1; line++) {
    assert.deepEqual(actual.getLineRange(line), expected.getLineRange(line), `${where}: getLineRange(${line})`);
    assert.equal(actual.getEOLCharacters(line), expected.getEOLCharacters(line), `${where}: getEOLCharacters(${line})`);
  }
  assert.equal(actual.getText(), expected.getText(), `${where}: getText()`);
}

test('random documents and edits read the same as in FullTextDocument', () => {
  let chunked = 0;
  let crlfDocuments = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    const content = next() < 0.05 ? '' : randomText(next, int(next, 300));
    // Chunks of a few characters, so that reads and edits cross chunk boundaries; the default size now and then.
    const size = next() < 0.1 ? undefined : 1 + int(next, 24);
    const document = ChunkedDocuments.create('file:///a.frr', 'frr', 1, content, size);
    const reference = TextDocument.create('file:///a.frr', 'frr', 1, content);
    if (content.includes('\r\n')) crlfDocuments++;
    assertSame(document, reference, next, `seed ${seed}, created`);
    for (let step = 0; step < 25; step++) {
      const { changes, clampedChanges } = randomChanges(next, reference);
      const where = `seed ${seed}, step ${step}, changes ${JSON.stringify(changes)}`;
      assert.equal(ChunkedDocuments.update(document, changes, step + 2), document, `${where}: update returns the document`);
      TextDocument.update(reference, clampedChanges, step + 2);
      if (document.source.chunks.length > 1) chunked++;
      assertSame(document, reference, next, where);
    }
  }
  assert.ok(chunked > 3000, `${chunked} versions held in more than one chunk`);
  assert.ok(crlfDocuments > 100, `${crlfDocuments} documents with CRLF line breaks`);
});

test('line breaks made or split at the edges of an edit read as in FullTextDocument', () => {
  const cases: Array<[string, TextDocumentContentChangeEvent[]]> = [
    ['a\r\nb\r\nc', [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\r' }]],
    ['a\rb', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]],
    ['a\r\nb', [{ range: { start: { line: 0, character: 1 }, end: { line: 1, character: 0 } }, text: 'x\r' }]],
    ['x\ry\nz', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }]],
    ['\r\r\r', [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n\n' }]],
    ['ab\ncd', [{ range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } }, text: '\r' }, { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: '\r' }]],
  ];
  for (const [content, changes] of cases) {
    for (const size of [1, 2, 3, 100]) {
      const document = ChunkedDocuments.create('u', 'frr', 1, content, size);
      const reference = TextDocument.create('u', 'frr', 1, content);
      // Line offsets made before the change, so that it updates them rather than computing them afresh.
      assert.equal(document.lineCount, reference.lineCount);
      ChunkedDocuments.update(document, changes, 2);
      TextDocument.update(reference, changes, 2);
      const where = `${JSON.stringify(content)} + ${JSON.stringify(changes)} in chunks of ${size}`;
      assert.equal(document.lineCount, reference.lineCount, where);
      for (let offset = -1; offset <= reference.getText().length + 1; offset++) {
        assert.deepEqual(document.positionAt(offset), reference.positionAt(offset), `${where}: positionAt(${offset})`);
      }
      assert.equal(document.getText(), reference.getText(), where);
    }
  }
});

test('an edit inserting 10000 lines or more (FullTextDocument concatenates instead of splicing)', () => {
  const content = 'router bgp 64500\n neighbor 10.0.0.1 remote-as 64501\nexit\n'.repeat(50);
  const inserted = ' neighbor 10.0.0.2 remote-as 64502\r\n'.repeat(12000);
  const changes: TextDocumentContentChangeEvent[] = [
    { range: { start: { line: 10, character: 3 }, end: { line: 40, character: 1 } }, text: inserted },
    { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x\n'.repeat(10000) },
  ];
  const document = ChunkedDocuments.create('u', 'frr', 1, content, 4096);
  const reference = TextDocument.create('u', 'frr', 1, content);
  assert.equal(document.lineCount, reference.lineCount);
  ChunkedDocuments.update(document, changes, 2);
  TextDocument.update(reference, changes, 2);
  assert.equal(document.lineCount, reference.lineCount);
  assert.equal(document.lineCount, 151 - 30 + 12000 + 10000);
  const next = random(7);
  for (let i = 0; i < 200; i++) {
    const offset = int(next, reference.getText().length + 1);
    const position = reference.positionAt(offset);
    assert.deepEqual(document.positionAt(offset), position);
    assert.equal(document.offsetAt(position), reference.offsetAt(position));
  }
  assert.ok(document.source.chunks.length > 100);
  assert.equal(document.getText(), reference.getText());
});

test('ranges past the last line are clamped to the text, where FullTextDocument breaks its line table', () => {
  // FullTextDocument updates its line offsets with the range's lines as sent: an insertion two lines
  // past the last leaves holes (lineCount 6 for 4 lines), and a later edit at a line in a hole has
  // undefined offsets, which make it insert the whole text again.
  const changes: TextDocumentContentChangeEvent[][] = [
    [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: 'x\n' }],
    [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }, text: 'Q' }],
  ];
  const document = ChunkedDocuments.create('u', 'frr', 1, 'a\nb\nc', 2);
  const reference = TextDocument.create('u', 'frr', 1, 'a\nb\nc');
  ChunkedDocuments.update(document, changes[0]!, 2);
  TextDocument.update(reference, changes[0]!, 2);
  assert.equal(document.getText(), 'a\nb\ncx\n');
  assert.equal(reference.lineCount, 6, 'FullTextDocument counts lines that are not there');
  assert.equal(document.lineCount, 4);
  assert.deepEqual(document.positionAt(7), { line: 3, character: 0 });
  ChunkedDocuments.update(document, changes[1]!, 3);
  TextDocument.update(reference, changes[1]!, 3);
  assert.equal(reference.getText(), 'a\nb\ncx\nQa\nb\ncx\n', 'FullTextDocument inserts its whole text again');
  assert.equal(document.getText(), 'a\nb\ncx\nQ');
  assert.equal(document.lineCount, 4);
  assert.equal(document.offsetAt({ line: 3, character: 1 }), 8);
});

test('a change that is neither ranged nor full is refused, as by FullTextDocument', () => {
  const change = { text: 'x', rangeLength: 1 } as unknown as TextDocumentContentChangeEvent;
  const document = ChunkedDocuments.create('u', 'frr', 1, 'abc');
  assert.throws(() => ChunkedDocuments.update(document, [change], 2), /Unknown change event received/);
  assert.throws(() => TextDocument.update(TextDocument.create('u', 'frr', 1, 'abc'), [change], 2), /Unknown change event received/);
  assert.equal(document.version, 1);
});

test('updates and the reads of positions and ranges never join the text', () => {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push(`ip prefix-list PL-${i} seq 5 permit 10.${i >> 8}.${i & 255}.0/24${i % 3 ? '\n' : '\r\n'}`);
  const content = lines.join('');
  const reference = TextDocument.create('u', 'frr', 1, content);
  const document = ChunkedDocuments.create('u', 'frr', 1, content, 1024);
  const joins = mock.method(ChunkedText.prototype, 'toString');
  try {
    const edits: TextDocumentContentChangeEvent[][] = [
      // A keystroke, a pasted block, a deletion across lines, then several changes in one call.
      [{ range: { start: { line: 1500, character: 10 }, end: { line: 1500, character: 10 } }, text: 'x' }],
      [{ range: { start: { line: 200, character: 0 }, end: { line: 200, character: 0 } }, text: 'route-map A permit 10\n match ip address prefix-list PL-1\nexit\n' }],
      [{ range: { start: { line: 700, character: 5 }, end: { line: 760, character: 2 } }, text: '' }],
      [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, text: 'ipv6' },
        { range: { start: { line: 2900, character: 4 }, end: { line: 2800, character: 0 } }, text: 'a\r\nb' },
      ],
      // Makes a CRLF pair of the inserted carriage return and the line feed after it: the line offsets
      // are computed again, from the chunks.
      [{ range: { start: { line: 1, character: 200 }, end: { line: 1, character: 200 } }, text: 'z\r' }],
    ];
    let version = 1;
    for (const changes of edits) {
      const before = document.source;
      version++;
      ChunkedDocuments.update(document, changes, version);
      TextDocument.update(reference, changes, version);
      assert.notEqual(document.source, before, 'each change makes a new version of the source');
      const shared = document.source.chunks.filter((chunk) => before.chunks.includes(chunk)).length;
      assert.ok(shared >= before.chunks.length - 10, `${shared} of ${before.chunks.length} chunks kept`);
      assert.equal(document.lineCount, reference.lineCount);
      for (let line = 0; line < reference.lineCount; line += 97) {
        const range = { start: { line, character: 3 }, end: { line: line + 2, character: 1 } };
        assert.equal(document.getText(range), reference.getText(range));
        assert.deepEqual(document.getLineRange(line), reference.getLineRange(line));
        assert.equal(document.getEOLCharacters(line), reference.getEOLCharacters(line));
        const offset = reference.offsetAt({ line, character: 20 });
        assert.equal(document.offsetAt({ line, character: 20 }), offset);
        assert.deepEqual(document.positionAt(offset + 7), reference.positionAt(offset + 7));
      }
    }
    assert.equal(joins.mock.callCount(), 0, 'no read above joined the chunks');
    assert.equal(document.getText(), reference.getText());
    assert.equal(joins.mock.callCount(), 1, 'getText() joins them (the spy sees it)');
  } finally {
    joins.mock.restore();
  }
});

test('a full change replaces the text, in chunks of the size the document was made with', () => {
  const document = ChunkedDocuments.create('u', 'frr', 1, 'a\n', 8);
  ChunkedDocuments.update(document, [{ text: 'line\n'.repeat(40) }], 2);
  assert.ok(document.source.chunks.length > 5, `${document.source.chunks.length} chunks`);
  assert.ok(document.source.chunks.every((chunk) => chunk.length <= 2 * 8 + 5));
  assert.equal(document.lineCount, 41);
  assert.equal(document.version, 2);
  const big = ChunkedDocuments.create('u', 'frr', 1, 'line\n'.repeat(40));
  assert.equal(big.source.chunks.length, 1, 'a small document is one chunk of the default size');
});
