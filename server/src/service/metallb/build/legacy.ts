/**
 * The pre-0.13 ConfigMap `config` turned into the same inputs as the CRs, the way MetalLB's
 * `configmaptocrs` converts it: peers named `peer1…`, hold time 90s and keepalive hold/3 when
 * unset, one advertisement `bgpadvertisement<N>` per listed advertisement (or an empty one for a
 * `bgp` pool without any), all community aliases in one Community.
 */
import type { LegacyConfigMap, Located } from '../../k8s/resources';
import { parseGoDuration } from '../../k8s/duration';
import { NANOS_PER_SECOND } from './timers';
import type { AdvertisementInput, BfdProfileInput, MetallbInputs, PeerInput, PoolInput } from './inputs';
import { DEFAULT_PEER_PORT } from './inputs';

const DEFAULT_LEGACY_HOLD_NANOS = 90 * NANOS_PER_SECOND;

function roundedSeconds(nanos: number): number {
  return Math.trunc(nanos / NANOS_PER_SECOND) * NANOS_PER_SECOND;
}

function legacyTimers(
  hold: Located<string> | undefined,
  keepalive: Located<string> | undefined,
): { holdTime: string; keepaliveTime: string } | string {
  let holdNanos = DEFAULT_LEGACY_HOLD_NANOS;
  if (hold && hold.value !== '') {
    const parsed = parseGoDuration(hold.value);
    if (!parsed.ok) return `invalid hold time "${hold.value}": ${parsed.error}`;
    holdNanos = roundedSeconds(parsed.nanoseconds);
    if (holdNanos !== 0 && holdNanos < 3 * NANOS_PER_SECOND) {
      return `invalid hold time "${hold.value}": must be 0 or >=3s`;
    }
  }
  let keepaliveNanos = Math.trunc(holdNanos / 3);
  if (keepalive && keepalive.value !== '') {
    const parsed = parseGoDuration(keepalive.value);
    if (!parsed.ok) return `invalid keepalive time "${keepalive.value}": ${parsed.error}`;
    keepaliveNanos = roundedSeconds(parsed.nanoseconds);
  }
  return { holdTime: `${holdNanos}ns`, keepaliveTime: `${keepaliveNanos}ns` };
}

export interface LegacyInputs {
  peers: PeerInput[];
  pools: PoolInput[];
  advertisements: AdvertisementInput[];
  communities: MetallbInputs['communities'];
  bfdProfiles: BfdProfileInput[];
  errors: string[];
}

export function inputsFromLegacyConfigMap(configMap: LegacyConfigMap): LegacyInputs {
  const out: LegacyInputs = { peers: [], pools: [], advertisements: [], communities: [], bfdProfiles: [], errors: [] };
  const config = configMap.config;
  if (!config) {
    out.errors.push('ConfigMap config has no "config" key');
    return out;
  }
  for (const unknown of config.unknownKeys) {
    out.errors.push(`field ${unknown.key.value} not found in type ${unknown.goType}`);
  }
  config.peers.forEach((p, i) => {
    const timers = legacyTimers(p.holdTime, p.keepaliveTime);
    if (typeof timers === 'string') {
      out.errors.push(`peer #${i + 1}: ${timers}`);
      return;
    }
    out.peers.push({
      name: `peer${i + 1}`,
      apiVersion: 'legacy',
      myASN: p.myASN?.value ?? 0,
      peerASN: p.peerASN?.value ?? 0,
      dynamicASN: '',
      localASN: 0,
      address: p.peerAddress?.value ?? '',
      iface: '',
      port: p.peerPort?.value || DEFAULT_PEER_PORT,
      sourceAddress: p.sourceAddress?.value ?? '',
      routerID: p.routerID?.value ?? '',
      holdTime: timers.holdTime,
      keepaliveTime: timers.keepaliveTime,
      password: p.password?.value ?? '',
      passwordSecret: '',
      bfdProfile: p.bfdProfile?.value ?? '',
      ebgpMultiHop: p.ebgpMultiHop?.value ?? false,
      vrf: '',
      // A legacy node selector has the shape of a LabelSelector.
      nodeSelectors: p.nodeSelectors,
      gracefulRestart: false,
      disableMP: false,
      dualStackAddressFamily: false,
    });
  });
  let adIndex = 1;
  for (const pool of config.addressPools) {
    const name = pool.name?.value ?? '';
    out.pools.push({ name, labels: {}, addresses: pool.addresses.map((a) => a.value) });
    const base = {
      ipAddressPools: [name],
      ipAddressPoolSelectors: [],
      serviceSelectors: [],
      peers: [],
      nodeSelectors: [],
    };
    for (const ad of pool.bgpAdvertisements) {
      out.advertisements.push({
        ...base,
        name: `bgpadvertisement${adIndex++}`,
        aggregationLength: ad.aggregationLength?.value ?? 32,
        aggregationLengthV6: ad.aggregationLengthV6?.value ?? 128,
        localPref: ad.localPref?.value ?? 0,
        communities: ad.communities.map((c) => c.value),
      });
    }
    if (pool.bgpAdvertisements.length === 0 && pool.protocol?.value === 'bgp') {
      out.advertisements.push({
        ...base,
        name: `bgpadvertisement${adIndex++}`,
        aggregationLength: 32,
        aggregationLengthV6: 128,
        localPref: 0,
        communities: [],
      });
    }
  }
  for (const [name, value] of Object.entries(config.bgpCommunities)) out.communities.push({ name, value: value.value });
  for (const b of config.bfdProfiles) {
    out.bfdProfiles.push({
      name: b.name?.value ?? '',
      receiveInterval: b.receiveInterval?.value,
      transmitInterval: b.transmitInterval?.value,
      detectMultiplier: b.detectMultiplier?.value,
      echoInterval: b.echoInterval?.value,
      echoMode: b.echoMode?.value ?? false,
      passiveMode: b.passiveMode?.value ?? false,
      minimumTtl: b.minimumTtl?.value,
    });
  }
  return out;
}
