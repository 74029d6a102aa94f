/**
 * FRR text embedded in YAML (`bgpextras` `extras`, frr-k8s `rawConfig`): parsed as FRR on its own,
 * with every finding mapped back into the YAML document through the exact offset map.
 */
import type { Finding, OffsetRange } from '../types';
import type { ParseOptions, ParseResult } from '../frr/syntax';
import type { EmbeddedText } from './embedded-text';

export { extractEmbeddedText, type EmbeddedText, type ScalarStyle } from './embedded-text';

/** The FRR parser's signature (`parseFrr` in frr/parser.ts). */
export type FrrParser = (text: string, options?: ParseOptions) => ParseResult;

export interface EmbeddedFrr {
  embedded: EmbeddedText;
  /** The parse of `embedded.value`; its offsets are offsets into the value, not the YAML. */
  result: ParseResult;
  /** The parser's findings with ranges (and related / fix ranges) in the YAML document. */
  findings: Finding[];
}

export function parseEmbeddedFrr(embedded: EmbeddedText, parse: FrrParser, options?: ParseOptions): EmbeddedFrr {
  const result = parse(embedded.value, options);
  return { embedded, result, findings: result.findings.map((finding) => mapFinding(embedded, finding)) };
}

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
