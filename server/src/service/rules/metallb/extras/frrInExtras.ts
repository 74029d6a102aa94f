/**
 * FRR's own rules (frr/*) on the file FRR really loads (render + extras), reported where they fall
 * inside the extras. MetalLB's own entries make some of them redundant (a re-declared `-in`/`-out`
 * entry is what the seq rules explain), and an undefined prefix-list in an `-in` override needs the
 * MetalLB consequence spelt out: the override never matches, so `deny 20` drops the peer's routes.
 * A route-map metallb/unknown-peer reports is attached nowhere: saying it is unused only repeats that.
 * A line a message cites is restated in YAML terms (see citedLines.ts).
 */
import type { ParseResult } from '../../../frr/syntax';
import { checkFrrText } from '../../frr/check';
import type { ExtrasContext, ExtrasSource, NodeView } from '../../../metallb/extras/context';
import { toYamlEdit } from '../../../metallb/extras/yamlEdit';
import { renderModelText, type RenderModel } from '../../../metallb/render';
import type { Finding, OffsetRange, TextEdit } from '../../../types';
import { lineAt, restateCitedLines, structureAt, type CitedPlace } from './citedLines';
import { peerRelated, peersKnown, peerWords, perNode, routeMapHeaders, splitPeerRouteMap, type ExtrasHeader } from './shared';
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
  const cache = new Map<string, Finding[]>();
  return perNode(ctx, (view) =>
    combinedFindings(ctx, view.render, source, cache).flatMap((finding) => {
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

/**
 * FRR's rules on render + extras; only findings inside the extras are kept, mapped into the YAML.
 * The hostname line is the only node-specific text that cannot change a finding, so nodes whose
 * renders differ only there share one check.
 */
function combinedFindings(ctx: ExtrasContext, render: RenderModel, extras: ExtrasSource, cache: Map<string, Finding[]>): Finding[] {
  const value = extras.embedded.value;
  const neutral = { ...render, hostname: 'node' };
  const base = renderModelText({ ...neutral, extras: '' }).length;
  const combined = renderModelText({ ...neutral, extras: value });
  const cached = cache.get(combined);
  if (cached) return cached;
  const inside = (range: OffsetRange): boolean => range.start >= base && range.end <= base + value.length;
  const shift = (range: OffsetRange): OffsetRange => extras.embedded.toSourceRange({ start: range.start - base, end: range.end - base });
  const check = checkFrrText(combined, { frrVersion: ctx.options.frrVersion });
  const place = ({ index, start }: { index: number; start: number }): CitedPlace =>
    start >= base ? { yamlLine: lineAt(extras.file.text, shift({ start, end: start }).start) } : renderedPlace(ctx, check.parse, index);
  const found: Finding[] = [];
  for (const finding of check.findings) {
    if (!inside(finding.range)) continue;
    const restated = restateCitedLines(finding.message, combined, place);
    const mapped: Finding = { ...finding, range: shift(finding.range), message: restated.message };
    if (extras.uri !== undefined) mapped.uri = extras.uri;
    const related = [
      ...(finding.related ?? [])
        .filter((r) => r.uri === undefined && inside(r.range))
        .map((r) => ({ ...r, range: shift(r.range), ...(extras.uri !== undefined ? { uri: extras.uri } : {}) })),
      ...restated.related,
    ];
    if (related.length > 0) mapped.related = related;
    else delete mapped.related;
    const fixes = (finding.fixes ?? []).flatMap((fix) => {
      const edits: TextEdit[] = [];
      for (const edit of fix.edits) {
        if (edit.uri !== undefined || !inside(edit.range)) return [];
        const yamlEdit = toYamlEdit(
          { embedded: extras.embedded, source: extras.file.text, ...(extras.uri !== undefined ? { uri: extras.uri } : {}) },
          { range: { start: edit.range.start - base, end: edit.range.end - base }, newText: edit.newText },
        );
        if (!yamlEdit) return [];
        edits.push(yamlEdit);
      }
      return [{ ...fix, edits }];
    });
    if (fixes.length > 0) mapped.fixes = fixes;
    else delete mapped.fixes;
    found.push(mapped);
  }
  cache.set(combined, found);
  return found;
}

/**
 * A line of MetalLB's render, for someone who never sees that file: what MetalLB generated it for
 * (the BGPPeers of the neighbor whose prefix-list or route-map it belongs to, pointed at as related
 * locations), else simply MetalLB's rendered configuration.
 */
function renderedPlace(ctx: ExtrasContext, parse: ParseResult, index: number): CitedPlace {
  const structure = structureAt(parse, index);
  const ids = new Set([...ctx.peersById.keys(), ...ctx.nodes.flatMap((view) => [...view.neighborIds])]);
  // The longest ID first: `10.0.0.1-red-in` belongs to `10.0.0.1-red`, not to `10.0.0.1`.
  const id = structure && [...ids].sort((a, b) => b.length - a.length).find((candidate) => structure.name.startsWith(`${candidate}-`));
  if (!structure || id === undefined) return { words: "in MetalLB's rendered configuration", related: [] };
  const refs = ctx.peersById.get(id) ?? [];
  const who = refs.length > 0 ? refs.map((ref) => `BGPPeer ${ref.name || '(unnamed)'}`).join(' and ') : `neighbor ${id}`;
  return {
    words: structure.kind === 'prefix-list' ? `generated by MetalLB for ${who}` : `in MetalLB's rendered configuration for ${who}`,
    related: peerRelated(ctx, id),
  };
}
