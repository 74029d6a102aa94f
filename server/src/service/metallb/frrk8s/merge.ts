/**
 * frr-k8s's merge of every FRRConfiguration that selects a node (frr-k8s `merge.go`): routers by
 * VRF, neighbors by ID within a router, filters unioned (the more permissive wins), raw configs
 * appended by priority. Where frr-k8s would reject the node's whole configuration, we report a
 * `frrk8s/merge-conflict` finding naming both resources and keep the first one's value, so the
 * rest of the merge can still be shown.
 * frr-k8s also merges every router with itself (`validateRouterConfig`), so even a router no other
 * resource shares comes out canonical: prefixes, imports and incoming filters sorted and unique,
 * a port or timer equal to its default dropped (no `neighbor X port 179` line).
 */
import type { Finding, OffsetRange } from '../../types';
import type { BfdProfileSpec, FrrConfigurationSpec } from './api';
import { mergeEvpn } from './evpn';
import type { BfdProfileConfig, FrrK8sConfig, IncomingFilter, ModifierPrefixList, NeighborConfig, RouterConfig } from './model';
import { neighborID } from './model';
import { compare } from './render';
import { routerToModel } from './toModel';

export const MERGE_CONFLICT = 'frrk8s/merge-conflict';

/** One FRRConfiguration to merge, with where it came from (for the findings). */
export interface FrrConfigurationInput {
  name: string;
  spec: FrrConfigurationSpec;
  uri?: string;
  /** Where findings about this resource point; the start of its document when absent. */
  range?: OffsetRange;
}

export interface MergeOptions {
  hostname: string;
  logLevel?: string;
  /** frr-k8s's `--always-block` CIDRs, refused from every neighbor. */
  alwaysBlock?: IncomingFilter[];
}

export interface MergeResult {
  config: FrrK8sConfig;
  conflicts: Finding[];
}

const DEFAULT_PORT = 179;
const DEFAULT_HOLD_TIME = 180;
const DEFAULT_KEEPALIVE_TIME = 60;
const DEFAULT_CONNECT_TIME = 60;

interface Owned<T> {
  value: T;
  owner: FrrConfigurationInput;
}

export function mergeFrrConfigurations(inputs: FrrConfigurationInput[], options: MergeOptions): MergeResult {
  const conflicts: Finding[] = [];
  const conflict = (a: FrrConfigurationInput, b: FrrConfigurationInput, what: string) => {
    conflicts.push({
      code: MERGE_CONFLICT,
      severity: 'error',
      range: b.range ?? { start: 0, end: 0 },
      uri: b.uri,
      message: `FRRConfigurations "${a.name}" and "${b.name}" disagree on ${what}; frr-k8s rejects the merged configuration and keeps the node's previous one`,
      related: [{ uri: a.uri, range: a.range ?? { start: 0, end: 0 }, message: `"${a.name}" sets it here` }],
    });
  };

  const routers = new Map<string, Owned<RouterConfig>>();
  const neighbors = new Map<string, Map<string, Owned<NeighborConfig>>>();
  const bfdProfiles = new Map<string, Owned<BfdProfileSpec>>();
  for (const input of inputs) {
    for (const routerSpec of input.spec.bgp?.routers ?? []) {
      const router = routerToModel(routerSpec, input.spec.bgp?.routers ?? []);
      const where = router.vrf === '' ? 'the default VRF' : `VRF ${router.vrf}`;
      let owned = routers.get(router.vrf);
      if (owned && owned.value.asn !== router.asn) {
        conflict(owned.owner, input, `the ASN of the router in ${where} (${owned.value.asn} vs ${router.asn})`);
        continue;
      }
      if (owned && owned.value.routerID !== '' && router.routerID !== '' && owned.value.routerID !== router.routerID) {
        conflict(owned.owner, input, `the router ID in ${where} (${owned.value.routerID} vs ${router.routerID})`);
        continue;
      }
      if (!owned) {
        owned = { value: { ...router, neighbors: [] }, owner: input };
        routers.set(router.vrf, owned);
        neighbors.set(router.vrf, new Map());
      }
      const evpnClash = mergeRouterInto(owned.value, router);
      if (evpnClash) conflict(owned.owner, input, `the EVPN ${evpnClash} of the router in ${where}`);
      const byID = neighbors.get(router.vrf) as Map<string, Owned<NeighborConfig>>;
      for (const neighbor of router.neighbors) {
        const id = neighborID(neighbor);
        const current = byID.get(id);
        if (!current) {
          // What merging a neighbor with itself could reject, frr-k8s's own checks (frrk8s/webhook) reject first.
          unionInto(neighbor, neighbor);
          byID.set(id, { value: neighbor, owner: input });
          continue;
        }
        const disagreement = neighborDisagreement(current.value, neighbor);
        if (disagreement) {
          conflict(current.owner, input, `${disagreement} of neighbor ${id} in ${where}`);
          continue;
        }
        const clash = mergeNeighborInto(current.value, neighbor);
        if (clash) conflict(current.owner, input, `${clash} for neighbor ${id} in ${where}`);
      }
    }
    for (const profile of input.spec.bgp?.bfdProfiles ?? []) {
      const existing = bfdProfiles.get(profile.name);
      if (!existing) bfdProfiles.set(profile.name, { value: profile, owner: input });
      else if (!sameBfdProfile(existing.value, profile)) conflict(existing.owner, input, `the settings of BFD profile ${profile.name}`);
    }
  }

  const routerList = [...routers.values()]
    .map(({ value }) => ({
      ...value,
      neighbors: [...(neighbors.get(value.vrf)?.values() ?? [])]
        .map(({ value: n }) => ({ ...n, alwaysBlock: options.alwaysBlock ?? [] }))
        .sort((a, b) => compare(neighborID(a), neighborID(b))),
    }))
    .sort((a, b) => compare(a.vrf, b.vrf));
  return {
    config: {
      logLevel: options.logLevel ?? 'informational',
      hostname: options.hostname,
      routers: routerList,
      bfdProfiles: [...bfdProfiles.values()].map(({ value }) => bfdProfileToModel(value)).sort((a, b) => compare(a.name, b.name)),
      extraConfig: rawConfigs(inputs),
    },
    conflicts,
  };
}

/** Unions `b`'s prefixes, imports and EVPN settings into `a` (`b` may be `a`'s own declaration); returns an EVPN clash. */
function mergeRouterInto(a: RouterConfig, b: RouterConfig): string | undefined {
  if (a.routerID === '') a.routerID = b.routerID;
  a.ipv4Prefixes = sortedUnion(a.ipv4Prefixes, b.ipv4Prefixes);
  a.ipv6Prefixes = sortedUnion(a.ipv6Prefixes, b.ipv6Prefixes);
  a.importVRFs = sortedUnion(a.importVRFs, b.importVRFs);
  if (!b.evpn) return undefined;
  const evpn = mergeEvpn(a.evpn ?? b.evpn, b.evpn);
  if ('clash' in evpn) return evpn.clash;
  a.evpn = evpn.evpn;
  return undefined;
}

/** Raw configs in ascending priority; equal priorities keep the order the resources were given in. */
function rawConfigs(inputs: FrrConfigurationInput[]): string {
  return inputs
    .map((input, index) => ({ text: input.spec.raw?.rawConfig ?? '', priority: input.spec.raw?.priority ?? 0, index }))
    .filter((raw) => raw.text !== '')
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
    .map((raw) => raw.text)
    .join('\n');
}

function orDefault(value: number | undefined, fallback: number): number {
  return value ?? fallback;
}

/** What two declarations of the same neighbor disagree on, or undefined when they can merge. */
function neighborDisagreement(a: NeighborConfig, b: NeighborConfig): string | undefined {
  if (a.asn !== b.asn) return `the ASN (${a.asn} vs ${b.asn})`;
  if (orDefault(a.port, DEFAULT_PORT) !== orDefault(b.port, DEFAULT_PORT)) return `the port (${orDefault(a.port, DEFAULT_PORT)} vs ${orDefault(b.port, DEFAULT_PORT)})`;
  if (a.srcAddr !== b.srcAddr) return `the source address (${a.srcAddr || 'none'} vs ${b.srcAddr || 'none'})`;
  if (a.password !== b.password) return 'the password';
  // An unset BFD profile yields to the one set, as a next hop or router ID does; an unset source address, password,
  // localASN or boolean is compared as is.
  if (a.bfdProfile !== '' && b.bfdProfile !== '' && a.bfdProfile !== b.bfdProfile) return `the BFD profile (${a.bfdProfile} vs ${b.bfdProfile})`;
  if (a.ebgpMultiHop !== b.ebgpMultiHop) return `ebgpMultiHop (${a.ebgpMultiHop} vs ${b.ebgpMultiHop})`;
  if (a.family !== b.family) return `dualStackAddressFamily (${a.family === 'dual'} vs ${b.family === 'dual'})`;
  if (a.localASN !== b.localASN) return `the local ASN (${a.localASN || 'none'} vs ${b.localASN || 'none'})`;
  const timers: [string, number | undefined, number | undefined, number][] = [
    ['the hold time', a.holdTime, b.holdTime, DEFAULT_HOLD_TIME],
    ['the keepalive time', a.keepaliveTime, b.keepaliveTime, DEFAULT_KEEPALIVE_TIME],
    ['the connect time', a.connectTime, b.connectTime, DEFAULT_CONNECT_TIME],
  ];
  for (const [what, x, y, fallback] of timers) {
    if (orDefault(x, fallback) !== orDefault(y, fallback)) return `${what} (${orDefault(x, fallback)}s vs ${orDefault(y, fallback)}s)`;
  }
  return undefined;
}

/** Merges `b` into `a` unless they set different next hops, or two local preferences for one prefix: returns that clash. */
function mergeNeighborInto(a: NeighborConfig, b: NeighborConfig): string | undefined {
  const clash = nextHopClash(a, b) ?? localPrefClash(a.outgoing.modifiers, b.outgoing.modifiers);
  if (!clash) unionInto(a, b);
  return clash;
}

/** Unions `b`'s filters and address families into `a` (`b` may be `a` itself), fills what `a` leaves unset, then drops `a`'s defaults. */
function unionInto(a: NeighborConfig, b: NeighborConfig): void {
  a.outgoing.prefixesV4 = sortedUnion(a.outgoing.prefixesV4, b.outgoing.prefixesV4);
  a.outgoing.prefixesV6 = sortedUnion(a.outgoing.prefixesV6, b.outgoing.prefixesV6);
  a.bfdProfile ||= b.bfdProfile;
  a.outgoing.nextHopV4 ||= b.outgoing.nextHopV4;
  a.outgoing.nextHopV6 ||= b.outgoing.nextHopV6;
  a.outgoing.modifiers = mergeModifiers(a.outgoing.modifiers, b.outgoing.modifiers);
  a.addressFamilies = [...new Set([...a.addressFamilies, ...b.addressFamilies])].sort(compare);
  if (a.incoming.all || b.incoming.all) {
    a.incoming = { all: true, prefixesV4: [], prefixesV6: [] };
  } else {
    a.incoming = {
      all: false,
      prefixesV4: unionFilters(a.incoming.prefixesV4, b.incoming.prefixesV4),
      prefixesV6: unionFilters(a.incoming.prefixesV6, b.incoming.prefixesV6),
    };
  }
  // Defaults are dropped once merged, as frr-k8s's cleanNeighborDefaults does.
  if (a.port === DEFAULT_PORT) delete a.port;
  if (a.holdTime === DEFAULT_HOLD_TIME) delete a.holdTime;
  if (a.keepaliveTime === DEFAULT_KEEPALIVE_TIME) delete a.keepaliveTime;
  if (a.connectTime === DEFAULT_CONNECT_TIME) delete a.connectTime;
}

function nextHopClash(a: NeighborConfig, b: NeighborConfig): string | undefined {
  for (const [family, x, y] of [['IPv4', a.outgoing.nextHopV4, b.outgoing.nextHopV4], ['IPv6', a.outgoing.nextHopV6, b.outgoing.nextHopV6]]) {
    if (x !== '' && y !== '' && x !== y) return `the ${family} next hop (${x} vs ${y})`;
  }
  return undefined;
}

function localPrefClash(a: ModifierPrefixList[], b: ModifierPrefixList[]): string | undefined {
  const prefOf = new Map<string, number>();
  for (const list of a) if (list.localPref !== undefined) for (const p of list.prefixes) prefOf.set(p, list.localPref);
  for (const list of b) {
    if (list.localPref === undefined) continue;
    for (const p of list.prefixes) {
      const other = prefOf.get(p);
      if (other !== undefined && other !== list.localPref) return `the local preference of ${p} (${other} vs ${list.localPref})`;
    }
  }
  return undefined;
}

function mergeModifiers(a: ModifierPrefixList[], b: ModifierPrefixList[]): ModifierPrefixList[] {
  const byName = new Map<string, ModifierPrefixList>();
  for (const list of [...a, ...b]) {
    const existing = byName.get(list.name);
    byName.set(list.name, existing ? { ...existing, prefixes: sortedUnion(existing.prefixes, list.prefixes) } : { ...list });
  }
  return [...byName.values()];
}

function filterKey(f: IncomingFilter): string {
  return `${f.prefix}${f.le}${f.ge}`;
}

function unionFilters(a: IncomingFilter[], b: IncomingFilter[]): IncomingFilter[] {
  const byKey = new Map<string, IncomingFilter>();
  for (const f of [...a, ...b]) byKey.set(filterKey(f), f);
  return [...byKey.keys()].sort(compare).map((k) => byKey.get(k) as IncomingFilter);
}

function sortedUnion(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort(compare);
}

function sameBfdProfile(a: BfdProfileSpec, b: BfdProfileSpec): boolean {
  const keys = ['receiveInterval', 'transmitInterval', 'detectMultiplier', 'echoInterval', 'minimumTtl'] as const;
  return keys.every((k) => a[k] === b[k]) && (a.echoMode ?? false) === (b.echoMode ?? false) && (a.passiveMode ?? false) === (b.passiveMode ?? false);
}

function bfdProfileToModel(p: BfdProfileSpec): BfdProfileConfig {
  const profile: BfdProfileConfig = { name: p.name, echoMode: p.echoMode === true, passiveMode: p.passiveMode === true };
  for (const key of ['receiveInterval', 'transmitInterval', 'detectMultiplier', 'echoInterval', 'minimumTtl'] as const) {
    if (p[key] !== undefined) profile[key] = p[key];
  }
  return profile;
}

export function asInput(spec: FrrConfigurationSpec | FrrConfigurationInput, index: number): FrrConfigurationInput {
  return 'spec' in spec && typeof (spec as FrrConfigurationInput).name === 'string'
    ? (spec as FrrConfigurationInput)
    : { name: `FRRConfiguration #${index + 1}`, spec: spec as FrrConfigurationSpec };
}
