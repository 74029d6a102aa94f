/**
 * The address blocks MetalLB announces over BGP: every IPAddressPool a BGPAdvertisement selects
 * (by name, by label selector, or all pools when it names neither), each `spec.addresses` item
 * summarised into prefixes and kept with its location so a finding can point at it.
 */
import type { BGPAdvertisement, IPAddressPool, Located, Resource } from '../../../k8s/resources';
import { plainLabels, resourceName } from '../../../k8s/resources';
import { selectorMatches } from '../../../k8s/selectors';
import { formatCIDR, parsePoolAddresses } from '../../../metallb/build/ip';
import { parsePrefix, type Prefix } from '../../../frr/prefix';

export interface AnnouncedBlock {
  pool: string;
  /** The `spec.addresses` item as written (a CIDR or an `a-b` range). */
  address: Located<string>;
  uri?: string;
  prefix: Prefix;
}

function isAnnounced(pool: IPAddressPool, advertisements: readonly BGPAdvertisement[]): boolean {
  const name = resourceName(pool);
  const labels = plainLabels(pool.metadata.labels);
  return advertisements.some((ad) => {
    const byName = ad.spec.ipAddressPools;
    const bySelector = ad.spec.ipAddressPoolSelectors;
    if (byName.length === 0 && bySelector.length === 0) return true;
    return byName.some((n) => n.value === name) || bySelector.some((s) => selectorMatches(s, labels));
  });
}

export function announcedBlocks(resources: readonly Resource[]): AnnouncedBlock[] {
  const advertisements = resources.filter((r): r is BGPAdvertisement => r.kind === 'BGPAdvertisement');
  const out: AnnouncedBlock[] = [];
  for (const resource of resources) {
    if (resource.kind !== 'IPAddressPool' || !isAnnounced(resource, advertisements)) continue;
    for (const address of resource.spec.addresses) {
      const cidrs = parsePoolAddresses(address.value);
      if (typeof cidrs === 'string') continue;
      for (const cidr of cidrs) {
        const prefix = parsePrefix(formatCIDR(cidr));
        if (prefix) out.push({ pool: resourceName(resource), address, uri: resource.uri, prefix });
      }
    }
  }
  return out;
}
