/**
 * FRR text embedded in YAML (`bgpextras` `extras`, frr-k8s `rawConfig`), parsed as FRR on its own
 * (`parseEmbedded` in metallb/extras/context.ts): its findings are mapped back into the YAML
 * document through the exact offset map.
 */
import type { Finding, OffsetRange } from '../types';
import type { EmbeddedText } from './embedded-text';

export { extractEmbeddedText, type EmbeddedText, type ScalarStyle } from './embedded-text';

/** A finding on the embedded text, moved into the YAML document (ranges of other documents kept). */
export function mapFinding(embedded: EmbeddedText, finding: Finding): Finding {
  const toSource = (range: OffsetRange) => embedded.toSourceRange(range);
  const mapped: Finding = { ...finding, range: toSource(finding.range) };
  if (finding.related) {
    mapped.related = finding.related.map((related) => (related.uri ? related : { ...related, range: toSource(related.range) }));
  }
  if (finding.fixes) {
    mapped.fixes = finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => (edit.uri ? edit : { ...edit, range: toSource(edit.range) })),
    }));
  }
  return mapped;
}
