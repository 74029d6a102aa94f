/**
 * frr/match-replaced: a second `match` (or `set`) of one kind in a route-map entry replaces the
 * first; only different kinds are ANDed. The replaced line has no effect, so removing it is safe.
 */
import type { Finding } from '../../types';
import { deleteLine, lineNumber, lineText, type FrrRuleContext } from './context';

export const CODE = 'frr/match-replaced';

export function matchReplaced(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const map of ctx.model.routeMaps.values()) {
    for (const entry of map.entries) {
      for (const { clause, by } of entry.replaced) {
        const word = clause.kind.startsWith('rmap-set-') ? 'set' : 'match';
        findings.push({
          code: CODE,
          severity: 'warning',
          range: clause.range,
          message:
            `\`${lineText(ctx, clause.line)}\` is replaced by \`${lineText(ctx, by.line)}\` (line ${lineNumber(ctx, by.line)}): ` +
            `route-map ${entry.name} seq ${entry.seq} keeps only the last ${word} of one kind` +
            (word === 'match' ? '; to match either, use one list with both values or two entries.' : '.'),
          related: [{ range: by.range, message: 'the clause FRR keeps' }],
          fixes: [{ title: 'Remove the replaced line', edits: [deleteLine(ctx, clause.line)], safe: true }],
        });
      }
    }
  }
  return findings;
}
