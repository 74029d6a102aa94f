/**
 * frr-k8s rules (`frrk8s/*`): FRRConfiguration `toReceive` prefixes and `rawConfig` text, checked
 * against the IPAddressPools MetalLB announces. Pure functions of the extras context.
 */
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { announcedBlocks, BlockIndex } from '../metallb/extras-overlap';
import { checkRawConfigs } from './rawConfig';
import { checkToReceive } from './toReceive';

export { MODE_CODE, OVERLAP_CODE, RANGE_CODE } from './toReceive';
export { RAW_OVERLAP_CODE } from './rawConfig';

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
  return checkRawConfigs(ctx.files, poolIndex(ctx), ctx.options.frrVersion);
}

export const FRRK8S_RULES: readonly ((ctx: ExtrasContext) => Finding[])[] = [toReceiveRules, rawConfigRules];
