/**
 * Which Service IPs a node's speaker announces over BGP, and how (speaker `SetBalancer`,
 * `ShouldAnnounce`, `poolFor`, the BGP controller's `SetBalancer` and `adsForPeer`).
 */
import type { ServiceInput, NodeInput } from './inputs';
import { cidrContains, formatCIDR, maskIP, parseIP, type IP } from './ip';
import type { BGPAdvertisementConfig, PoolConfig } from './pools';
import { anySelectorMatches } from '../../k8s/selectors';

export const EXCLUDE_FROM_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

export interface ServiceAdvertisement {
  prefix: string;
  localPref: number;
  communities: string[];
  /** BGPPeer names the advertisement is restricted to; empty = every peer. */
  peers: string[];
}

export interface AnnouncedService {
  key: string;
  pool: string;
  advertisements: ServiceAdvertisement[];
}

export interface ServicePlan {
  announced: AnnouncedService[];
  notes: string[];
}

export interface ServiceOptions {
  /** Announce the IPs a Service requests when it has no status IP yet (assumes the controller grants them). */
  useRequestedIPs: boolean;
}

/** `poolFor`: the pool that holds every one of the IPs (they must all be in the same pool). */
function poolFor(pools: PoolConfig[], ips: IP[]): PoolConfig | undefined {
  return pools.find((pool) => ips.every((ip) => pool.cidrs.some((cidr) => cidrContains(cidr, ip))));
}

function conflictingLocalPref(ads: BGPAdvertisementConfig[]): boolean {
  // Advertisements with serviceSelectors escape the config-time local-pref check; MetalLB then refuses to announce.
  for (let i = 0; i < ads.length; i++) {
    for (let j = i + 1; j < ads.length; j++) {
      const a = ads[i];
      const b = ads[j];
      if (a.serviceSelectors.length === 0 && b.serviceSelectors.length === 0) continue;
      if (a.localPref !== b.localPref && a.aggregationLength === b.aggregationLength) return true;
    }
  }
  return false;
}

function advertisementsFor(ips: IP[], ads: BGPAdvertisementConfig[]): ServiceAdvertisement[] {
  const out: ServiceAdvertisement[] = [];
  for (const ip of ips) {
    for (const ad of ads) {
      const length = ip.v6 ? ad.aggregationLengthV6 : ad.aggregationLength;
      out.push({
        prefix: formatCIDR({ ip: maskIP(ip, length), length }),
        localPref: ad.localPref,
        communities: [...ad.communities],
        peers: [...ad.peers],
      });
    }
  }
  return out;
}

/** The Services `node` announces over BGP, in MetalLB's service-key order, with notes on the ones it does not. */
export function planServices(
  services: ServiceInput[],
  pools: PoolConfig[],
  node: NodeInput,
  options: ServiceOptions,
): ServicePlan {
  const announced: AnnouncedService[] = [];
  const notes: string[] = [];
  const excluded = Object.prototype.hasOwnProperty.call(node.labels, EXCLUDE_FROM_LB_LABEL);
  let assumedEndpoints = false;
  for (const svc of services) {
    if (svc.type !== 'LoadBalancer') continue;
    if (svc.loadBalancerClass !== '') {
      notes.push(
        `Service ${svc.key}: loadBalancerClass "${svc.loadBalancerClass}" is ignored by a speaker started without --lb-class`,
      );
      continue;
    }
    let texts = svc.ingressIPs;
    if (texts.length === 0) {
      if (!options.useRequestedIPs || svc.requestedIPs.length === 0) {
        notes.push(`Service ${svc.key} has no IP yet (status.loadBalancer.ingress is empty): not announced`);
        continue;
      }
      texts = svc.requestedIPs;
      notes.push(
        `Service ${svc.key} has no IP in its status yet: assuming MetalLB's controller assigns the requested ` +
          `${texts.join(', ')}`,
      );
    }
    const ips = texts.map(parseIP);
    if (ips.some((ip) => ip === undefined)) {
      notes.push(`Service ${svc.key}: invalid LoadBalancer IP in ${JSON.stringify(texts)}: withdrawn (invalidIP)`);
      continue;
    }
    const parsed = ips as IP[];
    const pool = poolFor(pools, parsed);
    if (!pool) {
      notes.push(`Service ${svc.key}: ${texts.join(', ')} not in one IPAddressPool: not announced (ipNotAllowed)`);
      continue;
    }
    if (!pool.advertisements.some((ad) => ad.nodes.has(node.name))) {
      notes.push(`Service ${svc.key}: no BGPAdvertisement of pool ${pool.name} selects node ${node.name}`);
      continue;
    }
    if (excluded) {
      notes.push(`Service ${svc.key}: node ${node.name} is labelled ${EXCLUDE_FROM_LB_LABEL}: not announced`);
      continue;
    }
    const ads = pool.advertisements.filter(
      (ad) =>
        ad.nodes.has(node.name) &&
        (ad.serviceSelectors.length === 0 || anySelectorMatches(ad.serviceSelectors, svc.labels)),
    );
    if (conflictingLocalPref(ads)) {
      notes.push(`Service ${svc.key}: advertisements with different localPref apply to it: not announced`);
      continue;
    }
    if (svc.externalTrafficPolicy === 'Local') {
      notes.push(
        `Service ${svc.key}: externalTrafficPolicy Local is announced only from nodes with a ready local ` +
          `endpoint; assumed here`,
      );
    }
    assumedEndpoints = true;
    announced.push({ key: svc.key, pool: pool.name, advertisements: advertisementsFor(parsed, ads) });
  }
  if (assumedEndpoints) {
    notes.push('every announced Service is assumed to have a ready endpoint (MetalLB withdraws it otherwise)');
  }
  return { announced, notes };
}
