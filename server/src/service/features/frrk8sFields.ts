/**
 * Where in an FRRConfiguration neighbor frr-k8s takes a modifier list from: one
 * `<ID>-<localPref>-<ip|ipv6>-localpref-prefixes` per `toAdvertise.withLocalPref` value and one
 * `<ID>-[large:]<community>-<ip|ipv6>-community-prefixes` per `toAdvertise.withCommunity`
 * community, named with the community as frr-k8s prints it (`065000:0100` lands in `65000:100`).
 */
import type { FrrK8sNeighbor } from '../k8s/resources';
import { canonicalCommunity } from '../metallb/frrk8s/toModel';
import type { OffsetRange } from '../types';

/** The `localPref` values of the neighbor's withLocalPref items that render as `localPref`'s list. */
export function localPrefSources(neighbor: FrrK8sNeighbor, localPref: number): OffsetRange[] {
  return (neighbor.toAdvertise?.withLocalPref ?? []).flatMap((item) => (item.localPref?.value === localPref ? [item.localPref.range] : []));
}

/** The `community` values of the neighbor's withCommunity items that render as `community`'s list. */
export function communitySources(neighbor: FrrK8sNeighbor, community: string): OffsetRange[] {
  return (neighbor.toAdvertise?.withCommunity ?? []).flatMap((item) =>
    item.community && canonicalCommunity(item.community.value) === community ? [item.community.range] : [],
  );
}
