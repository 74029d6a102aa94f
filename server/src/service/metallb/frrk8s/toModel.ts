/**
 * One FRRConfiguration's routers → frr-k8s internal routers (frr-k8s `api_to_config.go`), before
 * merging: families from the address, `mode: all` expanded to the router's prefixes, durations in
 * seconds, modifier prefix-lists named as frr-k8s names them.
 */
import type { NeighborSpec, RouterSpec } from './api';
import { parseGoDuration } from '../../k8s/duration';
import type { IPFamily, IncomingFilter, ModifierPrefixList, NeighborConfig, NeighborFamily, RouterConfig } from './model';
import { emptyNeighbor } from './model';

export function prefixFamily(prefix: string): IPFamily {
  return prefix.includes(':') ? 'ipv6' : 'ipv4';
}

export function routerToModel(spec: RouterSpec): RouterConfig {
  const prefixes = spec.prefixes ?? [];
  const vrf = spec.vrf ?? '';
  return {
    asn: spec.asn,
    routerID: spec.id ?? '',
    vrf,
    neighbors: (spec.neighbors ?? []).map((n) => neighborToModel(n, vrf, prefixes)),
    ipv4Prefixes: prefixes.filter((p) => prefixFamily(p) === 'ipv4'),
    ipv6Prefixes: prefixes.filter((p) => prefixFamily(p) === 'ipv6'),
    importVRFs: (spec.imports ?? []).map((i) => i.vrf),
  };
}

function neighborFamily(n: NeighborSpec): NeighborFamily {
  // Unnumbered sessions run over IPv6 link-local addresses and carry both families.
  if (n.dualStackAddressFamily || (n.interface ?? '') !== '') return 'dual';
  return prefixFamily(n.address ?? '');
}

/** Whole seconds: frr-k8s truncates sub-second remainders when it writes FRR timers. */
function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseGoDuration(text);
  return parsed.ok ? Math.trunc(parsed.nanoseconds / 1e9) : undefined;
}

export function neighborToModel(spec: NeighborSpec, vrf: string, routerPrefixes: string[]): NeighborConfig {
  const asn = spec.dynamicASN ? spec.dynamicASN : String(spec.asn ?? 0);
  const addr = spec.address ?? '';
  const iface = spec.interface ?? '';
  const listOwner = `${asn}@${iface !== '' ? iface : addr}${vrf !== '' ? `@${vrf}` : ''}`;
  const advertised = spec.toAdvertise?.allowed?.mode === 'all' ? routerPrefixes : (spec.toAdvertise?.allowed?.prefixes ?? []);
  const modifiers: ModifierPrefixList[] = [];
  for (const c of spec.toAdvertise?.withCommunity ?? []) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const prefixes = c.prefixes.filter((p) => prefixFamily(p) === family);
      if (prefixes.length === 0) continue;
      const fam = family === 'ipv6' ? 'ipv6' : 'ip';
      modifiers.push({ name: `${listOwner}-${c.community}-${fam}-community-prefixes`, family, prefixes, community: c.community });
    }
  }
  for (const l of spec.toAdvertise?.withLocalPref ?? []) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const prefixes = l.prefixes.filter((p) => prefixFamily(p) === family);
      if (prefixes.length === 0) continue;
      const fam = family === 'ipv6' ? 'ipv6' : 'ip';
      modifiers.push({ name: `${listOwner}-${l.localPref}-${fam}-localpref-prefixes`, family, prefixes, localPref: l.localPref });
    }
  }
  const received: IncomingFilter[] = (spec.toReceive?.allowed?.prefixes ?? []).map((p) => ({
    family: prefixFamily(p.prefix),
    prefix: p.prefix,
    le: p.le ?? 0,
    ge: p.ge ?? 0,
  }));
  const neighbor = emptyNeighbor({
    family: neighborFamily(spec),
    asn,
    addr,
    iface,
    vrf,
    srcAddr: spec.sourceaddress ?? '',
    password: spec.password ?? '',
    bfdProfile: spec.bfdProfile ?? '',
    gracefulRestart: spec.enableGracefulRestart === true,
    ebgpMultiHop: spec.ebgpMultiHop === true,
    outgoing: {
      prefixesV4: advertised.filter((p) => prefixFamily(p) === 'ipv4'),
      prefixesV6: advertised.filter((p) => prefixFamily(p) === 'ipv6'),
      modifiers,
      nextHopV4: '',
      nextHopV6: '',
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
