/**
 * frr/timers: `timers bgp` and `neighbor … timers` need a hold time of 0 or at least 3 seconds
 * (bgpd rejects the rest); a keepalive above the hold time is advisory only.
 */
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';

export const CODE = 'frr/timers';

export function timers(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const t of ctx.model.timers) {
    const what = t.peer === undefined ? 'timers bgp' : `neighbor ${t.peer} timers`;
    if (t.hold !== 0 && t.hold < 3) {
      findings.push({
        code: CODE,
        severity: 'error',
        range: t.holdRange,
        message: `${what}: the hold time must be 0 or 3..65535 (got ${t.hold}), so FRR rejects the line.`,
      });
    } else if (t.hold !== 0 && t.keepalive > t.hold) {
      findings.push({
        code: CODE,
        severity: 'information',
        range: t.keepaliveRange,
        message: `${what}: keepalive ${t.keepalive} is longer than the hold time ${t.hold}; FRR sends keepalives at most every hold/3 seconds anyway.`,
      });
    }
  }
  return findings;
}
