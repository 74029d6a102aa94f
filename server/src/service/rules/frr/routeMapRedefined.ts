/**
 * frr/route-map-redefined: a route-map entry (NAME + SEQ) declared more than once. With the
 * other action, current FRR flips the action and keeps the entry's match/set clauses (the
 * MetalLB `deny 20` → `permit 20` mechanism); older FRR deleted and recreated the entry.
 */
import type { Finding } from '../../types';
import { lineNumber, type FrrRuleContext } from './context';

export const CODE = 'frr/route-map-redefined';

export function routeMapRedefined(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const map of ctx.model.routeMaps.values()) {
    for (const entry of map.entries) {
      // Read once: an entry with one header makes the list when asked.
      const headers = entry.headers;
      for (let i = 1; i < headers.length; i++) {
        const header = headers[i];
        const before = headers[i - 1];
        const first = headers[0];
        const where = `route-map ${entry.name} seq ${entry.seq} is already declared at line ${lineNumber(ctx, first.line)}`;
        const flips = header.action !== before.action;
        findings.push({
          code: CODE,
          severity: flips ? 'warning' : 'information',
          range: flips ? header.actionRange : header.range,
          message: flips
            ? `${where} as ${before.action}: this declaration flips the entry to ${header.action} and keeps the match/set clauses it already has.`
            : `${where}: this declaration reopens the same entry and adds to its clauses.`,
          related: [{ range: first.range, message: `first declaration (${first.action})` }],
        });
      }
    }
  }
  return findings;
}
