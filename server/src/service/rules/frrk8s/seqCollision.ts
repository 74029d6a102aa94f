/**
 * frrk8s/seq-collision: a rawConfig `route-map <ID>-in|-out ACTION SEQ` at a seq frr-k8s renders
 * for that neighbor. frr-k8s numbers a neighbor's `-out` entries 1..N and continues its `-in`
 * entries after them, so which seqs are taken depends on the neighbor's communities and local
 * preferences: they are read from each node's render. The raw config is appended after frr-k8s's
 * lines, so its clauses merge into frr-k8s's entry, and frr-reload.py, which keys entries on their
 * header line and re-sends what the running config lacks, flips the entry on every reload (a
 * different action flips the action; a same-kind match alternates with frr-k8s's). The fix moves
 * an `-in` entry before frr-k8s's first one (it then decides first) and an `-out` entry after
 * frr-k8s's last one, keeping the order of the raw config's own entries.
 */
import type { RouteMapEntry } from '../../frr/model';
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { routeMapHeaders, splitPeerRouteMap, type ExtrasHeader } from '../metallb/extras/shared';
import { matchedLists } from '../metallb/extras-overlap/source';
import { neighborWords, rawContext, type FrrK8sNodeView } from '../../metallb/extras/rawContext';
import { neighborRelated, onRawNodes, rawFinding, rawWords } from './rawShared';

export const SEQ_COLLISION_CODE = 'frrk8s/seq-collision';

export function seqCollision(ctx: ExtrasContext): Finding[] {
  const rctx = rawContext(ctx);
  const headersOf = new Map(rctx.raws.map((raw) => [raw, routeMapHeaders(raw)]));
  const seqsByName = new Map<string, Set<number>>();
  for (const header of [...headersOf.values()].flat()) seqsByName.set(header.name, (seqsByName.get(header.name) ?? new Set()).add(header.seq));
  const findings: Finding[] = [];
  for (const raw of rctx.raws) {
    for (const header of headersOf.get(raw) ?? []) {
      const peer = splitPeerRouteMap(header.name);
      if (!peer) continue;
      const views = raw.nodes.filter((view) => view.neighborIds.has(peer.id));
      if (views.length === 0) continue;
      const taken = seqsByName.get(header.name) ?? new Set<number>();
      const target = peer.direction === 'in' ? seqBeforeIn(views, header, taken, peer.id) : seqAfterOut(views, header, taken, peer.id);
      findings.push(
        ...onRawNodes(rctx, raw, (view) => {
          if (!view.neighborIds.has(peer.id)) return [];
          const hit = entriesOf(view, header.name).find((entry) => entry.seq === header.seq);
          if (!hit) return [];
          const move =
            peer.direction === 'in'
              ? `Use a seq before ${firstSeq(view, `${peer.id}-in`)} to decide before frr-k8s's entries.`
              : `Use a seq after ${lastSeq(view, `${peer.id}-out`)}.`;
          return [
            rawFinding(raw, {
              code: SEQ_COLLISION_CODE,
              severity: 'warning',
              range: header.seqRange,
              message: `${rawWords(raw)} declares route-map ${header.name} ${header.action} ${header.seq}, an entry frr-k8s renders for ${neighborWords(rctx, peer.id)}: ${layout(view, peer.id)}; seq ${hit.seq} is \`${hit.action}\`${matchWords(hit)}. The raw config is appended after frr-k8s's lines, so this entry merges into frr-k8s's: ${effect(header, hit)}. ${move}`,
              related: neighborRelated(rctx, peer.id),
              fixes:
                target === undefined
                  ? []
                  : [
                      {
                        title: `Move route-map ${header.name} to seq ${target} (${peer.direction === 'in' ? "before frr-k8s's -in entries" : "after frr-k8s's -out entries"})`,
                        safe: true,
                        edits: [{ range: header.seqRange, newText: String(target) }],
                      },
                    ],
            }),
          ];
        }),
      );
    }
  }
  return findings;
}

function entriesOf(view: FrrK8sNodeView, name: string): RouteMapEntry[] {
  return view.rendered.routeMaps.get(name)?.entries ?? [];
}

function firstSeq(view: FrrK8sNodeView, name: string): number {
  return Math.min(...entriesOf(view, name).map((e) => e.seq));
}

function lastSeq(view: FrrK8sNodeView, name: string): number {
  return Math.max(0, ...entriesOf(view, name).map((e) => e.seq));
}

function span(seqs: number[]): string {
  if (seqs.length === 0) return 'none';
  const low = Math.min(...seqs);
  const high = Math.max(...seqs);
  return low === high ? `seq ${low}` : `seqs ${low}–${high}`;
}

function layout(view: FrrK8sNodeView, id: string): string {
  const out = entriesOf(view, `${id}-out`).map((e) => e.seq);
  const inbound = entriesOf(view, `${id}-in`).map((e) => e.seq);
  return `frr-k8s numbers ${id}-out ${span(out)} and continues ${id}-in at ${span(inbound)}`;
}

function matchWords(entry: RouteMapEntry): string {
  const lists = matchedLists(entry).map((list) => list.name);
  return lists.length > 0 ? ` on prefix-list ${lists.join(', ')}` : '';
}

function effect(header: ExtrasHeader, hit: RouteMapEntry): string {
  if (header.action !== hit.action) {
    return `frr-reload.py keys entries on their header line and re-sends frr-k8s's \`${hit.action} ${hit.seq}\`, so the entry flips between ${hit.action} and ${header.action} on every reload`;
  }
  const replaced = header.entry && [...header.entry.matches.keys()].some((kind) => hit.matches.has(kind));
  return replaced
    ? "this match replaces frr-k8s's (FRR keeps one match of a kind), and every reload re-sends frr-k8s's, so the entry alternates between the two matches on every change"
    : "its clauses are added to frr-k8s's entry (different match kinds are ANDed), changing what that entry decides";
}

/** The smallest free seq before frr-k8s's first `-in` entry on every node, above the raw config's earlier entries. */
function seqBeforeIn(views: FrrK8sNodeView[], header: ExtrasHeader, taken: ReadonlySet<number>, id: string): number | undefined {
  const first = Math.min(...views.map((view) => firstSeq(view, `${id}-in`)));
  let floor = 0;
  for (const seq of taken) if (seq < header.seq && seq > floor) floor = seq;
  for (let seq = floor + 1; seq < first; seq++) if (!taken.has(seq)) return seq;
  return undefined;
}

/** The smallest free seq after frr-k8s's last `-out` entry on every node, below the raw config's later entries. */
function seqAfterOut(views: FrrK8sNodeView[], header: ExtrasHeader, taken: ReadonlySet<number>, id: string): number | undefined {
  const last = Math.max(...views.map((view) => lastSeq(view, `${id}-out`)));
  let ceiling = 65536;
  for (const seq of taken) if (seq > header.seq && seq < ceiling) ceiling = seq;
  for (let seq = last + 1; seq < ceiling; seq++) if (!taken.has(seq)) return seq;
  return undefined;
}
