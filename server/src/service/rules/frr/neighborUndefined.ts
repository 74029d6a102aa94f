/**
 * frr/neighbor-undefined: a per-neighbor command for a peer bgpd does not know yet. An address
 * needs `remote-as` or `peer-group` first; a word must be a peer-group or an interface neighbor.
 */
import type { Finding } from '../../types';
import { symbolOf } from '../../frr/model';
import { lineNumber, type FrrRuleContext } from './context';

export const CODE = 'frr/neighbor-undefined';

export function neighborUndefined(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const use of ctx.model.neighborUses) {
    if (use.resolved !== 'unknown') continue;
    const later = symbolOf(ctx.model, { kind: use.isAddress ? 'neighbor' : 'peer-group', scope: use.scope, name: use.peer })?.definitions[0];
    const hint = later && later.line > use.line ? ` It is defined later (line ${lineNumber(ctx, later.line)}): move that line above.` : '';
    findings.push({
      code: CODE,
      severity: 'error',
      range: use.peerRange,
      message: use.isAddress
        ? `% Specify remote-as or peer-group commands first: neighbor ${use.peer} does not exist yet, so FRR rejects this line.${hint}`
        : `% Create the peer-group or interface first: "${use.peer}" is not an address, a peer-group or an interface neighbor, so FRR rejects this line.${hint}`,
    });
  }
  return findings;
}
