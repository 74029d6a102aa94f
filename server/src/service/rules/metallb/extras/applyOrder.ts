/**
 * metallb/apply-order: the bgpextras ConfigMap comes after BGPPeers in apply order (file order,
 * then document order). FRR versions before the fix Red Hat notes for OpenShift < 4.14 only apply
 * the extras to sessions opened after them: the speakers need a restart once the ConfigMap exists.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { sourceFinding } from './shared';

export const CODE = 'metallb/apply-order';

export function applyOrder(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source || source.embedded.value.trim() === '') return [];
  const earlier = ctx.files.flatMap((file, fileIndex) =>
    file.resources
      .filter((r) => r.kind === 'BGPPeer')
      .filter((r) => fileIndex < source.fileIndex || (fileIndex === source.fileIndex && r.document < source.configMap.document))
      .map((r) => ({ r, uri: r.uri ?? file.uri })),
  );
  if (earlier.length === 0) return [];
  const names = earlier.map(({ r }) => r.metadata.name?.value ?? '(unnamed)');
  return [
    sourceFinding(
      source,
      CODE,
      'information',
      `The bgpextras ConfigMap is applied after BGPPeer ${names.join(', ')}: with the FRR bug Red Hat documents for OpenShift < 4.14, ` +
        'extras that arrive after MetalLB opened the sessions are not applied to them. Apply the ConfigMap first, or restart the speaker pods after applying it.',
      earlier.map(({ r, uri }) => ({ ...(uri !== undefined ? { uri } : {}), range: r.metadata.name?.range ?? r.kindRange, message: 'applied before the bgpextras ConfigMap' })),
    ),
  ];
}
