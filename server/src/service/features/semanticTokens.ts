/**
 * Semantic tokens for FRR text: keywords, the names a command binds (route-maps, prefix-lists,
 * neighbors, …), numbers and addresses, comments. Worked out line by line, as offsets from the
 * line's start: a line's tokens depend on that line alone, so a client asks only for the lines it
 * shows.
 */
import type { ParsedLine } from '../frr/syntax';
import type { SourceText } from '../sourceText';
import type { OffsetRange } from '../types';

export const TOKEN_TYPES = ['keyword', 'function', 'type', 'variable', 'number', 'string', 'comment', 'namespace', 'enumMember'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

const ARG_TYPES: Record<string, TokenType> = {
  name: 'type',
  rmap: 'function',
  suppressmap: 'function',
  peer: 'variable',
  group: 'variable',
  profile: 'type',
  vrf: 'namespace',
  action: 'enumMember',
  direction: 'enumMember',
  afi: 'enumMember',
  safi: 'enumMember',
  seq: 'number',
  asn: 'number',
  ge: 'number',
  le: 'number',
  keepalive: 'number',
  hold: 'number',
  prefix: 'number',
  id: 'number',
  text: 'string',
  regex: 'string',
  values: 'string',
};

const TYPE_INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((type, index) => [type, index]));
const typeIndex = (type: TokenType): number => TYPE_INDEX.get(type)!;
const KEYWORD = typeIndex('keyword');
const NUMBER = typeIndex('number');
const COMMENT = typeIndex('comment');
const FUNCTION = typeIndex('function');
const ARG_TYPE_INDEX: Record<string, number> = Object.fromEntries(Object.entries(ARG_TYPES).map(([name, type]) => [name, typeIndex(type)]));

const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

const ROUTE_MAP_NAMERS = new Set(['route-map', 'rmap-call', 'neighbor-route-map', 'neighbor-default-originate', 'neighbor-unsuppress-map']);

/**
 * A line's tokens in text order, one small integer each: `offset << 17 | length << 4 | type`, where
 * `offset` counts from the line's start and `type` indexes TOKEN_TYPES (read them with tokenOffset,
 * tokenLength and tokenType). A line FRR reads is at most 4095 bytes, so offsets and lengths fit in
 * 13 bits.
 */
export type LineTokens = readonly number[];

/** Offsets and lengths stay below this (a line FRR reads is at most 4095 bytes); a token beyond is left out. */
const LIMIT = 1 << 13;

export const tokenOffset = (token: number): number => token >>> 17;
export const tokenLength = (token: number): number => (token >>> 4) & (LIMIT - 1);
export const tokenType = (token: number): number => token & 15;

function pack(offset: number, length: number, type: number): number {
  return (offset << 17) | (length << 4) | type;
}

const NONE: LineTokens = [];

/** The tokens of `line`, read in `text` (the text of the parse that holds the line). */
export function lineTokens(line: ParsedLine, text: SourceText): LineTokens {
  if (line.kind === 'comment') return commentTokens(line, text);
  return line.kind === 'command' ? commandTokens(line) : NONE;
}

/** A comment line has no words (FRR reads nothing after `!` or `#`): one token from its first mark to the end of the line. */
function commentTokens(line: ParsedLine, text: SourceText): LineTokens {
  const { start, end } = line;
  let at = start;
  while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
  return end - start < LIMIT ? [pack(at - start, end - at, COMMENT)] : NONE;
}

function commandTokens(line: ParsedLine): LineTokens {
  // Only the line read last keeps its bound command: read it once here.
  const command = line.command;
  if (!command) return NONE;
  const words = line.tokens;
  const count = words.length;
  if (count === 0) return NONE;
  const types: number[] = [];
  for (let i = 0; i < count; i++) types.push(isInteger(words[i]!.text) ? NUMBER : KEYWORD);
  // An argument's role overrides the plain reading of its words (a later argument an earlier one's).
  const args = command.args;
  for (const name in args) {
    // Route-maps read as functions; elsewhere `name` is a list or profile name.
    const type = name === 'name' && ROUTE_MAP_NAMERS.has(command.id) ? FUNCTION : ARG_TYPE_INDEX[name];
    if (type === undefined) continue;
    for (const token of args[name]!.tokens) {
      const at = wordAt(words, token.start);
      if (at >= 0) types[at] = type;
    }
  }
  const tokens: number[] = [];
  const base = line.start;
  for (let i = 0; i < count; i++) {
    const { start, end } = words[i]!;
    if (end - base < LIMIT) tokens.push(pack(start - base, end - start, types[i]!));
  }
  return tokens;
}

/** `/^[+-]?\d+$/` without a regular expression. */
function isInteger(text: string): boolean {
  let i = text.charCodeAt(0) === PLUS || text.charCodeAt(0) === MINUS ? 1 : 0;
  if (i >= text.length) return false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/** Index of the word starting at `offset` (words are in text order), or -1. */
function wordAt(tokens: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = tokens[mid]!.start;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
