/**
 * frrk8s/prefer-toreceive (information): a rawConfig `route-map <ID>-in permit N` whose only clause
 * matches a prefix-list that only permits prefixes says what `toReceive.allowed.prefixes` (with
 * `ge`/`le`) says on that neighbor: the supported API, which frr-k8s validates, merges across
 * FRRConfigurations and renders into its own `-inpl-` lists, where rawConfig is unsupported and
 * never checked. Anything more (a deny entry, a set, another match, a jump) has no toReceive form.
 */
import type { PrefixList, RouteMapEntry } from '../../frr/model';
import { formatPrefix } from '../../frr/prefix';
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { routeMapHeaders, splitPeerRouteMap } from '../metallb/extras/shared';
import { matchedLists } from '../metallb/extras-overlap/source';
import { rawContext, type RawSource } from './rawContext';
import { neighborRelated, neighborWords, rawFinding, rawWords } from './rawShared';

export const PREFER_TO_RECEIVE_CODE = 'frrk8s/prefer-toreceive';

export function preferToReceive(ctx: ExtrasContext): Finding[] {
  const rctx = rawContext(ctx);
  const findings: Finding[] = [];
  for (const raw of rctx.raws) {
    const reported = new Set<string>();
    for (const header of routeMapHeaders(raw)) {
      const peer = splitPeerRouteMap(header.name);
      const key = `${header.name} ${header.seq}`;
      if (!peer || peer.direction !== 'in' || !rctx.owners.has(peer.id) || !header.entry || reported.has(key)) continue;
      const list = permitOnlyList(raw, header.entry);
      if (!list) continue;
      reported.add(key);
      const items = list.entries.map((entry) => `{prefix: ${entry.prefix ? formatPrefix(entry.prefix) : '?'}${entry.ge !== undefined ? `, ge: ${entry.ge}` : ''}${entry.le !== undefined ? `, le: ${entry.le}` : ''}}`);
      findings.push(
        rawFinding(raw, {
          code: PREFER_TO_RECEIVE_CODE,
          severity: 'information',
          range: header.nameRange,
          message:
            `${rawWords(raw)} uses route-map ${header.name} permit ${header.seq} only to accept the prefixes of prefix-list ${list.name}. ` +
            `frr-k8s's supported API says the same on ${neighborWords(rctx, peer.id)}: toReceive.allowed.prefixes: [${items.join(', ')}]. ` +
            'frr-k8s validates it, merges it with other FRRConfigurations and renders it into its own lists; rawConfig is unsupported and never checked.',
          related: neighborRelated(rctx, peer.id),
        }),
      );
    }
  }
  return findings;
}

/** The prefix-list of the raw config that is the entry's only clause, when every entry of it permits a prefix. */
function permitOnlyList(raw: RawSource, entry: RouteMapEntry): PrefixList | undefined {
  if (entry.action !== 'permit' || entry.matches.size !== 1 || entry.sets.size !== 0 || entry.jumps.length !== 0) return undefined;
  const [matched] = matchedLists(entry);
  if (!matched) return undefined;
  const list = raw.model.prefixLists[matched.family].get(matched.name);
  if (!list || list.entries.length === 0) return undefined;
  return list.entries.every((e) => e.action === 'permit' && !e.any && e.prefix !== undefined) ? list : undefined;
}
