/**
 * The model's records, anchored to the lines they were read from: their `line` (an index into the
 * parse's lines) and ranges follow the line when an edit elsewhere moves it.
 */
import type { Arg, ParsedLine } from '../syntax';
import { LineRange, WholeLine } from './anchor';
import type {
  BgpTimers,
  Clause,
  Definition,
  MissingEffect,
  NeighborUse,
  PeerKind,
  Reference,
  RejectedRouter,
  RouteMapHeader,
  RouterInstance,
  SymbolKind,
  SymbolRef,
} from './types';

export class DefinitionRecord implements Definition {
  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly scope: string,
    readonly range: LineRange,
  ) {}

  get line(): number {
    return this.range.at.index;
  }
}

export class ReferenceRecord implements Reference {
  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly scope: string,
    readonly range: LineRange,
    readonly usage: string,
    readonly ifMissing: MissingEffect,
    readonly within: SymbolRef | undefined,
    readonly weak: boolean | undefined = undefined,
    readonly configures: boolean | undefined = undefined,
  ) {}

  get line(): number {
    return this.range.at.index;
  }
}

/** A record about a whole line: its range is the line's, and so is its index. */
abstract class LineRecord {
  readonly range: WholeLine;

  constructor(readonly at: ParsedLine) {
    this.range = new WholeLine(at);
  }

  get line(): number {
    return this.at.index;
  }
}

export class ClauseRecord extends LineRecord implements Clause {
  constructor(
    readonly kind: string,
    at: ParsedLine,
  ) {
    super(at);
  }

  /** Bound again when read: a binding's tokens hold the offsets of the text it was made from. */
  get args(): Record<string, Arg> {
    return this.at.command?.args ?? {};
  }
}

export class HeaderRecord extends LineRecord implements RouteMapHeader {
  constructor(
    at: ParsedLine,
    readonly action: 'permit' | 'deny',
    readonly actionRange: LineRange | WholeLine,
  ) {
    super(at);
  }
}

export class JumpRecord extends LineRecord {
  constructor(
    readonly kind: 'on-match-goto' | 'continue',
    at: ParsedLine,
    readonly target: number | undefined,
    readonly targetRange: LineRange | undefined,
  ) {
    super(at);
  }
}

export class RouterRecord implements RouterInstance {
  /** The header lines, read through for their current indices. */
  readonly headerLines: ParsedLine[];

  constructor(
    readonly asn: string,
    readonly vrf: string,
    first: ParsedLine,
  ) {
    this.headerLines = [first];
  }

  get headers(): number[] {
    return this.headerLines.map((line) => line.index);
  }
}

export class RejectedRouterRecord implements RejectedRouter {
  constructor(
    readonly asnRange: LineRange,
    readonly asn: string,
    readonly vrf: string,
    readonly runningAsn: string,
    private readonly running: ParsedLine,
  ) {}

  get line(): number {
    return this.asnRange.at.index;
  }

  get runningLine(): number {
    return this.running.index;
  }
}

export class NeighborUseRecord implements NeighborUse {
  constructor(
    readonly scope: string,
    readonly peer: string,
    readonly peerRange: LineRange,
    readonly commandId: string,
    readonly resolved: PeerKind,
    readonly isAddress: boolean,
  ) {}

  get line(): number {
    return this.peerRange.at.index;
  }
}

export class TimersRecord implements BgpTimers {
  constructor(
    readonly scope: string,
    readonly peer: string | undefined,
    readonly keepalive: number,
    readonly hold: number,
    readonly keepaliveRange: LineRange,
    readonly holdRange: LineRange,
  ) {}

  get line(): number {
    return this.keepaliveRange.at.index;
  }
}
