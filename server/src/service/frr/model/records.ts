/**
 * The model's records, anchored to the lines they were read from: their `line` (an index into the
 * parse's lines) and ranges follow the line when an edit elsewhere moves it. A 100,000-line file
 * makes about 150,000 of them, kept as long as its document is open: they hold numbers, and make
 * the objects their interfaces show (ranges other than their own) when read.
 */
import type { OffsetRange } from '../../types';
import type { Arg, ParsedLine } from '../syntax';
import { argSpan, LineSpan, spanRange, type LineRange } from './anchor';
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

/** A definition is the range of its name. */
export class DefinitionRecord extends LineSpan implements Definition {
  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly scope: string,
    range: LineRange,
  ) {
    super(range.at, range);
  }

  get range(): OffsetRange {
    return this;
  }

  get line(): number {
    return this.at.index;
  }
}

/** A reference's `ifMissing` as a number (the record type lists every effect). */
const MISSING_EFFECT_CODES: Record<MissingEffect, number> = {
  'deny-all': 0,
  'match-nothing': 1,
  'delete-nothing': 2,
  'call-skipped': 3,
  'bfd-defaults': 4,
  rejected: 5,
  none: 6,
};
const MISSING_EFFECTS = Object.keys(MISSING_EFFECT_CODES) as MissingEffect[];
/** A reference's `flags`: the `ifMissing` code in the low three bits, then `weak` and `configures`. */
const MISSING_EFFECT_MASK = 7;
const WEAK = 8;
const CONFIGURES = 16;

/** A reference is the range of its name; what it does if the name is missing, and how it counts, share one number. */
export class ReferenceRecord extends LineSpan implements Reference {
  private readonly flags: number;

  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly scope: string,
    range: LineRange,
    readonly usage: string,
    ifMissing: MissingEffect,
    readonly within: SymbolRef | undefined,
    weak?: boolean,
    configures?: boolean,
  ) {
    super(range.at, range);
    this.flags = MISSING_EFFECT_CODES[ifMissing] | (weak ? WEAK : 0) | (configures ? CONFIGURES : 0);
  }

  get range(): OffsetRange {
    return this;
  }

  get line(): number {
    return this.at.index;
  }

  get ifMissing(): MissingEffect {
    return MISSING_EFFECTS[this.flags & MISSING_EFFECT_MASK]!;
  }

  get weak(): true | undefined {
    return this.flags & WEAK ? true : undefined;
  }

  get configures(): true | undefined {
    return this.flags & CONFIGURES ? true : undefined;
  }
}

/** A record about a whole line: its range is the line itself, and so is its index. */
abstract class LineRecord {
  constructor(readonly at: ParsedLine) {}

  get range(): OffsetRange {
    return this.at;
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
  private readonly actionSpan: number;

  constructor(
    at: ParsedLine,
    readonly action: 'permit' | 'deny',
    actionArg: Arg,
  ) {
    super(at);
    this.actionSpan = argSpan(at, actionArg);
  }

  get actionRange(): OffsetRange {
    return spanRange(this.at, this.actionSpan);
  }
}

export class JumpRecord extends LineRecord {
  private readonly targetSpan: number | undefined;

  constructor(
    readonly kind: 'on-match-goto' | 'continue',
    at: ParsedLine,
    readonly target: number | undefined,
    targetArg: Arg | undefined,
  ) {
    super(at);
    this.targetSpan = targetArg && argSpan(at, targetArg);
  }

  get targetRange(): OffsetRange | undefined {
    return this.targetSpan === undefined ? undefined : spanRange(this.at, this.targetSpan);
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

/** A refused `router bgp` header is the range of its ASN. */
export class RejectedRouterRecord extends LineSpan implements RejectedRouter {
  constructor(
    asnRange: LineRange,
    readonly asn: string,
    readonly vrf: string,
    readonly runningAsn: string,
    private readonly running: ParsedLine,
  ) {
    super(asnRange.at, asnRange);
  }

  get asnRange(): OffsetRange {
    return this;
  }

  get line(): number {
    return this.at.index;
  }

  get runningLine(): number {
    return this.running.index;
  }
}

/** A neighbor use is the range of the peer's name. */
export class NeighborUseRecord extends LineSpan implements NeighborUse {
  constructor(
    readonly scope: string,
    readonly peer: string,
    peerRange: LineRange,
    readonly commandId: string,
    readonly resolved: PeerKind,
    readonly isAddress: boolean,
  ) {
    super(peerRange.at, peerRange);
  }

  get peerRange(): OffsetRange {
    return this;
  }

  get line(): number {
    return this.at.index;
  }
}

export class TimersRecord implements BgpTimers {
  private readonly keepaliveSpan: number;
  private readonly holdSpan: number;

  constructor(
    private readonly at: ParsedLine,
    readonly scope: string,
    readonly peer: string | undefined,
    readonly keepalive: number,
    readonly hold: number,
    keepaliveArg: Arg,
    holdArg: Arg,
  ) {
    this.keepaliveSpan = argSpan(at, keepaliveArg);
    this.holdSpan = argSpan(at, holdArg);
  }

  get line(): number {
    return this.at.index;
  }

  get keepaliveRange(): OffsetRange {
    return spanRange(this.at, this.keepaliveSpan);
  }

  get holdRange(): OffsetRange {
    return spanRange(this.at, this.holdSpan);
  }
}
