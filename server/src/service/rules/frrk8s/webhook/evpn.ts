/**
 * frr-k8s `validateEVPN`, the last check of `apiToFRR`: it runs on each node's routers once every
 * FRRConfiguration selecting the node is merged, so a router's EVPN settings and its neighbors may
 * come from different FRRConfigurations. `advertiseVNIs: All`, `advertiseSVI` and `l2vnis` need a
 * neighbor with the `evpn` address family in the same VRF; an `l3vni` needs a router without
 * neighbors; a VNI may be used once across all routers (an L2 VNI repeated within one VRF merges).
 * Upstream walks the routers in Go map order and stops at the first error; here VRFs go in name
 * order and every error is reported.
 */
import type { FrrK8sNeighbor, FrrK8sRouter, Located } from '../../../k8s/resources';
import { compare } from '../../../metallb/frrk8s/render';
import type { Finding, OffsetRange, RelatedLocation } from '../../../types';
import { webhookFinding, type PlacedConfiguration } from './context';

/** One FRRConfiguration's router of a VRF: the merge joins all of a VRF's declarations. */
interface Declaration {
  at: PlacedConfiguration;
  router: FrrK8sRouter;
}

type VniKind = 'l2vni' | 'l3vni';

/**
 * `configurations`: what one node runs. `neighborSources`: where an EVPN neighbor may come from,
 * more than `configurations` when the node's other FRRConfigurations are unknown (no Node objects).
 */
export function evpnFindings(configurations: readonly PlacedConfiguration[], neighborSources: readonly PlacedConfiguration[] = configurations): Finding[] {
  const byVRF = declarationsByVRF(configurations);
  const withEvpnNeighbor = new Set(
    [...declarationsByVRF(neighborSources)].filter(([, list]) => list.some(({ router }) => router.neighbors.some(hasEvpnFamily))).map(([vrf]) => vrf),
  );
  const findings: Finding[] = [];
  for (const [vrf, list] of byVRF) {
    if (!withEvpnNeighbor.has(vrf)) findings.push(...needsEvpnNeighbor(vrf, list));
    findings.push(...l3vniWithNeighbors(vrf, list));
  }
  return [...findings, ...duplicateVNIs(byVRF)];
}

/** Declarations per VRF, VRFs in name order. */
function declarationsByVRF(configurations: readonly PlacedConfiguration[]): Map<string, Declaration[]> {
  const byVRF = new Map<string, Declaration[]>();
  for (const at of configurations) {
    for (const router of at.resource.spec.routers) {
      const vrf = router.vrf?.value ?? '';
      byVRF.set(vrf, [...(byVRF.get(vrf) ?? []), { at, router }]);
    }
  }
  return new Map([...byVRF].sort(([a], [b]) => compare(a, b)));
}

/** An absent list is the API server's default `[unicast]`. */
function hasEvpnFamily(n: FrrK8sNeighbor): boolean {
  return (n.addressFamilies ?? []).some((f) => f.value === 'evpn');
}

function invalidFor(vrf: string): string {
  return `invalid EVPN configuration for vrf ${JSON.stringify(vrf)}: `;
}

/** The first setting of the declaration that needs an EVPN neighbor, in source order. */
function needingNeighbor(router: FrrK8sRouter): OffsetRange | undefined {
  const evpn = router.evpn;
  if (!evpn) return undefined;
  const [l2] = evpn.l2vnis;
  const ranges = [
    evpn.advertiseVNIs?.value === 'All' ? evpn.advertiseVNIs.range : undefined,
    evpn.advertiseSVI?.value === true ? evpn.advertiseSVI.range : undefined,
    l2 ? (l2.vni?.range ?? l2.range) : undefined,
  ].filter((r): r is OffsetRange => r !== undefined);
  return ranges.sort((a, b) => a.start - b.start)[0];
}

function needsEvpnNeighbor(vrf: string, list: readonly Declaration[]): Finding[] {
  return list.flatMap(({ at, router }) => {
    const range = needingNeighbor(router);
    if (!range) return [];
    const message =
      `${invalidFor(vrf)}advertiseVNIs=All, advertiseSVI and l2vnis require at least one neighbor with evpn address family ` +
      `(add evpn to the addressFamilies of a neighbor of this router, e.g. addressFamilies: [unicast, evpn])`;
    return [webhookFinding(at, range, message)];
  });
}

function l3vniWithNeighbors(vrf: string, list: readonly Declaration[]): Finding[] {
  const neighbors = list.flatMap(({ at, router }) => router.neighbors.map((neighbor) => ({ at, neighbor })));
  if (neighbors.length === 0) return [];
  const [first] = neighbors;
  const shown = first.neighbor.address ?? first.neighbor.interface;
  const related: RelatedLocation = {
    ...(first.at.uri !== undefined ? { uri: first.at.uri } : {}),
    range: shown?.range ?? first.neighbor.range,
    message: `a neighbor of the router in vrf ${JSON.stringify(vrf)}`,
  };
  return list.flatMap(({ at, router }) => {
    const l3 = router.evpn?.l3vni;
    if (!l3) return [];
    const message = `${invalidFor(vrf)}l3vni can only be configured on routers with no neighbors (remove the neighbors of this VRF's router, or its l3vni)`;
    return [{ ...webhookFinding(at, l3.vni?.range ?? l3.range, message), related: [related] }];
  });
}

/** Where a VNI is declared as `kind` in the declarations of one VRF. */
function vniFields(list: readonly Declaration[], kind: VniKind, vni: number): { at: PlacedConfiguration; field: Located<number> }[] {
  return list.flatMap(({ at, router }) => {
    const items = kind === 'l2vni' ? (router.evpn?.l2vnis ?? []) : router.evpn?.l3vni ? [router.evpn.l3vni] : [];
    return items.flatMap((item) => (item.vni?.value === vni ? [{ at, field: item.vni }] : []));
  });
}

/** The merged router's VNIs: its L2 VNIs in numeric order, then its L3 VNI (the first declared). */
function mergedVNIs(list: readonly Declaration[]): { vni: number; kind: VniKind }[] {
  const l2 = new Set(list.flatMap(({ router }) => (router.evpn?.l2vnis ?? []).flatMap((item) => (item.vni ? [item.vni.value] : []))));
  const l3 = list.map(({ router }) => router.evpn?.l3vni?.vni?.value).find((vni) => vni !== undefined);
  return [...[...l2].sort((a, b) => a - b).map((vni) => ({ vni, kind: 'l2vni' as const })), ...(l3 !== undefined ? [{ vni: l3, kind: 'l3vni' as const }] : [])];
}

function duplicateVNIs(byVRF: ReadonlyMap<string, Declaration[]>): Finding[] {
  const seen = new Map<number, { vrf: string; kind: VniKind }>();
  const findings: Finding[] = [];
  for (const [vrf, list] of byVRF) {
    for (const { vni, kind } of mergedVNIs(list)) {
      const first = seen.get(vni);
      if (!first) {
        seen.set(vni, { vrf, kind });
        continue;
      }
      const related = vniFields(byVRF.get(first.vrf) ?? [], first.kind, vni).map(({ at, field }) => ({
        ...(at.uri !== undefined ? { uri: at.uri } : {}),
        range: field.range,
        message: `VNI ${vni} as ${first.kind} in vrf ${JSON.stringify(first.vrf)}`,
      }));
      const message =
        `duplicate VNI ${vni}: configured as ${first.kind} in vrf ${JSON.stringify(first.vrf)} and as ${kind} in vrf ${JSON.stringify(vrf)} ` +
        '(a VNI identifies one layer-2 segment or one VRF: give one of them another VNI)';
      for (const { at, field } of vniFields(list, kind, vni)) findings.push({ ...webhookFinding(at, field.range, message), related });
    }
  }
  return findings;
}
