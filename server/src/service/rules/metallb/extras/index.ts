/** Every bgpextras rule, keyed by its stable code. */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { applyOrder } from './applyOrder';
import { emptyMatch } from './emptyMatch';
import { extrasWrongMode } from './extrasWrongMode';
import { inSeqCollision } from './inSeqCollision';
import { inSeqUnreachable } from './inSeqUnreachable';
import { missingPeerLines } from './missingPeerLines';
import { nameCollision } from './nameCollision';
import { outSeqCollision } from './outSeqCollision';
import { seqlessPrefixList } from './seqlessPrefixList';
import type { ExtrasRule } from './shared';
import { unknownPeer } from './unknownPeer';
import { unsupportedExtras } from './unsupportedExtras';

export type { ExtrasRule } from './shared';
export { frrInExtras } from './frrInExtras';

export const EXTRAS_RULES: Readonly<Record<string, ExtrasRule>> = {
  'metallb/in-seq-collision': inSeqCollision,
  'metallb/in-seq-unreachable': inSeqUnreachable,
  'metallb/missing-peer-lines': missingPeerLines,
  'metallb/unknown-peer': unknownPeer,
  'metallb/out-seq-collision': outSeqCollision,
  'metallb/name-collision': nameCollision,
  'metallb/unsupported-extras': unsupportedExtras,
  'metallb/seqless-prefix-list': seqlessPrefixList,
  'metallb/extras-wrong-mode': extrasWrongMode,
  'metallb/apply-order': applyOrder,
  'metallb/empty-match': emptyMatch,
};

export function runExtrasRules(ctx: ExtrasContext): Finding[] {
  return Object.values(EXTRAS_RULES).flatMap((rule) => rule(ctx));
}
