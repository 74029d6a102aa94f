/**
 * One FRRConfiguration's routers → frr-k8s internal routers (frr-k8s `api_to_config.go`), before
 * merging: families from the address, `mode: all` expanded to the router's prefixes and those of
 * the VRFs it imports, durations in seconds, modifier prefix-lists named as frr-k8s names them
 * (`localPrefPrefixListName` / `communityPrefixListName`: after the neighbor's ID, communities as
 * frr-k8s prints them).
 * A neighbor only carries its own address families (both when dual-stack or unnumbered): frr-k8s
 * drops the other family's advertised prefixes and builds no modifier lists for it.
 * Specs may come from JSON: members of the wrong type are skipped, never thrown on.
 * What frr-k8s's merge of a router with itself canonicalizes (sorting, defaults) is merge.ts's.
 */
import type { NeighborSpec, RouterSpec } from './api';
import { parseGoDuration } from '../../k8s/duration';
import { formatCommunity, isCommunity, parseCommunity } from '../build/community';
import { evpnToModel } from './evpn';
import type { AddressFamily, IPFamily, IncomingFilter, ModifierPrefixList, NeighborConfig, NeighborFamily, RouterConfig } from './model';
import { emptyNeighbor, neighborID } from './model';
import { compare } from './render';

export function prefixFamily(prefix: string): IPFamily {
  return prefix.includes(':') ? 'ipv6' : 'ipv4';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = <T extends object>(v: readonly T[] | undefined): T[] => (Array.isArray(v) ? v.filter((item): item is T => isObject(item)) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/**
 * The prefixes a neighbor of `spec` may advertise: its own, then those of each imported VRF's router
 * in the same FRRConfiguration (`default` names the router without a VRF; an import nothing declares
 * is a webhook error and adds nothing here). The last router declared for a VRF wins, as in frr-k8s.
 */
export function advertisablePrefixes(spec: RouterSpec, siblings: readonly RouterSpec[]): string[] {
  const byVRF = new Map(objects(siblings).map((r) => [typeof r.vrf === 'string' ? r.vrf : '', strings(r.prefixes)]));
  const imported = objects(spec.imports).flatMap((i) => byVRF.get(i.vrf === 'default' ? '' : String(i.vrf ?? '')) ?? []);
  return [...strings(spec.prefixes), ...imported];
}

/** `siblings`: every router of the FRRConfiguration `spec` belongs to, for its imports. */
export function routerToModel(spec: RouterSpec, siblings: readonly RouterSpec[] = []): RouterConfig {
  const prefixes = strings(spec.prefixes);
  const vrf = typeof spec.vrf === 'string' ? spec.vrf : '';
  const advertisable = advertisablePrefixes(spec, siblings);
  const router: RouterConfig = {
    asn: spec.asn,
    routerID: spec.id ?? '',
    vrf,
    neighbors: objects(spec.neighbors).map((n) => neighborToModel(n, vrf, advertisable)),
    ipv4Prefixes: prefixes.filter((p) => prefixFamily(p) === 'ipv4'),
    ipv6Prefixes: prefixes.filter((p) => prefixFamily(p) === 'ipv6'),
    importVRFs: objects(spec.imports).map((i) => String(i.vrf ?? '')),
  };
  // Even an empty `evpn: {}` makes frr-k8s render the router's `address-family l2vpn evpn` block.
  if (isObject(spec.evpn)) router.evpn = evpnToModel(spec.evpn);
  return router;
}

function neighborFamily(n: NeighborSpec): NeighborFamily {
  // Unnumbered sessions run over IPv6 link-local addresses and carry both families.
  if (n.dualStackAddressFamily || (n.interface ?? '') !== '') return 'dual';
  return prefixFamily(typeof n.address === 'string' ? n.address : '');
}

function familiesOf(family: NeighborFamily): IPFamily[] {
  return family === 'dual' ? ['ipv4', 'ipv6'] : [family];
}

/** Whole seconds: frr-k8s truncates sub-second remainders when it writes FRR timers. */
function seconds(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const parsed = parseGoDuration(text);
  return parsed.ok ? Math.trunc(parsed.nanoseconds / 1e9) : undefined;
}

/** `toReceive.allowed.prefixes` items: the CRD wants `{prefix, ge, le}` objects; anything else is skipped. */
function receivedFilters(spec: NeighborSpec): IncomingFilter[] {
  return objects(spec.toReceive?.allowed?.prefixes)
    .filter((p) => typeof p.prefix === 'string')
    .map((p) => ({ family: prefixFamily(p.prefix), prefix: p.prefix, le: p.le ?? 0, ge: p.ge ?? 0 }));
}

/** The API server fills an absent `addressFamilies` with `[unicast]`; an explicit `[]` stays empty (unicast too). */
function addressFamilies(spec: NeighborSpec): AddressFamily[] {
  if (!Array.isArray(spec.addressFamilies)) return ['unicast'];
  return strings(spec.addressFamilies).filter((f): f is AddressFamily => f === 'unicast' || f === 'evpn');
}

/**
 * A community as frr-k8s prints it in list names and `set` lines (`BGPCommunity.String()`, behind
 * `large:` for a large one): `065000:0100` becomes `65000:100`. Text frr-k8s cannot parse (its
 * webhook refuses it) is kept as written.
 */
export function canonicalCommunity(text: string): string {
  const parsed = parseCommunity(text);
  return isCommunity(parsed) ? formatCommunity(parsed) : text;
}

/** `routerPrefixes`: what `mode: all` advertises (see `advertisablePrefixes`). */
export function neighborToModel(spec: NeighborSpec, vrf: string, routerPrefixes: string[]): NeighborConfig {
  const asn = spec.dynamicASN ? spec.dynamicASN : String(spec.asn ?? 0);
  const addr = typeof spec.address === 'string' ? spec.address : '';
  const iface = typeof spec.interface === 'string' ? spec.interface : '';
  const family = neighborFamily(spec);
  const families = familiesOf(family);
  const id = neighborID({ addr, iface, vrf });
  // frr-k8s collects them in a set per family: each once, in Go's string order.
  const advertised = [...new Set(spec.toAdvertise?.allowed?.mode === 'all' ? routerPrefixes : strings(spec.toAdvertise?.allowed?.prefixes))]
    .filter((p) => families.includes(prefixFamily(p)))
    .sort(compare);
  // One list per property and family of the neighbor, named `<ID>-<property>-<ip|ipv6>-…-prefixes`
  // (frr-k8s's renderer goldens name them `<asn>@<address>-…` by hand; its controller never does).
  const modifiers: ModifierPrefixList[] = [];
  const addModifiers = (prefixes: string[], property: string, kind: 'community' | 'localpref', set: Pick<ModifierPrefixList, 'community' | 'localPref'>) => {
    for (const f of families) {
      const ofFamily = prefixes.filter((p) => prefixFamily(p) === f);
      if (ofFamily.length > 0) modifiers.push({ name: `${id}-${property}-${f === 'ipv6' ? 'ipv6' : 'ip'}-${kind}-prefixes`, family: f, prefixes: ofFamily, ...set });
    }
  };
  for (const c of objects(spec.toAdvertise?.withCommunity)) {
    const community = canonicalCommunity(String(c.community));
    addModifiers(strings(c.prefixes), community, 'community', { community });
  }
  for (const l of objects(spec.toAdvertise?.withLocalPref)) addModifiers(strings(l.prefixes), String(l.localPref), 'localpref', { localPref: l.localPref });
  const received = receivedFilters(spec);
  const nextHop = isObject(spec.toAdvertise?.nextHop) ? spec.toAdvertise.nextHop : undefined;
  const neighbor = emptyNeighbor({
    family,
    asn,
    addr,
    iface,
    vrf,
    srcAddr: spec.sourceaddress ?? '',
    password: spec.password ?? '',
    bfdProfile: spec.bfdProfile ?? '',
    gracefulRestart: spec.enableGracefulRestart === true,
    ebgpMultiHop: spec.ebgpMultiHop === true,
    localASN: typeof spec.localASN === 'number' ? spec.localASN : 0,
    addressFamilies: addressFamilies(spec),
    outgoing: {
      prefixesV4: advertised.filter((p) => prefixFamily(p) === 'ipv4'),
      prefixesV6: advertised.filter((p) => prefixFamily(p) === 'ipv6'),
      modifiers,
      nextHopV4: typeof nextHop?.ipv4 === 'string' ? nextHop.ipv4 : '',
      nextHopV6: typeof nextHop?.ipv6 === 'string' ? nextHop.ipv6 : '',
    },
    incoming: {
      all: spec.toReceive?.allowed?.mode === 'all',
      prefixesV4: received.filter((f) => f.family === 'ipv4'),
      prefixesV6: received.filter((f) => f.family === 'ipv6'),
    },
  });
  if (spec.port !== undefined) neighbor.port = spec.port;
  const holdTime = seconds(spec.holdTime);
  const keepaliveTime = seconds(spec.keepaliveTime);
  const connectTime = seconds(spec.connectTime);
  if (holdTime !== undefined) neighbor.holdTime = holdTime;
  if (keepaliveTime !== undefined) neighbor.keepaliveTime = keepaliveTime;
  if (connectTime !== undefined) neighbor.connectTime = connectTime;
  return neighbor;
}
