/**
 * Token texts repeat heavily (keywords, a peer's address on each of its lines): one string per
 * distinct text keeps a parse result small and spares the garbage collector a copy per token.
 * Open addressing over hashes the lexer computes while scanning, so a repeated word costs no
 * allocation at all.
 */
import { detachedSlice } from '../sourceText';

/** Longer words (descriptions, passwords) are rarely repeated and are never interned. */
export const MAX_INTERNED_LENGTH = 32;

export class WordInterner {
  private readonly words: (string | undefined)[];
  private readonly hashes: Int32Array;
  private readonly mask: number;
  /** Beyond this many entries new words are no longer stored: probing stays short. */
  private readonly capacity: number;
  private size = 0;

  /** Sized for about `expectedWords` distinct words. */
  constructor(expectedWords: number) {
    let slots = 256;
    while (slots < expectedWords * 2 && slots < 1 << 16) slots <<= 1;
    this.words = new Array<string | undefined>(slots).fill(undefined);
    this.hashes = new Int32Array(slots);
    this.mask = slots - 1;
    this.capacity = slots >> 1;
  }

  /** `text.slice(start, end)`, shared with earlier equal words; `hash` is `wordHash` of the slice. */
  word(text: string, start: number, end: number, hash: number): string {
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const stored = this.words[slot];
      if (stored === undefined) break;
      if (this.hashes[slot] === hash && stored.length === length && sameChars(stored, text, start)) return stored;
      slot = (slot + 1) & this.mask;
    }
    const fresh = detachedSlice(text, start, end);
    if (this.size < this.capacity) {
      this.words[slot] = fresh;
      this.hashes[slot] = hash;
      this.size++;
    }
    return fresh;
  }
}

/** One FNV-1a step; the lexer folds each character of a word into the running hash. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

export const HASH_SEED = -2128831035; // FNV offset basis 2166136261 as int32

function sameChars(stored: string, text: string, start: number): boolean {
  for (let i = 0; i < stored.length; i++) if (stored.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
