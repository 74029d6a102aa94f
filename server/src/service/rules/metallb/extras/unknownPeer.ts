/**
 * metallb/unknown-peer: a route-map named like a neighbor's (`<ID>-in` / `<ID>-out`) whose ID no
 * BGPPeer produces: a typo or a missing `-<vrf>` suffix. MetalLB attaches nothing to it, so the
 * override silently does nothing. The fix renames it to the closest real ID.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { closestId, extrasFinding, peerLabel, peerRelated, peersKnown, routeMapHeaders, splitPeerRouteMap } from './shared';

export const CODE = 'metallb/unknown-peer';

export function unknownPeer(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source || !peersKnown(ctx)) return [];
  const ids = [...ctx.peersById.keys()];
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const header of routeMapHeaders(source)) {
    const peer = splitPeerRouteMap(header.name);
    if (!peer || ctx.peersById.has(peer.id) || reported.has(header.name)) continue;
    const closest = closestId(peer.id, ids);
    if (!closest) continue;
    reported.add(header.name);
    const target = `${closest.id}-${peer.direction}`;
    const symbol = source.model.symbols.get(`route-map||${header.name}`);
    const ranges = [...(symbol?.definitions ?? []), ...(symbol?.references ?? [])].map((occurrence) => occurrence.range);
    const why = closest.missingSuffix
      ? ` The name lacks the \`${closest.id.slice(peer.id.length)}\` suffix MetalLB adds for the peer's VRF.`
      : '';
    findings.push(
      extrasFinding(ctx, {
        code: CODE,
        severity: 'warning',
        range: header.nameRange,
        message:
          `No BGPPeer produces neighbor ID ${peer.id}, so MetalLB attaches route-map ${header.name} to nothing and it has no effect.` +
          `${why} Closest neighbor: ${peerLabel(ctx, closest.id)}.`,
        related: peerRelated(ctx, closest.id),
        fixes: [{ title: `Rename to ${target}`, safe: false, edits: ranges.map((range) => ({ range, newText: target })) }],
      }),
    );
  }
  return findings;
}

/**
 * The real ID a name most likely meant: the same address with a VRF suffix added or removed comes
 * first, then the smallest edit distance. Names far from every ID and not shaped like an address
 * are the user's own route-maps, not misspelt neighbors.
 */
