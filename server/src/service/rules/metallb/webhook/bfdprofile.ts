/**
 * BFDProfile checks of `bfdProfilesFor` (value ranges, unique names) and of `validateConfig`:
 * echo mode cannot be used by a peer that announces an IPv6 pool.
 */
import type { Finding } from '../../../types';
import type { BFDProfileSettings, Located } from '../../../k8s/resources';
import { nameOf, objectRange, webhookError, type WebhookContext } from './context';
import { advertisementPools } from './bgpadvertisement';
import { poolAddresses } from './pools';

/** In `bfdProfileFromCR`'s order; the first failure is the one MetalLB reports. */
const RANGES: { field: keyof BFDProfileSettings; min: number; max: number; what: string }[] = [
  { field: 'detectMultiplier', min: 2, max: 255, what: 'invalid detect multiplier value' },
  { field: 'receiveInterval', min: 10, max: 60000, what: 'invalid receive interval value' },
  { field: 'transmitInterval', min: 10, max: 60000, what: 'invalid transmit interval value' },
  { field: 'minimumTtl', min: 1, max: 254, what: 'invalid minimum ttl value' },
  { field: 'echoInterval', min: 10, max: 60000, what: 'invalid echo interval value' },
];

export function checkBfdProfiles(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  context.bfdProfiles.forEach((profile, index) => {
    const prefix = `parsing bfd profile #${index + 1}: `;
    if (nameOf(profile) === '') {
      findings.push(webhookError(profile, objectRange(profile), `${prefix}missing bfd profile name`));
      return;
    }
    for (const { field, min, max, what } of RANGES) {
      const value = profile.spec[field] as Located<number> | undefined;
      if (value && (value.value < min || value.value > max)) {
        findings.push(webhookError(profile, value.range, `${prefix}invalid value ${value.value}, must be in ${min}-${max} range\n${what}`));
        return;
      }
    }
    if (seen.has(nameOf(profile))) {
      findings.push(webhookError(profile, objectRange(profile), `found duplicate bfd profile name ${nameOf(profile)}`));
    }
    seen.add(nameOf(profile));
  });
  return findings;
}

export function checkBfdEchoOnIPv6(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const echoProfiles = new Set(context.bfdProfiles.filter((p) => p.spec.echoMode?.value === true).map(nameOf));
  const echoPeers = context.peers.filter((peer) => echoProfiles.has(peer.spec.bfdProfile?.value ?? ''));
  if (echoPeers.length === 0) return findings;
  for (const advertisement of context.advertisements) {
    for (const pool of advertisementPools(advertisement, context)) {
      const hasV6 = poolAddresses(pool).some(({ cidrs }) => cidrs.some((cidr) => cidr.ip.v6));
      if (!hasV6) continue;
      const named = advertisement.spec.peers.map((p) => p.value);
      const peer = echoPeers.find((candidate) => named.length === 0 || named.includes(nameOf(candidate)));
      if (!peer) continue;
      const range = advertisement.spec.peers.find((p) => p.value === nameOf(peer))?.range ?? objectRange(advertisement);
      findings.push(
        webhookError(
          advertisement,
          range,
          `pool ${nameOf(pool)} has bgpadvertisement ${nameOf(advertisement)} which references peer ${nameOf(peer)} which has bfd echo enabled, which is not possible`,
        ),
      );
    }
  }
  return findings;
}
