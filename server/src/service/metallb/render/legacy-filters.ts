/**
 * Per-neighbor filters of MetalLB before v0.15, whose templates walked the advertisements one by
 * one (sorted by prefix) instead of walking prefix-lists. Sequence numbers are handed out in that
 * walk order, so the structure (entries, seqs) and the text are produced by the same walk.
 *
 * v0.13: each advertisement writes its property prefix-list line *and* its own `-out` entry (one
 * entry per advertisement and property, duplicates included), no `seq`.
 * v0.14: the `-out` property entries come first, one per distinct local-pref / large community /
 * community (in that order, IPv4 before IPv6), then the prefix-list lines with `seq`.
 * Both: one allowed list `<ID>-pl-<neighbor family>` used under `ip` and `ipv6`, `deny any` per
 * family without advertisements, written after the allowed `-out` entries (v0.13) or before (v0.14).
 */
import type { OutRouteMapEntry, PrefixListEntry, PrefixListRole, RenderedPrefixList, FrrFamilyWord } from './model';

export interface LegacyAdvertisement {
  prefix: string;
  family: FrrFamilyWord;
  localPref: number;
  communities: string[];
  largeCommunities: string[];
}

export interface LegacyNames {
  id: string;
  allowed: string;
  localPref(localPref: number): string;
  community(value: string, large: boolean): string;
}

export interface LegacyFilters {
  outEntries: OutRouteMapEntry[];
  prefixLists: RenderedPrefixList[];
  text: string;
}

type Counter = (name: string) => number;

class ListCollector {
  private readonly lists = new Map<string, RenderedPrefixList>();

  add(name: string, family: FrrFamilyWord, role: PrefixListRole, entry: PrefixListEntry): void {
    const key = `${family} ${name}`;
    const list = this.lists.get(key) ?? { name, family, role, entries: [] };
    list.entries.push(entry);
    this.lists.set(key, list);
  }

  all(): RenderedPrefixList[] {
    return [...this.lists.values()];
  }
}

function propertyEntry(
  seq: number,
  role: PrefixListRole,
  family: FrrFamilyWord,
  prefixList: string,
  set: string,
): OutRouteMapEntry {
  return { seq, role, matchFamily: family, prefixList, set, onMatchNext: true };
}

function outEntryText(outRouteMap: string, e: OutRouteMapEntry): string {
  return `route-map ${outRouteMap} permit ${e.seq}\n  match ${e.matchFamily} address prefix-list ${e.prefixList}\n  ${e.set}\n  on-match next`;
}

interface Property {
  role: PrefixListRole;
  name: string;
  set: string;
}

function propertiesOf(adv: LegacyAdvertisement, names: LegacyNames): Property[] {
  const props: Property[] = [];
  if (adv.localPref !== 0) {
    props.push({ role: 'localpref', name: names.localPref(adv.localPref), set: `set local-preference ${adv.localPref}` });
  }
  for (const c of adv.communities) {
    props.push({ role: 'community', name: names.community(c, false), set: `set community ${c} additive` });
  }
  for (const c of adv.largeCommunities) {
    props.push({ role: 'large-community', name: names.community(c, true), set: `set large-community ${c} additive` });
  }
  return props;
}

function allowedTail(
  advs: LegacyAdvertisement[],
  names: LegacyNames,
  lists: ListCollector,
  withSeq: boolean,
  next: Counter,
): string {
  let out = '';
  for (const family of ['ip', 'ipv6'] as const) {
    if (advs.some((a) => a.family === family)) continue;
    const seq = withSeq ? next(names.allowed) : undefined;
    lists.add(names.allowed, family, 'allowed', { seq, action: 'deny', prefix: 'any' });
    out += `\n${family} prefix-list ${names.allowed}${seq === undefined ? '' : ` seq ${seq}`} deny any`;
  }
  return out;
}

function allowedOutEntries(names: LegacyNames, next: Counter): OutRouteMapEntry[] {
  return (['ip', 'ipv6'] as const).map((family) => ({
    seq: next(names.id),
    role: 'allowed' as const,
    matchFamily: family,
    prefixList: names.allowed,
    onMatchNext: false,
  }));
}

function allowedOutText(outRouteMap: string, entries: OutRouteMapEntry[]): string {
  return entries.map((e) => `\nroute-map ${outRouteMap} permit ${e.seq}\n  match ${e.matchFamily} address prefix-list ${e.prefixList}`).join('');
}

export function legacyFiltersV013(advs: LegacyAdvertisement[], names: LegacyNames, next: Counter): LegacyFilters {
  const lists = new ListCollector();
  const outEntries: OutRouteMapEntry[] = [];
  const outRouteMap = `${names.id}-out`;
  let text = `route-map ${names.id}-in deny 20`;
  for (const adv of advs) {
    text += '\n';
    for (const prop of propertiesOf(adv, names)) {
      lists.add(prop.name, adv.family, prop.role, { action: 'permit', prefix: adv.prefix });
      const entry = propertyEntry(next(names.id), prop.role, adv.family, prop.name, prop.set);
      outEntries.push(entry);
      text += `\n${adv.family} prefix-list ${prop.name} permit ${adv.prefix}\n${outEntryText(outRouteMap, entry)}`;
    }
    lists.add(names.allowed, adv.family, 'allowed', { action: 'permit', prefix: adv.prefix });
    text += `\n\n${adv.family} prefix-list ${names.allowed} permit ${adv.prefix}`;
  }
  const allowed = allowedOutEntries(names, next);
  outEntries.push(...allowed);
  text += '\n' + allowedOutText(outRouteMap, allowed) + '\n\n' + allowedTail(advs, names, lists, false, next);
  return { outEntries, prefixLists: lists.all(), text };
}

export function legacyFiltersV014(advs: LegacyAdvertisement[], names: LegacyNames, next: Counter): LegacyFilters {
  const lists = new ListCollector();
  const outEntries: OutRouteMapEntry[] = [];
  const outRouteMap = `${names.id}-out`;
  let text = `route-map ${names.id}-in deny 20`;

  const distinct = new Map<string, Property & { family: FrrFamilyWord }>();
  const rank: Record<PrefixListRole, number> = { localpref: 0, 'large-community': 1, community: 2, allowed: 3 };
  for (const adv of advs) {
    for (const prop of propertiesOf(adv, names)) distinct.set(`${adv.family} ${prop.name}`, { ...prop, family: adv.family });
  }
  const ordered = [...distinct.values()].sort(
    (a, b) =>
      rank[a.role] - rank[b.role] ||
      (a.family === b.family ? 0 : a.family === 'ip' ? -1 : 1) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const prop of ordered) {
    const entry = propertyEntry(next(names.id), prop.role, prop.family, prop.name, prop.set);
    outEntries.push(entry);
    text += '\n' + outEntryText(outRouteMap, entry);
  }
  for (const adv of advs) {
    text += '\n';
    for (const prop of propertiesOf(adv, names)) {
      const seq = next(prop.name);
      lists.add(prop.name, adv.family, prop.role, { seq, action: 'permit', prefix: adv.prefix });
      text += `\n${adv.family} prefix-list ${prop.name} seq ${seq} permit ${adv.prefix}`;
    }
    const seq = next(names.allowed);
    lists.add(names.allowed, adv.family, 'allowed', { seq, action: 'permit', prefix: adv.prefix });
    text += `\n\n\n${adv.family} prefix-list ${names.allowed} seq ${seq} permit ${adv.prefix}`;
  }
  text += '\n\n\n\n' + allowedTail(advs, names, lists, true, next);
  const allowed = allowedOutEntries(names, next);
  outEntries.push(...allowed);
  text += '\n' + allowedOutText(outRouteMap, allowed);
  return { outEntries, prefixLists: lists.all(), text };
}
