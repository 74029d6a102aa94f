/**
 * Adapter from the k8s layer's typed `FRRConfiguration` resource to the merge input. The resource
 * type does not carry every CRD field (no `withCommunity`/`withLocalPref`, `ge`/`le`, `imports`):
 * those are absent from the merge until the reader grows them.
 */
import type { FRRConfiguration, FrrK8sNeighbor, FrrK8sRouter } from '../../k8s/resources';
import type { BfdProfileSpec, NeighborSpec, RouterSpec } from './api';
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
  const advertise = n.toAdvertise?.allowed;
  if (advertise) spec.toAdvertise = { allowed: { mode: advertise.mode?.value, prefixes: advertise.prefixes.map((p) => p.value) } };
  const receive = n.toReceive?.allowed;
  if (receive) spec.toReceive = { allowed: { mode: receive.mode?.value, prefixes: receive.prefixes.map((p) => ({ prefix: p.value })) } };
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
