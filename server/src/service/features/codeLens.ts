/**
 * A code lens on every `<ID>-in` route-map entry of the bgpextras: what that entry does to the
 * routes of the peer, given MetalLB's own `route-map <ID>-in deny 20` (DESIGN.md §5): below 20 it
 * admits (or rejects) what its matches select; a `permit 20` flips on every reload, a `deny 20` adds
 * its matches to MetalLB's entry; above 20 it is never reached. Only FRR mode renders that entry:
 * in frr-k8s mode MetalLB refuses a non-empty bgpextras altogether (metallb/extras-wrong-mode), so
 * no entry of it does anything and there is no lens.
 */
import type { FrrModel, RouteMapEntry } from '../frr/model';
import { formatPrefix } from '../frr/prefix';
import { anySelectorMatches } from '../k8s/selectors';
import { listNodes } from '../metallb/nodes';
import type { OffsetRange } from '../types';
import { peerOfName } from './peerNames';
import { toDocumentRange, viewsInScope, type FrrView, type PeerIdentity, type WorkspaceIndex } from './workspaceIndex';

export interface CodeLens {
  /** The entry's header line, in document offsets. */
  range: OffsetRange;
  title: string;
}

/** MetalLB's own entry in every `-in` route-map. */
const METALLB_IN_SEQ = 20;
/** Prefix-list entries named in a lens before "+N more". */
const SHOWN_PREFIXES = 3;

export function codeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  const doc = index.byUri.get(uri);
  if (!doc || index.extras?.options.mode === 'frr-k8s') return [];
  const lenses: CodeLens[] = [];
  for (const view of doc.embedded) {
    if (view.scope !== 'metallb') continue;
    for (const map of view.model.routeMaps.values()) {
      const peer = peerOfName(index, map.name, 'route-map');
      if (!peer?.identity || peer.suffix !== 'in') continue;
      for (const entry of map.entries) {
        const header = entry.headers.at(-1);
        if (!header) continue;
        lenses.push({ range: toDocumentRange(view, header.range), title: entryTitle(index, view, entry, peer.identity) });
      }
    }
  }
  return lenses.sort((a, b) => a.range.start - b.range.start);
}

function entryTitle(index: WorkspaceIndex, view: FrrView, entry: RouteMapEntry, peer: PeerIdentity): string {
  if (entry.seq > METALLB_IN_SEQ) return `never evaluated: MetalLB’s deny ${METALLB_IN_SEQ} matches every route first`;
  if (entry.seq === METALLB_IN_SEQ && entry.action === 'permit') {
    return `unstable: MetalLB re-sends \`deny ${METALLB_IN_SEQ}\` on reload and flips this entry between permit and deny`;
  }
  // The same action as MetalLB's entry never flips; only the matches it adds change what seq 20 catches.
  if (entry.seq === METALLB_IN_SEQ) {
    if (entry.matches.size === 0) return `no effect: re-declares MetalLB’s own deny ${METALLB_IN_SEQ}, which rejects every route`;
    return (
      `narrows MetalLB’s own deny ${METALLB_IN_SEQ} to ${selection(index, view, entry)}: ` +
      'other routes go on to later entries, or are rejected at the end of the route-map'
    );
  }
  const verb = entry.action === 'permit' ? 'admits' : 'rejects';
  return `${verb} ${selection(index, view, entry)} from ${peer.name || peer.id} (${peer.stem}) ${nodesWording(index, peer)}`;
}

/** What the entry's matches select, in prefix-list terms where it can. */
function selection(index: WorkspaceIndex, view: FrrView, entry: RouteMapEntry): string {
  if (entry.matches.size === 0) return 'every route';
  const parts: string[] = [];
  for (const clause of entry.matches.values()) {
    const name = clause.args.name?.value;
    const family = clause.kind === 'rmap-match-ip-address-prefix-list' ? 'ipv4' : clause.kind === 'rmap-match-ipv6-address-prefix-list' ? 'ipv6' : undefined;
    if (family && name !== undefined) parts.push(prefixListSelection(index, view, family, name));
    else parts.push(`routes matching \`${clauseText(view.model, clause.line)}\``);
  }
  return parts.join(' and ');
}

function prefixListSelection(index: WorkspaceIndex, view: FrrView, family: 'ipv4' | 'ipv6', name: string): string {
  const entries = viewsInScope(index, view.scope).flatMap((other) => other.model.prefixLists[family].get(name)?.entries ?? []);
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
