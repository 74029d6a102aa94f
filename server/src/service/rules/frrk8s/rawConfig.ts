/**
 * frr-k8s `spec.raw.rawConfig`: parsed as FRR on its own (frr-k8s appends it, ordered by
 * priority, after what it renders), with FRR's syntax findings mapped into the YAML, and the
 * overlap checks of the MetalLB extras: inbound lists accepting the announced pools, and
 * route-map entries an earlier one already decides.
 */
import { mapFinding } from '../../k8s/embedded';
import type { Finding } from '../../types';
import { inboundPoolOverlaps, routeMapOrderOverlaps, type BlockIndex, type EmbeddedFrrSource } from '../metallb/extras-overlap';
import type { RawSource } from './rawContext';

export const RAW_OVERLAP_CODE = 'frrk8s/prefix-overlap';

export function checkRawConfigs(raws: readonly RawSource[], blocks: BlockIndex): Finding[] {
  const findings: Finding[] = [];
  for (const raw of raws) {
    const source: EmbeddedFrrSource = { model: raw.model, embedded: raw.embedded, ...(raw.uri !== undefined ? { uri: raw.uri } : {}) };
    for (const finding of raw.parse.findings) {
      const mapped = mapFinding(raw.embedded, finding);
      findings.push(raw.uri !== undefined ? { ...mapped, uri: raw.uri } : mapped);
    }
    findings.push(...inboundPoolOverlaps(source, blocks, RAW_OVERLAP_CODE), ...routeMapOrderOverlaps(source, undefined, RAW_OVERLAP_CODE));
  }
  return findings;
}
