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

/** The whole content of a line (its `range`, read when asked). */
export class WholeLine implements OffsetRange {
  constructor(readonly at: ParsedLine) {}

  get start(): number {
    return this.at.start;
  }

  get end(): number {
    return this.at.end;
  }
}

/** The range an argument covers on `line`: its one word, or from its first word to its last. */
export function argRange(line: ParsedLine, arg: Arg): LineRange {
  const first = arg.tokens[0];
  const last = arg.tokens[arg.tokens.length - 1];
  return first && last ? new LineRange(line, first.start, last.end) : new LineRange(line, line.start, line.start);
}

/** The first token of an argument, anchored to `line`. */
export function argToken(line: ParsedLine, arg: Arg | undefined): LineToken | undefined {
  const token = arg?.tokens[0];
  return token ? new LineToken(line, token) : undefined;
}
