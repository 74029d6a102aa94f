/** frr/prefix-host-bits: a prefix-list prefix with host bits set; FRR masks them silently. */
import { formatPrefix, hasHostBits, maskPrefix } from '../../frr/prefix';
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';
import { allEntryLines } from './prefixLists';

export const CODE = 'frr/prefix-host-bits';

export function prefixHostBits(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of allEntryLines(ctx)) {
    if (!entry.prefix || entry.status === 'deleted' || !hasHostBits(entry.prefix)) continue;
    // Read last: an entry makes its token when asked.
    const token = entry.prefixToken;
    if (!token) continue;
    const masked = formatPrefix(maskPrefix(entry.prefix));
    findings.push({
      code: CODE,
      severity: 'hint',
      range: { start: token.start, end: token.end },
      message: `${token.text} has host bits set; FRR stores it as ${masked}.`,
      fixes: [{ title: `Write ${masked}`, edits: [{ range: { start: token.start, end: token.end }, newText: masked }], safe: true }],
    });
  }
  return findings;
}
