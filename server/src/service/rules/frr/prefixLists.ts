/** Iteration over every prefix-list entry line, both families, in document order. */
import type { FrrModel, PrefixListEntry } from '../../frr/model';
import { formatPrefix } from '../../frr/prefix';
import type { FrrRuleContext } from './context';

/** Several rules walk these lines: gather and sort them once per model. */
const entryLinesByModel = new WeakMap<FrrModel, readonly PrefixListEntry[]>();

export function allEntryLines(ctx: FrrRuleContext): readonly PrefixListEntry[] {
  const known = entryLinesByModel.get(ctx.model);
  if (known) return known;
  const out: PrefixListEntry[] = [];
  for (const lists of [ctx.model.prefixLists.ipv4, ctx.model.prefixLists.ipv6]) {
    for (const list of lists.values()) for (const entry of list.lines) out.push(entry);
  }
  out.sort((a, b) => a.line - b.line);
  entryLinesByModel.set(ctx.model, out);
  return out;
}

/** `permit 10.0.0.0/8 ge 16 le 24`, as FRR prints an entry (host bits masked). */
export function describeEntry(entry: PrefixListEntry): string {
  if (entry.any) return `${entry.action} any`;
  const prefix = entry.match ? formatPrefix(entry.match.prefix) : '?';
  const ge = entry.ge !== undefined && entry.ge !== 0 ? ` ge ${entry.ge}` : '';
  const le = entry.le !== undefined && entry.le !== 0 ? ` le ${entry.le}` : '';
  return `${entry.action} ${prefix}${ge}${le}`;
}
