/**
 * Splits FRR configuration text into lines and tokens the way FRR reads a file, with exact UTF-16
 * offsets into the original text. FRR has no quoting, escaping or trailing comments, so a token is
 * simply a run of characters other than space and tab.
 */
import { HASH_SEED, hashStep, MAX_INTERNED_LENGTH, WordInterner } from './intern';
import { detachedSlice } from '../sourceText';
import type { Arg, CommandMatch, Token } from './syntax';

export interface LexedLine {
  /** 0-based physical line; both parts of a line split by the 4095-byte rule keep the same number. */
  line: number;
  start: number;
  end: number;
  tokens: Token[];
  /** The first non-blank character is `!` or `#`. */
  comment: boolean;
  /** Column of the first non-blank character (tabs count as one). */
  indent: number;
}

/**
 * A word of the text. It is also the argument a command binds it to when the argument is the word
 * as written (names, addresses, numbers: nearly all of them), so binding allocates nothing more.
 */
export class Word implements Token, Arg {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get value(): string {
    return this.text;
  }

  get tokens(): Token[] {
    return [this];
  }
}

/**
 * Every word of a text, in order: texts in one array and start offsets in one typed array (a word
 * ends where its text does). A parse keeps this instead of an object per word, and makes `Word`s
 * for the lines a reader asks about.
 */
export class TokenStore {
  /** Word texts, by word index (read-only outside the store). */
  texts: string[] = [];
  /**
   * The line whose command was bound last, and that command: code reads `line.command.id`, then
   * `line.command.args`, and each read would bind the line's words again.
   */
  boundLine: object | undefined;
  boundCommand: CommandMatch | undefined;
  private starts: Int32Array;
  private size = 0;

  constructor(expectedWords: number) {
    this.starts = new Int32Array(Math.max(32, Math.ceil(expectedWords)));
  }

  get count(): number {
    return this.size;
  }

  /** Adds the word `text` found at `start` of the text. */
  push(text: string, start: number): void {
    if (this.size >= this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.texts.push(text);
    this.starts[this.size] = start;
    this.size++;
  }

  start(index: number): number {
    return this.starts[index]!;
  }

  end(index: number): number {
    return this.starts[index]! + this.texts[index]!.length;
  }

  /**
   * Replaces words `at` to `at + removed - 1` with `source`'s words, and moves the words after them
   * `shift` characters on: a re-read puts the words it read into the earlier reading's store, so
   * the lines before the edit keep theirs untouched.
   */
  splice(at: number, removed: number, source: TokenStore, shift: number): void {
    const added = source.size;
    const tailFrom = at + removed;
    const size = this.size - removed + added;
    if (size > this.starts.length) {
      let capacity = this.starts.length;
      while (capacity < size) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.starts.subarray(0, this.size));
      this.starts = grown;
    }
    const starts = this.starts;
    if (added !== removed) starts.copyWithin(at + added, tailFrom, this.size);
    starts.set(source.starts.subarray(0, added), at);
    if (shift !== 0) for (let i = at + added; i < size; i++) starts[i]! += shift;
    spliceArray(this.texts, at, removed, source.texts);
    this.size = size;
    // The bound line may be one that moved: its command's words would keep their former offsets.
    this.boundLine = undefined;
    this.boundCommand = undefined;
  }

  /** Word `index`, as a new object. */
  word(index: number): Word {
    const text = this.texts[index]!;
    const start = this.starts[index]!;
    return new Word(text, start, start + text.length);
  }

  /** Words `first` to `first + count - 1`, as new objects. */
  words(first: number, count: number): Word[] {
    const out = new Array<Word>(count);
    for (let i = 0; i < count; i++) {
      const text = this.texts[first + i]!;
      const start = this.starts[first + i]!;
      out[i] = new Word(text, start, start + text.length);
    }
    return out;
  }
}

/** Arguments one call can spread safely; more would overflow the stack. */
const SPREAD_LIMIT = 8192;

/**
 * `array.splice(at, removed, ...items)` in place, for any number of items. The native splice moves
 * the elements after `at` in one copy, where rebuilding the array would copy all of it.
 */
export function spliceArray<T>(array: T[], at: number, removed: number, items: readonly T[]): T[] {
  if (items.length <= SPREAD_LIMIT) return array.splice(at, removed, ...items);
  const dropped = array.slice(at, at + removed);
  const tail = array.slice(at + removed);
  array.length = at;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
  return dropped;
}

/**
 * FRR reads with `fgets` into a 4096-byte buffer: at most 4095 bytes per read, and the rest of a
 * longer line is read (and parsed) as a new line.
 */
export const FRR_LINE_BYTES = 4095;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BANG = 33;
const HASH = 35;

/**
 * Receives each line as plain values, its words being `store` entries `first` to
 * `first + count - 1`: the parser reads lines as they are lexed.
 */
export type LineVisitor = (line: number, start: number, end: number, first: number, count: number, comment: boolean, indent: number) => void;

/** Every line of `text`; line breaks are LF, CRLF and lone CR (the editor's view of lines). */
export function lexFrr(text: string): LexedLine[] {
  const lines: LexedLine[] = [];
  const store = new TokenStore(text.length / 8);
  scanFrrLines(text, store, (line, start, end, first, count, comment, indent) => {
    lines.push({ line, start, end, tokens: store.words(first, count), comment, indent });
  });
  return lines;
}

/** Where a scan starts, and when it stops: for re-reading part of a text. */
export interface ScanRange {
  /** Offset of a physical line's first character, and that line's number. */
  offset: number;
  line: number;
  /** Called before each physical line after the first; returning false ends the scan there. */
  proceed?: (line: number, start: number) => boolean;
  /** Offset in the document of the text scanned, when it is a part of the document: every offset read and reported is the document's. */
  base?: number;
}

/** Characters a re-read reads with its first, small word table (which holds 128 words). */
const SHORT_READ = 4096;

/** `lexFrr` as a stream: adds every word to `store` and calls `visit` for every line, in order. */
export function scanFrrLines(text: string, store: TokenStore, visit: LineVisitor, range: ScanRange = { offset: 0, line: 0 }): void {
  const length = text.length;
  const base = range.base ?? 0;
  // Sized for about one distinct word per 40 characters; a fuller table only stops sharing. A re-read
  // mostly stops after a few lines, and a table sized for the rest of a large text would cost more
  // than those lines: it starts small, and gets the full size once it has read on that far.
  let words = new WordInterner(range.proceed ? 0 : (length - range.offset + base) / 40);
  let resizeAt = range.proceed ? range.offset - base + SHORT_READ : length + 1;
  let lineNo = range.line;
  let start = range.offset - base;
  while (start <= length) {
    if (lineNo !== range.line && range.proceed && !range.proceed(lineNo, start + base)) return;
    if (start > resizeAt) {
      words = new WordInterner((length - start) / 40);
      resizeAt = length + 1;
    }
    let end = start;
    while (end < length) {
      const c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      end++;
    }
    // Every UTF-16 unit takes at most 3 UTF-8 bytes, so only long lines need counting.
    if ((end - start) * 3 > FRR_LINE_BYTES) {
      visitSplitLine(text, base, lineNo, start, end, visit, words, store);
    } else {
      visitLine(text, base, lineNo, start, end, visit, words, store);
    }
    if (end >= length) break;
    start = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    lineNo++;
  }
}

/** Applies FRR's 4095-byte reads to one long physical line. */
function visitSplitLine(
  text: string,
  base: number,
  lineNo: number,
  start: number,
  end: number,
  visit: LineVisitor,
  words: WordInterner,
  store: TokenStore,
): void {
  let partStart = start;
  let bytes = 0;
  let i = start;
  while (i < end) {
    const size = utf8Size(text, i);
    // A character straddling the read boundary goes wholly to the next part: offsets must stay
    // on UTF-16 boundaries, and FRR would reject the broken bytes either way.
    if (bytes + size.bytes > FRR_LINE_BYTES) {
      visitLine(text, base, lineNo, partStart, i, visit, words, store);
      partStart = i;
      bytes = 0;
    }
    bytes += size.bytes;
    i += size.units;
  }
  visitLine(text, base, lineNo, partStart, end, visit, words, store);
}

const ONE_UNIT_1 = { bytes: 1, units: 1 };
const ONE_UNIT_2 = { bytes: 2, units: 1 };
const ONE_UNIT_3 = { bytes: 3, units: 1 };
const PAIR = { bytes: 4, units: 2 };

/** UTF-8 size of the character at `i`; a lone surrogate is encoded as U+FFFD (3 bytes). */
function utf8Size(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ONE_UNIT_1;
  if (c < 0x800) return ONE_UNIT_2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return PAIR;
  }
  return ONE_UNIT_3;
}

/** Reads one line of `text` (which starts at `base` in the document). */
function visitLine(
  text: string,
  base: number,
  line: number,
  start: number,
  end: number,
  visit: LineVisitor,
  words: WordInterner,
  store: TokenStore,
): void {
  const first = store.count;
  let i = start;
  let indent = -1;
  let comment = false;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    if (indent < 0) {
      indent = i - start;
      if (c === BANG || c === HASH) {
        comment = true;
        break;
      }
    }
    const tokenStart = i;
    let hash = HASH_SEED;
    do {
      hash = hashStep(hash, c);
      i++;
      c = text.charCodeAt(i);
    } while (i < end && c !== SPACE && c !== TAB);
    store.push(i - tokenStart <= MAX_INTERNED_LENGTH ? words.word(text, tokenStart, i, hash) : detachedSlice(text, tokenStart, i), base + tokenStart);
  }
  visit(line, base + start, base + end, first, store.count - first, comment, indent < 0 ? 0 : indent);
}
