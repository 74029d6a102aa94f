/**
 * frr-k8s rules (`frrk8s/*`): FRRConfiguration `toReceive` prefixes and `rawConfig` text, checked
 * against the IPAddressPools MetalLB announces and, per node, against what frr-k8s renders there
 * (seq and name collisions, unknown neighbors, overrides the supported API expresses), timers
 * frr-k8s leaves out of frr.conf, and what frr-k8s's admission webhook would refuse
 * (`frrk8s/webhook`, with the merge conflicts of each node). Pure functions of the extras context.
 */
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { announcedBlocks, BlockIndex } from '../metallb/extras-overlap';
import { nameCollision } from './nameCollision';
import { preferToReceive } from './preferToReceive';
import { checkRawConfigs } from './rawConfig';
import { rawContext } from '../../metallb/extras/rawContext';
import { seqCollision } from './seqCollision';
import { timerNotRendered } from './timerNotRendered';
import { checkToReceive } from './toReceive';
import { unknownPeer } from './unknownPeer';
import { frrk8sWebhook } from './webhook';

export { MODE_CODE, OVERLAP_CODE, RANGE_CODE } from './toReceive';
export { RAW_OVERLAP_CODE } from './rawConfig';
export { NAME_COLLISION_CODE } from './nameCollision';
export { PREFER_TO_RECEIVE_CODE } from './preferToReceive';
export { SEQ_COLLISION_CODE } from './seqCollision';
export { TIMER_NOT_RENDERED_CODE } from './timerNotRendered';
export { UNKNOWN_PEER_CODE } from './unknownPeer';
export { WEBHOOK_CODE } from './webhook';

function poolIndex(ctx: ExtrasContext): BlockIndex {
  const namespace = ctx.options.namespace;
  const resources = ctx.files
    .flatMap((file) => file.resources)
    .filter((r) => r.kind === 'IPAddressPool' || r.kind === 'BGPAdvertisement')
    .filter((r) => r.metadata.namespace === undefined || r.metadata.namespace.value === namespace);
  return new BlockIndex(announcedBlocks(resources));
}

export function toReceiveRules(ctx: ExtrasContext): Finding[] {
  return checkToReceive(ctx.files, poolIndex(ctx));
}

/** Codes that, on a route-map frrk8s/unknown-peer reports, only repeat it (the map is attached nowhere). */
const SAID_BY_UNKNOWN_PEER = new Set(['frr/unused-definition', 'frr/undefined-reference']);

export function rawConfigRules(ctx: ExtrasContext): Finding[] {
  const findings = checkRawConfigs(rawContext(ctx), poolIndex(ctx), ctx.options.frrVersion);
  const unknown = unknownPeer(ctx);
  if (unknown.length === 0) return findings;
  return findings.filter(
    (finding) =>
      !SAID_BY_UNKNOWN_PEER.has(finding.code) ||
      !unknown.some((u) => u.uri === finding.uri && u.range.start === finding.range.start && u.range.end === finding.range.end),
  );
}

export const FRRK8S_RULES: readonly ((ctx: ExtrasContext) => Finding[])[] = [
  toReceiveRules,
  rawConfigRules,
  seqCollision,
  nameCollision,
  unknownPeer,
  preferToReceive,
  timerNotRendered,
  frrk8sWebhook,
];
