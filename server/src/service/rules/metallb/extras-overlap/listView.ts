/**
 * One prefix-list as FRR ends up holding it once MetalLB's generated lines and the extras are
 * loaded together: entries from both origins, in seq order, each with the routes it matches.
 * Entries of the extras keep their line so a finding can point at it; MetalLB's have no source.
 */
import type { PrefixList, PrefixListEntry as FrrEntry } from '../../../frr/model';
import { anyRange, entryRange, formatPrefix, parsePrefix, type Family, type PrefixRange } from '../../../frr/prefix';
import type { RenderedPrefixList } from '../../../metallb/render';
import type { OffsetRange } from '../../../types';
import { describeEntry } from '../../frr/prefixLists';

export type Origin = 'extras' | 'metallb';

export interface ViewEntry {
  list: string;
  family: Family;
  seq: number;
  action: 'permit' | 'deny';
  routes: PrefixRange;
  origin: Origin;
  /** `permit 10.0.0.0/8 le 32`, as FRR prints it. */
  text: string;
  /** Range of the entry's line in the extras text (extras entries only). */
  lineRange?: OffsetRange;
}

export function extrasEntries(list: PrefixList): ViewEntry[] {
  const out: ViewEntry[] = [];
  for (const entry of list.entries) {
    if (entry.match) out.push(fromExtras(entry, entry.match));
  }
  return out;
}

function fromExtras(entry: FrrEntry, routes: PrefixRange): ViewEntry {
  return {
    list: entry.list,
    family: entry.family,
    seq: entry.seq,
    action: entry.action,
    routes,
    origin: 'extras',
    text: describeEntry(entry),
    lineRange: entry.lineRange,
  };
}

/** MetalLB's lines of one list; before v0.14 they carry no seq, so FRR numbers them 5, 10, … */
export function generatedEntries(list: RenderedPrefixList): ViewEntry[] {
  const family: Family = list.family === 'ipv6' ? 'ipv6' : 'ipv4';
  const out: ViewEntry[] = [];
  let implicit = 0;
  for (const entry of list.entries) {
    const seq = entry.seq ?? (implicit += 5);
    const routes = entry.prefix === 'any' ? anyRange(family) : rangeOfCidr(entry.prefix);
    if (!routes || routes.prefix.family !== family) continue;
    const text = entry.prefix === 'any' ? `${entry.action} any` : `${entry.action} ${formatPrefix(routes.prefix)}`;
    out.push({ list: list.name, family, seq, action: entry.action, routes, origin: 'metallb', text });
  }
  return out;
}

function rangeOfCidr(text: string): PrefixRange | undefined {
  const prefix = parsePrefix(text);
  return prefix ? entryRange(prefix) : undefined;
}

export function describeViewEntry(entry: ViewEntry): string {
  const owner = entry.origin === 'metallb' ? "MetalLB's " : '';
  return `${owner}${entry.list} seq ${entry.seq} (${entry.text})`;
}
