/**
 * MetalLB in frr-k8s mode: the FRRConfiguration its speaker generates for one node from its internal
 * config (metallb `internal/bgp/frrk8s` `updateConfig`). Key order and omitted fields follow Go's
 * JSON encoding of the frr-k8s API types so that `frrConfigurationJson` matches MetalLB's goldens.
 */
import type { InternalBfdProfile, InternalConfig, InternalSession } from '../internal';
import type { BfdProfileSpec, CommunityPrefixes, FrrConfigurationObject, LocalPrefPrefixes, NeighborSpec, RouterSpec } from './api';
import { goDuration } from './duration';
import { compare } from './render';

export interface GeneratedConfigTarget {
  /** The node the speaker runs on (`kubernetes.io/hostname`). */
  node: string;
  /** Namespace frr-k8s watches for FRRConfigurations (MetalLB's own namespace by default). */
  namespace: string;
}

interface RouterAccumulator {
  spec: RouterSpec;
  neighbors: Map<string, NeighborSpec>;
  prefixes: Set<string>;
}

export function configName(node: string): string {
  return `metallb-${node}`;
}

export function frrConfigurationFromInternal(config: InternalConfig, target: GeneratedConfigTarget): FrrConfigurationObject {
  const routers = new Map<string, RouterAccumulator>();
  for (const session of config.sessions) {
    const routerKey = `${session.myASN}@${session.routerID}@${session.vrf}`;
    let router = routers.get(routerKey);
    if (!router) {
      const spec: RouterSpec = { asn: session.myASN };
      if (session.routerID !== '') spec.id = session.routerID;
      if (session.vrf !== '') spec.vrf = session.vrf;
      router = { spec, neighbors: new Map(), prefixes: new Set() };
      routers.set(routerKey, router);
    }
    const asn = session.dynamicASN !== '' ? session.dynamicASN : String(session.peerASN);
    const neighborKey = `${asn}@${session.peerAddress !== '' ? session.peerAddress : session.peerInterface}@${session.vrf}`;
    const neighbor = router.neighbors.get(neighborKey) ?? neighborFromSession(session);
    addAdvertisements(neighbor, session, router.prefixes);
    router.neighbors.set(neighborKey, neighbor);
  }

  const routerSpecs: RouterSpec[] = [];
  for (const key of [...routers.keys()].sort(compare)) {
    const router = routers.get(key);
    if (!router) continue;
    const spec: RouterSpec = { ...router.spec };
    const neighbors = [...router.neighbors.keys()].sort(compare).map((k) => router.neighbors.get(k) as NeighborSpec);
    if (neighbors.length > 0) spec.neighbors = neighbors;
    if (router.prefixes.size > 0) spec.prefixes = [...router.prefixes].sort(compare);
    routerSpecs.push(spec);
  }
  const bfdProfiles = [...config.bfdProfiles].sort((a, b) => compare(a.name, b.name)).map(bfdProfileSpec);

  const bgp: { routers?: RouterSpec[]; bfdProfiles?: BfdProfileSpec[] } = {};
  if (routerSpecs.length > 0) bgp.routers = routerSpecs;
  if (bfdProfiles.length > 0) bgp.bfdProfiles = bfdProfiles;
  return {
    metadata: { name: configName(target.node), namespace: target.namespace },
    spec: { bgp, raw: {}, nodeSelector: { matchLabels: { 'kubernetes.io/hostname': target.node } } },
    status: {},
  };
}

/** The object as MetalLB's goldens print it (Go's `json.MarshalIndent` with four spaces). */
export function frrConfigurationJson(object: FrrConfigurationObject): string {
  return JSON.stringify(object, null, 4);
}

function neighborFromSession(s: InternalSession): NeighborSpec {
  const n: NeighborSpec = {};
  if (s.peerASN !== 0) n.asn = s.peerASN;
  if (s.dynamicASN !== '') n.dynamicASN = s.dynamicASN;
  if (s.peerAddress !== '') n.address = s.peerAddress;
  if (s.peerInterface !== '') n.interface = s.peerInterface;
  n.port = s.peerPort;
  if (s.password !== '') n.password = s.password;
  n.passwordSecret = {};
  if (s.holdTime !== undefined) n.holdTime = goDuration(s.holdTime);
  if (s.keepaliveTime !== undefined) n.keepaliveTime = goDuration(s.keepaliveTime);
  if (s.connectTime !== undefined) n.connectTime = goDuration(s.connectTime);
  if (s.ebgpMultiHop) n.ebgpMultiHop = true;
  if (s.bfdProfile !== '') n.bfdProfile = s.bfdProfile;
  if (s.gracefulRestart) n.enableGracefulRestart = true;
  n.toAdvertise = { allowed: {} };
  n.toReceive = { allowed: {} };
  if (s.disableMP) n.disableMP = true;
  if (s.dualStackAddressFamily) n.dualStackAddressFamily = true;
  return n;
}

/** Each session replaces the community and local-pref lists but appends to the allowed prefixes, as MetalLB does. */
function addAdvertisements(n: NeighborSpec, s: InternalSession, routerPrefixes: Set<string>): void {
  const allowed = [...(n.toAdvertise?.allowed?.prefixes ?? [])];
  const byCommunity = new Map<string, string[]>();
  const byLocalPref = new Map<number, string[]>();
  for (const adv of s.advertised) {
    allowed.push(adv.prefix);
    routerPrefixes.add(adv.prefix);
    for (const community of adv.communities) byCommunity.set(community, [...(byCommunity.get(community) ?? []), adv.prefix]);
    if (adv.localPref !== 0) byLocalPref.set(adv.localPref, [...(byLocalPref.get(adv.localPref) ?? []), adv.prefix]);
  }
  const toAdvertise: NonNullable<NeighborSpec['toAdvertise']> = { allowed: {} };
  if (allowed.length > 0) toAdvertise.allowed = { prefixes: allowed.sort(compare) };
  const withLocalPref: LocalPrefPrefixes[] = [...byLocalPref.entries()]
    .sort(([a], [b]) => a - b)
    .map(([localPref, prefixes]) => ({ prefixes: prefixes.sort(compare), localPref }));
  const withCommunity: CommunityPrefixes[] = [...byCommunity.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([community, prefixes]) => ({ prefixes: prefixes.sort(compare), community }));
  if (withLocalPref.length > 0) toAdvertise.withLocalPref = withLocalPref;
  if (withCommunity.length > 0) toAdvertise.withCommunity = withCommunity;
  n.toAdvertise = toAdvertise;
}

function bfdProfileSpec(p: InternalBfdProfile): BfdProfileSpec {
  const spec: BfdProfileSpec = { name: p.name };
  if (p.receiveInterval !== undefined) spec.receiveInterval = p.receiveInterval;
  if (p.transmitInterval !== undefined) spec.transmitInterval = p.transmitInterval;
  if (p.detectMultiplier !== undefined) spec.detectMultiplier = p.detectMultiplier;
  if (p.echoInterval !== undefined) spec.echoInterval = p.echoInterval;
  spec.echoMode = p.echoMode;
  spec.passiveMode = p.passiveMode;
  if (p.minimumTtl !== undefined) spec.minimumTtl = p.minimumTtl;
  return spec;
}
