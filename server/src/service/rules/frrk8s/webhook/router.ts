/**
 * `apiToFRR`'s per-router checks of one FRRConfiguration: prefixes must be CIDRs, imported VRFs
 * must be routers of the same FRRConfiguration (`default` is the router without a VRF), then each
 * neighbor: its localASN (localAsn.ts), its own fields (neighbor.ts), what it advertises
 * (advertise.ts), against the router's prefixes plus those of the VRFs it imports, and the next
 * hops it advertises them with (nextHop.ts). EVPN is checked per node, after the merge (evpn.ts).
 */
import { frrConfigurationInput } from '../../../metallb/frrk8s/fromResource';
import { advertisablePrefixes } from '../../../metallb/frrk8s/toModel';
import type { Finding } from '../../../types';
import { checkAdvertise } from './advertise';
import { bfdProfileNames } from './bfd';
import { cidrFamily, routerName, webhookFinding, type PlacedConfiguration } from './context';
import { checkLocalAsn } from './localAsn';
import { checkNeighbor, neighborFamilies } from './neighbor';
import { checkNextHop } from './nextHop';

export function checkRouters(at: PlacedConfiguration): Finding[] {
  const findings: Finding[] = [];
  const routers = at.resource.spec.routers;
  // The same routers as plain specs, in the same order, for the prefixes their imports bring.
  const specs = frrConfigurationInput(at.resource).spec.bgp?.routers ?? [];
  const vrfs = new Set(routers.map((r) => r.vrf?.value ?? ''));
  const profiles = bfdProfileNames(at);
  routers.forEach((router, i) => {
    for (const prefix of router.prefixes) {
      if (!cidrFamily(prefix.value)) findings.push(webhookFinding(at, prefix.range, `unknown ipfamily for ${prefix.value}`));
    }
    for (const item of router.imports) {
      const vrf = item.vrf?.value ?? '';
      const range = item.vrf?.range ?? item.range;
      if (vrf === 'default' && !vrfs.has('')) {
        findings.push(webhookFinding(at, range, `vrf  not found in prefixes in router (router ${routerName(router)} imports the default VRF: this FRRConfiguration needs a router without vrf)`));
      } else if (vrf !== 'default' && !vrfs.has(vrf)) {
        findings.push(webhookFinding(at, range, `router ${routerName(router)} imports vrf ${vrf} which is not defined (a router with vrf: ${vrf} must be in this FRRConfiguration)`));
      }
    }
    const allPrefixes = advertisablePrefixes(specs[i], specs);
    router.neighbors.forEach((neighbor, j) => {
      const where = { at, router, neighbor, path: `spec.bgp.routers[${i}].neighbors[${j}]` };
      const families = neighborFamilies(neighbor);
      findings.push(...checkLocalAsn(where), ...checkNeighbor(where, profiles), ...checkAdvertise(where, allPrefixes, families), ...checkNextHop(where, families));
    });
  });
  return findings;
}
