/**
 * What the rawConfig rules share: findings placed in the FRRConfiguration's YAML with YAML-correct
 * fixes, wording that names the FRRConfiguration and relates the neighbor, and the merge that turns
 * per-node results into one finding naming its nodes.
 */
import { toYamlEdit } from '../../metallb/extras/yamlEdit';
import type { Finding, OffsetRange, RelatedLocation } from '../../types';
import { mergeOnNodes, yamlFixes, type ExtrasFindingInput } from '../metallb/extras/shared';
import type { FrrK8sNodeView, RawContext, RawSource } from '../../metallb/extras/rawContext';

export function neighborRelated(rctx: RawContext, id: string): RelatedLocation[] {
  return (rctx.owners.get(id) ?? []).map((owner) => ({
    ...(owner.uri !== undefined ? { uri: owner.uri } : {}),
    range: owner.range,
    message: `${owner.label} declares neighbor ${id}`,
  }));
}

/** `FRRConfiguration raw1's rawConfig`, as messages start. */
export function rawWords(raw: RawSource): string {
  return `FRRConfiguration ${raw.name || '(unnamed)'}'s rawConfig`;
}

/** What `extrasFinding` takes, with `range` in the raw config's value. */
type RawFindingInput = Omit<ExtrasFindingInput, 'yamlRange'>;

/** A finding on a raw config's text, moved into the YAML file with YAML-correct fixes. */
export function rawFinding(raw: RawSource, input: RawFindingInput): Finding {
  const finding: Finding = { code: input.code, severity: input.severity, range: raw.embedded.toSourceRange(input.range), message: input.message };
  if (raw.uri !== undefined) finding.uri = raw.uri;
  if (input.related && input.related.length > 0) finding.related = input.related;
  const at = { embedded: raw.embedded, source: raw.file.text, ...(raw.uri !== undefined ? { uri: raw.uri } : {}) };
  const fixes = yamlFixes(input.fixes, (edit) => toYamlEdit(at, edit));
  if (fixes.length > 0) finding.fixes = fixes;
  return finding;
}

/**
 * Runs `check` on every node the raw config is appended on and merges equal findings (same code,
 * range and message); one that holds on some nodes only gets those nodes named.
 */
export function onRawNodes(rctx: RawContext, raw: RawSource, check: (view: FrrK8sNodeView) => Finding[]): Finding[] {
  return mergeOnNodes(raw.nodes, rctx.nodes, check);
}

/** Every name-occurrence (definitions and references) of a symbol in a raw config. */
export function occurrenceRanges(raw: RawSource, keys: readonly string[]): OffsetRange[] {
  return keys.flatMap((key) => {
    const entry = raw.model.symbols.get(key);
    return [...(entry?.definitions ?? []), ...(entry?.references ?? [])].map((occurrence) => occurrence.range);
  });
}
