/**
 * Typed MetalLB / frr-k8s / core Kubernetes resources as read from YAML manifests. Every value a
 * finding may point at is a `Located` value carrying the source offsets of its key and value, so
 * rules above this layer never go back to the YAML tree. Values keep the shape the user wrote
 * (API-server defaulting is not applied here: `peerPort` absent stays absent) so rules can tell
 * "unset" from "set to the default".
 */
import type { Finding, OffsetRange } from '../types';
import type { EmbeddedText } from './embedded-text';

/** A value read from YAML with the offsets of the value and (for mapping entries) of its key. */
export interface Located<T> {
  value: T;
  range: OffsetRange;
  keyRange?: OffsetRange;
}

/** One parsed manifest file: its resources in document order, and the parse findings (`k8s/*`). */
export interface ManifestFile {
  uri?: string;
  text: string;
  resources: Resource[];
  findings: Finding[];
  /** Set when the file is not YAML at all (Helm template, binary): nothing was parsed. */
  skipped?: 'not-yaml';
}

export interface ObjectMeta {
  name?: Located<string>;
  namespace?: Located<string>;
  labels: Record<string, Located<string>>;
  annotations: Record<string, Located<string>>;
}

export interface ResourceBase {
  apiVersion: string;
  /** Index of the YAML document in its file (items of a `kind: List` share their document's index). */
  document: number;
  /** The whole object (a document, or one item of a List). */
  range: OffsetRange;
  /** The `kind:` value, the natural anchor for findings about the object as a whole. */
  kindRange: OffsetRange;
  metadata: ObjectMeta;
  /** The file the resource came from (set by `parseManifests` when it is given a uri). */
  uri?: string;
}

// ---- label selectors --------------------------------------------------------------------------

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  key: Located<string>;
  /** As written; an operator outside SelectorOperator makes the selector invalid. */
  operator: Located<string>;
  values: Located<string>[];
  range: OffsetRange;
}

export interface LabelSelector {
  matchLabels: Record<string, Located<string>>;
  matchExpressions: SelectorRequirement[];
  range: OffsetRange;
}

export interface SecretReference {
  name?: Located<string>;
  namespace?: Located<string>;
  range: OffsetRange;
}

// ---- MetalLB (metallb.io) ---------------------------------------------------------------------

export interface BGPPeer extends ResourceBase {
  kind: 'BGPPeer';
  /** `v1beta1` or `v1beta2` from `metallb.io/<version>`. */
  version: string;
  spec: {
    myASN?: Located<number>;
    peerASN?: Located<number>;
    dynamicASN?: Located<string>;
    localASN?: Located<number>;
    peerAddress?: Located<string>;
    interface?: Located<string>;
    peerPort?: Located<number>;
    sourceAddress?: Located<string>;
    routerID?: Located<string>;
    /** Go duration strings as written; see `parseGoDuration`. */
    holdTime?: Located<string>;
    keepaliveTime?: Located<string>;
    connectTime?: Located<string>;
    password?: Located<string>;
    passwordSecret?: SecretReference;
    bfdProfile?: Located<string>;
    ebgpMultiHop?: Located<boolean>;
    vrf?: Located<string>;
    /** Absent or empty: every node. Several selectors are ORed. */
    nodeSelectors?: LabelSelector[];
    enableGracefulRestart?: Located<boolean>;
    disableMP?: Located<boolean>;
    dualStackAddressFamily?: Located<boolean>;
  };
  specRange?: OffsetRange;
}

export interface ServiceAllocation {
  priority?: Located<number>;
  namespaces: Located<string>[];
  namespaceSelectors: LabelSelector[];
  serviceSelectors: LabelSelector[];
  range: OffsetRange;
}

export interface IPAddressPool extends ResourceBase {
  kind: 'IPAddressPool';
  spec: {
    /** CIDRs or `a-b` ranges, as written. */
    addresses: Located<string>[];
    autoAssign?: Located<boolean>;
    avoidBuggyIPs?: Located<boolean>;
    serviceAllocation?: ServiceAllocation;
  };
  specRange?: OffsetRange;
}

export interface BGPAdvertisement extends ResourceBase {
  kind: 'BGPAdvertisement';
  spec: {
    ipAddressPools: Located<string>[];
    ipAddressPoolSelectors: LabelSelector[];
    serviceSelectors: LabelSelector[];
    aggregationLength?: Located<number>;
    aggregationLengthV6?: Located<number>;
    localPref?: Located<number>;
    /** Community literals (`a:b`, `large:a:b:c`, well-known names) or Community alias names. */
    communities: Located<string>[];
    /** BGPPeer names; empty = every peer. */
    peers: Located<string>[];
    nodeSelectors: LabelSelector[];
  };
  specRange?: OffsetRange;
}

export interface L2Advertisement extends ResourceBase {
  kind: 'L2Advertisement';
  spec: {
    ipAddressPools: Located<string>[];
    ipAddressPoolSelectors: LabelSelector[];
    nodeSelectors: LabelSelector[];
    interfaces: Located<string>[];
  };
}

export interface CommunityAlias {
  name?: Located<string>;
  value?: Located<string>;
  range: OffsetRange;
}

export interface Community extends ResourceBase {
  kind: 'Community';
  spec: { communities: CommunityAlias[] };
}

export interface BFDProfileSettings {
  receiveInterval?: Located<number>;
  transmitInterval?: Located<number>;
  detectMultiplier?: Located<number>;
  echoInterval?: Located<number>;
  echoMode?: Located<boolean>;
  passiveMode?: Located<boolean>;
  minimumTtl?: Located<number>;
}

export interface BFDProfile extends ResourceBase {
  kind: 'BFDProfile';
  spec: BFDProfileSettings;
}

// ---- ConfigMaps MetalLB reads -----------------------------------------------------------------

/** ConfigMap `bgpextras`: FRR text appended verbatim to the rendered frr.conf (FRR mode only). */
export interface BgpExtrasConfigMap extends ResourceBase {
  kind: 'ConfigMap';
  configMap: 'bgpextras';
  /** `data.extras`, with its exact offset map into the YAML file. */
  extras?: Located<string> & { embedded: EmbeddedText };
}

export interface LegacyNodeSelector {
  matchLabels: Record<string, Located<string>>;
  matchExpressions: SelectorRequirement[];
  range: OffsetRange;
}

export interface LegacyPeer {
  myASN?: Located<number>;
  peerASN?: Located<number>;
  peerAddress?: Located<string>;
  sourceAddress?: Located<string>;
  peerPort?: Located<number>;
  holdTime?: Located<string>;
  keepaliveTime?: Located<string>;
  routerID?: Located<string>;
  nodeSelectors: LegacyNodeSelector[];
  password?: Located<string>;
  bfdProfile?: Located<string>;
  ebgpMultiHop?: Located<boolean>;
  range: OffsetRange;
}

export interface LegacyBgpAdvertisement {
  aggregationLength?: Located<number>;
  aggregationLengthV6?: Located<number>;
  localPref?: Located<number>;
  communities: Located<string>[];
  range: OffsetRange;
}

export interface LegacyAddressPool {
  name?: Located<string>;
  protocol?: Located<string>;
  addresses: Located<string>[];
  avoidBuggyIPs?: Located<boolean>;
  autoAssign?: Located<boolean>;
  bgpAdvertisements: LegacyBgpAdvertisement[];
  range: OffsetRange;
}

export interface LegacyBfdProfile extends BFDProfileSettings {
  name?: Located<string>;
  range: OffsetRange;
}

/** A key the pre-0.13 parser (yaml.v2 UnmarshalStrict) does not know: the whole config is refused. */
export interface LegacyUnknownKey {
  key: Located<string>;
  /** The Go type the key was read into, for MetalLB's message (`config.peer`, …). */
  goType: string;
  /** 1-based line of the key inside the `config` text, as yaml.v2 reports it. */
  line: number;
  /** The key the user most likely meant (`bfd-profile` for `bfdProfile`). */
  suggestion?: string;
}

/** The pre-0.13 ConfigMap `config` (key `config`): MetalLB ≥ 0.13 ignores it. */
export interface LegacyConfigMap extends ResourceBase {
  kind: 'ConfigMap';
  configMap: 'config';
  config?: {
    peers: LegacyPeer[];
    addressPools: LegacyAddressPool[];
    bgpCommunities: Record<string, Located<string>>;
    bfdProfiles: LegacyBfdProfile[];
    unknownKeys: LegacyUnknownKey[];
    /** Range of the `config` value in the manifest. */
    range: OffsetRange;
  };
}

// ---- core Kubernetes --------------------------------------------------------------------------

export interface Secret extends ResourceBase {
  kind: 'Secret';
  type?: Located<string>;
  /** Decoded values: `data` (base64-decoded) overlaid by `stringData`, as the API server merges them. */
  values: Record<string, Located<string>>;
}

export interface Node extends ResourceBase {
  kind: 'Node';
}

export interface Service extends ResourceBase {
  kind: 'Service';
  spec: {
    /** As written; absent means ClusterIP. */
    type?: Located<string>;
    loadBalancerIP?: Located<string>;
    loadBalancerClass?: Located<string>;
    ipFamilies: Located<string>[];
    externalTrafficPolicy?: Located<string>;
  };
  /** `status.loadBalancer.ingress[].ip` (entries without an ip are kept with an empty value). */
  ingressIPs: Located<string>[];
  /** Comma-separated IPs of `metallb.io/loadBalancerIPs` or `metallb.universe.tf/loadBalancerIPs`, split. */
  annotationIPs: Located<string>[];
  /** `metallb.io/address-pool` or `metallb.universe.tf/address-pool`. */
  addressPool?: Located<string>;
}

// ---- frr-k8s (frrk8s.metallb.io) --------------------------------------------------------------

/** `toAdvertise.allowed`: which of the router's prefixes go to the neighbor. */
export interface FrrK8sAdvertiseSelector {
  /** `all` or `filtered`; absent means filtered. */
  mode?: Located<string>;
  prefixes: Located<string>[];
  range: OffsetRange;
}

/** One `toReceive.allowed.prefixes[]` item: a CIDR and the prefix lengths it accepts. */
export interface FrrK8sReceivePrefix {
  prefix?: Located<string>;
  ge?: Located<number>;
  le?: Located<number>;
  range: OffsetRange;
}

/** `toReceive.allowed`: which routes the neighbor may send. */
export interface FrrK8sReceiveSelector {
  /** `all` or `filtered`; absent means filtered. */
  mode?: Located<string>;
  prefixes: FrrK8sReceivePrefix[];
  range: OffsetRange;
}

/** A `toAdvertise.withLocalPref[]` item. */
export interface FrrK8sLocalPrefPrefixes {
  localPref?: Located<number>;
  prefixes: Located<string>[];
  range: OffsetRange;
}

/** A `toAdvertise.withCommunity[]` item. */
export interface FrrK8sCommunityPrefixes {
  /** `a:b`, `large:a:b:c` or a Community resource name. */
  community?: Located<string>;
  prefixes: Located<string>[];
  range: OffsetRange;
}

/** `toAdvertise.nextHop`: the next hop advertised with each family's prefixes. */
export interface FrrK8sNextHop {
  ipv4?: Located<string>;
  ipv6?: Located<string>;
  range: OffsetRange;
}

export interface FrrK8sNeighbor {
  asn?: Located<number>;
  dynamicASN?: Located<string>;
  address?: Located<string>;
  interface?: Located<string>;
  port?: Located<number>;
  sourceaddress?: Located<string>;
  password?: Located<string>;
  passwordSecret?: SecretReference;
  holdTime?: Located<string>;
  keepaliveTime?: Located<string>;
  connectTime?: Located<string>;
  bfdProfile?: Located<string>;
  ebgpMultiHop?: Located<boolean>;
  enableGracefulRestart?: Located<boolean>;
  disableMP?: Located<boolean>;
  dualStackAddressFamily?: Located<boolean>;
  localASN?: Located<number>;
  /** Absent when the YAML has no list (the API server then defaults it to `[unicast]`). */
  addressFamilies?: Located<string>[];
  toReceive?: { allowed?: FrrK8sReceiveSelector; range: OffsetRange };
  toAdvertise?: {
    allowed?: FrrK8sAdvertiseSelector;
    nextHop?: FrrK8sNextHop;
    withLocalPref: FrrK8sLocalPrefPrefixes[];
    withCommunity: FrrK8sCommunityPrefixes[];
    range: OffsetRange;
  };
  range: OffsetRange;
}

/** An `evpn.l2vnis[]` item or `evpn.l3vni`: a VNI with its route distinguisher and route targets. */
export interface FrrK8sVni {
  vni?: Located<number>;
  rd?: Located<string>;
  importRTs: Located<string>[];
  exportRTs: Located<string>[];
  range: OffsetRange;
}

/** A router's `evpn` section. */
export interface FrrK8sEvpn {
  /** `All` or `Disabled`; absent means disabled. */
  advertiseVNIs?: Located<string>;
  advertiseSVI?: Located<boolean>;
  l2vnis: FrrK8sVni[];
  l3vni?: FrrK8sVni & { advertisePrefixes: Located<string>[] };
  range: OffsetRange;
}

export interface FrrK8sRouter {
  asn?: Located<number>;
  id?: Located<string>;
  vrf?: Located<string>;
  neighbors: FrrK8sNeighbor[];
  prefixes: Located<string>[];
  /** `imports[]`: the VRFs whose routes this router imports. */
  imports: { vrf?: Located<string>; range: OffsetRange }[];
  evpn?: FrrK8sEvpn;
  range: OffsetRange;
}

export interface FRRConfiguration extends ResourceBase {
  kind: 'FRRConfiguration';
  spec: {
    routers: FrrK8sRouter[];
    bfdProfiles: (BFDProfileSettings & { name?: Located<string>; range: OffsetRange })[];
    raw?: {
      /** The FRR text, with its exact offset map into the YAML file. */
      rawConfig?: Located<string> & { embedded: EmbeddedText };
      priority?: Located<number>;
      range: OffsetRange;
    };
    nodeSelector?: LabelSelector;
  };
}

export type Resource =
  | BGPPeer
  | IPAddressPool
  | BGPAdvertisement
  | L2Advertisement
  | Community
  | BFDProfile
  | BgpExtrasConfigMap
  | LegacyConfigMap
  | Secret
  | Node
  | Service
  | FRRConfiguration;

export const METALLB_API_GROUP = 'metallb.io';
export const FRRK8S_API_GROUP = 'frrk8s.metallb.io';

/** Name of a resource, or '' when metadata.name is missing. */
export function resourceName(resource: Resource): string {
  return resource.metadata.name?.value ?? '';
}

/** Labels as a plain map, for selector evaluation. */
export function plainLabels(labels: Record<string, Located<string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, located] of Object.entries(labels)) out[key] = located.value;
  return out;
}
