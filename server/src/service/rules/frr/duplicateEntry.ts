/**
 * frr/duplicate-entry: a prefix-list entry with the action, prefix, ge and le of another entry.
 * With an explicit seq bgpd rejects it ("duplicated prefix list value"); without one the CLI
 * drops the line silently (lib/filter_cli.c).
 */
import type { Finding } from '../../types';
import { deleteLine, lineNumber, type FrrRuleContext } from './context';
import { allEntryLines, describeEntry } from './prefixLists';

export const CODE = 'frr/duplicate-entry';

export function duplicateEntry(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of allEntryLines(ctx)) {
    if ((entry.status !== 'duplicate-rejected' && entry.status !== 'duplicate-ignored') || !entry.other) continue;
    const other = entry.other;
    const value = describeEntry(entry);
    const rejected = entry.status === 'duplicate-rejected';
    findings.push({
      code: CODE,
      severity: rejected ? 'error' : 'warning',
      range: entry.lineRange,
      message: rejected
        ? `duplicated prefix list value: ${value} is already seq ${other.seq} (line ${lineNumber(ctx, other.line)}); FRR rejects this line.`
        : `duplicated prefix list value: ${value} is already seq ${other.seq} (line ${lineNumber(ctx, other.line)}); FRR ignores this line.`,
      related: [{ range: other.lineRange, message: `seq ${other.seq} ${value}` }],
      fixes: [{ title: 'Remove the duplicate line', edits: [deleteLine(ctx, entry.line)], safe: true }],
    });
  }
  return findings;
}
