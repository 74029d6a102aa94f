/**
 * metallb/missing-peer-lines: some neighbors on a node get an `-in` override and others do not.
 * MetalLB's `deny 20` drops everything from the others, which is rarely intended once the user has
 * opened the door for one peer. Counted per neighbor ID (VRF suffixes included) and per address
 * family: a dual-stack peer whose override only matches IPv4 lists still drops its IPv6 routes.
 * The fix appends a stanza for the missing peer, copying an existing override's clauses.
 */
import type { RouteMapEntry } from '../../../frr/model';
import type { Finding } from '../../../types';
import type { ExtrasContext, NodeView } from '../../../metallb/extras/context';
import type { AddressFamily, RenderedNeighbor } from '../../../metallb/render';
import { blockLines, extrasFinding, extrasSeqs, freeSeqBelow20, perNode, peerRelated, peerWords, routeMapHeaders, splitPeerRouteMap, type ExtrasHeader } from './shared';

export const CODE = 'metallb/missing-peer-lines';

const FAMILY_WORDS: Record<AddressFamily, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** The address families an entry's matches let through (an entry without an address match lets both). */
function coveredFamilies(entry: RouteMapEntry): AddressFamily[] {
  const v4 = [...entry.matches.keys()].some((kind) => kind.startsWith('rmap-match-ip-address'));
  const v6 = [...entry.matches.keys()].some((kind) => kind.startsWith('rmap-match-ipv6-address'));
  if (!v4 && !v6) return ['ipv4', 'ipv6'];
  return [...(v4 ? ['ipv4' as const] : []), ...(v6 ? ['ipv6' as const] : [])];
}

function neighborFamilies(neighbor: RenderedNeighbor): AddressFamily[] {
  return neighbor.family === 'dual' ? ['ipv4', 'ipv6'] : [neighbor.family];
}

export function missingPeerLines(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const headers = routeMapHeaders(source);
  const overrides = headers.filter((h) => {
    const peer = splitPeerRouteMap(h.name);
    return peer?.direction === 'in' && h.seq <= 20 && h.entry?.action === 'permit' && h.entry.headers.at(-1)?.line === h.line;
  });
  if (overrides.length === 0) return [];
  return perNode(ctx, (view) => checkNode(ctx, view, headers, overrides));
}

function checkNode(ctx: ExtrasContext, view: NodeView, headers: readonly ExtrasHeader[], overrides: ExtrasHeader[]): Finding[] {
  const source = ctx.extras!;
  const local = overrides.filter((h) => view.neighborIds.has(splitPeerRouteMap(h.name)!.id));
  if (local.length === 0) return [];
  const coverage = new Map<string, Set<AddressFamily>>();
  for (const header of local) {
    const id = splitPeerRouteMap(header.name)!.id;
    const set = coverage.get(id) ?? new Set<AddressFamily>();
    for (const family of coveredFamilies(header.entry!)) set.add(family);
    coverage.set(id, set);
  }
  const wanted = new Set([...coverage.values()].flatMap((set) => [...set]));
  const findings: Finding[] = [];
  for (const neighbor of view.render.neighbors) {
    const covered = coverage.get(neighbor.id) ?? new Set<AddressFamily>();
    const missing = neighborFamilies(neighbor).filter((family) => wanted.has(family) && !covered.has(family));
    if (missing.length === 0) continue;
    const others = [...coverage.keys()].filter((id) => id !== neighbor.id);
    const familyWords = missing.map((f) => FAMILY_WORDS[f]).join(' and ');
    const message =
      covered.size === 0
        ? `${peerWords(ctx, neighbor.id)} has no route-map ${neighbor.id}-in override while ${others.join(', ')} ${others.length === 1 ? 'has one' : 'have one'}: ` +
          `MetalLB's \`deny 20\` drops every ${familyWords} route it sends.`
        : `${peerWords(ctx, neighbor.id)} receives ${familyWords} routes (${neighbor.family === 'dual' ? 'dual-stack' : neighbor.family}) but its ` +
          `route-map ${neighbor.id}-in override only matches ${[...covered].map((f) => FAMILY_WORDS[f]).join(' and ')} lists: ` +
          `MetalLB's \`deny 20\` still drops its ${familyWords} routes, which other peers' overrides accept.`;
    const stanza = stanzaFor(ctx, neighbor.id, missing, local, headers);
    findings.push(
      extrasFinding(ctx, {
        code: CODE,
        severity: 'warning',
        range: { start: 0, end: 0 },
        yamlRange: source.anchor,
        message,
        related: peerRelated(ctx, neighbor.id),
        fixes: stanza ? [{ title: `Add the route-map ${neighbor.id}-in stanza`, safe: true, edits: [appendEdit(source.embedded.value, stanza)] }] : [],
      }),
    );
  }
  return findings;
}

/** Lines for `id`, copied from the first override that lets each missing family in. */
function stanzaFor(ctx: ExtrasContext, id: string, missing: AddressFamily[], local: ExtrasHeader[], headers: readonly ExtrasHeader[]): string | undefined {
  const source = ctx.extras!;
  const templates: ExtrasHeader[] = [];
  for (const family of missing) {
    const template = local.find((h) => splitPeerRouteMap(h.name)!.id !== id && coveredFamilies(h.entry!).includes(family));
    if (!template) return undefined;
    if (!templates.includes(template)) templates.push(template);
  }
  const taken = extrasSeqs(headers, `${id}-in`);
  const lines: string[] = [];
  for (const template of templates) {
    const seq = template.seq < 20 && !taken.has(template.seq) ? template.seq : freeSeqBelow20(taken);
    if (seq === undefined) return undefined;
    taken.add(seq);
    lines.push(`route-map ${id}-in permit ${seq}`);
    for (const line of blockLines(source, template).slice(1)) {
      if (line.kind !== 'command') continue;
      lines.push(source.embedded.value.slice(lineStartOf(source.embedded.value, line.range.start), line.range.end));
    }
  }
  return lines.join('\n');
}

function lineStartOf(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl < 0 ? 0 : nl + 1;
}

/** Appends whole lines at the end of the text, keeping whether it ends with a newline. */
function appendEdit(value: string, lines: string): { range: { start: number; end: number }; newText: string } {
  const end = value.length;
  if (value === '' || value.endsWith('\n')) return { range: { start: end, end }, newText: `${lines}\n` };
  return { range: { start: end, end }, newText: `\n${lines}` };
}
