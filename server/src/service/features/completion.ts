/**
 * Completion, offsets in and items out, in FRR documents, inside embedded FRR (`extras`,
 * `rawConfig`) and in MetalLB YAML. In FRR text the grammar decides what may come next (keywords
 * of the current context and of the contexts FRR would walk up to, argument placeholders); where
 * the next word names a structure, the names that exist are offered, and after `route-map` the
 * names MetalLB derives from every BGPPeer, the ones still without an `-in` override first.
 */
import type { SymbolKind } from '../frr/model';
import { referenceSpecs } from '../frr/model/references';
import type { FrrVersion, OffsetRange } from '../types';
import { commandDescription, readableSpec } from './commandDocs';
import { embeddedSpelling } from './embeddedOffsets';
import { cursorLine, nextPositions, type NextPosition } from './grammarCursor';
import { lowerBound, partitionPoint } from '../frr/bisect';
import { routeMapSeqs, prefixListSeqs, namesOfKind } from './scopeSymbols';
import { yamlCompletions } from './yamlCompletion';
import { frrViewAt, toDocumentRange, type FrrView, type PeerIdentity, type WorkspaceIndex } from './workspaceIndex';

export type CompletionKind = 'keyword' | 'reference' | 'peer-name' | 'value' | 'placeholder' | 'property' | 'enum';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert; a snippet when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** Order among the items (the client sorts by it). */
  sortText: string;
  /** Document range the item replaces. */
  range: OffsetRange;
}

export interface CompletionOptions {
  frrVersion?: FrrVersion;
}

const bySortText = (a: { sortText: string }, b: { sortText: string }) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0);

/** Every item: FRR ones in sortText order, YAML ones in the order the schema gives them. */
export function completions(index: WorkspaceIndex, uri: string, offset: number, options: CompletionOptions = {}): CompletionItem[] {
  const doc = index.byUri.get(uri);
  if (!doc) return [];
  const at = frrViewAt(doc, offset);
  if (at) return [...frrCompletions(index, at.view, at.offset, options)];
  if (doc.kind === 'yaml') return yamlCompletions(index, doc, offset);
  return [];
}

/**
 * The same items in sortText order (a stable sort), made as the caller takes them: a client that
 * shows the first few hundred does not pay for the thousands of names a large config defines.
 */
export function sortedCompletions(index: WorkspaceIndex, uri: string, offset: number, options: CompletionOptions = {}): Iterable<CompletionItem> {
  const doc = index.byUri.get(uri);
  if (!doc) return [];
  const at = frrViewAt(doc, offset);
  if (at) return frrCompletions(index, at.view, at.offset, options);
  if (doc.kind === 'yaml') return yamlCompletions(index, doc, offset).sort(bySortText);
  return [];
}

/** Words whose position binds a structure name the definition commands create (not a reference). */
const DEFINED_BY: Record<string, SymbolKind> = {
  'route-map|name': 'route-map',
  'route-map-delete|name': 'route-map',
  'prefix-list|name': 'ip-prefix-list',
  'ipv6-prefix-list|name': 'ipv6-prefix-list',
  'community-list|name': 'community-list',
  'large-community-list|name': 'large-community-list',
  'extcommunity-list|name': 'extcommunity-list',
  'as-path-access-list|name': 'as-path-list',
  'bfd-profile|name': 'bfd-profile',
};

function frrCompletions(index: WorkspaceIndex, view: FrrView, offset: number, options: CompletionOptions): Iterable<CompletionItem> {
  const cursor = cursorLine(view.parse, offset);
  const positions = nextPositions(cursor.words, cursor.nodes, options.frrVersion);
  const builder = new ItemBuilder(view, cursor.replace, cursor.partial);
  const seenNames = new Set<string>();
  for (const next of positions) {
    if (next.pos.kind === 'keyword') {
      builder.keyword(next);
      continue;
    }
    const nameKey = `${next.def.id}|${next.pos.bind ?? ''}`;
    if (seenNames.has(`${nameKey}|${next.depth}`)) continue;
    seenNames.add(`${nameKey}|${next.depth}`);
    if (next.depth === 0 || cursor.words.length > 0) namesFor(index, view, next, builder);
    builder.placeholder(next);
  }
  return builder.sorted();
}

function namesFor(index: WorkspaceIndex, view: FrrView, next: NextPosition, builder: ItemBuilder): void {
  const bind = next.pos.bind;
  if (bind === undefined) return;
  const id = next.def.id;
  if (bind === 'seq') {
    seqValues(index, view, next, builder);
    return;
  }
  const defined = DEFINED_BY[`${id}|${bind}`];
  if (defined) {
    if (defined === 'route-map' && !next.negated) peerRouteMapNames(index, view, builder);
    builder.names(namesOfKind(index, view, defined), `existing ${defined}`, '2');
    return;
  }
  for (const spec of referenceSpecs(id, next.node)) {
    if (spec.arg !== bind) continue;
    builder.names(namesOfKind(index, view, spec.kind), spec.kind, '0');
  }
  if (bind === 'peer' && id.startsWith('neighbor-')) {
    builder.names(namesOfKind(index, view, 'neighbor'), 'neighbor', '1');
    builder.names(namesOfKind(index, view, 'peer-group'), 'peer-group', '1');
  }
}

/** `<ID>-in` / `<ID>-out` for every BGPPeer: the peers still without an `-in` override first. */
function peerRouteMapNames(index: WorkspaceIndex, view: FrrView, builder: ItemBuilder): void {
  if (index.peers.length === 0) return;
  const existing = namesOfKind(index, view, 'route-map');
  for (const peer of index.peers) {
    const source = `BGPPeer ${peer.name}${peer.uri ? ` (${basename(peer.uri)})` : ''}`;
    const inName = `${peer.id}-in`;
    const missing = existing[lowerBound(existing, inName)] !== inName;
    builder.peerName(inName, source, missing ? '0' : '1', inDoc(peer, missing));
    builder.peerName(`${peer.id}-out`, source, '3', outDoc(peer));
  }
}

function inDoc(peer: PeerIdentity, missing: boolean): string {
  return (
    `Routes received from ${peer.name} (${peer.stem}${peer.vrf ? `, VRF ${peer.vrf}` : ''}). ` +
    'MetalLB renders `route-map ' +
    `${peer.id}-in deny 20\` (no match: every received route is denied). Add \`permit 10\` with a match to accept routes; ` +
    'seq 20 flips on every reload and seqs above 20 are never reached.' +
    (missing ? ' No override exists yet.' : '')
  );
}

function outDoc(peer: PeerIdentity): string {
  return `Routes announced to ${peer.name} (${peer.stem}). MetalLB owns entries 1..N of this route-map; extras entries must use higher seqs.`;
}

function seqValues(index: WorkspaceIndex, view: FrrView, next: NextPosition, builder: ItemBuilder): void {
  const name = next.bound.name;
  if (name === undefined) return;
  if (next.def.id === 'route-map') {
    const used = routeMapSeqs(index, view, name);
    if (isPeerInMap(index, name)) {
      const seq = [10, 15, 5, 19, 1].find((s) => !used.has(s));
      if (seq !== undefined) builder.value(String(seq), 'below MetalLB’s deny 20: evaluated first, stable across reloads', '0');
      return;
    }
    const max = Math.max(0, ...used);
    builder.value(String((Math.floor(max / 10) + 1) * 10), used.size > 0 ? `after seq ${max}` : 'first entry', '0');
    return;
  }
  if (next.def.id === 'prefix-list' || next.def.id === 'ipv6-prefix-list') {
    const family = next.def.id === 'prefix-list' ? 'ipv4' : 'ipv6';
    const used = prefixListSeqs(index, view, name, family);
    const max = Math.max(0, ...used);
    builder.value(String(max + 5), used.size > 0 ? `next free after seq ${max}` : 'first entry', '0');
  }
}

function isPeerInMap(index: WorkspaceIndex, name: string): boolean {
  return name.endsWith('-in') && index.peers.some((peer) => `${peer.id}-in` === name);
}

function basename(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** Names offered alike (one kind, detail and rank), sorted: the ones starting with the typed word are `names[from..to)`. */
interface NameRun {
  names: readonly string[];
  from: number;
  to: number;
  detail: string;
  rank: string;
  /** When the run was added: of two items with one label and one sortText, the earlier one is kept. */
  order: number;
}

/** An item or a run's name, as `sorted()` merges them; the item itself is made only when taken. */
interface Entry {
  label: string;
  sortText: string;
  order: number;
  item: () => CompletionItem;
}

const before = (a: Entry, b: Entry) => a.sortText < b.sortText || (a.sortText === b.sortText && a.order < b.order);

/**
 * Collects items once per label, in document coordinates: of one label, the item with the lowest
 * sortText (the first added among equal ones). Structure names come as sorted runs that are only
 * turned into items as `sorted()` reaches them.
 */
class ItemBuilder {
  private readonly byLabel = new Map<string, { item: CompletionItem; order: number }>();
  private readonly runs: NameRun[] = [];
  private added = 0;
  private readonly range: OffsetRange;

  constructor(
    private readonly view: FrrView,
    localRange: OffsetRange,
    private readonly partial: string,
  ) {
    this.range = toDocumentRange(view, localRange);
  }

  private add(item: Omit<CompletionItem, 'range'>): void {
    if (!item.label.startsWith(this.partial) && item.kind !== 'placeholder') return;
    const order = this.added++;
    const existing = this.byLabel.get(item.label);
    if (existing && existing.item.sortText <= item.sortText) return;
    this.byLabel.set(item.label, { item: { ...item, range: this.range }, order });
  }

  private spell(text: string): string {
    return this.view.embedded ? embeddedSpelling(this.view.text, this.view.embedded, text) : text;
  }

  keyword(next: NextPosition): void {
    const word = next.pos.text;
    const doc = commandDescription(next.def.id);
    const leaves = next.depth > 0 ? ` (leaves the current context for ${next.node.toLowerCase()})` : '';
    this.add({
      label: word,
      kind: 'keyword',
      detail: readableSpec(next.def.spec) + leaves,
      ...(doc ? { documentation: doc } : {}),
      insertText: word,
      sortText: `${next.depth}5${word}`,
    });
  }

  placeholder(next: NextPosition): void {
    const text = next.pos.repeat ? `${next.pos.text}...` : next.pos.text;
    const what = next.pos.bind ?? 'value';
    this.add({
      label: text,
      kind: 'placeholder',
      detail: `${what}: ${readableSpec(next.def.spec)}`,
      insertText: `\${1:${what}}`,
      snippet: true,
      sortText: `${next.depth}9${text}`,
    });
  }

  /** References to the sorted `names`. */
  names(names: readonly string[], detail: string, rank: string): void {
    const from = lowerBound(names, this.partial);
    const to = partitionPoint(from, names.length, (i) => names[i]!.startsWith(this.partial));
    if (from < to) this.runs.push({ names, from, to, detail, rank, order: this.added++ });
  }

  peerName(name: string, detail: string, rank: string, documentation: string): void {
    this.add({ label: name, kind: 'peer-name', detail, documentation, insertText: this.spell(name), sortText: `0${rank}${name}` });
  }

  value(value: string, detail: string, rank: string): void {
    this.add({ label: value, kind: 'value', detail, insertText: value, sortText: `0${rank}${value}` });
  }

  /** The items in sortText order, merged from the single items and the runs as they are taken. */
  *sorted(): Generator<CompletionItem> {
    const singles = [...this.byLabel.values()]
      .map(({ item, order }): Entry => ({ label: item.label, sortText: item.sortText, order, item: () => item }))
      .sort(bySortText);
    const heads: { entry: Entry; rest: Iterator<Entry> }[] = [];
    for (const rest of [singles.values(), ...this.runs.map((run) => this.entries(run))]) {
      const first = rest.next();
      if (!first.done) heads.push({ entry: first.value, rest });
    }
    const taken = new Set<string>();
    while (heads.length > 0) {
      let best = 0;
      for (let i = 1; i < heads.length; i++) if (before(heads[i]!.entry, heads[best]!.entry)) best = i;
      const head = heads[best]!;
      const { entry } = head;
      const following = head.rest.next();
      if (following.done) heads.splice(best, 1);
      else head.entry = following.value;
      if (taken.has(entry.label)) continue;
      taken.add(entry.label);
      yield entry.item();
    }
  }

  private *entries(run: NameRun): Generator<Entry> {
    for (let i = run.from; i < run.to; i++) {
      const name = run.names[i]!;
      const sortText = `0${run.rank}${name}`;
      yield {
        label: name,
        sortText,
        order: run.order,
        item: () => ({ label: name, kind: 'reference', detail: run.detail, insertText: this.spell(name), sortText, range: this.range }),
      };
    }
  }
}
