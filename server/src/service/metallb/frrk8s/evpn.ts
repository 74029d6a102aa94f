/**
 * A router's `evpn` section: conversion to frr-k8s's internal EVPN config and its merge (frr-k8s
 * `evpnToFRR`, `mergeEVPNConfigs`). Specs may come from JSON: ill-typed members are skipped.
 */
import type { EvpnSpec, VniSpec } from './api';
import type { EvpnConfig, VniProperties } from './model';
import { compare } from './render';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function vniToModel(spec: VniSpec): VniProperties {
  return { vni: typeof spec.vni === 'number' ? spec.vni : 0, rd: typeof spec.rd === 'string' ? spec.rd : '', importRTs: strings(spec.importRTs), exportRTs: strings(spec.exportRTs) };
}

export function evpnToModel(spec: EvpnSpec): EvpnConfig {
  const evpn: EvpnConfig = {
    advertiseAllVni: spec.advertiseVNIs === 'All',
    advertiseSvi: spec.advertiseSVI === true,
    l2vnis: (Array.isArray(spec.l2vnis) ? spec.l2vnis : []).filter(isObject).map((l2) => vniToModel(l2 as VniSpec)),
  };
  if (isObject(spec.l3vni)) {
    evpn.l3vni = { ...vniToModel(spec.l3vni), advertiseUnicast: strings(spec.l3vni.advertisePrefixes).includes('unicast') };
  }
  return evpn;
}

/** The merged config, or what the two disagree on (frr-k8s then rejects the node's configuration). */
export type EvpnMerge = { evpn: EvpnConfig } | { clash: string };

/**
 * frr-k8s merges a router with itself too, so one config alone comes out canonical: L2 VNIs
 * unique and in numeric order, explicit route targets sorted and deduplicated. An absent
 * `advertiseVNIs` counts as `Disabled` (frr-k8s compares it with `Disabled` as the default), so it
 * clashes with `All`; an absent RD or L3 VNI, by contrast, yields to the one set.
 */
export function mergeEvpn(a: EvpnConfig, b: EvpnConfig): EvpnMerge {
  if (a.advertiseAllVni !== b.advertiseAllVni) {
    return { clash: `advertiseVNIs (${a.advertiseAllVni ? 'All' : 'Disabled'} vs ${b.advertiseAllVni ? 'All' : 'Disabled'})` };
  }
  if (a.advertiseSvi !== b.advertiseSvi) return { clash: `advertiseSVI (${a.advertiseSvi} vs ${b.advertiseSvi})` };
  const byVNI = new Map<number, VniProperties>();
  for (const l2 of [...a.l2vnis, ...b.l2vnis]) {
    const existing = byVNI.get(l2.vni);
    const merged = existing ? mergeVni(existing, l2) : { value: l2 };
    if ('clash' in merged) return { clash: `L2 VNI ${l2.vni}: ${merged.clash}` };
    byVNI.set(l2.vni, merged.value);
  }
  const evpn: EvpnConfig = {
    advertiseAllVni: a.advertiseAllVni,
    advertiseSvi: a.advertiseSvi,
    l2vnis: [...byVNI.keys()].sort((x, y) => x - y).map((vni) => byVNI.get(vni) as VniProperties),
  };
  if (a.l3vni && b.l3vni) {
    if (a.l3vni.vni !== b.l3vni.vni) return { clash: `the L3 VNI (${a.l3vni.vni} vs ${b.l3vni.vni})` };
    const merged = mergeVni(a.l3vni, b.l3vni);
    if ('clash' in merged) return { clash: `L3 VNI ${a.l3vni.vni}: ${merged.clash}` };
    evpn.l3vni = { ...merged.value, advertiseUnicast: a.l3vni.advertiseUnicast || b.l3vni.advertiseUnicast };
  } else if (a.l3vni ?? b.l3vni) {
    evpn.l3vni = a.l3vni ?? b.l3vni;
  }
  return { evpn };
}

/** Equal or single RDs merge; route targets merge unless one side leaves them to FRR and the other lists some. */
function mergeVni(a: VniProperties, b: VniProperties): { value: VniProperties } | { clash: string } {
  if (a.rd !== '' && b.rd !== '' && a.rd !== b.rd) return { clash: `the route distinguisher (${a.rd} vs ${b.rd})` };
  for (const key of ['importRTs', 'exportRTs'] as const) {
    if ((a[key].length === 0) !== (b[key].length === 0)) return { clash: `${key} listed on one side only (the other leaves them to FRR)` };
  }
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort(compare);
  return { value: { vni: a.vni, rd: a.rd !== '' ? a.rd : b.rd, importRTs: union(a.importRTs, b.importRTs), exportRTs: union(a.exportRTs, b.exportRTs) } };
}
