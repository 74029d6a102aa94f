/**
 * The FRR model: what a configuration defines and what it references (Batfish's structure
 * definitions and usages), plus the resolved state FRR ends up with for route-maps,
 * prefix-lists and BGP instances. Built from a ParseResult by `buildModel`.
 */
import type { OffsetRange } from '../../types';
import type { Arg, ParseResult, Token } from '../syntax';
import type { Family, Prefix, PrefixRange } from '../prefix';

export type SymbolKind =
  | 'route-map'
  | 'ip-prefix-list'
  | 'ipv6-prefix-list'
  | 'access-list'
  | 'ipv6-access-list'
  | 'community-list'
  | 'large-community-list'
  | 'extcommunity-list'
  | 'as-path-list'
  | 'peer-group'
  | 'neighbor'
  | 'bfd-profile'
  | 'vrf'
  | 'router-bgp'
  | 'interface';

/** What FRR does with a reference whose target does not exist (drives the undefined-reference message). */
export type MissingEffect =
  | 'deny-all' // a route-map or filter that does not exist denies every route
  | 'match-nothing' // a match on a list that does not exist never matches
  | 'delete-nothing' // set comm-list … delete with no list
  | 'call-skipped' // `call` of a missing route-map is skipped
  | 'bfd-defaults' // a missing BFD profile leaves the session on default timers
  | 'rejected' // FRR refuses the line (peer-group must exist first)
  | 'none'; // informational only (VRFs, interfaces may exist outside the configuration)

export interface SymbolRef {
  kind: SymbolKind;
  name: string;
  /** Namespace inside the kind: the BGP instance (`vrf` name, '' for default) for neighbors and peer-groups, otherwise ''. */
  scope: string;
}

export interface Definition extends SymbolRef {
  /** Range of the name token. */
  range: OffsetRange;
  /** Index into ParseResult.lines. */
  line: number;
}

export interface Reference extends SymbolRef {
  range: OffsetRange;
  line: number;
  /** Human wording of the use, e.g. `neighbor 10.0.0.1 route-map … in`. */
  usage: string;
  ifMissing: MissingEffect;
  /** Found by a token scan of a line the model does not understand: counts as a use, never reported missing. */
  weak?: boolean;
  /** A line configuring the symbol itself (`neighbor GROUP route-map …`): navigable, but not a use of it. */
  configures?: boolean;
  /** The definition the reference sits in (a route-map entry calling its own map is a self-reference). */
  within?: SymbolRef;
}

export interface SymbolEntry extends SymbolRef {
  key: string;
  definitions: Definition[];
  references: Reference[];
}

export interface Clause {
  /** Command id, e.g. `rmap-match-ip-address-prefix-list`: one kind per id. */
  kind: string;
  line: number;
  range: OffsetRange;
  args: Record<string, Arg>;
}

export interface RouteMapHeader {
  line: number;
  action: 'permit' | 'deny';
  range: OffsetRange;
  actionRange: OffsetRange;
}

export interface RouteMapEntry {
  name: string;
  seq: number;
  /** The action FRR ends with: a later header with the other action flips it. */
  action: 'permit' | 'deny';
  headers: readonly RouteMapHeader[];
  /** Effective clauses by kind: a later clause of one kind replaces the earlier one. */
  matches: ReadonlyMap<string, Clause>;
  sets: ReadonlyMap<string, Clause>;
  /** Clauses that a later one of the same kind replaced. */
  replaced: readonly { clause: Clause; by: Clause }[];
  /** `on-match goto N` / `continue [N]` lines. */
  jumps: readonly { kind: 'on-match-goto' | 'continue'; target?: number; targetRange?: OffsetRange; line: number; range: OffsetRange }[];
}

export interface RouteMap {
  name: string;
  /** Entries by seq, ordered by seq. */
  entries: RouteMapEntry[];
}

export type PrefixListEntryStatus =
  | 'active'
  | 'replaced' // a later line with the same seq replaced it
  | 'deleted' // a `no` line removed it
  | 'duplicate-ignored' // no seq and the same value exists: FRR silently drops the line
  | 'duplicate-rejected' // explicit seq with the value of another entry: "duplicated prefix list value"
  | 'invalid-range'; // ge/le outside `len <= ge <= le <= max`: rejected by the daemon

export interface PrefixListEntry {
  list: string;
  /** The namespace: `ipv6 prefix-list` (even when written `ip`, see `writtenAsIp`) or `ip prefix-list`. */
  family: Family;
  seq: number;
  seqExplicit: boolean;
  action: 'permit' | 'deny';
  any: boolean;
  /** As written (host bits kept); undefined for `any` or an unparsable prefix. */
  prefix?: Prefix;
  ge?: number;
  le?: number;
  /** Routes the entry matches (host bits masked); undefined when the prefix is unparsable. */
  match?: PrefixRange;
  line: number;
  lineRange: OffsetRange;
  prefixToken?: Token;
  geToken?: Token;
  leToken?: Token;
  /** The line starts with `ip` but FRR read it as `ipv6` (keyword abbreviation). */
  writtenAsIp: boolean;
  status: PrefixListEntryStatus;
  /** For duplicates: the entry holding the same value; for replaced entries: the replacing one. */
  other?: PrefixListEntry;
}

export interface PrefixList {
  name: string;
  family: Family;
  /** Active entries ordered by seq. */
  entries: PrefixListEntry[];
  /** Every entry line in document order, whatever became of it. */
  lines: PrefixListEntry[];
}

export interface RouterInstance {
  asn: string;
  /** VRF name, '' for the default instance. */
  vrf: string;
  /** Header lines that opened this instance (a stanza may be reopened). */
  headers: number[];
}

/** A `router bgp` header FRR refused because the VRF already runs another ASN. */
export interface RejectedRouter {
  line: number;
  asn: string;
  asnRange: OffsetRange;
  vrf: string;
  runningAsn: string;
  runningLine: number;
}

export type PeerKind = 'address' | 'interface' | 'peer-group' | 'unknown';

/** A per-neighbor command, with whether the peer existed when FRR read it. */
export interface NeighborUse {
  line: number;
  scope: string;
  peer: string;
  peerRange: OffsetRange;
  commandId: string;
  /** What the peer name was when the line was read. */
  resolved: PeerKind;
  /** The name is an IP address (FRR's message differs for addresses and words). */
  isAddress: boolean;
}

export interface BgpTimers {
  line: number;
  scope: string;
  peer?: string;
  keepalive: number;
  hold: number;
  keepaliveRange: OffsetRange;
  holdRange: OffsetRange;
}

export interface FrrModel {
  parse: ParseResult;
  symbols: Map<string, SymbolEntry>;
  /** The same entries by kind, in the order the configuration first names them. */
  symbolsByKind: ReadonlyMap<SymbolKind, readonly SymbolEntry[]>;
  /** Every definition and reference, ordered by offset. */
  occurrences: (Definition | Reference)[];
  /** The definitions and references on line `line` (an index into parse.lines), ordered by offset. */
  occurrencesOn(line: number): readonly (Definition | Reference)[];
  routeMaps: Map<string, RouteMap>;
  prefixLists: Record<Family, Map<string, PrefixList>>;
  routers: Map<string, RouterInstance>;
  rejectedRouters: RejectedRouter[];
  neighborUses: NeighborUse[];
  timers: BgpTimers[];
}
