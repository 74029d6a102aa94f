/**
 * What the rawConfig rules share: findings placed in the FRRConfiguration's YAML with YAML-correct
 * fixes, wording that names the FRRConfiguration and the neighbor, and the merge that turns
 * per-node results into one finding naming its nodes.
 */
import { toYamlEdit } from '../../metallb/extras/yamlEdit';
import type { Finding, Fix, OffsetRange, RelatedLocation, Severity } from '../../types';
import { nodeClause } from '../metallb/extras/shared';
import type { FrrK8sNodeView, RawContext, RawSource } from './rawContext';

/** `FRRConfiguration peers (neighbor 10.0.0.1)`-style wording of who declares a neighbor. */
export function neighborWords(rctx: RawContext, id: string): string {
  const labels = [...new Set((rctx.owners.get(id) ?? []).map((owner) => owner.label))];
  return labels.length > 0 ? `neighbor ${id} (${labels.join(', ')})` : `neighbor ${id}`;
}

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

export interface RawFindingInput {
  code: string;
  severity: Severity;
  /** Range in the raw config's value. */
  range: OffsetRange;
  message: string;
  related?: RelatedLocation[];
  /** Fixes as edits of the raw config's value; a fix whose edits cannot be written in the YAML is dropped. */
  fixes?: { title: string; safe: boolean; edits: { range: OffsetRange; newText: string }[] }[];
}

/** A finding on a raw config's text, moved into the YAML file with YAML-correct fixes. */
export function rawFinding(raw: RawSource, input: RawFindingInput): Finding {
  const finding: Finding = { code: input.code, severity: input.severity, range: raw.embedded.toSourceRange(input.range), message: input.message };
  if (raw.uri !== undefined) finding.uri = raw.uri;
  if (input.related && input.related.length > 0) finding.related = input.related;
  const at = { embedded: raw.embedded, source: raw.file.text, ...(raw.uri !== undefined ? { uri: raw.uri } : {}) };
  const fixes: Fix[] = [];
  for (const fix of input.fixes ?? []) {
    const edits = fix.edits.map((edit) => toYamlEdit(at, edit));
    if (edits.every((edit) => edit !== undefined)) fixes.push({ title: fix.title, safe: fix.safe, edits: edits as NonNullable<(typeof edits)[number]>[] });
  }
  if (fixes.length > 0) finding.fixes = fixes;
  return finding;
}

/**
 * Runs `check` on every node the raw config is appended on and merges equal findings (same code,
 * range and message); one that holds on some nodes only gets those nodes named.
 */
export function onRawNodes(rctx: RawContext, raw: RawSource, check: (view: FrrK8sNodeView) => Finding[]): Finding[] {
  const merged = new Map<string, { finding: Finding; nodes: string[] }>();
  for (const view of raw.nodes) {
    for (const finding of check(view)) {
      const key = `${finding.code}|${finding.range.start}|${finding.range.end}|${finding.message}`;
      const slot = merged.get(key);
      if (slot) slot.nodes.push(view.node);
      else merged.set(key, { finding, nodes: [view.node] });
    }
  }
  const everywhere = rctx.nodes.length;
  return [...merged.values()].map(({ finding, nodes }) =>
    nodes.length === everywhere || rctx.nodes.every((view) => view.synthetic) ? finding : { ...finding, message: `${finding.message} ${nodeClause(nodes)}` },
  );
}

/** Every name-occurrence (definitions and references) of a symbol in a raw config. */
export function occurrenceRanges(raw: RawSource, keys: readonly string[]): OffsetRange[] {
  return keys.flatMap((key) => {
    const entry = raw.model.symbols.get(key);
    return [...(entry?.definitions ?? []), ...(entry?.references ?? [])].map((occurrence) => occurrence.range);
  });
}
