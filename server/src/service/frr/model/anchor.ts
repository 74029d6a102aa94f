/**
 * Positions that follow their line. The model keeps what a configuration defines and uses long
 * after the text it was read from has been edited: a re-read moves the lines the edit left alone,
 * and everything anchored to a line reads its offsets through it, so nothing is shifted one by one.
 */
import type { OffsetRange } from '../../types';
import type { Arg, ParsedLine, Token } from '../syntax';

/** A range inside (or starting on) one line, held as offsets from the line's start. */
export class LineRange implements OffsetRange {
  private readonly from: number;
  private readonly to: number;

  constructor(
    readonly at: ParsedLine,
    start: number,
    end: number,
  ) {
    this.from = start - at.start;
    this.to = end - at.start;
  }

  get start(): number {
    return this.at.start + this.from;
  }

  get end(): number {
    return this.at.start + this.to;
  }
}

/** A word of a line, anchored like a LineRange. */
export class LineToken extends LineRange implements Token {
  constructor(
    at: ParsedLine,
    token: Token,
    readonly text: string = token.text,
  ) {
    super(at, token.start, token.end);
  }
}

/**
 * A line is at most 4095 characters (FRR's read size): a range inside one fits in one number, its
 * offsets from the line's start 12 bits each. The model keeps tens of thousands of ranges that way.
 */
const OFFSET_BITS = 12;
const OFFSET_MASK = (1 << OFFSET_BITS) - 1;

/** The range from `start` to `end`, inside `line`, as one number. */
function packSpan(line: ParsedLine, start: number, end: number): number {
  return ((start - line.start) << OFFSET_BITS) | (end - line.start);
}

/** The range `packSpan` packed, anchored to `line` (made when read: most such ranges never are). */
export function spanRange(line: ParsedLine, span: number): LineRange {
  return new LineRange(line, line.start + (span >>> OFFSET_BITS), line.start + (span & OFFSET_MASK));
}

/**
 * A range inside one line, packed. Records about one word of a line (a name, a peer) extend it and
 * are their own range: no second object per record, and every read of the range finds the same one.
 */
export abstract class LineSpan implements OffsetRange {
  private readonly span: number;

  constructor(
    readonly at: ParsedLine,
    range: OffsetRange,
  ) {
    this.span = packSpan(at, range.start, range.end);
  }

  get start(): number {
    return this.at.start + (this.span >>> OFFSET_BITS);
  }

  get end(): number {
    return this.at.start + (this.span & OFFSET_MASK);
  }
}

/** The range an argument covers on `line`: its one word, or from its first word to its last. */
export function argRange(line: ParsedLine, arg: Arg): LineRange {
  const first = arg.tokens[0];
  const last = arg.tokens[arg.tokens.length - 1];
  return first && last ? new LineRange(line, first.start, last.end) : new LineRange(line, line.start, line.start);
}

/** `argRange`, packed. */
export function argSpan(line: ParsedLine, arg: Arg): number {
  const first = arg.tokens[0];
  const last = arg.tokens[arg.tokens.length - 1];
  return first && last ? packSpan(line, first.start, last.end) : 0;
}
