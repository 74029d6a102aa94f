/**
 * Resources + node → the internal config MetalLB's FRR-mode speaker on that node hands to FRR:
 * the sessions of the BGPPeers selecting the node, each with the Service prefixes it advertises,
 * the BFD profiles and the `bgpextras` text. It models a freshly started speaker reaching its steady
 * state; `notes` list what that model assumes (endpoints, runtime state) for the preview header.
 */
import type { Resource, LegacyConfigMap } from '../../k8s/resources';
import type { InternalConfig, InternalSession } from '../internal';
import { selectorError } from '../../k8s/selectors';
import { buildBfdProfiles } from './bfd';
import { inputsFromResources, type MetallbInputs, type NodeInput } from './inputs';
import { inputsFromLegacyConfigMap } from './legacy';
import { peerSelectsNode, sessionForPeer, type PeerSession } from './peers';
import { buildPools } from './pools';
import { planServices } from './services';

export interface BuildOptions {
  /** MetalLB release the cluster runs (`v0.14.9`, `0.13.12`, …); unparsable means the newest. */
  metallbVersion: string;
  /** FRR log level word of `log stdout <level>`. */
  logLevel?: string;
  /** Namespace MetalLB is installed in: its CRs, Secrets and ConfigMaps count only there. */
  namespace?: string;
  /** Announce requested IPs (annotation / `spec.loadBalancerIP`) of Services that have no status IP yet. */
  useRequestedIPs?: boolean;
}

export interface BuildResult {
  config: InternalConfig;
  /** What the preview cannot know or assumed, one sentence each. */
  notes: string[];
  /** Why MetalLB would refuse this configuration (it then keeps the node's previous frr.conf). */
  errors: string[];
}

/** `[major, minor]` of a MetalLB version, or undefined when the text is not one. */
export function parseMetallbVersion(text: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function readsLegacyConfigMap(version: string): boolean {
  const parsed = parseMetallbVersion(version);
  return parsed !== undefined && parsed[0] === 0 && parsed[1] < 13;
}

/** Swaps the CR inputs for the legacy ConfigMap's when MetalLB would read (or the user can only mean) that one. */
function chooseLegacy(
  resources: readonly Resource[],
  inputs: MetallbInputs,
  namespace: string,
  version: string,
  notes: string[],
  errors: string[],
): void {
  const legacy = resources.find(
    (r): r is LegacyConfigMap =>
      r.kind === 'ConfigMap' &&
      r.configMap === 'config' &&
      (r.metadata.namespace === undefined || r.metadata.namespace.value === namespace),
  );
  const hasCRs = inputs.peers.length + inputs.pools.length + inputs.advertisements.length > 0;
  if (readsLegacyConfigMap(version)) {
    if (hasCRs) notes.push(`MetalLB ${version} reads only the ConfigMap "config": the MetalLB CRs are ignored`);
  } else if (!legacy) {
    return;
  } else if (hasCRs) {
    notes.push(`MetalLB ${version} ignores the legacy ConfigMap "config" (replaced by CRs in v0.13)`);
    return;
  } else {
    notes.push(
      `MetalLB ${version} ignores the legacy ConfigMap "config"; shown as its configmaptocrs conversion would configure it`,
    );
  }
  const converted = legacy ? inputsFromLegacyConfigMap(legacy) : undefined;
  if (!converted) errors.push(`MetalLB ${version} is configured by the ConfigMap "config" and there is none`);
  inputs.peers = converted?.peers ?? [];
  inputs.pools = converted?.pools ?? [];
  inputs.advertisements = converted?.advertisements ?? [];
  inputs.communities = converted?.communities ?? [];
  inputs.bfdProfiles = converted?.bfdProfiles ?? [];
  errors.push(...(converted?.errors ?? []));
}

function nodeFor(inputs: MetallbInputs, nodeName: string, notes: string[]): NodeInput {
  const found = inputs.nodes.find((n) => n.name === nodeName);
  if (found) return found;
  const assumed: NodeInput = { name: nodeName, labels: { 'kubernetes.io/hostname': nodeName } };
  notes.push(
    `no Node ${nodeName} in the manifests: assuming its only label is kubernetes.io/hostname=${nodeName} ` +
      `(a real speaker without its Node object renders nothing)`,
  );
  inputs.nodes.push(assumed);
  return assumed;
}

/** FRR mode refuses a node whose peers disagree on routerID, or on myASN within a VRF. */
function crossPeerErrors(sessions: PeerSession[], nodeName: string): string[] {
  const errors: string[] = [];
  const routerIDs = new Set(sessions.map((s) => s.session.routerID));
  if (routerIDs.size > 1) {
    errors.push(`BGPPeers selecting node ${nodeName} have different routerIDs (${[...routerIDs].join(', ') || '""'})`);
  }
  const asnByVrf = new Map<string, Set<number>>();
  for (const { session } of sessions) {
    const set = asnByVrf.get(session.vrf) ?? new Set<number>();
    set.add(session.myASN);
    asnByVrf.set(session.vrf, set);
  }
  for (const [vrf, asns] of asnByVrf) {
    if (asns.size > 1) {
      errors.push(
        `BGPPeers selecting node ${nodeName} in VRF "${vrf}" have different myASN values (${[...asns].join(', ')})`,
      );
    }
  }
  return errors;
}

export function buildInternalConfig(
  resources: readonly Resource[],
  nodeName: string,
  options: BuildOptions,
): BuildResult {
  const namespace = options.namespace ?? 'metallb-system';
  const { inputs, notes } = inputsFromResources(resources, namespace);
  const errors: string[] = [];
  chooseLegacy(resources, inputs, namespace, options.metallbVersion, notes, errors);
  const node = nodeFor(inputs, nodeName, notes);

  const peerSessions: PeerSession[] = [];
  for (const peer of inputs.peers) {
    const badSelector = peer.nodeSelectors.map(selectorError).find((e) => e !== undefined);
    // An invalid selector selects no node, but MetalLB still refuses the configuration over it.
    if (badSelector) errors.push(`parsing peer ${peer.name}: failed to convert node selector: ${badSelector}`);
    if (!peerSelectsNode(peer, node.labels)) continue;
    const session = sessionForPeer(peer, inputs);
    if ('error' in session) errors.push(session.error);
    else peerSessions.push({ peer, session });
    if (peer.disableMP) notes.push(`BGPPeer ${peer.name}: disableMP is deprecated and not modelled here`);
  }
  errors.push(...crossPeerErrors(peerSessions, nodeName));

  const { pools, errors: poolErrors } = buildPools(inputs, inputs.nodes);
  errors.push(...poolErrors);
  const plan = planServices(inputs.services, pools, node, { useRequestedIPs: options.useRequestedIPs ?? true });
  notes.push(...plan.notes);

  const sessions: InternalSession[] = peerSessions.map(({ peer, session }) => ({
    ...session,
    advertised: plan.announced.flatMap((svc) =>
      svc.advertisements
        .filter((ad) => ad.peers.length === 0 || ad.peers.includes(peer.name))
        .map((ad) => ({ prefix: ad.prefix, localPref: ad.localPref, communities: ad.communities })),
    ),
  }));

  const bfd = buildBfdProfiles(inputs.bfdProfiles);
  errors.push(...bfd.errors);
  notes.push(
    `hostname is the node name; MetalLB writes the speaker pod's hostname, which differs when kubelet overrides it`,
  );
  notes.push(
    'this is what a freshly started speaker renders; a running one can differ by history (BFD profiles deleted ' +
      'last stay in its frr.conf) and stops announcing when its Node reports NetworkUnavailable',
  );
  if (errors.length > 0) {
    notes.push('MetalLB would reject this configuration and keep the frr.conf it rendered last; shown best-effort');
  }
  return {
    config: {
      hostname: nodeName,
      logLevel: options.logLevel ?? 'informational',
      sessions,
      bfdProfiles: bfd.profiles,
      extras: inputs.extras ?? '',
    },
    notes,
    errors,
  };
}
