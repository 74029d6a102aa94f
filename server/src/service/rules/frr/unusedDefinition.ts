/**
 * frr/unused-definition: a structure defined and never used (Batfish's unusedStructures).
 * A route-map calling itself and `neighbor GROUP …` lines configuring a group are not uses.
 */
import { CROSS_REFERENCED_KINDS, symbolKey, type SymbolEntry, type SymbolRef } from '../../frr/model';
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';
import { kindWords } from './undefinedReference';

export const CODE = 'frr/unused-definition';

function isUsed(symbol: SymbolEntry): boolean {
  return symbol.references.some((ref) => !ref.configures && !(ref.within && isSelf(ref.within, symbol)));
}

/** `symbolKey(within) === symbol.key` without building the key for every reference. */
function isSelf(within: SymbolRef, symbol: SymbolEntry): boolean {
  if (within.kind === symbol.kind && within.scope === symbol.scope && within.name === symbol.name) return true;
  // Different parts can still join to the same key when a name or scope holds '|'.
  return (within.name.includes('|') || within.scope.includes('|')) && symbolKey(within) === symbol.key;
}

export function unusedDefinition(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const symbol of ctx.model.symbols.values()) {
    if (!CROSS_REFERENCED_KINDS.has(symbol.kind) || symbol.definitions.length === 0 || isUsed(symbol)) continue;
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
