/**
 * frr/undefined-reference: a structure used but never defined (Batfish's undefinedReferences),
 * with what FRR does about it. A prefix-list that exists only in the other family is left to
 * frr/family-mismatch.
 */
import { CROSS_REFERENCED_KINDS, symbolOf, type Reference, type SymbolEntry, type SymbolKind } from '../../frr/model';
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';

export const CODE = 'frr/undefined-reference';

const KIND_WORDS: Record<SymbolKind, string> = {
  'route-map': 'route-map',
  'ip-prefix-list': 'ip prefix-list',
  'ipv6-prefix-list': 'ipv6 prefix-list',
  'access-list': 'access-list',
  'ipv6-access-list': 'ipv6 access-list',
  'community-list': 'bgp community-list',
  'large-community-list': 'bgp large-community-list',
  'extcommunity-list': 'bgp extcommunity-list',
  'as-path-list': 'bgp as-path access-list',
  'peer-group': 'peer-group',
  neighbor: 'neighbor',
  'bfd-profile': 'bfd profile',
  vrf: 'vrf',
  'router-bgp': 'router bgp',
  interface: 'interface',
};

export function kindWords(kind: SymbolKind): string {
  return KIND_WORDS[kind];
}

function consequence(ref: Reference): string {
  switch (ref.ifMissing) {
    case 'deny-all':
      return ref.kind === 'route-map'
        ? `FRR applies a missing route-map as deny-all, so \`${ref.usage}\` lets no route through`
        : `FRR denies every route through \`${ref.usage}\` while the list does not exist`;
    case 'match-nothing':
      return `a match on a list that does not exist never matches, so this route-map entry never applies`;
    case 'delete-nothing':
      return 'nothing is deleted';
    case 'call-skipped':
      return 'FRR skips the call';
    case 'bfd-defaults':
      return 'the BFD session runs with default timers until the profile exists';
    case 'rejected':
      return 'FRR rejects the line: "% Configure the peer-group first"';
    default:
      return '';
  }
}

function otherFamily(kind: SymbolKind): SymbolKind | undefined {
  if (kind === 'ip-prefix-list') return 'ipv6-prefix-list';
  if (kind === 'ipv6-prefix-list') return 'ip-prefix-list';
  return undefined;
}

export function undefinedReference(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  const defined = (kind: SymbolKind, name: string, scope: string): boolean =>
    (symbolOf(ctx.model, { kind, name, scope })?.definitions.length ?? 0) > 0;
  for (const symbol of ctx.model.symbols.values()) {
    if (!CROSS_REFERENCED_KINDS.has(symbol.kind) || symbol.definitions.length > 0) continue;
    const other = otherFamily(symbol.kind);
    if (other && defined(other, symbol.name, symbol.scope)) continue;
    for (const ref of reportable(symbol)) findings.push(toFinding(ref));
  }
  return findings;
}

function reportable(symbol: SymbolEntry): Reference[] {
  return symbol.references.filter((ref) => !ref.weak && !ref.configures && ref.ifMissing !== 'none');
}

function toFinding(ref: Reference): Finding {
  let message = `${kindWords(ref.kind)} "${ref.name}" is not defined: ${consequence(ref)}.`;
  if (ref.kind === 'access-list' && ref.name === 'prefix-list') {
    message += ' `match ip address prefix-list` without a name reads "prefix-list" as an access-list name.';
  }
  return { code: CODE, severity: ref.ifMissing === 'rejected' ? 'error' : 'warning', range: ref.range, message };
}
