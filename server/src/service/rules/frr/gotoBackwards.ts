/** frr/goto-backwards: `on-match goto N` / `continue N` must jump forward; FRR rejects N <= the entry's seq. */
import type { Finding } from '../../types';
import type { FrrRuleContext } from './context';

export const CODE = 'frr/goto-backwards';

export function gotoBackwards(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const map of ctx.model.routeMaps.values()) {
    for (const entry of map.entries) {
      for (const jump of entry.jumps) {
        if (jump.target === undefined || jump.target > entry.seq) continue;
        const words = jump.kind === 'continue' ? 'continue' : 'on-match goto';
        findings.push({
          code: CODE,
          severity: 'error',
          range: jump.targetRange ?? jump.range,
          message: `\`${words} ${jump.target}\` in route-map ${entry.name} seq ${entry.seq} must name a later sequence (> ${entry.seq}); FRR rejects it.`,
        });
      }
    }
  }
  return findings;
}
