/** frr/asn-conflict: `router bgp` with another ASN for a VRF whose instance already runs. */
import type { Finding } from '../../types';
import { lineNumber, type FrrRuleContext } from './context';

export const CODE = 'frr/asn-conflict';

export function asnConflict(ctx: FrrRuleContext): Finding[] {
  return ctx.model.rejectedRouters.map((rejected) => {
    const running = ctx.parse.lines[rejected.runningLine];
    const vrf = rejected.vrf ? ` in VRF ${rejected.vrf}` : '';
    return {
      code: CODE,
      severity: 'error' as const,
      range: rejected.asnRange,
      message:
        `BGP is already running; AS is ${rejected.runningAsn}${vrf} (line ${lineNumber(ctx, rejected.runningLine)}). ` +
        'FRR refuses this router bgp, and every line of its stanza fails.',
      related: running ? [{ range: running.range, message: `router bgp ${rejected.runningAsn}` }] : undefined,
    };
  });
}
