/**
 * frr/shadowed-entry: a prefix-list entry no route reaches because earlier entries (lower seq)
 * already match every route it matches (Batfish's filterLineReachability). Earlier entries are
 * indexed by prefix, so each entry costs one lookup per distinct prefix length.
 */
import type { PrefixListEntry } from '../../frr/model';
import { coveringSet, PrefixIndex } from '../../frr/prefix';
import type { Finding } from '../../types';
import { lineNumber, type FrrRuleContext } from './context';
import { describeEntry } from './prefixLists';

export const CODE = 'frr/shadowed-entry';

export function shadowedEntry(ctx: FrrRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const lists of [ctx.model.prefixLists.ipv4, ctx.model.prefixLists.ipv6]) {
    for (const list of lists.values()) {
      // A first entry has nothing before it to be shadowed by.
      if (list.entries.length < 2) continue;
      const index = new PrefixIndex<PrefixListEntry>();
      for (const entry of list.entries) {
        // Read once: an entry makes its routes when asked.
        const match = entry.match;
        if (!match) continue;
        const covering = coveringSet(match, index.containing(match.prefix));
        if (covering) findings.push(toFinding(ctx, entry, covering));
        index.add(match, entry);
      }
    }
  }
  return findings;
}

function toFinding(ctx: FrrRuleContext, entry: PrefixListEntry, covering: PrefixListEntry[]): Finding {
  const names = covering.map((c) => `seq ${c.seq} (${describeEntry(c)}, line ${lineNumber(ctx, c.line)})`).join(' and ');
  const differing = covering.filter((c) => c.action !== entry.action);
  const verb = covering.length === 1 ? 'matches' : 'match';
  let tail = ', so this entry changes nothing';
  if (differing.length === covering.length) tail = ` with a different action, so this ${entry.action} never applies`;
  // Naming the differing entries keeps the message true when the others share this entry's action.
  else if (differing.length > 0) {
    const seqs = differing.map((c) => `seq ${c.seq}`).join(' and ');
    tail = `; ${seqs} ${differing.length === 1 ? 'has' : 'have'} the other action (${differing[0].action}), so this ${entry.action} never applies`;
  }
  return {
    code: CODE,
    severity: 'warning',
    range: entry.lineRange,
    message: `seq ${entry.seq} (${describeEntry(entry)}) is never reached: ${names} already ${verb} every route it matches${tail}.`,
    related: covering.map((c) => ({ range: c.lineRange, message: `seq ${c.seq} ${describeEntry(c)}` })),
  };
}
