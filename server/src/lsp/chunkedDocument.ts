/**
 * An open document whose text is kept in chunks. vscode-languageserver-textdocument's document
 * rebuilds its whole string at every change, a copy as large as the document (3.3 MB at 100k lines)
 * that only a full collection frees; this one replaces the chunk an edit touches and keeps the rest.
 *
 * Everything else is FullTextDocument's own logic (vscode-languageserver-textdocument 1.0.16,
 * lib/umd/main.js), line for line, with the string reads made on the chunks: the line offsets are
 * updated from the inserted text only, and positions and offsets come out the same, except after a
 * range past the last line, which is clamped here where FullTextDocument breaks its line table (see
 * `update`). The whole string is made only when `getText()` asks for it, once per version.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedText } from '../service/sourceText';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

export class ChunkedDocument implements TextDocument {
  private text: ChunkedText;
  private currentVersion: number;
  /**
   * Offset of each line, computed when first asked for and then kept up to date by each change, as
   * FullTextDocument keeps its own (without its holes: see `update`).
   */
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
    /** Characters per chunk; the default of `ChunkedText` unless a test wants small ones. */
    private readonly chunkSize?: number,
  ) {
    this.currentVersion = version;
    this.text = ChunkedText.of(content, chunkSize);
  }

  /** The current text: a new `ChunkedText` after each change, sharing the chunks the change did not touch. */
  get source(): ChunkedText {
    return this.text;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  /** The whole text (joined once per version) or the text of `range`. */
  getText(range?: Range): string {
    if (range) {
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      // A range with its ends reversed reads the text between them, as String.prototype.substring does.
      return start <= end ? this.text.slice(start, end) : this.text.slice(end, start);
    }
    return this.text.toString();
  }

  /**
   * Applies `changes` in order, each to the result of the one before, as FullTextDocument.update,
   * except for ranges past the last line: those are clamped to the text (FullTextDocument updates
   * its line table with the lines as sent, which leaves holes in it, and a later edit there inserts
   * the whole text again). An edit that makes or splits a CRLF pair at either end of the inserted
   * text drops the offsets, which are computed again from the whole text when next needed.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (isIncremental(change)) {
        // makes sure start is before end
        const range = getWellformedRange(change.range);
        const startOffset = this.offsetAt(range.start);
        const endOffset = this.offsetAt(range.end);
        // The lines the offsets are on: a range sent past the last line is clamped for the line table
        // too (FullTextDocument takes the lines as sent, and its table then gets holes).
        const startLine = this.positionAt(startOffset).line;
        const endLine = this.positionAt(endOffset).line;
        this.text = this.text.edit(startOffset, endOffset, change.text);
        const insertedEndOffset = startOffset + change.text.length;
        const crlfAtStart =
          this.text.charCodeAt(startOffset - 1) === CARRIAGE_RETURN && this.text.charCodeAt(startOffset) === LINE_FEED;
        const crlfAtEnd =
          this.text.charCodeAt(insertedEndOffset - 1) === CARRIAGE_RETURN &&
          this.text.charCodeAt(insertedEndOffset) === LINE_FEED;
        if (crlfAtStart || crlfAtEnd) {
          // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
          this.lineOffsets = undefined;
          continue;
        }
        // offsetAt has computed them.
        let lineOffsets = this.lineOffsets!;
        const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
        if (endLine - startLine === addedLineOffsets.length) {
          for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
            lineOffsets[i + startLine + 1] = addedLineOffsets[i]!;
          }
        } else if (addedLineOffsets.length < 10000) {
          lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
        } else {
          // avoid too many arguments for splice
          this.lineOffsets = lineOffsets = lineOffsets
            .slice(0, startLine + 1)
            .concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
        }
        const diff = change.text.length - (endOffset - startOffset);
        if (diff !== 0) {
          for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
            lineOffsets[i] = lineOffsets[i]! + diff;
          }
        }
      } else if (isFull(change)) {
        this.text = ChunkedText.of(change.text, this.chunkSize);
        this.lineOffsets = undefined;
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this.currentVersion = version;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    // low is the least x for which the line offset is larger than the current offset,
    // or the length of the table if no line offset is larger than the current offset
    const line = low - 1;
    offset = this.ensureBeforeEOL(offset, lineOffsets[line]!);
    return { line, character: offset - lineOffsets[line]! };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1]! : this.text.length;
    const offset = Math.min(lineOffset + position.character, nextLineOffset);
    return this.ensureBeforeEOL(offset, lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const lastLine = lineOffsets.length - 1;
      return {
        start: { line: lastLine, character: 0 },
        end: { line: lastLine, character: this.text.length - lineOffsets[lastLine]! },
      };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const startOffset = lineOffsets[line]!;
    const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.text.length;
    const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
    return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length || line < 0) return '';
    const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.text.length;
    const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]!);
    return this.text.slice(eolOffset, nextLineOffset);
  }

  private getLineOffsets(): number[] {
    this.lineOffsets ??= lineOffsetsOf(this.text);
    return this.lineOffsets;
  }

  private ensureBeforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/**
 * The `create`/`update` pair `new TextDocuments(ChunkedDocuments)` keeps open documents with.
 * `chunkSize` (characters per chunk) is for tests.
 */
export const ChunkedDocuments = {
  create(uri: string, languageId: string, version: number, content: string, chunkSize?: number): ChunkedDocument {
    return new ChunkedDocument(uri, languageId, version, content, chunkSize);
  },
  /** Applies `changes` to `document` itself and returns it, as TextDocument.update does. */
  update(document: ChunkedDocument, changes: TextDocumentContentChangeEvent[], version: number): ChunkedDocument {
    document.update(changes, version);
    return document;
  },
} satisfies TextDocumentsConfiguration<ChunkedDocument>;

function isIncremental(event: TextDocumentContentChangeEvent): event is { range: Range; rangeLength?: number; text: string } {
  const candidate = event as { range?: Range; rangeLength?: number; text?: unknown } | null | undefined;
  return (
    candidate !== undefined &&
    candidate !== null &&
    typeof candidate.text === 'string' &&
    candidate.range !== undefined &&
    (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number')
  );
}

function isFull(event: TextDocumentContentChangeEvent): event is { text: string } {
  const candidate = event as { range?: Range; rangeLength?: number; text?: unknown } | null | undefined;
  return (
    candidate !== undefined &&
    candidate !== null &&
    typeof candidate.text === 'string' &&
    candidate.range === undefined &&
    candidate.rangeLength === undefined
  );
}

function getWellformedRange(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    return { start: end, end: start };
  }
  return range;
}

function isEOL(char: number): boolean {
  return char === CARRIAGE_RETURN || char === LINE_FEED;
}

/** Offsets of the line starts in `text` (only its line breaks are read), shifted by `textOffset`. */
function computeLineOffsets(text: string, isAtLineStart: boolean, textOffset = 0): number[] {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === CARRIAGE_RETURN && i + 1 < text.length && text.charCodeAt(i + 1) === LINE_FEED) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

/** computeLineOffsets(text, true) of the whole text, read chunk by chunk: a CRLF pair may straddle two. */
function lineOffsetsOf(source: ChunkedText): number[] {
  const result = [0];
  const { chunks, starts } = source;
  // Where reading goes on: past the line feed of a pair whose carriage return ended the chunk before.
  let from = 0;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const base = starts[c]!;
    let i = Math.max(0, from - base);
    for (; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === LINE_FEED) {
        result.push(base + i + 1);
      } else if (ch === CARRIAGE_RETURN) {
        const next = i + 1 < chunk.length ? chunk.charCodeAt(i + 1) : source.charCodeAt(base + i + 1);
        if (next === LINE_FEED) i++;
        result.push(base + i + 1);
      }
    }
    from = base + i;
  }
  return result;
}
