/**
 * The structured half of the renderer: what MetalLB's FRR backend generates for an internal
 * config — routers, neighbors, their route-map entries and prefix-lists with the exact names and
 * sequence numbers — before any text is written. The extras analysis reads this (which IDs exist,
 * which `-out` seqs and list names MetalLB owns); `text.ts` prints it.
 *
 * Transcribes `createConfig` of metallb `internal/bgp/frr/frr.go`: routers keyed by
 * `<asn>@<routerID>@<vrf>`, neighbors by `<asn>@<addr|iface>@<vrf>`, both sorted by key as
 * strings; prefixes and property lists are Go string sets listed in sorted order.
 */
import type { InternalBfdProfile, InternalConfig, InternalSession } from '../internal';
import { neighborIDOf } from '../neighbor-id';
import { legacyFiltersV013, legacyFiltersV014, type LegacyAdvertisement, type LegacyNames } from './legacy-filters';
import { versionTraits, type MetalLBVersion, type VersionTraits } from './version';

export type AddressFamily = 'ipv4' | 'ipv6';
export type NeighborFamily = AddressFamily | 'dual';
/** The keyword FRR uses in `ip|ipv6 prefix-list` and `match ip|ipv6 address`. */
export type FrrFamilyWord = 'ip' | 'ipv6';

export type PrefixListRole = 'allowed' | 'localpref' | 'community' | 'large-community';

export interface PrefixListEntry {
  /** Absent before v0.14, which wrote no `seq`. */
  seq?: number;
  action: 'permit' | 'deny';
  /** A CIDR or `any`. */
  prefix: string;
}

/** One `ip|ipv6 prefix-list NAME` family of lines; the same NAME may appear under both keywords before v0.15. */
export interface RenderedPrefixList {
  name: string;
  family: FrrFamilyWord;
  role: PrefixListRole;
  entries: PrefixListEntry[];
}

export interface OutRouteMapEntry {
  seq: number;
  role: PrefixListRole;
  matchFamily: FrrFamilyWord;
  prefixList: string;
  /** `set local-preference N`, `set community X additive`, `set large-community X additive`. */
  set?: string;
  /** Property entries continue to the next entry (`on-match next`); the allowed entries end the route-map. */
  onMatchNext: boolean;
}

export interface RenderedNeighbor {
  /** Sort key `<asn>@<addr|iface>@<vrf>`. */
  key: string;
  /** `<addr|iface>[-<vrf>]`: the stem of every route-map and prefix-list name of this neighbor. */
  id: string;
  routerKey: string;
  routerASN: number;
  vrf: string;
  address: string;
  interface: string;
  /** The word after `neighbor` in session lines: the interface for unnumbered peers, else the address. */
  peer: string;
  /** `remote-as` argument: a number, `internal` or `external`. */
  remoteAS: string;
  family: NeighborFamily;
  activatedFamilies: AddressFamily[];
  session: InternalSession;
  disableConnectedCheck: boolean;
  inRouteMap: { name: string; action: 'deny'; seq: 20 };
  outRouteMap: string;
  outEntries: OutRouteMapEntry[];
  prefixLists: RenderedPrefixList[];
  /** Prefixes announced to this neighbor, per family, sorted as strings. */
  prefixesV4: string[];
  prefixesV6: string[];
  /**
   * Before v0.15 the filter text follows the advertisement walk that also numbered the entries;
   * it is kept from that walk rather than re-derived from the lists.
   */
  legacyFilterText?: string;
}

export interface RenderedRouter {
  key: string;
  asn: number;
  routerID: string;
  vrf: string;
  neighbors: RenderedNeighbor[];
  /** `network` lines: the union of what the router's neighbors announce. */
  ipv4Prefixes: string[];
  ipv6Prefixes: string[];
}

export interface RenderModel {
  version: MetalLBVersion;
  hostname: string;
  logLevel: string;
  routers: RenderedRouter[];
  /** Every neighbor in output order (routers by key, then neighbors by key). */
  neighbors: RenderedNeighbor[];
  bfdProfiles: InternalBfdProfile[];
  extras: string;
}

export function addressFamilyOf(addressOrPrefix: string): AddressFamily {
  return addressOrPrefix.includes(':') ? 'ipv6' : 'ipv4';
}

export function frrFamilyWord(family: AddressFamily): FrrFamilyWord {
  return family === 'ipv6' ? 'ipv6' : 'ip';
}

/** Go's `sort.Strings`: byte order, which equals UTF-16 order for the ASCII names involved. */
export function sortStrings(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function neighborID(session: Pick<InternalSession, 'peerAddress' | 'peerInterface' | 'vrf'>): string {
  return neighborIDOf(session.peerAddress, session.peerInterface, session.vrf);
}

function remoteASOf(session: InternalSession): string {
  return session.dynamicASN !== '' ? session.dynamicASN : String(session.peerASN);
}

function neighborKey(session: InternalSession): string {
  const peer = session.peerAddress !== '' ? session.peerAddress : session.peerInterface;
  return `${remoteASOf(session)}@${peer}@${session.vrf}`;
}

function routerKey(session: InternalSession): string {
  // Go formats a nil net.IP as "<nil>", which is what orders routers without a router ID.
  return `${session.myASN}@${session.routerID !== '' ? session.routerID : '<nil>'}@${session.vrf}`;
}

/** `mustDisableConnectedCheck`: only single-hop IPv6 eBGP sessions, and never dual/unnumbered ones. */
function mustDisableConnectedCheck(family: NeighborFamily, myASN: number, remoteAS: string, session: InternalSession): boolean {
  if (family !== 'ipv6' || session.ebgpMultiHop) return false;
  if (session.peerInterface !== '') return true;
  if (remoteAS === 'internal') return false;
  if (remoteAS === 'external') return true;
  return String(myASN) !== remoteAS;
}

interface CommunityValue {
  large: boolean;
  /** The community as FRR's `set` wants it, without the `large:` marker. */
  value: string;
}

function parseCommunity(text: string): CommunityValue {
  if (text.startsWith('large:')) return { large: true, value: text.slice('large:'.length) };
  return { large: text.split(':').length === 3, value: text };
}

/** Names generated for a neighbor; the schemes changed in v0.15 (see `VersionTraits`). */
export interface NameScheme {
  allowed(id: string, listFamily: AddressFamily | NeighborFamily): string;
  localPref(id: string, localPref: number, family: string): string;
  community(id: string, community: CommunityValue, family: string): string;
}

export function nameScheme(version: MetalLBVersion): NameScheme {
  const traits = versionTraits(version);
  return {
    allowed: (id, listFamily) => (traits.allowedListPerFamily ? `${id}-allowed-${listFamily}` : `${id}-pl-${listFamily}`),
    localPref: (id, localPref, family) => `${id}-${localPref}-${family}-localpref-prefixes`,
    community: (id, c, family) =>
      c.large ? `${id}-large:${c.value}-${family}-community-prefixes` : `${id}-${c.value}-${family}-community-prefixes`,
  };
}

interface PropertyList {
  name: string;
  family: FrrFamilyWord;
  role: PrefixListRole;
  set: string;
  prefixes: Set<string>;
}

interface NeighborDraft {
  key: string;
  session: InternalSession;
  family: NeighborFamily;
  remoteAS: string;
  prefixesV4: Set<string>;
  prefixesV6: Set<string>;
  localPrefLists: Map<string, PropertyList>;
  communityLists: Map<string, PropertyList>;
  /** Every advertisement whatever its family, merged by prefix (what pre-v0.15 templates walk). */
  legacyAdvertisements: Map<string, LegacyAdvertisement>;
}

interface RouterDraft {
  key: string;
  session: InternalSession;
  neighbors: Map<string, NeighborDraft>;
  ipv4Prefixes: Set<string>;
  ipv6Prefixes: Set<string>;
}

export function buildRenderModel(config: InternalConfig, version: MetalLBVersion): RenderModel {
  const traits = versionTraits(version);
  const names = nameScheme(version);
  const routers = new Map<string, RouterDraft>();

  for (const session of config.sessions) {
    const rKey = routerKey(session);
    let router = routers.get(rKey);
    if (!router) {
      router = { key: rKey, session, neighbors: new Map(), ipv4Prefixes: new Set(), ipv6Prefixes: new Set() };
      routers.set(rKey, router);
    }
    const nKey = neighborKey(session);
    let neighbor = router.neighbors.get(nKey);
    if (!neighbor) {
      neighbor = {
        key: nKey,
        session,
        family: neighborFamily(session, traits),
        remoteAS: remoteASOf(session),
        prefixesV4: new Set(),
        prefixesV6: new Set(),
        localPrefLists: new Map(),
        communityLists: new Map(),
        legacyAdvertisements: new Map(),
      };
      router.neighbors.set(nKey, neighbor);
    }
    addAdvertisements(router, neighbor, session, traits, names);
  }

  const counters = new Map<string, number>();
  const next = (name: string): number => {
    const n = (counters.get(name) ?? 0) + 1;
    counters.set(name, n);
    return n;
  };

  const renderedRouters: RenderedRouter[] = [];
  for (const rKey of sortStrings(routers.keys())) {
    const router = routers.get(rKey)!;
    const neighbors = sortStrings(router.neighbors.keys()).map((k) =>
      finishNeighbor(router, router.neighbors.get(k)!, traits, names, next),
    );
    renderedRouters.push({
      key: rKey,
      asn: router.session.myASN,
      routerID: router.session.routerID,
      vrf: router.session.vrf,
      neighbors,
      ipv4Prefixes: sortStrings(router.ipv4Prefixes),
      ipv6Prefixes: sortStrings(router.ipv6Prefixes),
    });
  }

  return {
    version,
    hostname: config.hostname,
    logLevel: config.logLevel,
    routers: renderedRouters,
    neighbors: renderedRouters.flatMap((r) => r.neighbors),
    bfdProfiles: [...config.bfdProfiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    extras: config.extras,
  };
}

function neighborFamily(session: InternalSession, traits: VersionTraits): NeighborFamily {
  if (session.peerInterface !== '') return 'dual';
  if (traits.familyFromAddress && session.dualStackAddressFamily) return 'dual';
  return addressFamilyOf(session.peerAddress);
}

function addAdvertisements(
  router: RouterDraft,
  neighbor: NeighborDraft,
  session: InternalSession,
  traits: VersionTraits,
  names: NameScheme,
): void {
  const id = neighborID(neighbor.session);
  for (const adv of session.advertised) {
    const family = addressFamilyOf(adv.prefix);
    addLegacyAdvertisement(neighbor, adv.prefix, frrFamilyWord(family), adv.localPref, adv.communities.map(parseCommunity));
    // From v0.15 a single-family neighbor is not told about the other family's prefixes.
    if (traits.familyFromAddress && neighbor.family !== family && neighbor.family !== 'dual') continue;
    const word = frrFamilyWord(family);
    const listFamily = traits.propertyListFamilyIsFrrWord ? word : neighbor.family;
    for (const text of adv.communities) {
      const community = parseCommunity(text);
      const name = names.community(id, community, listFamily);
      const list = neighbor.communityLists.get(name) ?? {
        name,
        family: word,
        role: community.large ? 'large-community' : 'community',
        set: community.large ? `set large-community ${community.value} additive` : `set community ${community.value} additive`,
        prefixes: new Set<string>(),
      };
      list.prefixes.add(adv.prefix);
      neighbor.communityLists.set(name, list);
    }
    if (adv.localPref !== 0) {
      const name = names.localPref(id, adv.localPref, listFamily);
      const list = neighbor.localPrefLists.get(name) ?? {
        name,
        family: word,
        role: 'localpref',
        set: `set local-preference ${adv.localPref}`,
        prefixes: new Set<string>(),
      };
      list.prefixes.add(adv.prefix);
      neighbor.localPrefLists.set(name, list);
    }
    if (family === 'ipv4') {
      neighbor.prefixesV4.add(adv.prefix);
      router.ipv4Prefixes.add(adv.prefix);
    } else {
      neighbor.prefixesV6.add(adv.prefix);
      router.ipv6Prefixes.add(adv.prefix);
    }
  }
}

/** `addToAdvertisements`: one entry per prefix; a repeated prefix merges its communities into a sorted set. */
function addLegacyAdvertisement(
  neighbor: NeighborDraft,
  prefix: string,
  family: FrrFamilyWord,
  localPref: number,
  communities: CommunityValue[],
): void {
  const standard = communities.filter((c) => !c.large).map((c) => c.value);
  const large = communities.filter((c) => c.large).map((c) => c.value);
  const existing = neighbor.legacyAdvertisements.get(prefix);
  if (!existing) {
    neighbor.legacyAdvertisements.set(prefix, { prefix, family, localPref, communities: standard, largeCommunities: large });
    return;
  }
  existing.communities = sortStrings(new Set([...existing.communities, ...standard]));
  existing.largeCommunities = sortStrings(new Set([...existing.largeCommunities, ...large]));
}

function finishNeighbor(
  router: RouterDraft,
  draft: NeighborDraft,
  traits: VersionTraits,
  names: NameScheme,
  next: (name: string) => number,
): RenderedNeighbor {
  const session = draft.session;
  const id = neighborID(session);
  const common = {
    key: draft.key,
    id,
    routerKey: router.key,
    routerASN: router.session.myASN,
    vrf: session.vrf,
    address: session.peerAddress,
    interface: session.peerInterface,
    peer: session.peerInterface !== '' ? session.peerInterface : session.peerAddress,
    remoteAS: draft.remoteAS,
    family: draft.family,
    activatedFamilies: activatedFamilies(draft.family, traits, session),
    session,
    disableConnectedCheck: mustDisableConnectedCheck(draft.family, router.session.myASN, draft.remoteAS, session),
    inRouteMap: { name: `${id}-in`, action: 'deny' as const, seq: 20 as const },
    outRouteMap: `${id}-out`,
    prefixesV4: sortStrings(draft.prefixesV4),
    prefixesV6: sortStrings(draft.prefixesV6),
  };
  if (!traits.allowedListPerFamily) {
    const legacyNames: LegacyNames = {
      id,
      allowed: names.allowed(id, draft.family),
      localPref: (lp) => names.localPref(id, lp, draft.family),
      community: (value, large) => names.community(id, { value, large }, draft.family),
    };
    const advs = sortStrings(draft.legacyAdvertisements.keys()).map((k) => draft.legacyAdvertisements.get(k)!);
    const walk = traits.prefixListSeq ? legacyFiltersV014(advs, legacyNames, next) : legacyFiltersV013(advs, legacyNames, next);
    return { ...common, outEntries: walk.outEntries, prefixLists: walk.prefixLists, legacyFilterText: walk.text };
  }
  const seqFor = (listName: string): number | undefined => (traits.prefixListSeq ? next(listName) : undefined);
  const prefixLists: RenderedPrefixList[] = [];
  const outEntries: OutRouteMapEntry[] = [];

  const propertyLists = [
    ...sortStrings(draft.localPrefLists.keys()).map((k) => draft.localPrefLists.get(k)!),
    ...sortStrings(draft.communityLists.keys()).map((k) => draft.communityLists.get(k)!),
  ];
  for (const list of propertyLists) {
    prefixLists.push({
      name: list.name,
      family: list.family,
      role: list.role,
      entries: sortStrings(list.prefixes).map((prefix) => ({ seq: seqFor(list.name), action: 'permit', prefix })),
    });
    outEntries.push({
      seq: next(id),
      role: list.role,
      matchFamily: list.family,
      prefixList: list.name,
      set: list.set,
      onMatchNext: true,
    });
  }

  const allowedV4 = names.allowed(id, 'ipv4');
  const allowedV6 = names.allowed(id, 'ipv6');
  prefixLists.push(allowedList(allowedV4, 'ip', common.prefixesV4, seqFor));
  prefixLists.push(allowedList(allowedV6, 'ipv6', common.prefixesV6, seqFor));
  outEntries.push({ seq: next(id), role: 'allowed', matchFamily: 'ip', prefixList: allowedV4, onMatchNext: false });
  outEntries.push({ seq: next(id), role: 'allowed', matchFamily: 'ipv6', prefixList: allowedV6, onMatchNext: false });
  return { ...common, outEntries, prefixLists };
}

function allowedList(
  name: string,
  family: FrrFamilyWord,
  prefixes: string[],
  seqFor: (listName: string) => number | undefined,
): RenderedPrefixList {
  const entries: PrefixListEntry[] =
    prefixes.length === 0
      ? [{ seq: seqFor(name), action: 'deny', prefix: 'any' }]
      : prefixes.map((prefix) => ({ seq: seqFor(name), action: 'permit', prefix }));
  return { name, family, role: 'allowed', entries };
}

function activatedFamilies(family: NeighborFamily, traits: VersionTraits, session: InternalSession): AddressFamily[] {
  if (family === 'dual') return ['ipv4', 'ipv6'];
  if (!traits.familyFromAddress && !session.disableMP) return ['ipv4', 'ipv6'];
  return [family];
}
