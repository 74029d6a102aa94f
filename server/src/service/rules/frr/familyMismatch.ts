/**
 * frr/family-mismatch: an IPv6 prefix in an `ip prefix-list` line (FRR reads `ip` as an
 * abbreviation of `ipv6`, so the line silently feeds an IPv6 list), and a prefix-list reference
 * whose name exists only in the other family (it then finds no list and matches nothing).
 */
import { symbolOf, type Reference, type SymbolKind } from '../../frr/model';
import type { Finding, Fix } from '../../types';
import type { FrrRuleContext } from './context';
import { allEntryLines } from './prefixLists';

export const CODE = 'frr/family-mismatch';

export function familyMismatch(ctx: FrrRuleContext): Finding[] {
  return [...abbreviatedIpv6(ctx), ...crossFamilyReferences(ctx)];
}

function abbreviatedIpv6(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of allEntryLines(ctx)) {
    if (!entry.writtenAsIp) continue;
    const line = ctx.parse.lines[entry.line];
    const ipToken = line.tokens.find((t) => t.text.toLowerCase() === 'ip');
    if (!ipToken) continue;
    const range = { start: ipToken.start, end: ipToken.end };
    findings.push({
      code: CODE,
      severity: 'warning',
      range,
      message: `This line has an IPv6 prefix, so FRR reads \`ip\` as \`ipv6\`: it adds to the IPv6 prefix-list "${entry.list}", not the IPv4 list of that name.`,
      fixes: [{ title: 'Write ipv6 prefix-list', edits: [{ range, newText: 'ipv6' }], safe: true }],
    });
  }
  return findings;
}

const OTHER: Partial<Record<SymbolKind, { kind: SymbolKind; mine: string; theirs: string; keyword: string }>> = {
  'ip-prefix-list': { kind: 'ipv6-prefix-list', mine: 'IPv4', theirs: 'IPv6', keyword: 'ipv6' },
  'ipv6-prefix-list': { kind: 'ip-prefix-list', mine: 'IPv6', theirs: 'IPv4', keyword: 'ip' },
};

function crossFamilyReferences(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const symbol of [...(ctx.model.symbolsByKind.get('ip-prefix-list') ?? []), ...(ctx.model.symbolsByKind.get('ipv6-prefix-list') ?? [])]) {
    const other = OTHER[symbol.kind];
    if (!other || symbol.definitions.length > 0) continue;
    const twin = symbolOf(ctx.model, { kind: other.kind, scope: symbol.scope, name: symbol.name });
    if (!twin || twin.definitions.length === 0) continue;
    for (const ref of symbol.references) {
      if (ref.weak || ref.configures) continue;
      findings.push({
        code: CODE,
        severity: 'warning',
        range: ref.range,
        message:
          `"${symbol.name}" is an ${other.theirs} prefix-list, but \`${ref.usage}\` looks up ${other.mine} lists: ` +
          `it finds none, so ${ref.ifMissing === 'deny-all' ? 'every route is denied' : 'the match never succeeds'}.`,
        related: [{ range: twin.definitions[0].range, message: `${other.theirs} prefix-list ${symbol.name}` }],
        fixes: matchFamilyFix(ctx, ref, other.keyword),
      });
    }
  }
  return findings;
}

/** `match ip address prefix-list X` → `match ipv6 address prefix-list X` (and back). */
function matchFamilyFix(ctx: FrrRuleContext, ref: Reference, keyword: string): Fix[] | undefined {
  const line = ctx.parse.lines[ref.line];
  if (!line.commandId?.startsWith('rmap-match-')) return undefined;
  const familyToken = line.tokens[1];
  if (!familyToken) return undefined;
  return [
    {
      title: `Match the ${keyword === 'ipv6' ? 'IPv6' : 'IPv4'} list`,
      edits: [{ range: { start: familyToken.start, end: familyToken.end }, newText: keyword }],
      safe: false,
    },
  ];
}
