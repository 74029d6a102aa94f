/**
 * IPAddressPools with the BGPAdvertisements attached to them (MetalLB `poolsFor` +
 * `setBGPAdvertisementsToPools`): which advertisements apply to which pool, on which nodes, with
 * which aggregation, local preference and (alias-resolved) communities.
 */
import {
  compareCommunities,
  formatCommunity,
  isCommunity,
  parseCommunity,
  type BGPCommunity,
} from './community';
import type { AdvertisementInput, MetallbInputs, NodeInput } from './inputs';
import { cidrsOverlap, formatCIDR, parsePoolAddresses, type CIDR } from './ip';
import type { LabelSelector } from '../../k8s/resources';
import { anySelectorMatches, selectorError, selectorMatches } from '../../k8s/selectors';

export interface BGPAdvertisementConfig {
  name: string;
  aggregationLength: number;
  aggregationLengthV6: number;
  localPref: number;
  /** Sorted as MetalLB sorts them (`LessThan`), formatted for the internal config. */
  communities: string[];
  /** BGPPeer names; empty = every peer. */
  peers: string[];
  /** Names of the nodes the advertisement's nodeSelectors pick, among the known nodes. */
  nodes: Set<string>;
  serviceSelectors: LabelSelector[];
}

export interface PoolConfig {
  name: string;
  /** One entry per `spec.addresses` item, each summarised into CIDRs. */
  cidrsPerAddress: { address: string; cidrs: CIDR[] }[];
  cidrs: CIDR[];
  advertisements: BGPAdvertisementConfig[];
}

export interface PoolsResult {
  pools: PoolConfig[];
  errors: string[];
}

function resolveCommunities(
  ad: AdvertisementInput,
  aliases: Map<string, BGPCommunity>,
  errors: string[],
): string[] {
  const resolved = new Map<string, BGPCommunity>();
  for (const text of ad.communities) {
    const alias = aliases.get(text);
    const parsed = alias ?? parseCommunity(text);
    if (!isCommunity(parsed)) {
      errors.push(`invalid community "${text}" in BGP advertisement ${ad.name}: ${parsed.error}`);
      continue;
    }
    resolved.set(formatCommunity(parsed), parsed);
  }
  return [...resolved.values()].sort(compareCommunities).map(formatCommunity);
}

/** MetalLB's `lowestMask`: 0 for an address that summarised to no CIDR at all. */
function lowestMask(cidrs: CIDR[]): number {
  return cidrs.length === 0 ? 0 : Math.min(...cidrs.map((c) => c.length));
}

function familyPresence(pool: PoolConfig): { v4: boolean; v6: boolean } {
  return {
    v4: pool.cidrsPerAddress.some((a) => a.cidrs.length > 0 && !a.cidrs[0].ip.v6),
    v6: pool.cidrsPerAddress.some((a) => a.cidrs.length > 0 && a.cidrs[0].ip.v6),
  };
}

function aggregationLengthsDiffer(a: BGPAdvertisementConfig, b: BGPAdvertisementConfig, pool: PoolConfig): boolean {
  const { v4, v6 } = familyPresence(pool);
  if (!v4 && !v6) return true;
  const v4Differs = a.aggregationLength !== b.aggregationLength;
  const v6Differs = a.aggregationLengthV6 !== b.aggregationLengthV6;
  if (v4Differs && !v6) return true;
  if (v6Differs && !v4) return true;
  return v4Differs && v6Differs;
}

/** `BGPAdvertisementsHaveCompatibleLocalPref`: 0 (unset) counts as a value of its own. */
function compatibleLocalPref(a: BGPAdvertisementConfig, b: BGPAdvertisementConfig, pool: PoolConfig): boolean {
  if (a.localPref === b.localPref) return true;
  if (aggregationLengthsDiffer(a, b, pool)) return true;
  if (a.peers.length > 0 && b.peers.length > 0 && !a.peers.some((p) => b.peers.includes(p))) return true;
  for (const node of a.nodes) if (b.nodes.has(node)) return false;
  return true;
}

/** `validateBGPAdvPerPool`: the problem, or undefined when the advertisement fits the pool. */
function advertisementProblem(ad: BGPAdvertisementConfig, pool: PoolConfig): string | undefined {
  for (const { address, cidrs } of pool.cidrsPerAddress) {
    if (cidrs.length === 0) continue;
    const maxLength = cidrs[0].ip.v6 ? ad.aggregationLengthV6 : ad.aggregationLength;
    const lowest = lowestMask(cidrs);
    if (maxLength < lowest) {
      return (
        `invalid aggregation length ${ad.aggregationLength}: prefix ${lowest} in this pool is more specific ` +
        `than the aggregation length for addresses ${address}`
      );
    }
  }
  if (ad.serviceSelectors.length > 0) return undefined;
  for (const other of pool.advertisements) {
    if (other.serviceSelectors.length > 0) continue;
    if (!compatibleLocalPref(ad, other, pool)) {
      return (
        `invalid local preference ${ad.localPref}: local preferernce ${other.localPref} was already set for the ` +
        `same type of BGP update. Check existing BGP advertisements with common pools and aggregation lengths`
      );
    }
  }
  return undefined;
}

function advertisementConfig(
  ad: AdvertisementInput,
  aliases: Map<string, BGPCommunity>,
  nodes: NodeInput[],
  errors: string[],
): BGPAdvertisementConfig | undefined {
  const before = errors.length;
  if (ad.serviceSelectors.length > 0 && (ad.aggregationLength !== 32 || ad.aggregationLengthV6 !== 128)) {
    errors.push(`serviceSelectors and aggregationLength are mutually exclusive, both cannot be set in ${ad.name}`);
  }
  if (ad.aggregationLength > 32) errors.push(`invalid aggregation length ${ad.aggregationLength} for IPv4`);
  if (ad.aggregationLengthV6 > 128) errors.push(`invalid aggregation length ${ad.aggregationLengthV6} for IPv6`);
  for (const selector of [...ad.nodeSelectors, ...ad.serviceSelectors, ...ad.ipAddressPoolSelectors]) {
    const problem = selectorError(selector);
    if (problem) errors.push(`invalid label selector in BGP advertisement ${ad.name}: ${problem}`);
  }
  const communities = resolveCommunities(ad, aliases, errors);
  if (errors.length > before) return undefined;
  return {
    name: ad.name,
    aggregationLength: ad.aggregationLength,
    aggregationLengthV6: ad.aggregationLengthV6,
    localPref: ad.localPref,
    communities,
    peers: [...ad.peers],
    nodes: new Set(nodes.filter((n) => anySelectorMatches(ad.nodeSelectors, n.labels)).map((n) => n.name)),
    serviceSelectors: ad.serviceSelectors,
  };
}

function communityAliases(inputs: MetallbInputs, errors: string[]): Map<string, BGPCommunity> {
  const aliases = new Map<string, BGPCommunity>();
  for (const alias of inputs.communities) {
    const parsed = parseCommunity(alias.value);
    if (!isCommunity(parsed)) {
      errors.push(`parsing community "${alias.name}": ${parsed.error}`);
    } else if (aliases.has(alias.name)) {
      errors.push(`duplicate definition of community "${alias.name}"`);
    } else {
      aliases.set(alias.name, parsed);
    }
  }
  return aliases;
}

/**
 * The pools and their advertisements. `nodes` are the nodes MetalLB knows (advertisement node
 * selectors are resolved against them). Invalid pools and advertisements are left out and reported.
 */
export function buildPools(inputs: MetallbInputs, nodes: NodeInput[]): PoolsResult {
  const errors: string[] = [];
  const pools: PoolConfig[] = [];
  const allCidrs: { cidr: CIDR; pool: string }[] = [];
  for (const input of inputs.pools) {
    if (input.name === '') {
      errors.push('missing pool name');
      continue;
    }
    if (pools.some((p) => p.name === input.name)) {
      errors.push(`duplicate definition of pool "${input.name}"`);
      continue;
    }
    if (input.addresses.length === 0) {
      errors.push(`parsing address pool ${input.name}: pool has no prefixes defined`);
      continue;
    }
    const pool: PoolConfig = { name: input.name, cidrsPerAddress: [], cidrs: [], advertisements: [] };
    let valid = true;
    for (const address of input.addresses) {
      const cidrs = parsePoolAddresses(address);
      if (typeof cidrs === 'string') {
        errors.push(`parsing address pool ${input.name}: invalid CIDR "${address}" in pool "${input.name}": ${cidrs}`);
        valid = false;
        continue;
      }
      for (const cidr of cidrs) {
        const clash = allCidrs.find((other) => cidrsOverlap(cidr, other.cidr));
        if (clash) {
          errors.push(
            `CIDR "${formatCIDR(cidr)}" in pool "${input.name}" overlaps with already defined CIDR ` +
              `"${formatCIDR(clash.cidr)}"`,
          );
          valid = false;
        }
        allCidrs.push({ cidr, pool: input.name });
      }
      pool.cidrsPerAddress.push({ address, cidrs });
      pool.cidrs.push(...cidrs);
    }
    if (valid) pools.push(pool);
  }

  const aliases = communityAliases(inputs, errors);
  for (const ad of inputs.advertisements) {
    const config = advertisementConfig(ad, aliases, nodes, errors);
    if (!config) continue;
    const selected =
      ad.ipAddressPools.length === 0 && ad.ipAddressPoolSelectors.length === 0
        ? pools
        : [
            // MetalLB appends named pools then selector matches, so a pool reached both ways gets the ad twice.
            ...ad.ipAddressPools.flatMap((name) => pools.filter((p) => p.name === name)),
            ...inputs.pools
              .filter((p) => ad.ipAddressPoolSelectors.some((s) => selectorMatches(s, p.labels)))
              .flatMap((p) => pools.filter((pool) => pool.name === p.name)),
          ];
    for (const pool of selected) {
      const problem = advertisementProblem(config, pool);
      if (problem) {
        errors.push(problem);
        continue;
      }
      pool.advertisements.push(config);
    }
  }
  return { pools, errors };
}
