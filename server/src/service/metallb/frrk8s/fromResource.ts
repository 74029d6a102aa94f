/**
 * Adapter from the k8s layer's typed `FRRConfiguration` resource to the merge input: every field
 * of api.ts, so a YAML resource merges and renders as the same spec given as JSON. A field the
 * YAML omits stays absent; an item missing a required member gets Go's zero value, as frr-k8s
 * decodes it. `nodeSelector` is not carried: callers pass only the resources selecting the node.
 */
import type { FRRConfiguration, FrrK8sEvpn, FrrK8sNeighbor, FrrK8sRouter, FrrK8sVni, SecretReference } from '../../k8s/resources';
import type { BfdProfileSpec, EvpnSpec, NeighborSpec, ReceivePrefix, RouterSpec, VniSpec } from './api';
import type { FrrConfigurationInput } from './merge';

export function frrConfigurationInput(resource: FRRConfiguration): FrrConfigurationInput {
  const raw = resource.spec.raw;
  const input: FrrConfigurationInput = {
    name: resource.metadata.name?.value ?? '',
    spec: {
      bgp: {
        routers: resource.spec.routers.map(routerSpec),
        bfdProfiles: resource.spec.bfdProfiles.map(bfdProfileSpec),
      },
    },
    range: resource.kindRange,
  };
  if (resource.uri !== undefined) input.uri = resource.uri;
  if (raw) {
    input.spec.raw = {};
    if (raw.rawConfig) input.spec.raw.rawConfig = raw.rawConfig.value;
    if (raw.priority) input.spec.raw.priority = raw.priority.value;
  }
  return input;
}

function routerSpec(r: FrrK8sRouter): RouterSpec {
  const spec: RouterSpec = { asn: r.asn?.value ?? 0, neighbors: r.neighbors.map(neighborSpec), prefixes: r.prefixes.map((p) => p.value) };
  if (r.id) spec.id = r.id.value;
  if (r.vrf) spec.vrf = r.vrf.value;
  if (r.imports.length > 0) spec.imports = r.imports.map((i) => ({ vrf: i.vrf?.value ?? '' }));
  if (r.evpn) spec.evpn = evpnSpec(r.evpn);
  return spec;
}

function evpnSpec(e: FrrK8sEvpn): EvpnSpec {
  const spec: EvpnSpec = { l2vnis: e.l2vnis.map(vniSpec) };
  if (e.advertiseVNIs) spec.advertiseVNIs = e.advertiseVNIs.value;
  if (e.advertiseSVI) spec.advertiseSVI = e.advertiseSVI.value;
  if (e.l3vni) spec.l3vni = { ...vniSpec(e.l3vni), advertisePrefixes: e.l3vni.advertisePrefixes.map((p) => p.value) };
  return spec;
}

function vniSpec(v: FrrK8sVni): VniSpec {
  const spec: VniSpec = { vni: v.vni?.value ?? 0, importRTs: v.importRTs.map((rt) => rt.value), exportRTs: v.exportRTs.map((rt) => rt.value) };
  if (v.rd) spec.rd = v.rd.value;
  return spec;
}

function neighborSpec(n: FrrK8sNeighbor): NeighborSpec {
  const spec: NeighborSpec = {};
  if (n.asn) spec.asn = n.asn.value;
  if (n.dynamicASN) spec.dynamicASN = n.dynamicASN.value;
  if (n.address) spec.address = n.address.value;
  if (n.interface) spec.interface = n.interface.value;
  if (n.port) spec.port = n.port.value;
  if (n.sourceaddress) spec.sourceaddress = n.sourceaddress.value;
  if (n.password) spec.password = n.password.value;
  if (n.holdTime) spec.holdTime = n.holdTime.value;
  if (n.keepaliveTime) spec.keepaliveTime = n.keepaliveTime.value;
  if (n.connectTime) spec.connectTime = n.connectTime.value;
  if (n.bfdProfile) spec.bfdProfile = n.bfdProfile.value;
  if (n.ebgpMultiHop) spec.ebgpMultiHop = n.ebgpMultiHop.value;
  if (n.enableGracefulRestart) spec.enableGracefulRestart = n.enableGracefulRestart.value;
  if (n.disableMP) spec.disableMP = n.disableMP.value;
  if (n.dualStackAddressFamily) spec.dualStackAddressFamily = n.dualStackAddressFamily.value;
  if (n.localASN) spec.localASN = n.localASN.value;
  if (n.addressFamilies) spec.addressFamilies = n.addressFamilies.map((f) => f.value);
  if (n.passwordSecret) spec.passwordSecret = secretSpec(n.passwordSecret);
  if (n.toAdvertise) spec.toAdvertise = toAdvertiseSpec(n.toAdvertise);
  const receive = n.toReceive?.allowed;
  if (receive) {
    const prefixes = receive.prefixes.map((p) => {
      const item: ReceivePrefix = { prefix: p.prefix?.value ?? '' };
      if (p.ge) item.ge = p.ge.value;
      if (p.le) item.le = p.le.value;
      return item;
    });
    spec.toReceive = { allowed: { mode: receive.mode?.value, prefixes } };
  }
  return spec;
}

function toAdvertiseSpec(a: NonNullable<FrrK8sNeighbor['toAdvertise']>): NonNullable<NeighborSpec['toAdvertise']> {
  const spec: NonNullable<NeighborSpec['toAdvertise']> = {};
  if (a.allowed) spec.allowed = { mode: a.allowed.mode?.value, prefixes: a.allowed.prefixes.map((p) => p.value) };
  if (a.nextHop) {
    spec.nextHop = {};
    if (a.nextHop.ipv4) spec.nextHop.ipv4 = a.nextHop.ipv4.value;
    if (a.nextHop.ipv6) spec.nextHop.ipv6 = a.nextHop.ipv6.value;
  }
  if (a.withLocalPref.length > 0) {
    spec.withLocalPref = a.withLocalPref.map((l) => ({ prefixes: l.prefixes.map((p) => p.value), localPref: l.localPref?.value ?? 0 }));
  }
  if (a.withCommunity.length > 0) {
    spec.withCommunity = a.withCommunity.map((c) => ({ prefixes: c.prefixes.map((p) => p.value), community: c.community?.value ?? '' }));
  }
  return spec;
}

function secretSpec(ref: SecretReference): NonNullable<NeighborSpec['passwordSecret']> {
  const spec: NonNullable<NeighborSpec['passwordSecret']> = {};
  if (ref.name) spec.name = ref.name.value;
  if (ref.namespace) spec.namespace = ref.namespace.value;
  return spec;
}

function bfdProfileSpec(p: FRRConfiguration['spec']['bfdProfiles'][number]): BfdProfileSpec {
  const spec: BfdProfileSpec = { name: p.name?.value ?? '' };
  for (const key of ['receiveInterval', 'transmitInterval', 'detectMultiplier', 'echoInterval', 'minimumTtl'] as const) {
    const located = p[key];
    if (located) spec[key] = located.value;
  }
  if (p.echoMode) spec.echoMode = p.echoMode.value;
  if (p.passiveMode) spec.passiveMode = p.passiveMode.value;
  return spec;
}
