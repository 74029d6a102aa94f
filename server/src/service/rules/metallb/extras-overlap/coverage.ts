/**
 * Entries of one merged list (or route-map) that earlier entries of the other origin already
 * decide: walked in seq order against a PrefixIndex of the earlier ones, so a list of n entries
 * costs n lookups, not n² comparisons.
 */
import { coveringSet, PrefixIndex } from '../../../frr/prefix';
import type { ViewEntry } from './listView';

export interface Covered {
  entry: ViewEntry;
  by: ViewEntry[];
}

/**
 * Entries every route of which an earlier entry already matches, where the two come from
 * different origins (same-origin shadowing is `frr/shadowed-entry`'s job). An extras entry at a
 * seq MetalLB also uses replaces MetalLB's (the seq-collision rules report that), so it is left out.
 */
export function crossOriginCovered(entries: readonly ViewEntry[]): Covered[] {
  const extrasSeqs = new Set(entries.filter((e) => e.origin === 'extras').map((e) => e.seq));
  const merged = entries
    .filter((e) => e.origin === 'extras' || !extrasSeqs.has(e.seq))
    .sort((a, b) => a.seq - b.seq);
  const index = new PrefixIndex<ViewEntry>();
  const out: Covered[] = [];
  for (const entry of merged) {
    const by = coveringSet(entry.routes, index.containing(entry.routes.prefix));
    if (by && by.some((other) => other.origin !== entry.origin)) out.push({ entry, by });
    index.add(entry.routes, entry);
  }
  return out;
}
