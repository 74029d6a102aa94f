/**
 * Plain objects mirroring the frr-k8s `FRRConfiguration` CRD (`frrk8s.metallb.io/v1beta1`), with
 * the JSON field names and, where it matters, the field order Go's encoder writes. Optional fields
 * are the CRD's optional ones; durations are the Kubernetes strings (`"90s"`, `"1m30s"`).
 */

export interface PrefixSelector {
  mode?: 'all' | 'filtered' | string;
  prefixes?: string[];
}

export interface ReceivePrefix {
  prefix: string;
  le?: number;
  ge?: number;
}

export interface ReceiveSelector {
  mode?: 'all' | 'filtered' | string;
  prefixes?: ReceivePrefix[];
}

export interface LocalPrefPrefixes {
  prefixes: string[];
  localPref: number;
}

export interface CommunityPrefixes {
  prefixes: string[];
  /** `a:b`, `large:a:b:c` or a Community resource name. */
  community: string;
}

export interface NeighborSpec {
  asn?: number;
  dynamicASN?: 'internal' | 'external' | string;
  sourceaddress?: string;
  address?: string;
  interface?: string;
  port?: number;
  password?: string;
  passwordSecret?: { name?: string; namespace?: string };
  holdTime?: string;
  keepaliveTime?: string;
  connectTime?: string;
  ebgpMultiHop?: boolean;
  bfdProfile?: string;
  enableGracefulRestart?: boolean;
  toAdvertise?: {
    allowed?: PrefixSelector;
    /** The next hop advertised with the prefixes of each family (`set ip next-hop`, `set ipv6 next-hop global`). */
    nextHop?: { ipv4?: string; ipv6?: string };
    withLocalPref?: LocalPrefPrefixes[];
    withCommunity?: CommunityPrefixes[];
  };
  toReceive?: { allowed?: ReceiveSelector };
  disableMP?: boolean;
  dualStackAddressFamily?: boolean;
  /** FRR `local-as <localASN> no-prepend replace-as`. */
  localASN?: number;
  /** `unicast` and/or `evpn`; the API server defaults an absent list to `[unicast]`. */
  addressFamilies?: ('unicast' | 'evpn' | string)[];
}

/** An L2 or L3 VNI's route distinguisher and route targets. */
export interface VniSpec {
  vni: number;
  rd?: string;
  importRTs?: string[];
  exportRTs?: string[];
}

export interface EvpnSpec {
  advertiseVNIs?: 'Disabled' | 'All' | string;
  advertiseSVI?: boolean;
  l2vnis?: VniSpec[];
  /** `advertisePrefixes: [unicast]` advertises the router's unicast prefixes as type-5 routes. */
  l3vni?: VniSpec & { advertisePrefixes?: ('unicast' | string)[] };
}

export interface RouterSpec {
  asn: number;
  id?: string;
  vrf?: string;
  neighbors?: NeighborSpec[];
  prefixes?: string[];
  imports?: { vrf: string }[];
  evpn?: EvpnSpec;
}

export interface BfdProfileSpec {
  name: string;
  receiveInterval?: number;
  transmitInterval?: number;
  detectMultiplier?: number;
  echoInterval?: number;
  echoMode?: boolean;
  passiveMode?: boolean;
  minimumTtl?: number;
}

export interface FrrConfigurationSpec {
  bgp?: { routers?: RouterSpec[]; bfdProfiles?: BfdProfileSpec[] };
  raw?: { rawConfig?: string; priority?: number };
  nodeSelector?: { matchLabels?: Record<string, string> };
}

export interface FrrConfigurationObject {
  metadata: { name: string; namespace: string };
  spec: FrrConfigurationSpec;
  status: Record<string, never>;
}
