/**
 * metallb/extras-wrong-mode: a non-empty bgpextras while MetalLB runs in frr-k8s mode. MetalLB then
 * rejects its whole configuration; frr-k8s takes extra FRR text from an FRRConfiguration's
 * `spec.raw.rawConfig` instead.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { sourceFinding } from './shared';

export const CODE = 'metallb/extras-wrong-mode';

export function extrasWrongMode(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source || ctx.options.mode !== 'frr-k8s' || source.embedded.value.trim() === '') return [];
  return [
    sourceFinding(
      source,
      CODE,
      'error',
      'MetalLB runs in frr-k8s mode, where bgpextras is not supported: with a non-empty bgpextras MetalLB rejects the whole ' +
        'configuration and no change reaches any node. Move this FRR text to an FRRConfiguration `spec.raw.rawConfig`, or empty the ConfigMap.',
    ),
  ];
}
