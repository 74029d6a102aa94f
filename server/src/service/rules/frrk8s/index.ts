/**
 * frr-k8s rules (`frrk8s/*`): FRRConfiguration `toReceive` prefixes and `rawConfig` text, checked
 * against the IPAddressPools MetalLB announces and, per node, against what frr-k8s renders there
 * (seq and name collisions, unknown neighbors, overrides the supported API expresses). Pure
 * functions of the extras context.
 */
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { announcedBlocks, BlockIndex } from '../metallb/extras-overlap';
import { nameCollision } from './nameCollision';
import { preferToReceive } from './preferToReceive';
import { checkRawConfigs } from './rawConfig';
import { rawContext } from './rawContext';
import { seqCollision } from './seqCollision';
import { checkToReceive } from './toReceive';
import { unknownPeer } from './unknownPeer';

export { MODE_CODE, OVERLAP_CODE, RANGE_CODE } from './toReceive';
export { RAW_OVERLAP_CODE } from './rawConfig';
export { NAME_COLLISION_CODE } from './nameCollision';
export { PREFER_TO_RECEIVE_CODE } from './preferToReceive';
export { SEQ_COLLISION_CODE } from './seqCollision';
export { UNKNOWN_PEER_CODE } from './unknownPeer';

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

export function rawConfigRules(ctx: ExtrasContext): Finding[] {
  return checkRawConfigs(rawContext(ctx).raws, poolIndex(ctx));
}

export const FRRK8S_RULES: readonly ((ctx: ExtrasContext) => Finding[])[] = [
  toReceiveRules,
  rawConfigRules,
  seqCollision,
  nameCollision,
  unknownPeer,
  preferToReceive,
];
