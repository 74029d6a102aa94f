/**
 * frr/community-value: values vtysh accepts but bgpd rejects (verified on 8.4.4): community parts
 * above 65535, large communities without exactly three uint32 parts, `set community additive`
 * with no value, and `set local-preference` that is neither a uint32 nor ±N.
 */
import type { ParsedLine, Token } from '../../frr/syntax';
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';

export const CODE = 'frr/community-value';

const UINT32_MAX = 4294967295;

const WELL_KNOWN = new Set([
  'internet',
  'local-as',
  'no-advertise',
  'no-export',
  'no-peer',
  'blackhole',
  'graceful-shutdown',
  'accept-own',
  'accept-own-nexthop',
  'route-filter-v4',
  'route-filter-v6',
  'route-filter-translated-v4',
  'route-filter-translated-v6',
  'llgr-stale',
  'no-llgr',
]);

function isUint(text: string, max: number): boolean {
  return /^\d{1,10}$/.test(text) && Number(text) <= max;
}

function isCommunityValue(text: string): boolean {
  if (WELL_KNOWN.has(text.toLowerCase())) return true;
  const parts = text.split(':');
  if (parts.length === 1) return isUint(text, UINT32_MAX);
  return parts.length === 2 && isUint(parts[0], 65535) && isUint(parts[1], 65535);
}

function isLargeCommunityValue(text: string): boolean {
  const parts = text.split(':');
  return parts.length === 3 && parts.every((p) => isUint(p, UINT32_MAX));
}

function isLocalPreference(text: string): boolean {
  return isUint(text.replace(/^[+-]/, ''), UINT32_MAX);
}

/** The value tokens: the parser's `values` binding, else everything after `set <attribute>`. */
function valueTokens(line: ParsedLine): Token[] {
  return line.command?.args.values?.tokens ?? line.tokens.slice(2);
}

function bad(range: Token, message: string): Finding {
  return { code: CODE, severity: 'error', range: { start: range.start, end: range.end }, message };
}

function checkCommunities(tokens: Token[], large: boolean, where: string, reject: string): Finding[] {
  const findings: Finding[] = [];
  const values = tokens.filter((t) => !['additive', 'none'].includes(t.text.toLowerCase()));
  for (const token of values) {
    const ok = large ? isLargeCommunityValue(token.text) : isCommunityValue(token.text);
    if (!ok) {
      const rule = large ? 'a large community is ASN:LOCAL1:LOCAL2, each 0..4294967295' : 'each part of AA:NN is 0..65535';
      findings.push(bad(token, `${reject} '${token.text}' in ${where}: ${rule}; bgpd rejects the line.`));
    }
  }
  const additive = tokens.find((t) => t.text.toLowerCase() === 'additive');
  if (additive && values.length === 0) {
    findings.push(bad(additive, `${where} additive needs at least one value: bgpd rejects it as ${reject} ''.`));
  }
  return findings;
}

const CHECKED = new Set(['rmap-set-community', 'rmap-set-large-community', 'rmap-set-local-preference', 'community-list', 'large-community-list']);

export function communityValue(ctx: FrrRuleContext): Finding[] {
  return ctx.parse.lines.flatMap(communityFindings);
}

/** The rule on one line: its findings depend on nothing else. */
export function communityFindings(line: ParsedLine): Finding[] {
  if (line.kind !== 'command' || !line.commandId || !CHECKED.has(line.commandId)) return [];
  const command = line.command!;
  if (command.negated) return [];
  switch (command.id) {
    case 'rmap-set-community':
      return checkCommunities(valueTokens(line), false, 'set community', '% Malformed communities attribute');
    case 'rmap-set-large-community':
      return checkCommunities(valueTokens(line), true, 'set large-community', '% Malformed large-community attribute');
    case 'rmap-set-local-preference': {
      const value = command.args.value?.tokens[0] ?? line.tokens[2];
      if (value && !isLocalPreference(value.text)) {
        return [bad(value, `set local-preference takes 0..4294967295, +N or -N; bgpd rejects '${value.text}' (Argument form is unsupported or malformed).`)];
      }
      return [];
    }
    case 'community-list':
    case 'large-community-list': {
      const values = command.args.values;
      if (!values || command.args.kind?.value !== 'standard') return [];
      const large = command.id === 'large-community-list';
      return checkCommunities(values.tokens, large, `bgp ${command.id}`, '% Malformed community-list value');
    }
  }
  return [];
}
