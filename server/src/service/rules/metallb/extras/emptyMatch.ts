/**
 * metallb/empty-match: an extras `<ID>-in` permit entry without any `match` accepts every route
 * the peer sends (default routes, the cluster's own LoadBalancer prefixes, full tables).
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { extrasFinding, onPeerNodes, peerRelated, peerWords, routeMapHeaders, splitPeerRouteMap } from './shared';

export const CODE = 'metallb/empty-match';

export function emptyMatch(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  return routeMapHeaders(source).flatMap((header) => {
    const peer = splitPeerRouteMap(header.name);
    if (!peer || peer.direction !== 'in' || header.seq > 20 || !header.entry) return [];
    if (header.entry.action !== 'permit' || header.entry.matches.size > 0) return [];
    // One finding per entry, on its last header: FRR's final state is what lets the routes in.
    if (header.entry.headers.at(-1)?.line !== header.line) return [];
    const finding = extrasFinding(ctx, {
      code: CODE,
      severity: 'warning',
      range: header.lineRange,
      message:
        `route-map ${header.name} permit ${header.seq} has no match: it accepts every route ${peerWords(ctx, peer.id)} sends, ` +
        'including a default route or prefixes of your own LoadBalancer pools. Add a `match ip|ipv6 address prefix-list` for the routes you expect.',
      related: peerRelated(ctx, peer.id),
    });
    return onPeerNodes(ctx, peer.id, () => [finding]);
  });
}
