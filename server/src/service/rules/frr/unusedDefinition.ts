/**
 * frr/unused-definition: a structure defined and never used (Batfish's unusedStructures).
 * A route-map calling itself and `neighbor GROUP …` lines configuring a group are not uses.
 */
import { symbolKey, type SymbolEntry, type SymbolKind } from '../../frr/model';
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';
import { kindWords } from './undefinedReference';

export const CODE = 'frr/unused-definition';

const CHECKED = new Set<SymbolKind>([
  'route-map',
  'ip-prefix-list',
  'ipv6-prefix-list',
  'access-list',
  'ipv6-access-list',
  'community-list',
  'large-community-list',
  'extcommunity-list',
  'as-path-list',
  'bfd-profile',
  'peer-group',
]);

function isUsed(symbol: SymbolEntry): boolean {
  return symbol.references.some((ref) => !ref.configures && !(ref.within && symbolKey(ref.within) === symbol.key));
}

export function unusedDefinition(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const symbol of ctx.model.symbols.values()) {
    if (!CHECKED.has(symbol.kind) || symbol.definitions.length === 0 || isUsed(symbol)) continue;
    const first = symbol.definitions[0];
    findings.push({
      code: CODE,
      severity: 'hint',
      range: first.range,
      message: `${kindWords(symbol.kind)} "${symbol.name}" is defined but never used.`,
    });
  }
  return findings;
}
