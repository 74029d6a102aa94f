/**
 * metallb/seqless-prefix-list: a prefix-list line without `seq`. frr-reload.py (FRR 9.x) reports
 * such lines as changed and re-adds them on every reload (FRRouting/frr#15213). The fix writes the
 * seq FRR assigns implicitly, so the list keeps its order.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { extrasFinding } from './shared';

export const CODE = 'metallb/seqless-prefix-list';

export function seqlessPrefixList(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const findings: Finding[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    for (const list of source.model.prefixLists[family].values()) {
      for (const entry of list.lines) {
        // A seqless duplicate is dropped by FRR; giving it a seq would make FRR reject it (frr/duplicate-entry says so).
        if (entry.seqExplicit || entry.status !== 'active') continue;
        const command = source.parse.lines[entry.line]?.command;
        const nameArg = command?.args.name;
        if (!nameArg) continue;
        const after = nameArg.tokens[nameArg.tokens.length - 1].end;
        const keyword = source.parse.lines[entry.line]?.tokens[0]?.text ?? 'ip';
        findings.push(
          extrasFinding(ctx, {
            code: CODE,
            severity: 'warning',
            range: entry.lineRange,
            message:
              `${keyword} prefix-list ${list.name} has no seq: FRR numbers it ${entry.seq}, but frr-reload.py (FRR 9.x) sees the line as new on ` +
              'every reload and adds it again (FRRouting/frr#15213). Write the seq explicitly.',
            fixes: [{ title: `Add seq ${entry.seq}`, safe: true, edits: [{ range: { start: after, end: after }, newText: ` seq ${entry.seq}` }] }],
          }),
        );
      }
    }
  }
  return findings.sort((a, b) => a.range.start - b.range.start);
}
