/**
 * The FRR parser's output: every line with its tokens and exact offsets, the node (context) it
 * was accepted in, and the command it matched with named arguments. Everything above the parser
 * (model, rules, features, k8s embedding) reads only these types.
 */
import type { Finding, OffsetRange } from '../types';
import type { SourceText } from '../sourceText';

/** FRR's configuration nodes that the project models, plus OPAQUE for recognised, unmodelled blocks. */
export type NodeId =
  | 'CONFIG'
  | 'RMAP'
  | 'BGP'
  | 'BGP_IPV4' // address-family ipv4 [unicast]
  | 'BGP_IPV6' // address-family ipv6 [unicast]
  | 'BGP_IPV4M'
  | 'BGP_IPV6M'
  | 'BGP_IPV4L'
  | 'BGP_IPV6L'
  | 'BGP_VPNV4'
  | 'BGP_VPNV6'
  | 'BGP_FLOWSPECV4'
  | 'BGP_FLOWSPECV6'
  | 'BGP_EVPN'
  | 'BGP_EVPN_VNI'
  | 'BGP_OTHER_AF' // link-state, unreachability, …: recognised, contents accepted
  | 'VRF'
  | 'INTERFACE'
  | 'BFD'
  | 'BFD_PEER'
  | 'BFD_PROFILE'
  | 'VTY'
  | 'KEYCHAIN'
  | 'KEYCHAIN_KEY'
  | 'OPAQUE'; // router ospf, segment-routing, …: block recognised, contents left alone

export interface Token extends OffsetRange {
  text: string;
}

/** A matched command: `id` is the command's stable id in the command tables (see commands/types.ts). */
export interface CommandMatch {
  id: string;
  /** The line started with `no`. */
  negated: boolean;
  /**
   * Named arguments, from `$name` bindings in the command's spec. A varargs binding (`WORD...`)
   * holds every token it took. A keyword choice bound with `$name` holds the chosen keyword token
   * (expanded to the full keyword in `value`).
   */
  args: Record<string, Arg>;
}

export interface Arg {
  /** The full keyword for abbreviated keywords, otherwise the token's text. */
  value: string;
  tokens: Token[];
}

export type LineKind = 'blank' | 'comment' | 'command' | 'opaque' | 'error';

export interface ParsedLine {
  /** Position in ParseResult.lines (kept current when a re-read moves the line). */
  readonly index: number;
  /** 0-based line number in the parsed text (after FRR's 4095-byte split, a split part keeps its physical line). */
  line: number;
  /** Offsets of the line's content, end-of-line excluded. */
  range: OffsetRange;
  /** `range.start` and `range.end`, without making the range. */
  readonly start: number;
  readonly end: number;
  tokens: Token[];
  /** Number of words (`tokens.length`, without making them). */
  readonly wordCount: number;
  /** The text of word `index` (`tokens[index].text`, without making the tokens). */
  wordText(index: number): string;
  /** Token `index` alone. */
  token(index: number): Token;
  kind: LineKind;
  /** The node the line was accepted in (for errors: the node current when it was read). */
  node: NodeId;
  /** The node current after this line (a context-opening line enters a new one). */
  nodeAfter: NodeId;
  /** Index into ParseResult.blocks of the block this line belongs to (-1 at top level). */
  block: number;
  /** The matched command, its arguments bound when read (only the last line read keeps its binding). */
  command?: CommandMatch;
  /** `command.id` without binding the arguments, for code that only dispatches on the command. */
  readonly commandId?: string;
  /** Set when the line only matched in an ancestor node, so it silently ended `escapedFrom`. */
  escapedFrom?: NodeId;
}

/** A context instance: `router bgp 64512`, its `address-family ipv4 unicast`, a route-map entry, … */
export interface Block {
  node: NodeId;
  /** Index into ParseResult.lines of the opening line. */
  header: number;
  /** Index of the last line that belongs to the block (its explicit exit line when there is one). */
  last: number;
  parent: number; // -1 for top-level blocks
  /** For OPAQUE blocks: the opening keywords, e.g. `router ospf`. */
  label?: string;
}

export interface ParseOptions {
  frrVersion?: import('../types').FrrVersion;
}

export interface ParseResult {
  /** The text parsed, whole (made when first read, for a chunked source: the paths an edit takes read `source`). */
  readonly text: string;
  /** The text parsed, as it was given. */
  readonly source: SourceText;
  lines: ParsedLine[];
  blocks: Block[];
  /** `frr/syntax` findings, and the parser's other structural findings (`frr/context-escape`, early exit). */
  findings: Finding[];
}
