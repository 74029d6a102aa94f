/**
 * `metallb/prefix-overlap`: extras prefix-lists that overlap the IPAddressPools MetalLB announces
 * (accepting your own LoadBalancer IPs from a peer), MetalLB's generated lists, or each other
 * inside one route-map. Evaluated per node; a finding names its nodes when not every node has it.
 */
import type { ExtrasContext } from '../../../metallb/extras/context';
import type { Finding } from '../../../types';
import { BlockIndex } from './blockIndex';
import { generatedListOverlaps } from './generated';
import { inboundPoolOverlaps } from './inbound';
import { announcedBlocks } from './pools';
import { routeMapOrderOverlaps } from './routeMapOrder';

export const CODE = 'metallb/prefix-overlap';

export { announcedBlocks, type AnnouncedBlock } from './pools';
export { BlockIndex, type BlockOverlap } from './blockIndex';
export { inboundPoolOverlaps } from './inbound';
export { routeMapOrderOverlaps } from './routeMapOrder';
export type { EmbeddedFrrSource } from './source';

export function prefixOverlap(ctx: ExtrasContext): Finding[] {
  const extras = ctx.extras;
  if (!extras || ctx.options.mode !== 'frr') return [];
  const namespace = ctx.options.namespace;
  const resources = ctx.files
    .flatMap((file) => file.resources)
    .filter((r) => r.metadata.namespace === undefined || r.metadata.namespace.value === namespace);
  const findings = inboundPoolOverlaps(extras, new BlockIndex(announcedBlocks(resources)), CODE);
  const perNode = new Map<string, { finding: Finding; nodes: string[] }>();
  const views = ctx.nodes.length > 0 ? ctx.nodes : [undefined];
  for (const view of views) {
    const found = view
      ? [...generatedListOverlaps(extras, view.render, CODE), ...routeMapOrderOverlaps(extras, view.render, CODE)]
      : routeMapOrderOverlaps(extras, undefined, CODE);
    for (const finding of found) {
      const key = `${finding.range.start}:${finding.range.end}:${finding.message}`;
      const seen = perNode.get(key) ?? { finding, nodes: [] };
      if (view) seen.nodes.push(view.node);
      perNode.set(key, seen);
    }
  }
  const realNodes = ctx.nodes.filter((view) => !view.synthetic).length;
  for (const { finding, nodes } of perNode.values()) {
    const partial = realNodes > 0 && nodes.length < realNodes;
    findings.push(partial ? { ...finding, message: `${finding.message} (on node${nodes.length === 1 ? '' : 's'} ${nodes.join(', ')})` } : finding);
  }
  return findings;
}

export const OVERLAP_RULES: readonly ((ctx: ExtrasContext) => Finding[])[] = [prefixOverlap];
