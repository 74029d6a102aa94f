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
  toAdvertise?: { allowed?: PrefixSelector; withLocalPref?: LocalPrefPrefixes[]; withCommunity?: CommunityPrefixes[] };
  toReceive?: { allowed?: ReceiveSelector };
  disableMP?: boolean;
  dualStackAddressFamily?: boolean;
}

export interface RouterSpec {
  asn: number;
  id?: string;
  vrf?: string;
  neighbors?: NeighborSpec[];
  prefixes?: string[];
  imports?: { vrf: string }[];
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
