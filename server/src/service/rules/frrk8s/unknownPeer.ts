/**
 * frrk8s/unknown-peer: a rawConfig route-map named like a neighbor's (`<X>-in` / `<X>-out`) whose
 * X is no neighbor of any FRRConfiguration (nor, in frr-k8s mode, of MetalLB's BGPPeers): a typo
 * or a missing `-<vrf>` suffix. frr-k8s attaches only `<ID>-in`/`<ID>-out` to its neighbors, so
 * the route-map does nothing unless the raw configs attach it themselves (then it is theirs and
 * not reported). The fix renames it to the closest real ID.
 */
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { closestId, routeMapHeaders, splitPeerRouteMap } from '../metallb/extras/shared';
import { neighborWords, rawContext, type RawContext } from '../../metallb/extras/rawContext';
import { neighborRelated, occurrenceRanges, rawFinding, rawWords } from './rawShared';

export const UNKNOWN_PEER_CODE = 'frrk8s/unknown-peer';

export function unknownPeer(ctx: ExtrasContext): Finding[] {
  const rctx = rawContext(ctx);
  const ids = knownIds(rctx);
  if (ids.length === 0) return [];
  const findings: Finding[] = [];
  for (const raw of rctx.raws) {
    const examined = new Set<string>();
    for (const header of routeMapHeaders(raw)) {
      const peer = splitPeerRouteMap(header.name);
      if (!peer || examined.has(header.name)) continue;
      examined.add(header.name);
      if (ids.includes(peer.id) || attachedByRaw(rctx, header.name)) continue;
      const closest = closestId(peer.id, ids);
      if (!closest) continue;
      const target = `${closest.id}-${peer.direction}`;
      const why = closest.missingSuffix ? ` The name lacks the \`${closest.id.slice(peer.id.length)}\` suffix frr-k8s adds for the router's VRF.` : '';
      findings.push(
        rawFinding(raw, {
          code: UNKNOWN_PEER_CODE,
          severity: 'warning',
          range: header.nameRange,
          message:
            `${rawWords(raw)} declares route-map ${header.name}, but no FRRConfiguration has a neighbor with ID ${peer.id}: ` +
            `frr-k8s attaches it to no session and it has no effect.${why} Closest neighbor: ${neighborWords(rctx, closest.id)}.`,
          related: neighborRelated(rctx, closest.id),
          fixes: [
            {
              title: `Rename to ${target}`,
              safe: false,
              edits: occurrenceRanges(raw, [`route-map||${header.name}`]).map((range) => ({ range, newText: target })),
            },
          ],
        }),
      );
    }
  }
  return findings;
}

function knownIds(rctx: RawContext): string[] {
  return [...new Set([...rctx.owners.keys(), ...rctx.nodes.flatMap((view) => [...view.neighborIds])])].sort();
}

/** A raw config that attaches the route-map itself (`neighbor … route-map NAME in`, `call NAME`) owns it. */
function attachedByRaw(rctx: RawContext, name: string): boolean {
  return rctx.raws.some((raw) => (raw.model.symbols.get(`route-map||${name}`)?.references ?? []).some((ref) => !ref.weak && !ref.configures));
}

/**
 * The real ID a name most likely meant: the same address with a VRF suffix added comes first,
 * then the smallest edit distance. Names far from every ID and not shaped like an address are the
 * user's own route-maps, not misspelt neighbors.
 */
