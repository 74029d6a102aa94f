/** Applying text edits: what `frr-lint fix` and the tests use to check that a fix does what it says. */
import type { Finding, TextEdit } from './types';

/** Applies non-overlapping edits; an edit overlapping an earlier-accepted one is skipped and returned. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const accepted: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.range.start < lastEnd || edit.range.start > edit.range.end || edit.range.end > text.length) skipped.push(edit);
    else {
      accepted.push(edit);
      lastEnd = Math.max(edit.range.end, edit.range.start + (edit.range.end === edit.range.start ? 1 : 0));
    }
  }
  let out = '';
  let cursor = 0;
  for (const edit of accepted) {
    out += text.slice(cursor, edit.range.start) + edit.newText;
    cursor = edit.range.end;
  }
  return { text: out + text.slice(cursor), skipped };
}

/**
 * The edits of every safe fix among `findings`, grouped by document. A fix whose edits would
 * collide with another fix's is left for the next round, so each round applies a consistent set.
 */
export function safeFixEdits(findings: readonly Finding[], documentUri: string): Map<string, TextEdit[]> {
  const byUri = new Map<string, TextEdit[]>();
  const taken = new Map<string, { start: number; end: number }[]>();
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.safe);
    if (!fix) continue;
    const edits = fix.edits.map((edit) => ({ ...edit, uri: edit.uri ?? finding.uri ?? documentUri }));
    const collides = edits.some((edit) =>
      (taken.get(edit.uri) ?? []).some((range) => edit.range.start < range.end && range.start < edit.range.end || edit.range.start === range.start),
    );
    if (collides) continue;
    for (const edit of edits) {
      const uri = edit.uri;
      taken.set(uri, [...(taken.get(uri) ?? []), edit.range]);
      byUri.set(uri, [...(byUri.get(uri) ?? []), edit]);
    }
  }
  return byUri;
}
