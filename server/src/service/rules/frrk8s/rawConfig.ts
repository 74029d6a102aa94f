/**
 * frr-k8s `spec.raw.rawConfig`: parsed as FRR on its own (frr-k8s appends it, ordered by
 * priority, after what it renders), with FRR's syntax findings mapped into the YAML, and the
 * overlap checks of the MetalLB extras: inbound lists accepting the announced pools, and
 * route-map entries an earlier one already decides.
 */
import { buildModel } from '../../frr/model';
import { parseFrr } from '../../frr/parser';
import { mapFinding } from '../../k8s/embedded';
import type { ManifestFile } from '../../k8s/resources';
import type { Finding, FrrVersion } from '../../types';
import { inboundPoolOverlaps, routeMapOrderOverlaps, type BlockIndex, type EmbeddedFrrSource } from '../metallb/extras-overlap';

export const RAW_OVERLAP_CODE = 'frrk8s/prefix-overlap';

export function checkRawConfigs(files: readonly ManifestFile[], blocks: BlockIndex, frrVersion: FrrVersion): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    for (const resource of file.resources) {
      if (resource.kind !== 'FRRConfiguration') continue;
      const raw = resource.spec.raw?.rawConfig;
      if (!raw || raw.value.trim() === '') continue;
      const uri = resource.uri ?? file.uri;
      const parse = parseFrr(raw.embedded.value, { frrVersion });
      const source: EmbeddedFrrSource = { model: buildModel(parse), embedded: raw.embedded, ...(uri !== undefined ? { uri } : {}) };
      for (const finding of parse.findings) {
        const mapped = mapFinding(raw.embedded, finding);
        findings.push(uri !== undefined ? { ...mapped, uri } : mapped);
      }
      findings.push(...inboundPoolOverlaps(source, blocks, RAW_OVERLAP_CODE), ...routeMapOrderOverlaps(source, undefined, RAW_OVERLAP_CODE));
    }
  }
  return findings;
}
