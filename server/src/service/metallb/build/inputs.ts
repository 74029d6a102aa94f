/**
 * What MetalLB's speaker reads from the cluster, reduced to plain values: the CRs (or the legacy
 * ConfigMap converted like `configmaptocrs` does), Secrets, Nodes and Services. Both input forms
 * meet here so the rest of the build has one code path. API-server defaulting is applied here.
 */
import type { LabelSelector, Located, Resource } from '../../k8s/resources';
import { plainLabels, resourceName } from '../../k8s/resources';
import type { InternalBfdProfile } from '../internal';

export interface PeerInput {
  name: string;
  /** v1beta1 peers go through MetalLB's conversion webhook, which always sets both timers. */
  apiVersion: 'v1beta1' | 'v1beta2' | 'legacy';
  myASN: number;
  peerASN: number;
  dynamicASN: string;
  localASN: number;
  address: string;
  iface: string;
  port: number;
  sourceAddress: string;
  routerID: string;
  /** Go duration text; undefined when unset (MetalLB's nil pointer). */
  holdTime?: string;
  keepaliveTime?: string;
  connectTime?: string;
  password: string;
  passwordSecret: string;
  bfdProfile: string;
  ebgpMultiHop: boolean;
  vrf: string;
  nodeSelectors: LabelSelector[];
  gracefulRestart: boolean;
  disableMP: boolean;
  dualStackAddressFamily: boolean;
}

export interface PoolInput {
  name: string;
  labels: Record<string, string>;
  addresses: string[];
}

export interface AdvertisementInput {
  name: string;
  ipAddressPools: string[];
  ipAddressPoolSelectors: LabelSelector[];
  serviceSelectors: LabelSelector[];
  aggregationLength: number;
  aggregationLengthV6: number;
  localPref: number;
  communities: string[];
  peers: string[];
  nodeSelectors: LabelSelector[];
}

export interface CommunityAliasInput {
  name: string;
  value: string;
}

/** A BFDProfile as MetalLB reads it: the same fields its internal config carries. */
export type BfdProfileInput = InternalBfdProfile;

export interface SecretInput {
  type: string;
  values: Record<string, string>;
}

export interface NodeInput {
  name: string;
  labels: Record<string, string>;
}

export interface ServiceInput {
  /** `namespace/name`, MetalLB's service key. */
  key: string;
  labels: Record<string, string>;
  type: string;
  loadBalancerClass: string;
  externalTrafficPolicy: string;
  /** `status.loadBalancer.ingress[].ip`, what the speaker announces. */
  ingressIPs: string[];
  /** IPs the Service asks the MetalLB controller for (annotation or `spec.loadBalancerIP`). */
  requestedIPs: string[];
}

export interface MetallbInputs {
  peers: PeerInput[];
  pools: PoolInput[];
  advertisements: AdvertisementInput[];
  communities: CommunityAliasInput[];
  bfdProfiles: BfdProfileInput[];
  /** Secrets of the MetalLB namespace by name (MetalLB looks password secrets up by name only). */
  secrets: Map<string, SecretInput>;
  nodes: NodeInput[];
  services: ServiceInput[];
  /** `bgpextras` ConfigMap `extras`, undefined when there is no such ConfigMap. */
  extras?: string;
}

export const DEFAULT_PEER_PORT = 179;

const str = (v: Located<string> | undefined): string => v?.value ?? '';
const num = (v: Located<number> | undefined): number => v?.value ?? 0;
const bool = (v: Located<boolean> | undefined): boolean => v?.value ?? false;

/** The Kubernetes API lists objects ordered by name; MetalLB sees them in that order. */
function byName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface ResourceInputs {
  inputs: MetallbInputs;
  /** Objects that were ignored, and why. */
  notes: string[];
}

/** The MetalLB CRs (≥ v0.13) in `namespace` plus Nodes and Services. */
export function inputsFromResources(resources: readonly Resource[], namespace: string): ResourceInputs {
  const notes: string[] = [];
  const inputs: MetallbInputs = {
    peers: [],
    pools: [],
    advertisements: [],
    communities: [],
    bfdProfiles: [],
    secrets: new Map(),
    nodes: [],
    services: [],
  };
  const communityResources: { name: string; aliases: CommunityAliasInput[] }[] = [];
  // MetalLB only lists its own namespace; an object without one would be created in it by the webhook-validated path.
  const inNamespace = (r: Resource): boolean => {
    const ns = r.metadata.namespace?.value;
    if (ns === undefined || ns === namespace) return true;
    notes.push(`${r.kind} ${resourceName(r)} is in namespace ${ns}, not ${namespace}: MetalLB does not read it`);
    return false;
  };
  for (const r of resources) {
    switch (r.kind) {
      case 'BGPPeer': {
        if (!inNamespace(r)) break;
        const s = r.spec;
        inputs.peers.push({
          name: resourceName(r),
          apiVersion: r.version === 'v1beta1' ? 'v1beta1' : 'v1beta2',
          myASN: num(s.myASN),
          peerASN: num(s.peerASN),
          dynamicASN: str(s.dynamicASN),
          localASN: num(s.localASN),
          address: str(s.peerAddress),
          iface: str(s.interface),
          port: s.peerPort?.value || DEFAULT_PEER_PORT,
          sourceAddress: str(s.sourceAddress),
          routerID: str(s.routerID),
          holdTime: s.holdTime?.value,
          keepaliveTime: s.keepaliveTime?.value,
          connectTime: s.connectTime?.value,
          password: str(s.password),
          passwordSecret: str(s.passwordSecret?.name),
          bfdProfile: str(s.bfdProfile),
          ebgpMultiHop: bool(s.ebgpMultiHop),
          vrf: str(s.vrf),
          nodeSelectors: s.nodeSelectors ?? [],
          gracefulRestart: bool(s.enableGracefulRestart),
          disableMP: bool(s.disableMP),
          dualStackAddressFamily: bool(s.dualStackAddressFamily),
        });
        break;
      }
      case 'IPAddressPool':
        if (!inNamespace(r)) break;
        inputs.pools.push({
          name: resourceName(r),
          labels: plainLabels(r.metadata.labels),
          addresses: r.spec.addresses.map((a) => a.value),
        });
        break;
      case 'BGPAdvertisement': {
        if (!inNamespace(r)) break;
        const s = r.spec;
        inputs.advertisements.push({
          name: resourceName(r),
          ipAddressPools: s.ipAddressPools.map((p) => p.value),
          ipAddressPoolSelectors: s.ipAddressPoolSelectors,
          serviceSelectors: s.serviceSelectors,
          aggregationLength: s.aggregationLength?.value ?? 32,
          aggregationLengthV6: s.aggregationLengthV6?.value ?? 128,
          localPref: num(s.localPref),
          communities: s.communities.map((c) => c.value),
          peers: s.peers.map((p) => p.value),
          nodeSelectors: s.nodeSelectors,
        });
        break;
      }
      case 'Community':
        if (!inNamespace(r)) break;
        communityResources.push({
          name: resourceName(r),
          aliases: r.spec.communities.map((a) => ({ name: str(a.name), value: str(a.value) })),
        });
        break;
      case 'BFDProfile': {
        if (!inNamespace(r)) break;
        const s = r.spec;
        inputs.bfdProfiles.push({
          name: resourceName(r),
          receiveInterval: s.receiveInterval?.value,
          transmitInterval: s.transmitInterval?.value,
          detectMultiplier: s.detectMultiplier?.value,
          echoInterval: s.echoInterval?.value,
          echoMode: bool(s.echoMode),
          passiveMode: bool(s.passiveMode),
          minimumTtl: s.minimumTtl?.value,
        });
        break;
      }
      case 'Secret':
        if (r.metadata.namespace !== undefined && r.metadata.namespace.value !== namespace) break;
        inputs.secrets.set(resourceName(r), { type: str(r.type), values: plainLabels(r.values) });
        break;
      case 'ConfigMap':
        if (r.configMap === 'bgpextras' && inNamespace(r)) inputs.extras = r.extras?.value ?? '';
        break;
      case 'Node':
        inputs.nodes.push({ name: resourceName(r), labels: plainLabels(r.metadata.labels) });
        break;
      case 'Service':
        inputs.services.push({
          key: `${r.metadata.namespace?.value ?? 'default'}/${resourceName(r)}`,
          labels: plainLabels(r.metadata.labels),
          type: r.spec.type?.value ?? 'ClusterIP',
          loadBalancerClass: str(r.spec.loadBalancerClass),
          externalTrafficPolicy: str(r.spec.externalTrafficPolicy),
          ingressIPs: r.ingressIPs.map((ip) => ip.value),
          requestedIPs:
            r.annotationIPs.length > 0
              ? r.annotationIPs.map((ip) => ip.value)
              : r.spec.loadBalancerIP
                ? [r.spec.loadBalancerIP.value]
                : [],
        });
        break;
      default:
        break;
    }
  }
  byName(inputs.peers);
  byName(inputs.pools);
  byName(inputs.advertisements);
  byName(inputs.bfdProfiles);
  for (const c of byName(communityResources)) inputs.communities.push(...c.aliases);
  inputs.services.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { inputs, notes };
}
