/**
 * Semantic tokens for FRR text: keywords, the names a command binds (route-maps, prefix-lists,
 * neighbors, …), numbers and addresses, comments. Ranges are offsets; the server encodes them.
 */
import type { ParseResult } from '../frr/syntax';
import type { OffsetRange } from '../types';

export const TOKEN_TYPES = ['keyword', 'function', 'type', 'variable', 'number', 'string', 'comment', 'namespace', 'enumMember'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface SemanticToken extends OffsetRange {
  type: TokenType;
}

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

const SPACE = 32;
const TAB = 9;

const ROUTE_MAP_NAMERS = new Set(['route-map', 'rmap-call', 'neighbor-route-map', 'neighbor-default-originate', 'neighbor-unsuppress-map']);

export function semanticTokens(parse: ParseResult): SemanticToken[] {
  const result: SemanticToken[] = [];
  for (const line of parse.lines) {
    if (line.kind === 'comment') {
      // A comment line has no words (FRR reads nothing after `!` or `#`): it runs from its first mark.
      const { start, end } = line.range;
      let at = start;
      while (at < end && (parse.text.charCodeAt(at) === SPACE || parse.text.charCodeAt(at) === TAB)) at++;
      result.push({ start: at, end, type: 'comment' });
      continue;
    }
    // Only the line read last keeps its bound command: read it once here.
    const command = line.kind === 'command' ? line.command : undefined;
    if (!command) continue;
    const roles = new Map<number, TokenType>();
    for (const [name, arg] of Object.entries(command.args)) {
      // Route-maps read as functions; elsewhere `name` is a list or profile name.
      const type = name === 'name' && ROUTE_MAP_NAMERS.has(command.id) ? 'function' : ARG_TYPES[name];
      if (type) for (const token of arg.tokens) roles.set(token.start, type);
    }
    for (const token of line.tokens) {
      const type = roles.get(token.start) ?? (/^[+-]?\d+$/.test(token.text) ? 'number' : 'keyword');
      result.push({ start: token.start, end: token.end, type });
    }
  }
  return result;
}
