/**
 * FRR's own rules (frr/*) on the file FRR really loads (render + extras), reported where they fall
 * inside the extras. MetalLB's own entries make some of them redundant (a re-declared `-in`/`-out`
 * entry is what the seq rules explain), and an undefined prefix-list in an `-in` override needs the
 * MetalLB consequence spelt out: the override never matches, so `deny 20` drops the peer's routes.
 * A route-map metallb/unknown-peer reports is attached nowhere: saying it is unused only repeats that.
 */
import type { Finding, OffsetRange } from '../../../types';
import type { ExtrasContext, NodeView } from '../../../metallb/extras/context';
import { peersKnown, peerWords, perNode, routeMapHeaders, splitPeerRouteMap, type ExtrasHeader } from './shared';
import { unknownPeer } from './unknownPeer';

const contains = (outer: OffsetRange, inner: OffsetRange) => outer.start <= inner.start && inner.end <= outer.end;
const sameRange = (a: OffsetRange, b: OffsetRange) => a.start === b.start && a.end === b.end;
const SAID_BY_UNKNOWN_PEER = new Set(['frr/unused-definition', 'frr/undefined-reference']);

export function frrInExtras(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const headers = routeMapHeaders(source).map((header) => ({ header, yaml: ctx.toSource(header.lineRange) }));
  const inReferences = source.model.occurrences.flatMap((occurrence) => {
    if (!('usage' in occurrence) || !occurrence.within || occurrence.within.kind !== 'route-map') return [];
    const peer = splitPeerRouteMap(occurrence.within.name);
    return peer?.direction === 'in' ? [{ id: peer.id, yaml: ctx.toSource(occurrence.range) }] : [];
  });
  const ownedBy = (view: NodeView, header: ExtrasHeader): boolean => {
    const peer = splitPeerRouteMap(header.name);
    return peer !== undefined && (peersKnown(ctx) ? view.neighborIds.has(peer.id) : true);
  };
  const unknown = unknownPeer(ctx).map((finding) => finding.range);
  return perNode(ctx, (view) =>
    view.frrFindings.flatMap((finding) => {
      if (SAID_BY_UNKNOWN_PEER.has(finding.code) && unknown.some((range) => sameRange(range, finding.range))) return [];
      if (finding.code === 'frr/route-map-redefined') {
        const at = headers.find(({ yaml }) => contains(yaml, finding.range));
        if (at && ownedBy(view, at.header)) return [];
      }
      // Without BGPPeers the `-in`/`-out` maps are presumed attached by MetalLB to neighbors not in the manifests.
      if (finding.code === 'frr/unused-definition' && !peersKnown(ctx)) {
        const at = headers.find(({ yaml }) => contains(yaml, finding.range));
        if (at && splitPeerRouteMap(at.header.name)) return [];
      }
      // metallb/unsupported-extras names MetalLB's ASN for the same line.
      if (finding.code === 'frr/asn-conflict' && peersKnown(ctx)) return [];
      if (finding.code === 'frr/undefined-reference') {
        const ref = inReferences.find(({ yaml }) => sameRange(yaml, finding.range));
        if (ref && (peersKnown(ctx) ? view.neighborIds.has(ref.id) : true)) {
          return [
            {
              ...finding,
              message:
                `${finding.message} In route-map ${ref.id}-in that means the override never applies, and MetalLB's \`deny 20\` ` +
                `drops every route ${peerWords(ctx, ref.id)} sends.`,
            },
          ];
        }
      }
      return [finding];
    }),
  );
}
