/**
 * frr-k8s's internal configuration for one node: what its controller builds from the merged
 * FRRConfigurations and hands to its template (`internal/frr` `Config` in metallb/frr-k8s).
 * `renderFrrK8s` (render.ts) turns it into frr.conf. Names of the modifier prefix-lists are
 * part of the model because frr-k8s computes them before rendering.
 */
import type { InternalBfdProfile } from '../internal';
import { neighborIDOf } from '../neighbor-id';

export type IPFamily = 'ipv4' | 'ipv6';
/** A neighbor's family: the family of its address, or `dual` for dual-stack sessions. */
export type NeighborFamily = IPFamily | 'dual';
export type AddressFamily = 'unicast' | 'evpn';

/** A prefix accepted from (or always blocked for) a neighbor, with its optional length range. */
export interface IncomingFilter {
  family: IPFamily;
  prefix: string;
  /** 0 means unset, as in frr-k8s. */
  le: number;
  ge: number;
}

/** Prefixes advertised with one BGP property: `set community|large-community|local-preference`. */
export interface ModifierPrefixList {
  name: string;
  family: IPFamily;
  prefixes: string[];
  /** `a:b` or `large:a:b:c` for community lists. */
  community?: string;
  localPref?: number;
}

export interface AllowedOut {
  prefixesV4: string[];
  prefixesV6: string[];
  modifiers: ModifierPrefixList[];
  nextHopV4: string;
  nextHopV6: string;
}

export interface AllowedIn {
  all: boolean;
  /** frr-k8s renders these in order and only tests each list for emptiness, whatever family each entry has. */
  prefixesV4: IncomingFilter[];
  prefixesV6: IncomingFilter[];
}

export interface NeighborConfig {
  family: NeighborFamily;
  /** Peer ASN as FRR's `remote-as` takes it: a number, `internal` or `external`. */
  asn: string;
  addr: string;
  /** Interface of a BGP unnumbered session; `addr` is then empty. */
  iface: string;
  /** VRF part of the neighbor ID (frr-k8s sets it from the router's VRF). */
  vrf: string;
  port?: number;
  srcAddr: string;
  holdTime?: number;
  keepaliveTime?: number;
  connectTime?: number;
  password: string;
  bfdProfile: string;
  gracefulRestart: boolean;
  ebgpMultiHop: boolean;
  /** 0 when unset. */
  localASN: number;
  /** Empty means unicast only. */
  addressFamilies: AddressFamily[];
  outgoing: AllowedOut;
  incoming: AllowedIn;
  alwaysBlock: IncomingFilter[];
}

export interface VniProperties {
  vni: number;
  rd: string;
  importRTs: string[];
  exportRTs: string[];
}

export interface EvpnConfig {
  advertiseAllVni: boolean;
  advertiseSvi: boolean;
  l2vnis: VniProperties[];
  l3vni?: VniProperties & { advertiseUnicast: boolean };
}

export interface RouterConfig {
  asn: number;
  routerID: string;
  vrf: string;
  neighbors: NeighborConfig[];
  ipv4Prefixes: string[];
  ipv6Prefixes: string[];
  importVRFs: string[];
  evpn?: EvpnConfig;
}

/** frr-k8s renders BFD profiles with the same fields as MetalLB's internal config. */
export type BfdProfileConfig = InternalBfdProfile;

export interface FrrK8sConfig {
  /** FRR log level word (`informational`, `debugging`, …). */
  logLevel: string;
  hostname: string;
  routers: RouterConfig[];
  bfdProfiles: BfdProfileConfig[];
  /** The raw configs of every merged FRRConfiguration, joined in priority order. */
  extraConfig: string;
}

/** The neighbor ID frr-k8s names its route-maps and prefix-lists after. */
export function neighborID(n: Pick<NeighborConfig, 'addr' | 'iface' | 'vrf'>): string {
  return neighborIDOf(n.addr, n.iface, n.vrf);
}

export function emptyNeighbor(fields: Partial<NeighborConfig> & Pick<NeighborConfig, 'asn'>): NeighborConfig {
  return {
    family: 'ipv4',
    addr: '',
    iface: '',
    vrf: '',
    srcAddr: '',
    password: '',
    bfdProfile: '',
    gracefulRestart: false,
    ebgpMultiHop: false,
    localASN: 0,
    addressFamilies: [],
    outgoing: { prefixesV4: [], prefixesV6: [], modifiers: [], nextHopV4: '', nextHopV6: '' },
    incoming: { all: false, prefixesV4: [], prefixesV6: [] },
    alwaysBlock: [],
    ...fields,
  };
}
