/**
 * What the bgpextras rules share: the rule signature, the extras' route-map entries as the user
 * wrote them, which neighbor a name belongs to, findings placed in the YAML file, and the merge
 * that turns per-node results into one finding naming the nodes it holds on.
 */
import type { RouteMapEntry } from '../../../frr/model';
import { parseAddress } from '../../../frr/prefix';
import type { ParsedLine, ParseResult } from '../../../frr/syntax';
import type { ExtrasContext, ExtrasSource, NodeView } from '../../../metallb/extras/context';
import { describePeer } from '../../../metallb/extras/peers';
import { parseInternalConfig } from '../../../metallb/internal';
import { buildRenderModel, type OutRouteMapEntry, type RenderedNeighbor } from '../../../metallb/render';
import type { Finding, Fix, OffsetRange, RelatedLocation, Severity, TextEdit } from '../../../types';

export type ExtrasRule = (ctx: ExtrasContext) => Finding[];

/** One `route-map NAME ACTION SEQ` header line of embedded FRR text, with the entry FRR ends with. */
export interface ExtrasHeader {
  name: string;
  action: 'permit' | 'deny';
  seq: number;
  /** Index into the extras' parse lines. */
  line: number;
  /** Index of the RMAP block the header opens. */
  block: number;
  nameRange: OffsetRange;
  seqRange: OffsetRange;
  lineRange: OffsetRange;
  entry?: RouteMapEntry;
}

const headersCache = new WeakMap<ParseResult, readonly ExtrasHeader[]>();

/**
 * The route-map headers of any embedded FRR text: the bgpextras, or a frr-k8s rawConfig. Read once
 * per parse: most rules start from them.
 */
export function routeMapHeaders(source: Pick<ExtrasSource, 'parse' | 'model'>): readonly ExtrasHeader[] {
  let headers = headersCache.get(source.parse);
  if (!headers) {
    headers = readRouteMapHeaders(source);
    headersCache.set(source.parse, headers);
  }
  return headers;
}

function readRouteMapHeaders(source: Pick<ExtrasSource, 'parse' | 'model'>): ExtrasHeader[] {
  const headers: ExtrasHeader[] = [];
  source.parse.lines.forEach((line, index) => {
    // The id first: only route-map lines get their arguments bound.
    if (line.kind !== 'command' || line.commandId !== 'route-map') return;
    const command = line.command;
    if (!command || command.negated) return;
    const { name, action, seq } = command.args;
    if (!name || !action || !seq) return;
    const seqNumber = Number(seq.value);
    if (!Number.isInteger(seqNumber)) return;
    const entry = source.model.routeMaps.get(name.value)?.entries.find((e) => e.seq === seqNumber);
    headers.push({
      name: name.value,
      action: action.value === 'deny' ? 'deny' : 'permit',
      seq: seqNumber,
      line: index,
      block: line.block,
      nameRange: tokensRange(name.tokens),
      seqRange: tokensRange(seq.tokens),
      lineRange: line.range,
      ...(entry ? { entry } : {}),
    });
  });
  return headers;
}

function tokensRange(tokens: { start: number; end: number }[]): OffsetRange {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

/** The lines of the block a header opens (header first), commands and comments, in order. */
export function blockLines(source: ExtrasSource, header: ExtrasHeader): ParsedLine[] {
  const block = source.parse.blocks[header.block];
  if (!block) return [source.parse.lines[header.line]];
  return source.parse.lines.slice(block.header, block.last + 1).filter((line) => line.kind === 'command' || line.kind === 'comment');
}

/** `<ID>-in` / `<ID>-out` → the ID and direction. */
export function splitPeerRouteMap(name: string): { id: string; direction: 'in' | 'out' } | undefined {
  if (name.endsWith('-in') && name.length > 3) return { id: name.slice(0, -3), direction: 'in' };
  if (name.endsWith('-out') && name.length > 4) return { id: name.slice(0, -4), direction: 'out' };
  return undefined;
}

/**
 * Without any BGPPeer in the manifests the neighbor IDs are unknown (the peers live elsewhere):
 * every `<X>-in` / `<X>-out` is then presumed to be MetalLB's, and messages say so.
 */
export function peersKnown(ctx: ExtrasContext): boolean {
  return ctx.peersById.size > 0;
}

/** The nodes on which MetalLB renders neighbor `id`. */
export function nodesWithNeighbor(ctx: ExtrasContext, id: string): NodeView[] {
  return ctx.nodes.filter((view) => view.neighborIds.has(id));
}

export function renderedNeighbor(view: NodeView, id: string): RenderedNeighbor | undefined {
  return view.render.neighbors.find((n) => n.id === id);
}

/** The `-out` entries MetalLB renders for a neighbor that advertises nothing special: the least it always owns. */
export function minimalOutEntries(ctx: ExtrasContext): OutRouteMapEntry[] {
  const plainSession = parseInternalConfig({ sessions: [{ peerAddress: '192.0.2.1', myASN: 64512, peerASN: 64513 }] });
  return buildRenderModel(plainSession, ctx.options.metallbVersion).neighbors[0]?.outEntries ?? [];
}

export function peerLabel(ctx: ExtrasContext, id: string): string {
  return describePeer(id, ctx.peersById.get(id));
}

/** Related locations pointing at the BGPPeers that produce `id`. */
export function peerRelated(ctx: ExtrasContext, id: string): RelatedLocation[] {
  return (ctx.peersById.get(id) ?? []).map((ref) => ({
    ...(ref.uri !== undefined ? { uri: ref.uri } : {}),
    range: ref.range,
    message: `BGPPeer ${ref.name || '(unnamed)'} produces neighbor ${id}`,
  }));
}

export interface ExtrasFindingInput {
  code: string;
  severity: Severity;
  /** Range in the extras value. */
  range: OffsetRange;
  /** A range of the YAML file used instead of `range` (findings about the ConfigMap as a whole). */
  yamlRange?: OffsetRange;
  message: string;
  related?: RelatedLocation[];
  /** Fixes as edits of the extras value; a fix whose edits cannot be written in the YAML is dropped. */
  fixes?: { title: string; safe: boolean; edits: { range: OffsetRange; newText: string }[] }[];
}

/** A finding on the extras text, moved into the YAML file with YAML-correct fixes. */
export function extrasFinding(ctx: ExtrasContext, input: ExtrasFindingInput): Finding {
  const finding: Finding = {
    code: input.code,
    severity: input.severity,
    range: input.yamlRange ?? ctx.toSource(input.range),
    message: input.message,
  };
  const uri = ctx.extras?.uri;
  if (uri !== undefined) finding.uri = uri;
  if (input.related && input.related.length > 0) finding.related = input.related;
  const fixes = yamlFixes(input.fixes, ctx.toEdit);
  if (fixes.length > 0) finding.fixes = fixes;
  return finding;
}

/** Fixes written as edits of embedded text, as edits of its YAML file; a fix with an edit `toEdit` cannot write is dropped. */
export function yamlFixes(fixes: ExtrasFindingInput['fixes'], toEdit: (edit: { range: OffsetRange; newText: string }) => TextEdit | undefined): Fix[] {
  const out: Fix[] = [];
  for (const fix of fixes ?? []) {
    const edits = fix.edits.map(toEdit);
    if (edits.every((edit) => edit !== undefined)) out.push({ title: fix.title, safe: fix.safe, edits: edits as TextEdit[] });
  }
  return out;
}

/** A finding about the ConfigMap as a whole (anchored at its `extras` key). */
export function sourceFinding(source: ExtrasSource, code: string, severity: Severity, message: string, related?: RelatedLocation[]): Finding {
  const finding: Finding = { code, severity, range: source.anchor, message };
  if (source.uri !== undefined) finding.uri = source.uri;
  if (related && related.length > 0) finding.related = related;
  return finding;
}

/**
 * Runs `check` on every node and merges equal findings (same code, range and message); a finding
 * that holds on some nodes only gets those nodes named at the end of its message.
 */
export function perNode(ctx: ExtrasContext, check: (view: NodeView) => Finding[]): Finding[] {
  return mergeOnNodes(ctx.nodes, ctx.nodes, check);
}

/**
 * Runs `check` on `views` and merges equal findings (same code, range and message); one that does
 * not hold on every node of `all` gets the nodes it holds on named (unless every node is synthetic).
 */
export function mergeOnNodes<V extends { node: string; synthetic: boolean }>(
  views: readonly V[],
  all: readonly { synthetic: boolean }[],
  check: (view: V) => Finding[],
): Finding[] {
  const merged = new Map<string, { finding: Finding; nodes: string[] }>();
  for (const view of views) {
    for (const finding of check(view)) {
      const key = `${finding.code}|${finding.range.start}|${finding.range.end}|${finding.message}`;
      const slot = merged.get(key);
      if (slot) slot.nodes.push(view.node);
      else merged.set(key, { finding, nodes: [view.node] });
    }
  }
  return [...merged.values()].map(({ finding, nodes }) =>
    nodes.length === all.length || all.every((view) => view.synthetic) ? finding : { ...finding, message: `${finding.message} ${nodeClause(nodes)}` },
  );
}

export function nodeClause(nodes: readonly string[]): string {
  return nodes.length === 1 ? `(on node ${nodes[0]} only)` : `(on nodes ${nodes.join(', ')} only)`;
}

/** A free route-map seq below MetalLB's `deny 20` for `name`, preferring 10 as MetalLB's docs would. */
export function freeSeqBelow20(taken: ReadonlySet<number>): number | undefined {
  for (const seq of [10, 15, 5, 11, 12, 13, 14, 16, 17, 18, 19, 9, 8, 7, 6, 4, 3, 2, 1]) if (!taken.has(seq)) return seq;
  return undefined;
}

/** Seqs the extras declare for route-map `name`. */
export function extrasSeqs(headers: readonly ExtrasHeader[], name: string): Set<number> {
  return new Set(headers.filter((h) => h.name === name).map((h) => h.seq));
}

/** Levenshtein distance, bounded to keep long junk names cheap. */
export function editDistance(a: string, b: string, limit = 64): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The nodes a rule about neighbor `id` applies to: those rendering it; every node when no BGPPeer
 * is in the manifests (the ID is presumed MetalLB's); none when the ID belongs to no BGPPeer.
 */
export function viewsForPeer(ctx: ExtrasContext, id: string): NodeView[] {
  return peersKnown(ctx) ? nodesWithNeighbor(ctx, id) : ctx.nodes;
}

/** `BGPPeer tor1 (neighbor 10.0.0.1)`, or for presumed IDs a wording that says the BGPPeer was not seen. */
export function peerWords(ctx: ExtrasContext, id: string): string {
  return peersKnown(ctx) ? peerLabel(ctx, id) : `neighbor ${id} (presumed: no BGPPeer in these manifests)`;
}

/** Runs `check` on the nodes that render `id` (see `viewsForPeer`), merged like `perNode`. */
export function onPeerNodes(ctx: ExtrasContext, id: string, check: (view: NodeView) => Finding[]): Finding[] {
  const views = new Set(viewsForPeer(ctx, id));
  return perNode(ctx, (view) => (views.has(view) ? check(view) : []));
}

/** The real neighbor ID a misspelled one most likely meant: the same ID missing its `-<vrf>` suffix, or the nearest by edit distance. */
export function closestId(id: string, ids: string[]): { id: string; missingSuffix: boolean } | undefined {
  const suffixed = ids.filter((real) => real.startsWith(`${id}-`));
  if (suffixed.length === 1) return { id: suffixed[0], missingSuffix: true };
  let best: { id: string; distance: number } | undefined;
  for (const real of ids) {
    const distance = editDistance(id, real);
    if (!best || distance < best.distance || (distance === best.distance && real < best.id)) best = { id: real, distance };
  }
  if (!best) return undefined;
  const addressShaped = parseAddress(id.split('-')[0]) !== undefined;
  const near = best.distance <= Math.max(2, Math.floor(best.id.length / 4));
  return addressShaped || near ? { id: best.id, missingSuffix: false } : undefined;
}

/** The fix both `-in` seq rules offer: the entry moves to a free seq before MetalLB's `deny 20`. */
export function moveBelow20Fixes(header: ExtrasHeader, headers: readonly ExtrasHeader[]): Fix[] {
  const seq = freeSeqBelow20(extrasSeqs(headers, header.name));
  if (seq === undefined) return [];
  return [{ title: `Move route-map ${header.name} to seq ${seq} (before MetalLB's deny 20)`, safe: true, edits: [{ range: header.seqRange, newText: String(seq) }] }];
}
