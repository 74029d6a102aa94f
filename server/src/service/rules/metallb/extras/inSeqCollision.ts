/**
 * metallb/in-seq-collision: an extras `route-map <ID>-in permit 20` reuses the entry MetalLB
 * renders as `deny 20`. frr-reload.py keys contexts on their header line, so it re-sends MetalLB's
 * `deny 20` header on every other reload and FRR flips only the action, keeping the user's match:
 * the peer's routes are accepted and dropped in turn on every MetalLB change (DESIGN §5).
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { extrasFinding, moveBelow20Fixes, onPeerNodes, peerRelated, peerWords, routeMapHeaders, splitPeerRouteMap } from './shared';

export const CODE = 'metallb/in-seq-collision';

export function inSeqCollision(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const headers = routeMapHeaders(source);
  return headers.flatMap((header) => {
    const peer = splitPeerRouteMap(header.name);
    if (!peer || peer.direction !== 'in' || header.seq !== 20 || header.action !== 'permit') return [];
    const finding = extrasFinding(ctx, {
      code: CODE,
      severity: 'warning',
      range: header.seqRange,
      message:
        `route-map ${header.name} permit 20 reuses the entry MetalLB renders as \`deny 20\` for ${peerWords(ctx, peer.id)}. ` +
        'On every reload frr-reload.py re-sends MetalLB\'s `deny 20` header and FRR flips only the action, keeping this match: ' +
        'the entry alternates permit/deny, so the routes it accepts appear and vanish on every MetalLB change. ' +
        'MetalLB\'s own documentation shows this `permit 20` pattern; a seq below 20 (10) is stable.',
      related: peerRelated(ctx, peer.id),
      fixes: moveBelow20Fixes(header, headers),
    });
    return onPeerNodes(ctx, peer.id, () => [finding]);
  });
}
