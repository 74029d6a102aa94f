/**
 * BFDProfile CRs → the internal config's BFD profiles (MetalLB `bfdProfileFromCR`): every profile
 * of the namespace, referenced or not, ordered by name, with MetalLB's value ranges enforced.
 */
import type { InternalBfdProfile } from '../internal';
import type { BfdProfileInput } from './inputs';

const RANGES: { key: 'detectMultiplier' | 'receiveInterval' | 'transmitInterval' | 'minimumTtl' | 'echoInterval'; min: number; max: number; what: string }[] = [
  { key: 'detectMultiplier', min: 2, max: 255, what: 'detect multiplier' },
  { key: 'receiveInterval', min: 10, max: 60000, what: 'receive interval' },
  { key: 'transmitInterval', min: 10, max: 60000, what: 'transmit interval' },
  { key: 'minimumTtl', min: 1, max: 254, what: 'minimum ttl' },
  { key: 'echoInterval', min: 10, max: 60000, what: 'echo interval' },
];

export function buildBfdProfiles(inputs: BfdProfileInput[]): { profiles: InternalBfdProfile[]; errors: string[] } {
  const profiles: InternalBfdProfile[] = [];
  const errors: string[] = [];
  inputs.forEach((input, i) => {
    if (input.name === '') {
      errors.push(`parsing bfd profile #${i + 1}: missing bfd profile name`);
      return;
    }
    if (profiles.some((p) => p.name === input.name)) {
      errors.push(`found duplicate bfd profile name ${input.name}`);
      return;
    }
    const profile: InternalBfdProfile = { name: input.name, echoMode: input.echoMode, passiveMode: input.passiveMode };
    for (const { key, min, max, what } of RANGES) {
      const value = input[key];
      if (value === undefined) continue;
      if (value < min || value > max) {
        errors.push(`parsing bfd profile ${input.name}: invalid ${what} value ${value}, must be in ${min}-${max} range`);
        return;
      }
      profile[key] = value;
    }
    profiles.push(profile);
  });
  profiles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { profiles, errors };
}
