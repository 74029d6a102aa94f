/**
 * Route-map entries that see none of the routes their prefix-list selects, because an earlier
 * entry of the same route-map (MetalLB's or the extras') already takes them and ends the
 * evaluation: two extras lists overlapping inside one route-map, or an extras `-out` entry placed
 * after MetalLB's allowed-prefix entries. With a different action, the later entry's intent
 * (deny, a different set) is silently lost.
 */
import type { RouteMapEntry } from '../../../frr/model';
import { coveringSet, PrefixIndex, prefixesOverlap, type Family, type PrefixRange } from '../../../frr/prefix';
import type { RenderedNeighbor, RenderModel } from '../../../metallb/render';
import type { Finding, OffsetRange } from '../../../types';
import { describeViewEntry, extrasEntries, generatedEntries, type Origin, type ViewEntry } from './listView';
import { findingAt, matchedLists, type EmbeddedFrrSource } from './source';

interface MapEntry {
  seq: number;
  action: 'permit' | 'deny';
  origin: Origin;
  /** Set when the entry's only match is one prefix-list. */
  list?: { family: Family; name: string; entries: ViewEntry[] };
  /** Evaluation stops here for a matching route (no `on-match next`, `on-match goto`, `continue`). */
  terminal: boolean;
  headerRange?: OffsetRange;
}

export function routeMapOrderOverlaps(source: EmbeddedFrrSource, render: RenderModel | undefined, code: string): Finding[] {
  const continuing = entriesWithOnMatchNext(source);
  const findings: Finding[] = [];
  for (const routeMap of source.model.routeMaps.values()) {
    const neighbor = render?.neighbors.find((n) => n.outRouteMap === routeMap.name);
    const extras = routeMap.entries.map((entry) => fromExtras(source, entry, continuing));
    const extrasSeqs = new Set(extras.map((e) => e.seq));
    const generated = neighbor ? fromMetalLB(neighbor).filter((e) => !extrasSeqs.has(e.seq)) : [];
    const merged = [...generated, ...extras].sort((a, b) => a.seq - b.seq);
    for (let later = 0; later < merged.length; later++) {
      const entry = merged[later];
      for (let earlier = 0; earlier < later; earlier++) {
        const first = merged[earlier];
        if (first.origin === 'metallb' && entry.origin === 'metallb') continue;
        const taken = takenRoutes(first, entry);
        if (taken.length === 0) continue;
        const anchor = entry.origin === 'extras' ? entry.headerRange : first.headerRange;
        if (anchor) findings.push(toFinding(source, routeMap.name, first, entry, taken, anchor, code));
        break;
      }
    }
  }
  return findings;
}

/** Header lines of route-map entries holding an `on-match next` line. */
function entriesWithOnMatchNext(source: EmbeddedFrrSource): Set<number> {
  const headers = new Set<number>();
  const { lines, blocks } = source.model.parse;
  for (const line of lines) {
    if (line.commandId === 'rmap-on-match-next' && !line.command!.negated && line.block >= 0) headers.add(blocks[line.block].header);
  }
  return headers;
}

function fromExtras(source: EmbeddedFrrSource, entry: RouteMapEntry, continuing: Set<number>): MapEntry {
  const lists = matchedLists(entry);
  const only = entry.matches.size === 1 && lists.length === 1 ? lists[0] : undefined;
  const list = only ? source.model.prefixLists[only.family].get(only.name) : undefined;
  const header = entry.headers[entry.headers.length - 1];
  return {
    seq: entry.seq,
    action: entry.action,
    origin: 'extras',
    list: only && list ? { ...only, entries: extrasEntries(list) } : undefined,
    terminal: entry.jumps.length === 0 && !entry.headers.some((h) => continuing.has(h.line)),
    headerRange: header?.range,
  };
}

function fromMetalLB(neighbor: RenderedNeighbor): MapEntry[] {
  return neighbor.outEntries.map((out) => {
    const family: Family = out.matchFamily === 'ipv6' ? 'ipv6' : 'ipv4';
    const rendered = neighbor.prefixLists.find((l) => l.name === out.prefixList && l.family === out.matchFamily);
    return {
      seq: out.seq,
      action: 'permit',
      origin: 'metallb',
      list: { family, name: out.prefixList, entries: rendered ? generatedEntries(rendered) : [] },
      terminal: !out.onMatchNext,
    };
  });
}

/** The later entry's permitted prefixes that the earlier entry's list already permits, when the earlier one ends evaluation. */
function takenRoutes(first: MapEntry, later: MapEntry): ViewEntry[] {
  if (!first.terminal || !first.list || !later.list || first.list.family !== later.list.family) return [];
  const index = new PrefixIndex<ViewEntry>();
  for (const e of first.list.entries) index.add(e.routes, e);
  const taken: ViewEntry[] = [];
  for (const candidate of later.list.entries) {
    if (candidate.action !== 'permit') continue;
    const by = coveringSet(candidate.routes, index.containing(candidate.routes.prefix));
    if (!by || by.some((e) => e.action !== 'permit')) continue;
    const lastSeq = Math.max(...by.map((e) => e.seq));
    const blockedFirst = first.list.entries.some((e) => e.action === 'deny' && e.seq < lastSeq && rangesOverlap(e.routes, candidate.routes));
    if (!blockedFirst) taken.push(candidate);
  }
  return taken;
}

function rangesOverlap(a: PrefixRange, b: PrefixRange): boolean {
  return prefixesOverlap(a.prefix, b.prefix) && a.min <= b.max && b.min <= a.max;
}

function describeMapEntry(name: string, entry: MapEntry): string {
  const owner = entry.origin === 'metallb' ? "MetalLB's " : '';
  const match = entry.list ? ` (match ${entry.list.family === 'ipv6' ? 'ipv6' : 'ip'} address prefix-list ${entry.list.name})` : '';
  return `${owner}route-map ${name} ${entry.action} ${entry.seq}${match}`;
}

function toFinding(
  source: EmbeddedFrrSource,
  name: string,
  first: MapEntry,
  later: MapEntry,
  taken: ViewEntry[],
  anchor: OffsetRange,
  code: string,
): Finding {
  const shown = taken.slice(0, 3).map(describeViewEntry).join(', ');
  const more = taken.length > 3 ? ` and ${taken.length - 3} more` : '';
  const other = first.action !== later.action;
  const all = later.list && taken.length === later.list.entries.filter((e) => e.action === 'permit').length;
  return findingAt(source, anchor, {
    code,
    severity: other ? 'warning' : 'information',
    message:
      `${describeMapEntry(name, first)} already takes every route that ${shown}${more} select${taken.length === 1 ? 's' : ''}, ` +
      `so ${describeMapEntry(name, later)} ${all ? 'never sees any of them' : 'never sees those routes'}` +
      (other ? `; the two entries have a different action, so the ${later.action} of the later one is lost.` : '.'),
  });
}
