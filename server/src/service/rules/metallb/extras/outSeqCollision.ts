/**
 * metallb/out-seq-collision: an extras `<ID>-out` entry at a seq MetalLB renders for that peer.
 * The extras' clauses merge into MetalLB's entry (a second match replaces MetalLB's) and the entry
 * flips on reload. MetalLB's entry count depends on the peer's localPref and community
 * advertisements, so it is read from each node's render.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import type { OutRouteMapEntry } from '../../../metallb/render';
import { extrasFinding, extrasSeqs, minimalOutEntries, onPeerNodes, peerRelated, peersKnown, peerWords, renderedNeighbor, routeMapHeaders, splitPeerRouteMap, viewsForPeer } from './shared';

export const CODE = 'metallb/out-seq-collision';

export function outSeqCollision(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const headers = routeMapHeaders(source);
  const minimal = peersKnown(ctx) ? [] : minimalOutEntries(ctx);
  return headers.flatMap((header) => {
    const peer = splitPeerRouteMap(header.name);
    if (!peer || peer.direction !== 'out') return [];
    const entriesOn = (view: (typeof ctx.nodes)[number]): OutRouteMapEntry[] =>
      peersKnown(ctx) ? (renderedNeighbor(view, peer.id)?.outEntries ?? []) : minimal;
    const highest = Math.max(0, ...viewsForPeer(ctx, peer.id).flatMap((view) => entriesOn(view).map((e) => e.seq)));
    const taken = extrasSeqs(headers, header.name);
    let target = highest + 1;
    while (taken.has(target)) target++;
    return onPeerNodes(ctx, peer.id, (view) => {
      const entries = entriesOn(view);
      const hit = entries.find((entry) => entry.seq === header.seq);
      if (!hit) return [];
      const last = Math.max(...entries.map((e) => e.seq));
      return [
        extrasFinding(ctx, {
          code: CODE,
          severity: 'warning',
          range: header.seqRange,
          message:
            `route-map ${header.name} ${header.action} ${header.seq} is MetalLB's own entry for ${peerWords(ctx, peer.id)} ` +
            `(MetalLB renders seqs 1–${last}; seq ${hit.seq} matches prefix-list ${hit.prefixList}). ` +
            'Clauses here merge into it (a second match replaces MetalLB\'s, changing what is advertised) and the entry flips on reload. ' +
            `Use a seq after ${last}.`,
          related: peerRelated(ctx, peer.id),
          fixes: [{ title: `Move route-map ${header.name} to seq ${target} (after MetalLB's entries)`, safe: true, edits: [{ range: header.seqRange, newText: String(target) }] }],
        }),
      ];
    });
  });
}
