/**
 * frrk8s/prefer-toreceive (information): a rawConfig `route-map <ID>-in permit N` whose only clause
 * matches a prefix-list that only permits prefixes says what `toReceive.allowed.prefixes` (with
 * `ge`/`le`) says on that neighbor: the supported API, which frr-k8s validates, merges across
 * FRRConfigurations and renders into its own `-inpl-` lists, where rawConfig is unsupported and
 * never checked. Anything more (a deny entry, a set, another match, a jump) has no toReceive form.
 * When the neighbor's toReceive already accepts every prefix of the list (on every node the raw
 * config reaches that runs the neighbor), there is nothing to move: the entry is redundant.
 */
import type { PrefixList, PrefixListEntry, RouteMapEntry } from '../../frr/model';
import { coveringSet, formatPrefix } from '../../frr/prefix';
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { routeMapHeaders, splitPeerRouteMap } from '../metallb/extras/shared';
import { matchedLists } from '../metallb/extras-overlap/source';
import { generatedListOf } from './generatedLists';
import { neighborWords, rawContext, type RawContext, type RawSource } from '../../metallb/extras/rawContext';
import { neighborRelated, rawFinding, rawWords } from './rawShared';
import { generatedOrigins, originRelated, type Origin } from './renderedPlace';

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
      const uses = `${rawWords(raw)} uses route-map ${header.name} permit ${header.seq} only to accept the prefixes of prefix-list ${list.name}`;
      const covered = toReceiveCoverage(rctx, raw, peer.id, list);
      findings.push(
        rawFinding(raw, {
          code: PREFER_TO_RECEIVE_CODE,
          severity: 'information',
          range: header.nameRange,
          message: covered
            ? `${uses}, and ${coverWords(covered.covering)} from ${neighborWords(rctx, peer.id)}: ` +
              `the entry is redundant. Remove it, and prefix-list ${list.name} unless something else uses it.`
            : `${uses}. frr-k8s's supported API says the same on ${neighborWords(rctx, peer.id)}: toReceive.allowed.prefixes: [${toReceiveItems(list).join(', ')}]. ` +
              'frr-k8s validates it, merges it with other FRRConfigurations and renders it into its own lists; rawConfig is unsupported and never checked.',
          related: [...(covered ? originRelated(covered.origins) : []), ...neighborRelated(rctx, peer.id)],
        }),
      );
    }
  }
  return findings;
}

/** The list's entries as `toReceive.allowed.prefixes` items. */
function toReceiveItems(list: PrefixList): string[] {
  return list.entries.map((entry) => `{prefix: ${entry.prefix ? formatPrefix(entry.prefix) : '?'}${entry.ge !== undefined ? `, ge: ${entry.ge}` : ''}${entry.le !== undefined ? `, le: ${entry.le}` : ''}}`);
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

/**
 * The entries of frr-k8s's `-inpl-` lists for neighbor `id` that accept every prefix of `list`, on
 * every node the raw config reaches that runs the neighbor, and the toReceive items they come from;
 * undefined when some prefix on some node is not accepted.
 */
function toReceiveCoverage(rctx: RawContext, raw: RawSource, id: string, list: PrefixList): { covering: PrefixListEntry[]; origins: Origin[] } | undefined {
  const views = raw.nodes.filter((view) => view.neighborIds.has(id));
  if (views.length === 0) return undefined;
  const covering = new Map<string, PrefixListEntry>();
  // Keyed by the YAML value: nodes share the FRRConfigurations that select them.
  const origins = new Map<object, Origin>();
  for (const view of views) {
    const inpl = [...view.rendered.prefixLists[list.family].values()].filter((rendered) => {
      const generated = generatedListOf(rctx, rendered.name);
      return generated?.kind === 'to-receive' && generated.id === id;
    });
    // What FRR permits before a list's first deny (frr-k8s only writes `deny any` when it permits nothing).
    const covers = inpl.flatMap((rendered) => {
      const firstDeny = rendered.entries.findIndex((entry) => entry.action === 'deny');
      return rendered.entries.slice(0, firstDeny < 0 ? undefined : firstDeny).flatMap((entry) => (entry.match ? [{ range: entry.match, value: entry }] : []));
    });
    for (const entry of list.entries) {
      const used = entry.match ? coveringSet(entry.match, covers) : undefined;
      if (!used) return undefined;
      for (const by of used) {
        covering.set(describe(by), by);
        for (const origin of generatedOrigins(view, { kind: 'to-receive', id }, by)) origins.set(origin.at, origin);
      }
    }
  }
  return { covering: [...covering.values()], origins: [...origins.values()] };
}

/** What accepts the list's prefixes already, up to "from <neighbor>". */
function coverWords(covering: readonly PrefixListEntry[]): string {
  if (covering.some((entry) => entry.any)) return 'toReceive.allowed.mode: all already accepts every route';
  return `toReceive.allowed.prefixes ${covering.map(describe).join(' and ')} already ${covering.length === 1 ? 'accepts' : 'accept'} every one of them`;
}

function describe(entry: PrefixListEntry): string {
  if (entry.any || !entry.prefix) return 'any';
  return `${formatPrefix(entry.prefix)}${entry.ge !== undefined ? ` ge ${entry.ge}` : ''}${entry.le !== undefined ? ` le ${entry.le}` : ''}`;
}
