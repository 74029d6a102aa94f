/**
 * A document's text as the service reads it: a plain string, or the same characters kept in chunks.
 * An edit of a large document in the language server replaces one chunk of a few kilobytes; a
 * string would be copied whole at every keystroke (3.3 MB at 100k lines), and a copy that large is
 * freed only by a full collection, so the server's memory would climb by that much per edit. The
 * paths an edit takes read chunked text in pieces; whatever asks for the whole string gets one,
 * made once per version.
 */

/** What the service reads of a text; a string is one. */
export interface SourceText {
  readonly length: number;
  slice(start: number, end: number): string;
  charCodeAt(index: number): number;
  /** The whole text. */
  toString(): string;
}

/** Characters per chunk: a few kilobytes are cheap to copy, and a 100k-line document is a few hundred chunks. */
const CHUNK_SIZE = 16 * 1024;

/**
 * Immutable text in chunks that end after a line break (but the last): an edit makes a new version
 * sharing every chunk it did not touch, so the chunks two versions have in common are the same
 * strings, which is how a re-read finds what changed without comparing characters.
 */
export class ChunkedText implements SourceText {
  private joined: string | undefined;

  private constructor(
    readonly chunks: readonly string[],
    /** Offset of each chunk, then the length. */
    readonly starts: readonly number[],
    private readonly size: number,
  ) {}

  /** `text` in chunks that are views into it (it stays alive while they do: no copy is made). */
  static of(text: string, size = CHUNK_SIZE): ChunkedText {
    const chunks = split(text, size, (piece) => piece);
    const made = new ChunkedText(chunks, startsOf(chunks, 0, [0]), size);
    made.joined = text;
    return made;
  }

  get length(): number {
    return this.starts[this.starts.length - 1]!;
  }

  /** The chunk holding `offset` (the last one for the end of the text). */
  chunkAt(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  slice(start: number, end: number): string {
    const length = this.length;
    start = Math.max(0, Math.min(start, length));
    end = Math.max(start, Math.min(end, length));
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const first = this.chunkAt(start);
    const base = this.starts[first]!;
    if (end <= this.starts[first + 1]!) return this.chunks[first]!.slice(start - base, end - base);
    const parts: string[] = [this.chunks[first]!.slice(start - base)];
    let at = first + 1;
    for (; this.starts[at + 1]! < end; at++) parts.push(this.chunks[at]!);
    parts.push(this.chunks[at]!.slice(0, end - this.starts[at]!));
    return parts.join('');
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    const chunk = this.chunkAt(index);
    return this.chunks[chunk]!.charCodeAt(index - this.starts[chunk]!);
  }

  toString(): string {
    this.joined ??= this.chunks.join('');
    return this.joined;
  }

  /** The text with `start` to `end` replaced by `text`. */
  edit(start: number, end: number, text: string): ChunkedText {
    const length = this.length;
    start = Math.max(0, Math.min(start, length));
    end = Math.max(start, Math.min(end, length));
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    const head = this.chunks[first]!.slice(0, start - this.starts[first]!);
    const tail = this.chunks[last]!.slice(end - this.starts[last]!);
    // The chunks touched become one text, split again where it outgrew a chunk; an emptied chunk goes.
    const pieces = split(head + text + tail, this.size, copied).filter((piece) => piece.length > 0);
    const chunks = [...this.chunks.slice(0, first), ...pieces, ...this.chunks.slice(last + 1)];
    if (chunks.length === 0) chunks.push('');
    const starts = startsOf(chunks, first, this.starts.slice(0, first + 1));
    return new ChunkedText(chunks, starts, this.size);
  }
}

/** `text` in pieces of about `size` characters, each (but the last) ending after a line feed, each made by `make`. */
function split(text: string, size: number, make: (piece: string) => string): string[] {
  if (text.length <= 2 * size) return [make(text)];
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > 2 * size) {
    const feed = text.indexOf('\n', from + size);
    if (feed < 0 || feed + 1 >= text.length) break;
    pieces.push(make(text.slice(from, feed + 1)));
    from = feed + 1;
  }
  pieces.push(make(text.slice(from)));
  return pieces;
}

/** Below this length V8 copies a slice; from it on, a slice is a view that keeps the whole sliced string alive. */
const SLICE_VIEW_LENGTH = 13;

/**
 * `text.slice(start, end)` as a string of its own. A word or chunk kept from a document's text must
 * not be a view into it: lines an edit leaves alone keep their words, and each such view would keep
 * the whole text of the version it was read from (3 MB at 100k lines, one more per edit); a chunk
 * made by concatenating is a tree V8 flattens when first read.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  // Concatenating makes a new short string, and slicing that keeps only it alive.
  return end - start < SLICE_VIEW_LENGTH ? slice : (' ' + slice).slice(1);
}


/** A string made of `text` alone. */
function copied(text: string): string {
  return detachedSlice(text, 0, text.length);
}

/** Offsets of `chunks` from chunk `from` on, appended to `starts` (which holds those up to `from`); then the length. */
function startsOf(chunks: readonly string[], from: number, starts: number[]): number[] {
  let at = starts[from]!;
  for (let i = from; i < chunks.length; i++) {
    at += chunks[i]!.length;
    starts.push(at);
  }
  return starts;
}

/** Length of the common start of `a` and `b`, and of their common end after it. */
export function commonEnds(a: SourceText, b: SourceText): { prefix: number; suffix: number } {
  if (a instanceof ChunkedText && b instanceof ChunkedText) return commonChunkEnds(a, b);
  return commonStringEnds(a.toString(), b.toString());
}

/**
 * Chunks both texts share (the same string at the same place) are skipped whole, other stretches
 * are compared as strings, and characters one by one only where those differ.
 */
function commonChunkEnds(a: ChunkedText, b: ChunkedText): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max) {
    const ca = a.chunkAt(prefix);
    const cb = b.chunkAt(prefix);
    const sa = a.chunks[ca]!;
    const sb = b.chunks[cb]!;
    const fromA = prefix - a.starts[ca]!;
    const fromB = prefix - b.starts[cb]!;
    const span = Math.min(sa.length - fromA, sb.length - fromB, max - prefix);
    if ((sa !== sb || fromA !== fromB) && sa.slice(fromA, fromA + span) !== sb.slice(fromB, fromB + span)) {
      let same = 0;
      while (same < span && sa.charCodeAt(fromA + same) === sb.charCodeAt(fromB + same)) same++;
      prefix += same;
      break;
    }
    prefix += span;
  }
  const room = max - prefix;
  let suffix = 0;
  while (suffix < room) {
    const ca = a.chunkAt(a.length - 1 - suffix);
    const cb = b.chunkAt(b.length - 1 - suffix);
    const sa = a.chunks[ca]!;
    const sb = b.chunks[cb]!;
    // Characters of each chunk before the part of the end already matched.
    const toA = a.length - suffix - a.starts[ca]!;
    const toB = b.length - suffix - b.starts[cb]!;
    const span = Math.min(toA, toB, room - suffix);
    if ((sa !== sb || toA !== toB) && sa.slice(toA - span, toA) !== sb.slice(toB - span, toB)) {
      let same = 0;
      while (same < span && sa.charCodeAt(toA - 1 - same) === sb.charCodeAt(toB - 1 - same)) same++;
      suffix += same;
      break;
    }
    suffix += span;
  }
  return { prefix, suffix };
}

/**
 * Characters compared at once, largest first: native string comparisons, where one character at a
 * time would take longer than the re-read; each size narrows down what the larger one left over.
 */
const CHUNKS = [65536, 4096, 256, 16];

function commonStringEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  for (const chunk of CHUNKS) {
    while (prefix + chunk <= max && a.substring(prefix, prefix + chunk) === b.substring(prefix, prefix + chunk)) prefix += chunk;
  }
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  for (const chunk of CHUNKS) {
    while (suffix + chunk <= room && a.substring(a.length - suffix - chunk, a.length - suffix) === b.substring(b.length - suffix - chunk, b.length - suffix)) suffix += chunk;
  }
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
