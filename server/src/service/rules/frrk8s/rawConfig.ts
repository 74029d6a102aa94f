/**
 * frr-k8s `spec.raw.rawConfig`: FRR's own findings (the parser's and every frr/* rule) on the raw
 * config as FRR loads it, i.e. appended by priority after what frr-k8s renders on each node, mapped
 * into the YAML; and the overlap checks of the MetalLB extras: inbound lists accepting the announced
 * pools, and route-map entries an earlier one already decides. A line a message cites is restated
 * in YAML terms (see citedLines.ts): a line of a raw config as its line in the YAML, a line frr-k8s
 * renders as the resource field it comes from.
 */
import { checkFrrText } from '../frr/check';
import { mapFinding } from '../../k8s/embedded';
import { renderFrrK8s } from '../../metallb/frrk8s';
import type { Finding, FrrVersion, OffsetRange, RelatedLocation } from '../../types';
import { lineAt, restateCitedLines, type CitedPlace } from '../metallb/extras/citedLines';
import { inboundPoolOverlaps, routeMapOrderOverlaps, type BlockIndex, type EmbeddedFrrSource } from '../metallb/extras-overlap';
import type { FrrK8sNodeView, RawContext, RawSource } from '../../metallb/extras/rawContext';
import { renderedPlace } from './renderedPlace';
import { onRawNodes, rawFinding, rawWords } from './rawShared';

export const RAW_OVERLAP_CODE = 'frrk8s/prefix-overlap';

const MEETS_RENDER_CODES = new Set(['frr/route-map-redefined', 'frr/shadowed-entry']);

export function checkRawConfigs(rctx: RawContext, blocks: BlockIndex, frrVersion: FrrVersion): Finding[] {
  const findings: Finding[] = [];
  const checked = new Map<string, Finding[]>();
  for (const raw of rctx.raws) {
    const source: EmbeddedFrrSource = { model: raw.model, embedded: raw.embedded, ...(raw.uri !== undefined ? { uri: raw.uri } : {}) };
    // A raw config no node receives is never loaded by FRR: only its own syntax can be judged.
    if (raw.nodes.length === 0) findings.push(...raw.parse.findings.map((finding) => standaloneFinding(raw, finding)));
    else findings.push(...onRawNodes(rctx, raw, (view) => frrFindingsOnNode(rctx, raw, view, frrVersion, checked)));
    findings.push(...inboundPoolOverlaps(source, blocks, RAW_OVERLAP_CODE), ...routeMapOrderOverlaps(source, undefined, RAW_OVERLAP_CODE));
  }
  return findings;
}

function standaloneFinding(raw: RawSource, finding: Finding): Finding {
  const mapped = mapFinding(raw.embedded, finding);
  return raw.uri !== undefined ? { ...mapped, uri: raw.uri } : mapped;
}

/** The raw configs frr-k8s appends on a node, in its order: ascending priority, then resource order. */
function rawsOnNode(rctx: RawContext, view: FrrK8sNodeView): RawSource[] {
  const priority = (raw: RawSource) => raw.resource.spec.raw?.priority?.value ?? 0;
  return rctx.raws.filter((raw) => raw.nodes.includes(view)).sort((a, b) => priority(a) - priority(b));
}

/**
 * FRR's findings inside `raw` on the node's whole file, in YAML coordinates. The hostname is the
 * only node-specific text that cannot change a finding, so equal files share one check.
 */
function frrFindingsOnNode(
  rctx: RawContext,
  raw: RawSource,
  view: FrrK8sNodeView,
  frrVersion: FrrVersion,
  checked: Map<string, Finding[]>,
): Finding[] {
  // renderFrrK8s ends with a line break and puts the raw configs after one more: they start where the plain render ends.
  const base = renderFrrK8s({ ...view.config, hostname: 'node', extraConfig: '' });
  const raws = rawsOnNode(rctx, view);
  // Where each raw config starts in the combined file: they are joined by one line break.
  const starts: number[] = [];
  let next = base.length;
  for (const other of raws) {
    starts.push(next);
    next += other.embedded.value.length + 1;
  }
  const combined = `${base}${raws.map((other) => other.embedded.value).join('\n')}\n`;
  let found = checked.get(combined);
  if (!found) {
    found = checkFrrText(combined, { frrVersion }).findings;
    checked.set(combined, found);
  }
  const start = starts[raws.indexOf(raw)];
  const end = start + raw.embedded.value.length;
  const inside = (range: OffsetRange) => range.start >= start && range.end <= end;
  const local = (range: OffsetRange): OffsetRange => ({ start: range.start - start, end: range.end - start });
  /** A range inside one of the raw configs, in its YAML file. */
  const toYaml = (range: OffsetRange): { other: RawSource; range: OffsetRange } | undefined => {
    const at = starts.findIndex((s, i) => s <= range.start && range.end <= s + raws[i].embedded.value.length);
    if (at < 0) return undefined;
    return { other: raws[at], range: raws[at].embedded.toSourceRange({ start: range.start - starts[at], end: range.end - starts[at] }) };
  };
  const place = (line: { index: number; start: number }): CitedPlace => {
    const lineEnd = combined.indexOf('\n', line.start);
    const yaml = toYaml({ start: line.start, end: lineEnd });
    if (!yaml) return renderedPlace(rctx, view, { ...line, end: lineEnd }, raw);
    const { other } = yaml;
    if (other.file === raw.file) return { yamlLine: lineAt(raw.file.text, yaml.range.start) };
    const file = other.uri !== undefined ? ` of ${other.uri.slice(other.uri.lastIndexOf('/') + 1)}` : '';
    return { words: `in ${rawWords(other)}, line ${lineAt(other.file.text, yaml.range.start)}${file}`, related: [] };
  };
  // frrk8s/seq-collision and name-collision explain raw entries that meet frr-k8s's own in one route-map or list.
  const meetsRender = (finding: Finding) =>
    MEETS_RENDER_CODES.has(finding.code) && (finding.related ?? []).some((r) => r.uri === undefined && r.range.end <= base.length);
  return found.filter((finding) => inside(finding.range) && !meetsRender(finding)).map((finding) => {
    const restated = restateCitedLines(finding.message, combined, place);
    const related: RelatedLocation[] = [
      ...(finding.related ?? []).flatMap((r) => {
        const yaml = r.uri === undefined ? toYaml(r.range) : undefined;
        return yaml ? [{ ...r, range: yaml.range, ...(yaml.other.uri !== undefined ? { uri: yaml.other.uri } : {}) }] : [];
      }),
      ...restated.related,
    ];
    // A fix reaching outside the raw config would edit text frr-k8s generates: it is dropped.
    const fixes = (finding.fixes ?? [])
      .filter((fix) => fix.edits.every((edit) => edit.uri === undefined && inside(edit.range)))
      .map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((edit) => ({ range: local(edit.range), newText: edit.newText })) }));
    return rawFinding(raw, { code: finding.code, severity: finding.severity, range: local(finding.range), message: restated.message, related, fixes });
  });
}
