/**
 * frr-k8s `spec.raw.rawConfig`: FRR's own findings (the parser's and every frr/* rule) on the raw
 * config as FRR loads it, i.e. appended by priority after what frr-k8s renders on each node, mapped
 * into the YAML; and the overlap checks of the MetalLB extras: inbound lists accepting the announced
 * pools, and route-map entries an earlier one already decides.
 */
import { checkFrrText } from '../frr/check';
import { mapFinding } from '../../k8s/embedded';
import { renderFrrK8s } from '../../metallb/frrk8s';
import type { Finding, FrrVersion, OffsetRange, RelatedLocation } from '../../types';
import { inboundPoolOverlaps, routeMapOrderOverlaps, type BlockIndex, type EmbeddedFrrSource } from '../metallb/extras-overlap';
import type { FrrK8sNodeView, RawContext, RawSource } from './rawContext';
import { onRawNodes, rawFinding } from './rawShared';

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
  let start = base.length;
  for (const other of raws) {
    if (other === raw) break;
    start += other.embedded.value.length + 1;
  }
  const combined = `${base}${raws.map((other) => other.embedded.value).join('\n')}\n`;
  let found = checked.get(combined);
  if (!found) {
    found = checkFrrText(combined, { frrVersion }).findings;
    checked.set(combined, found);
  }
  const end = start + raw.embedded.value.length;
  const inside = (range: OffsetRange) => range.start >= start && range.end <= end;
  const local = (range: OffsetRange): OffsetRange => ({ start: range.start - start, end: range.end - start });
  // frrk8s/seq-collision and name-collision explain raw entries that meet frr-k8s's own in one route-map or list.
  const meetsRender = (finding: Finding) =>
    MEETS_RENDER_CODES.has(finding.code) && (finding.related ?? []).some((r) => r.uri === undefined && r.range.end <= base.length);
  return found.filter((finding) => inside(finding.range) && !meetsRender(finding)).map((finding) => {
    const related: RelatedLocation[] = (finding.related ?? [])
      .filter((r) => r.uri === undefined && inside(r.range))
      .map((r) => ({ ...r, range: raw.embedded.toSourceRange(local(r.range)), ...(raw.uri !== undefined ? { uri: raw.uri } : {}) }));
    // A fix reaching outside the raw config would edit text frr-k8s generates: it is dropped.
    const fixes = (finding.fixes ?? [])
      .filter((fix) => fix.edits.every((edit) => edit.uri === undefined && inside(edit.range)))
      .map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((edit) => ({ range: local(edit.range), newText: edit.newText })) }));
    return rawFinding(raw, { code: finding.code, severity: finding.severity, range: local(finding.range), message: finding.message, related, fixes });
  });
}
