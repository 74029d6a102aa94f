/** frr/prefix-list-range: ge/le outside `len <= ge <= le <= max`, which bgpd/zebra reject. */
import { formatPrefix, maskPrefix } from '../../frr/prefix';
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';
import { allEntryLines } from './prefixLists';

export const CODE = 'frr/prefix-list-range';

export function prefixListRange(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of allEntryLines(ctx)) {
    if (entry.status !== 'invalid-range' || !entry.prefix) continue;
    const tokens = [entry.geToken, entry.leToken].filter((t) => t !== undefined).sort((a, b) => a.start - b.start);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const range = first && last ? { start: first.start, end: last.end } : entry.lineRange;
    findings.push({
      code: CODE,
      severity: 'error',
      range,
      message:
        `Invalid prefix range for ${formatPrefix(maskPrefix(entry.prefix))}: Make sure that mask length <= ge <= le ` +
        `(length ${entry.prefix.length}${entry.ge !== undefined ? `, ge ${entry.ge}` : ''}${entry.le !== undefined ? `, le ${entry.le}` : ''}). ` +
        'FRR rejects the line, and while loading a file every prefix-list and route-map line committed with it.',
    });
  }
  return findings;
}
