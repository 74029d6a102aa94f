/**
 * `apiToFRR`'s BFD profile check within one FRRConfiguration: a name declared twice is refused,
 * even with equal settings. Profiles of one name that differ across FRRConfigurations meeting on a
 * node are merge conflicts (`frrk8s/merge-conflict`, metallb/frrk8s/merge.ts).
 */
import type { Finding } from '../../../types';
import { resourceName } from '../../../k8s/resources';
import { webhookFinding, type PlacedConfiguration } from './context';

export function duplicateBfdProfiles(at: PlacedConfiguration): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const profile of at.resource.spec.bfdProfiles) {
    if (!profile.name) continue;
    if (seen.has(profile.name.value)) {
      findings.push(webhookFinding(at, profile.name.range, `duplicate bfd profile name ${profile.name.value} in config ${resourceName(at.resource)}`));
    }
    seen.add(profile.name.value);
  }
  return findings;
}

/** Names declared once each, for neighbors' `bfdProfile` references. */
export function bfdProfileNames(at: PlacedConfiguration): Set<string> {
  return new Set(at.resource.spec.bfdProfiles.flatMap((p) => (p.name ? [p.name.value] : [])));
}
