/**
 * The exact string a YAML scalar holds, with a map from every character of that string back to
 * the span of source text that produced it. FRR text embedded in `extras:` / `rawConfig:` is
 * parsed on its own, and its findings must land on the right characters of the YAML file, whatever
 * the scalar style (block `|` / `>` with chomping and indentation indicators, CRLF line ends,
 * quoted scalars with escapes and folding).
 *
 * The decoder re-reads the scalar's source and is checked against the value the `yaml` package
 * computed: when they disagree (a YAML corner we do not model) the map degrades to a best-effort
 * linear one instead of pointing at wrong characters silently.
 */
import type { OffsetRange } from '../types';

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface EmbeddedText {
  /** The exact string value of the YAML scalar. */
  value: string;
  /** The scalar in the source (for block scalars: from the `|`/`>` header to the end of its last line). */
  range: OffsetRange;
  /** True when the map was verified exact; false for the linear fallback. */
  exact: boolean;
  /**
   * Source offset of value character `i`; `i === value.length` maps to the end of the last
   * character's span. Out-of-range indexes are clamped.
   */
  toSourceOffset(i: number): number;
  /** Source range covering value range `r` (escapes and folded breaks widen to their whole span). */
  toSourceRange(r: OffsetRange): OffsetRange;
}

/** One produced UTF-16 unit and the source span it came from. */
interface Piece {
  ch: string;
  start: number;
  end: number;
}

export function extractEmbeddedText(
  source: string,
  style: ScalarStyle,
  range: OffsetRange,
  expected: string,
): EmbeddedText {
  const pieces = decodeScalar(source, style, range, expected);
  if (pieces && joinPieces(pieces) === expected) return buildEmbedded(expected, range, pieces, true);
  return buildEmbedded(expected, range, linearPieces(source, style, range, expected), false);
}

function joinPieces(pieces: Piece[]): string {
  let out = '';
  for (const piece of pieces) out += piece.ch;
  return out;
}

function buildEmbedded(value: string, range: OffsetRange, pieces: Piece[], exact: boolean): EmbeddedText {
  const starts = new Int32Array(pieces.length);
  const ends = new Int32Array(pieces.length);
  pieces.forEach((piece, i) => {
    starts[i] = piece.start;
    ends[i] = piece.end;
  });
  const emptyAnchor = contentAnchor(range);
  const toSourceOffset = (i: number): number => {
    if (pieces.length === 0) return emptyAnchor;
    if (i <= 0) return starts[0];
    if (i >= pieces.length) return ends[pieces.length - 1];
    return starts[i];
  };
  const toSourceRange = (r: OffsetRange): OffsetRange => {
    const start = toSourceOffset(r.start);
    if (r.end <= r.start || pieces.length === 0) return { start, end: start };
    const last = Math.min(r.end, pieces.length) - 1;
    return { start, end: Math.max(start, ends[Math.max(0, last)]) };
  };
  return { value, range, exact, toSourceOffset, toSourceRange };
}

function contentAnchor(range: OffsetRange): number {
  return range.start;
}

/** Fallback: characters laid out one-to-one from where the content starts, clamped to the scalar. */
function linearPieces(source: string, style: ScalarStyle, range: OffsetRange, value: string): Piece[] {
  let begin = range.start;
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') begin += 1;
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const nl = source.indexOf('\n', range.start);
    begin = nl < 0 || nl >= range.end ? range.end : nl + 1;
    while (begin < range.end && source[begin] === ' ') begin++;
  }
  const last = Math.max(begin, range.end - 1);
  const pieces: Piece[] = [];
  for (let i = 0; i < value.length; i++) {
    const at = Math.min(begin + i, last);
    pieces.push({ ch: value[i], start: at, end: Math.min(at + 1, Math.max(range.end, at + 1)) });
  }
  return pieces;
}

function decodeScalar(source: string, style: ScalarStyle, range: OffsetRange, expected: string): Piece[] | undefined {
  switch (style) {
    case 'PLAIN':
      return foldFlow(splitLines(source, range.start, range.end, plainLine), false);
    case 'QUOTE_SINGLE':
      return foldFlow(splitLines(source, range.start + 1, range.end - 1, singleQuotedLine), false);
    case 'QUOTE_DOUBLE':
      return foldFlow(splitLines(source, range.start + 1, range.end - 1, doubleQuotedLine), true);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlock(source, range, expected);
  }
}

// ---- flow scalars (plain, single- and double-quoted) -------------------------------------------

interface FlowLine {
  pieces: (Piece & { rawSpace: boolean })[];
  /** Double-quoted line ending in `\`: the break is escaped away (no folding space). */
  escapedBreak: boolean;
  /** The line break that ends this line (absent on the last line). */
  lineBreak?: OffsetRange;
}

type LineDecoder = (source: string, start: number, end: number) => FlowLine | undefined;

function splitLines(source: string, start: number, end: number, decodeLine: LineDecoder): FlowLine[] | undefined {
  const lines: FlowLine[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    const atEnd = i === end;
    const ch = source[i];
    if (!atEnd && ch !== '\n' && ch !== '\r') continue;
    const decoded = decodeLine(source, lineStart, i);
    if (!decoded) return undefined;
    if (atEnd) {
      lines.push(decoded);
      break;
    }
    const breakEnd = ch === '\r' && source[i + 1] === '\n' ? i + 2 : i + 1;
    decoded.lineBreak = { start: i, end: breakEnd };
    lines.push(decoded);
    i = breakEnd - 1;
    lineStart = breakEnd;
  }
  return lines;
}

function rawPieces(source: string, start: number, end: number): FlowLine['pieces'] {
  const pieces: FlowLine['pieces'] = [];
  for (let i = start; i < end; i++) {
    const ch = source[i];
    pieces.push({ ch, start: i, end: i + 1, rawSpace: ch === ' ' || ch === '\t' });
  }
  return pieces;
}

function plainLine(source: string, start: number, end: number): FlowLine {
  return { pieces: rawPieces(source, start, end), escapedBreak: false };
}

function singleQuotedLine(source: string, start: number, end: number): FlowLine {
  const pieces: FlowLine['pieces'] = [];
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (ch === "'" && source[i + 1] === "'" && i + 1 < end) {
      pieces.push({ ch: "'", start: i, end: i + 2, rawSpace: false });
      i++;
      continue;
    }
    pieces.push({ ch, start: i, end: i + 1, rawSpace: ch === ' ' || ch === '\t' });
  }
  return { pieces, escapedBreak: false };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function doubleQuotedLine(source: string, start: number, end: number): FlowLine | undefined {
  const pieces: FlowLine['pieces'] = [];
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (ch !== '\\') {
      pieces.push({ ch, start: i, end: i + 1, rawSpace: ch === ' ' || ch === '\t' });
      continue;
    }
    if (i + 1 === end) return { pieces, escapedBreak: true };
    const code = source[i + 1];
    const simple = SIMPLE_ESCAPES[code];
    if (simple !== undefined) {
      pieces.push({ ch: simple, start: i, end: i + 2, rawSpace: false });
      i++;
      continue;
    }
    const hexLength = HEX_ESCAPE_LENGTH[code];
    if (hexLength === undefined) return undefined;
    const hex = source.slice(i + 2, i + 2 + hexLength);
    if (hex.length !== hexLength || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const codePoint = parseInt(hex, 16);
    if (codePoint > 0x10ffff) return undefined;
    const escapeEnd = i + 2 + hexLength;
    for (const unit of String.fromCodePoint(codePoint).split('')) {
      pieces.push({ ch: unit, start: i, end: escapeEnd, rawSpace: false });
    }
    i = escapeEnd - 1;
  }
  return { pieces, escapedBreak: false };
}

/**
 * YAML flow folding: inner lines lose their surrounding raw white space; a single line break
 * becomes a space, n empty lines become n newlines, and an escaped break joins without a space.
 */
function foldFlow(lines: FlowLine[] | undefined, doubleQuoted: boolean): Piece[] | undefined {
  if (!lines) return undefined;
  const out: Piece[] = [];
  const lastIndex = lines.length - 1;
  let i = 0;
  while (i <= lastIndex) {
    const line = lines[i];
    let pieces = line.pieces;
    if (i > 0) pieces = trimStart(pieces);
    if (i < lastIndex && !line.escapedBreak) pieces = trimEnd(pieces);
    out.push(...pieces);
    if (i === lastIndex) break;
    let next = i + 1;
    const emptyBreaks: OffsetRange[] = [];
    while (next < lastIndex && trimStart(lines[next].pieces).length === 0 && !lines[next].escapedBreak) {
      const lineBreak = lines[next].lineBreak;
      if (lineBreak) emptyBreaks.push(lineBreak);
      next++;
    }
    const ownBreak = line.lineBreak ?? { start: 0, end: 0 };
    if (emptyBreaks.length > 0) {
      for (const lineBreak of emptyBreaks) out.push({ ch: '\n', ...lineBreak });
    } else if (!(doubleQuoted && line.escapedBreak)) {
      out.push({ ch: ' ', ...ownBreak });
    }
    i = next;
  }
  return out;
}

function trimStart<T extends { rawSpace: boolean }>(pieces: T[]): T[] {
  let from = 0;
  while (from < pieces.length && pieces[from].rawSpace) from++;
  return pieces.slice(from);
}

function trimEnd<T extends { rawSpace: boolean }>(pieces: T[]): T[] {
  let to = pieces.length;
  while (to > 0 && pieces[to - 1].rawSpace) to--;
  return pieces.slice(0, to);
}

// ---- block scalars ---------------------------------------------------------------------------

interface BlockHeader {
  folded: boolean;
  chomping: 'strip' | 'clip' | 'keep';
  explicitIndent?: number;
  /** Offset just after the header line's break. */
  bodyStart: number;
}

interface BlockLine {
  /** Offset of the first character of the line and of its end (break excluded). */
  start: number;
  end: number;
  lineBreak?: OffsetRange;
}

function readBlockHeader(source: string, range: OffsetRange): BlockHeader | undefined {
  const indicator = source[range.start];
  if (indicator !== '|' && indicator !== '>') return undefined;
  let chomping: BlockHeader['chomping'] = 'clip';
  let explicitIndent: number | undefined;
  let i = range.start + 1;
  for (; i < range.end; i++) {
    const ch = source[i];
    if (ch === '-') chomping = 'strip';
    else if (ch === '+') chomping = 'keep';
    else if (ch >= '1' && ch <= '9') explicitIndent = Number(ch);
    else break;
  }
  const nl = source.indexOf('\n', i);
  const bodyStart = nl < 0 || nl >= range.end ? range.end : nl + 1;
  return { folded: indicator === '>', chomping, explicitIndent, bodyStart };
}

function blockLines(source: string, start: number, end: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let i = lineStart;
    while (i < end && source[i] !== '\n' && source[i] !== '\r') i++;
    if (i >= end) {
      lines.push({ start: lineStart, end });
      break;
    }
    const breakEnd = source[i] === '\r' && source[i + 1] === '\n' ? i + 2 : i + 1;
    lines.push({ start: lineStart, end: i, lineBreak: { start: i, end: breakEnd } });
    lineStart = breakEnd;
  }
  return lines;
}

function leadingSpaces(source: string, line: BlockLine): number {
  let n = 0;
  while (line.start + n < line.end && source[line.start + n] === ' ') n++;
  return n;
}

function decodeBlock(source: string, range: OffsetRange, expected: string): Piece[] | undefined {
  const header = readBlockHeader(source, range);
  if (!header) return undefined;
  const lines = blockLines(source, header.bodyStart, range.end);
  if (header.explicitIndent === undefined) {
    return decodeBlockBody(source, lines, header, autoIndent(source, lines));
  }
  // An explicit indicator is relative to the parent node's indentation, which the scalar does not
  // know; the candidate that reproduces the parsed value is the right one.
  for (let parent = 0; parent <= 64; parent++) {
    const pieces = decodeBlockBody(source, lines, header, header.explicitIndent + parent);
    if (pieces && joinPieces(pieces) === expected) return pieces;
  }
  return undefined;
}

function autoIndent(source: string, lines: BlockLine[]): number {
  for (const line of lines) {
    const spaces = leadingSpaces(source, line);
    if (line.start + spaces < line.end) return spaces;
  }
  return 0;
}

function decodeBlockBody(source: string, lines: BlockLine[], header: BlockHeader, indent: number): Piece[] | undefined {
  interface ContentLine {
    pieces: Piece[];
    lineBreak?: OffsetRange;
    empty: boolean;
    moreIndented: boolean;
  }
  const content: ContentLine[] = [];
  for (const line of lines) {
    const spaces = leadingSpaces(source, line);
    const blank = line.start + spaces >= line.end;
    if (blank && spaces <= indent) {
      content.push({ pieces: [], lineBreak: line.lineBreak, empty: true, moreIndented: false });
      continue;
    }
    if (spaces < indent) return undefined;
    const pieces: Piece[] = [];
    for (let i = line.start + indent; i < line.end; i++) pieces.push({ ch: source[i], start: i, end: i + 1 });
    const first = source[line.start + indent];
    content.push({ pieces, lineBreak: line.lineBreak, empty: false, moreIndented: first === ' ' || first === '\t' });
  }
  let lastContent = content.length - 1;
  while (lastContent >= 0 && content[lastContent].empty) lastContent--;

  const out: Piece[] = [];
  const breakPiece = (lineBreak: OffsetRange | undefined, ch: string): Piece | undefined =>
    lineBreak ? { ch, ...lineBreak } : undefined;
  let previousContent: ContentLine | undefined;
  let pendingEmpty: ContentLine[] = [];
  for (let i = 0; i <= lastContent; i++) {
    const line = content[i];
    if (line.empty) {
      pendingEmpty.push(line);
      continue;
    }
    if (previousContent) {
      const folds =
        header.folded && !previousContent.moreIndented && !line.moreIndented && previousContent.pieces.length > 0;
      if (folds && pendingEmpty.length === 0) {
        const space = breakPiece(previousContent.lineBreak, ' ');
        if (space) out.push(space);
      } else if (folds) {
        for (const empty of pendingEmpty) {
          const newline = breakPiece(empty.lineBreak, '\n');
          if (newline) out.push(newline);
        }
      } else {
        const newline = breakPiece(previousContent.lineBreak, '\n');
        if (newline) out.push(newline);
        for (const empty of pendingEmpty) {
          const extra = breakPiece(empty.lineBreak, '\n');
          if (extra) out.push(extra);
        }
      }
    } else {
      for (const empty of pendingEmpty) {
        const leading = breakPiece(empty.lineBreak, '\n');
        if (leading) out.push(leading);
      }
    }
    pendingEmpty = [];
    out.push(...line.pieces);
    previousContent = line;
  }
  if (header.chomping === 'strip') return out;
  const finalBreak = previousContent ? breakPiece(previousContent.lineBreak, '\n') : undefined;
  if (finalBreak) out.push(finalBreak);
  if (header.chomping === 'keep') {
    for (let i = lastContent + 1; i < content.length; i++) {
      const trailing = breakPiece(content[i].lineBreak, '\n');
      if (trailing) out.push(trailing);
    }
  }
  return out;
}
