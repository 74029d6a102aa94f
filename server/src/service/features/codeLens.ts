/**
 * A code lens on every `<ID>-in` route-map entry of the bgpextras: what that entry does to the
 * routes of the peer, given MetalLB's own `route-map <ID>-in deny 20` (DESIGN.md §5): below 20 it
 * admits (or rejects) what its matches select; a `permit 20` flips on every reload, a `deny 20` adds
 * its matches to MetalLB's entry; above 20 it is never reached. Only FRR mode renders that entry:
 * in frr-k8s mode MetalLB refuses a non-empty bgpextras altogether (metallb/extras-wrong-mode), so
 * no entry of it does anything and there is no lens.
 *
 * In frr-k8s mode the lens is on the `<ID>-in` entries of each FRRConfiguration's `rawConfig`
 * instead, read against frr-k8s's own `-in` entries on every node that appends that rawConfig.
 */
import type { FrrModel, PrefixListEntry, RouteMapEntry } from '../frr/model';
import { formatPrefix, type Family } from '../frr/prefix';
import { resourceName } from '../k8s/resources';
import { anySelectorMatches } from '../k8s/selectors';
import type { ExtrasContext } from '../metallb/extras/context';
import { listNodes } from '../metallb/nodes';
import { neighborWords, placedNeighbors, rawContext, type FrrK8sNodeView, type RawContext, type RawSource } from '../metallb/extras/rawContext';
import { SEQ_COLLISION_CODE } from '../rules/frrk8s/seqCollision';
import type { OffsetRange } from '../types';
import { peerOfName } from './peerNames';
import { toDocumentRange, viewsInScope, type FrrView, type PeerIdentity, type WorkspaceDocument, type WorkspaceIndex } from './workspaceIndex';

export interface CodeLens {
  /** The entry's header line, in document offsets. */
  range: OffsetRange;
  title: string;
}

/** MetalLB's own entry in every `-in` route-map. */
const METALLB_IN_SEQ = 20;
/** Prefix-list entries named in a lens before "+N more". */
const SHOWN_PREFIXES = 3;

/** Every entry of prefix-list `name` in the configuration a route-map runs in. */
type PrefixListLookup = (family: Family, name: string) => PrefixListEntry[];

export function codeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  const doc = index.byUri.get(uri);
  if (!doc) return [];
  const lenses = index.extras?.options.mode === 'frr-k8s' ? rawConfigLenses(index, index.extras, doc) : extrasLenses(index, doc);
  return lenses.sort((a, b) => a.range.start - b.range.start);
}

function extrasLenses(index: WorkspaceIndex, doc: WorkspaceDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const view of doc.embedded) {
    if (view.scope !== 'metallb') continue;
    const lists = scopeLists(index, view);
    for (const map of view.model.routeMaps.values()) {
      const peer = peerOfName(index, map.name, 'route-map');
      if (!peer?.identity || peer.suffix !== 'in') continue;
      for (const entry of map.entries) {
        const header = entry.headers.at(-1);
        if (!header) continue;
        lenses.push({ range: toDocumentRange(view, header.range), title: entryTitle(index, view, entry, peer.identity, lists) });
      }
    }
  }
  return lenses;
}

/** Every bgpextras is appended to the same frr.conf: a list may be defined in any of them. */
function scopeLists(index: WorkspaceIndex, view: FrrView): PrefixListLookup {
  return (family, name) => viewsInScope(index, view.scope).flatMap((other) => other.model.prefixLists[family].get(name)?.entries ?? []);
}

function entryTitle(index: WorkspaceIndex, view: FrrView, entry: RouteMapEntry, peer: PeerIdentity, lists: PrefixListLookup): string {
  if (entry.seq > METALLB_IN_SEQ) return `never evaluated: MetalLB’s deny ${METALLB_IN_SEQ} matches every route first`;
  if (entry.seq === METALLB_IN_SEQ && entry.action === 'permit') {
    return `unstable: MetalLB re-sends \`deny ${METALLB_IN_SEQ}\` on reload and flips this entry between permit and deny`;
  }
  // The same action as MetalLB's entry never flips; only the matches it adds change what seq 20 catches.
  if (entry.seq === METALLB_IN_SEQ) {
    if (entry.matches.size === 0) return `no effect: re-declares MetalLB’s own deny ${METALLB_IN_SEQ}, which rejects every route`;
    return (
      `narrows MetalLB’s own deny ${METALLB_IN_SEQ} to ${selection(view.model, entry, lists)}: ` +
      'other routes go on to later entries, or are rejected at the end of the route-map'
    );
  }
  const verb = entry.action === 'permit' ? 'admits' : 'rejects';
  return `${verb} ${selection(view.model, entry, lists)} from ${peer.name || peer.id} (${peer.stem}) ${nodesWording(index, peer)}`;
}

/** What the entry's matches select, in prefix-list terms where it can. */
function selection(model: FrrModel, entry: RouteMapEntry, lists: PrefixListLookup): string {
  if (entry.matches.size === 0) return 'every route';
  const parts: string[] = [];
  for (const clause of entry.matches.values()) {
    const name = clause.args.name?.value;
    const family = clause.kind === 'rmap-match-ip-address-prefix-list' ? 'ipv4' : clause.kind === 'rmap-match-ipv6-address-prefix-list' ? 'ipv6' : undefined;
    if (family && name !== undefined) parts.push(prefixListSelection(lists, family, name));
    else parts.push(`routes matching \`${clauseText(model, clause.line)}\``);
  }
  return parts.join(' and ');
}

function prefixListSelection(lists: PrefixListLookup, family: Family, name: string): string {
  const entries = lists(family, name);
  if (entries.length === 0) return `nothing (prefix-list ${name} is not defined)`;
  const permitted = entries.filter((e) => e.action === 'permit');
  if (permitted.length === 0) return `nothing (prefix-list ${name} only denies)`;
  const texts = permitted.map((e) => {
    if (e.any || !e.prefix) return 'any';
    const bounds = `${e.ge ? ` ge ${e.ge}` : ''}${e.le ? ` le ${e.le}` : ''}`;
    return `${formatPrefix(e.prefix)}${bounds}`;
  });
  const shown = texts.slice(0, SHOWN_PREFIXES).join(', ');
  const more = texts.length > SHOWN_PREFIXES ? ` +${texts.length - SHOWN_PREFIXES} more` : '';
  const denies = entries.length - permitted.length;
  return `${shown}${more}${denies > 0 ? ` (${denies} deny ${denies === 1 ? 'entry' : 'entries'} in ${name})` : ''}`;
}

function clauseText(model: FrrModel, line: number): string {
  return model.parse.lines[line]?.tokens.map((t) => t.text).join(' ') ?? '';
}

/** "on 3 nodes", from MetalLB's per-node renders when the index has them, else from the peer's nodeSelectors. */
function nodesWording(index: WorkspaceIndex, peer: PeerIdentity): string {
  const views = index.extras?.nodes.filter((n) => !n.synthetic);
  if (views && views.length > 0) return countWording(views.filter((n) => n.neighborIds.has(peer.id)).length, views.length);
  const nodes = listNodes(index.resources).nodes;
  if (nodes.length === 0) return (peer.peer.spec.nodeSelectors ?? []).length === 0 ? 'on every node' : 'on the nodes its nodeSelectors pick';
  return countWording(nodes.filter((node) => anySelectorMatches(peer.peer.spec.nodeSelectors, node.labels)).length, nodes.length);
}

function countWording(count: number, total: number): string {
  if (count === 0) return 'on no node (no node selected by the BGPPeer)';
  if (count === total && total > 1) return `on all ${total} nodes`;
  return `on ${count} node${count === 1 ? '' : 's'}`;
}

// ---- frr-k8s mode: rawConfig ------------------------------------------------------------------

/**
 * What one `-in` entry of a rawConfig does on one node. frr-k8s renders its own `-in` entries (the
 * `--always-block` denies, then the toReceive permits) and appends the raw config after them, so
 * by seq the entry decides before them, merges into one of them, or sees only the routes none of
 * them matched.
 */
interface Reading {
  /** `decides before frr-k8s’s entries`, `same seq as frr-k8s’s permit 3`, … */
  place: string;
  /**
   * The span of frr-k8s's entries the place is relative to (`3–4`): it follows the neighbor's
   * `-out` entries, so it may differ per node, and nodes agreeing on the rest share one lens.
   * None for a collision, whose place names the entry.
   */
  span?: string;
  effect: string;
}

function rawConfigLenses(index: WorkspaceIndex, ctx: ExtrasContext, doc: WorkspaceDocument): CodeLens[] {
  const rctx = rawContext(ctx);
  const lenses: CodeLens[] = [];
  for (const view of doc.embedded) {
    const raw = rctx.raws.find((source) => source.resource === view.owner);
    if (!raw) continue;
    for (const map of view.model.routeMaps.values()) {
      const peer = peerOfName(index, map.name, 'route-map');
      if (peer?.suffix !== 'in') continue;
      // Where frr-k8s renders no such neighbor the route-map is attached to nothing (frrk8s/unknown-peer names unknown IDs).
      const nodes = raw.nodes.filter((node) => node.neighborIds.has(peer.id));
      if (nodes.length === 0) continue;
      for (const entry of map.entries) {
        const header = entry.headers.at(-1);
        if (!header) continue;
        const range = toDocumentRange(view, header.range);
        for (const title of rawEntryTitles(rctx, raw, view, entry, peer.id, nodes)) lenses.push({ range, title });
      }
    }
  }
  return lenses;
}

/** One title per distinct reading of the entry across `nodes`, each naming its nodes. */
function rawEntryTitles(rctx: RawContext, raw: RawSource, view: FrrView, entry: RouteMapEntry, id: string, nodes: FrrK8sNodeView[]): string[] {
  const groups = new Map<string, { reading: Reading; spans: Set<string>; count: number }>();
  for (const node of nodes) {
    const reading = readingOn(rctx, view, entry, id, node);
    const key = `${reading.place}\n${reading.effect}`;
    const group = groups.get(key) ?? { reading, spans: new Set<string>(), count: 0 };
    if (reading.span !== undefined) group.spans.add(reading.span);
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ reading, spans, count }) => {
    const on = groups.size > 1 ? `on ${count} of ${nodes.length} nodes` : rawNodesWording(rctx, raw, id, nodes);
    if (spans.size === 0) return `${reading.place} ${on}: ${reading.effect}`;
    return `${reading.place} (seq ${[...spans].join(' or ')}): ${reading.effect} ${on}`;
  });
}

function readingOn(rctx: RawContext, view: FrrView, entry: RouteMapEntry, id: string, node: FrrK8sNodeView): Reading {
  const own = node.rendered.routeMaps.get(`${id}-in`)?.entries ?? [];
  const hit = own.find((e) => e.seq === entry.seq);
  if (hit) return { place: `same seq as frr-k8s’s ${hit.action} ${hit.seq}`, effect: `merges into it (see ${SEQ_COLLISION_CODE})` };
  const verb = entry.action === 'permit' ? 'admits' : 'rejects';
  const selected = selection(view.model, entry, nodeLists(rctx, node));
  const from = `from ${neighborWords(rctx, id)}`;
  // frr-k8s numbers its entries consecutively: a seq inside their span is one of theirs, so the entry is before or after all of them.
  const earlier = own.filter((e) => e.seq < entry.seq);
  if (earlier.length === 0) {
    const blocks = own.some((e) => e.action === 'deny') ? ', its --always-block denies included' : '';
    return { place: `decides before frr-k8s’s entries${blocks}`, span: seqSpan(own), effect: `${verb} ${selected} ${from}` };
  }
  const missed = unmatchedWords(earlier);
  const reaching = entry.matches.size === 0 ? `every route ${missed}` : `${selected} among the routes ${missed}`;
  return { place: 'after frr-k8s’s entries', span: seqSpan(earlier), effect: `${verb} ${reaching} ${from}` };
}

/** The prefix-lists FRR holds on `node`: frr-k8s's own and those of every rawConfig appended there. */
function nodeLists(rctx: RawContext, node: FrrK8sNodeView): PrefixListLookup {
  const models = [node.rendered, ...rctx.raws.filter((raw) => raw.nodes.includes(node)).map((raw) => raw.model)];
  return (family, name) => models.flatMap((model) => model.prefixLists[family].get(name)?.entries ?? []);
}

/** The routes that reach past frr-k8s's entries: those none of them matched. */
function unmatchedWords(earlier: RouteMapEntry[]): string {
  const missed = ['toReceive did not accept'];
  if (earlier.some((e) => e.action === 'deny')) missed.push('--always-block did not refuse');
  return missed.join(' and ');
}

function seqSpan(entries: RouteMapEntry[]): string {
  const seqs = entries.map((e) => e.seq);
  const low = Math.min(...seqs);
  const high = Math.max(...seqs);
  return low === high ? `${low}` : `${low}–${high}`;
}

/**
 * Without Nodes no selector is evaluated: the one synthetic node stands for the nodes that both the
 * rawConfig's FRRConfiguration and those declaring the neighbor select.
 */
function rawNodesWording(rctx: RawContext, raw: RawSource, id: string, nodes: FrrK8sNodeView[]): string {
  const synthetic = nodes.find((node) => node.synthetic);
  if (!synthetic) return countWording(nodes.length, rctx.nodes.length);
  const declaring = placedNeighbors(synthetic.selected).filter((placed) => placed.id === id).map((placed) => placed.configuration.resource);
  const selective = [...new Set([raw.resource, ...declaring].filter((resource) => resource.spec.nodeSelector).map(resourceName))];
  if (selective.length === 0) return 'on every node';
  return `on the nodes selected by FRRConfiguration${selective.length > 1 ? 's' : ''} ${selective.join(', ')}`;
}
