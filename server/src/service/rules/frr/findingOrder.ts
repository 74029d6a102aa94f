/** Findings as the FRR check hands them out: plain data (no live ranges), in one total order. */
import type { Finding, OffsetRange } from '../../types';

function plainRange(range: OffsetRange): OffsetRange {
  return { start: range.start, end: range.end };
}

/** `finding` with its ranges read: the model's ranges follow their lines, a reported range must not move. */
export function plainFinding(finding: Finding): Finding {
  const out: Finding = { code: finding.code, severity: finding.severity, range: plainRange(finding.range), message: finding.message };
  if (finding.uri !== undefined) out.uri = finding.uri;
  if (finding.related) out.related = finding.related.map((related) => ({ ...related, range: plainRange(related.range) }));
  if (finding.fixes) {
    out.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: plainRange(edit.range) })) }));
  }
  return out;
}

/** By offset, then code, then message: the same findings come out in the same order however they were made. */
export function orderFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      a.code.localeCompare(b.code) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
