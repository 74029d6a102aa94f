/** Every plain-FRR rule, in the order their codes are documented. */
import type { Finding } from '../../types';
import type { FrrRule, FrrRuleContext } from './context';
import { asnConflict } from './asnConflict';
import { communityValue } from './communityValue';
import { duplicateEntry } from './duplicateEntry';
import { familyMismatch } from './familyMismatch';
import { gotoBackwards } from './gotoBackwards';
import { matchReplaced } from './matchReplaced';
import { neighborUndefined } from './neighborUndefined';
import { prefixHostBits } from './prefixHostBits';
import { prefixListRange } from './prefixListRange';
import { routeMapRedefined } from './routeMapRedefined';
import { shadowedEntry } from './shadowedEntry';
import { timers } from './timers';
import { undefinedReference } from './undefinedReference';
import { unusedDefinition } from './unusedDefinition';

export type { FrrRule, FrrRuleContext, FrrRuleOptions } from './context';

export const FRR_RULES: Readonly<Record<string, FrrRule>> = {
  'frr/undefined-reference': undefinedReference,
  'frr/unused-definition': unusedDefinition,
  'frr/prefix-list-range': prefixListRange,
  'frr/prefix-host-bits': prefixHostBits,
  'frr/family-mismatch': familyMismatch,
  'frr/duplicate-entry': duplicateEntry,
  'frr/shadowed-entry': shadowedEntry,
  'frr/route-map-redefined': routeMapRedefined,
  'frr/match-replaced': matchReplaced,
  'frr/asn-conflict': asnConflict,
  'frr/neighbor-undefined': neighborUndefined,
  'frr/goto-backwards': gotoBackwards,
  'frr/timers': timers,
  'frr/community-value': communityValue,
};

/** The rule whose findings each come from one line alone. */
export const LINE_RULE = 'frr/community-value';
/** The rule whose findings come from the BGP instances (rebuilt with the whole model). */
export const INSTANCE_RULE = 'frr/asn-conflict';
/** The other rules: each finding comes from the part of the model of one name. */
export const NAME_RULES: readonly FrrRule[] = Object.entries(FRR_RULES)
  .filter(([code]) => code !== LINE_RULE && code !== INSTANCE_RULE)
  .map(([, rule]) => rule);

export function runFrrRules(ctx: FrrRuleContext): Finding[] {
  return Object.values(FRR_RULES).flatMap((rule) => rule(ctx));
}
