/**
 * metallb/in-seq-unreachable: an extras `<ID>-in` entry after seq 20. MetalLB's `deny 20` has no
 * match, so it ends evaluation for every route: later entries never apply.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { extrasFinding, moveBelow20Fixes, onPeerNodes, peerRelated, peerWords, routeMapHeaders, splitPeerRouteMap } from './shared';

export const CODE = 'metallb/in-seq-unreachable';

export function inSeqUnreachable(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const headers = routeMapHeaders(source);
  return headers.flatMap((header) => {
    const peer = splitPeerRouteMap(header.name);
    if (!peer || peer.direction !== 'in' || header.seq <= 20) return [];
    const effect = header.action === 'permit' ? 'the routes it should accept are all dropped' : 'it has no effect';
    const finding = extrasFinding(ctx, {
      code: CODE,
      severity: 'warning',
      range: header.seqRange,
      message:
        `route-map ${header.name} ${header.action} ${header.seq} never matches: MetalLB's \`deny 20\` for ${peerWords(ctx, peer.id)} ` +
        `comes first and denies every route, so ${effect}. Use a seq below 20.`,
      related: peerRelated(ctx, peer.id),
      fixes: moveBelow20Fixes(header, headers),
    });
    return onPeerNodes(ctx, peer.id, () => [finding]);
  });
}
