/**
 * Prefix-lists as FRR stores them (lib/filter_cli.c, lib/filter_nb.c): implicit seq numbers
 * (highest + 5, first 5), same seq replaces, host bits masked, duplicate values dropped (no seq)
 * or rejected (explicit seq), ranges outside `len <= ge <= le <= max` rejected.
 */
import type { CommandMatch, ParsedLine } from '../syntax';
import { anyRange, entryRange, maxLength, parsePrefix, type Family } from '../prefix';
import { argToken, WholeLine, type LineToken } from './anchor';
import { appended } from './symbols';
import type { PrefixList, PrefixListEntry } from './types';
import { sortedBy } from '../bisect';

interface ListState {
  list: PrefixList;
  bySeq: Map<number, PrefixListEntry>;
  byValue: Map<string, PrefixListEntry>;
  highestSeq: number;
}

function valueKey(entry: PrefixListEntry): string {
  if (entry.any) return `${entry.action}|any`;
  const prefix = entry.match?.prefix;
  const value = prefix ? `${prefix.address.toString(16)}/${prefix.length}` : '?';
  return `${entry.action}|${value}|${entry.ge ?? 0}|${entry.le ?? 0}`;
}

/** FRR's daemon-side check (filter_nb.c `prefix_list_length_validate`, verified on 8.4.4). */
function rangeIsValid(prefixLength: number, family: Family, ge?: number, le?: number): boolean {
  const max = maxLength(family);
  if (ge !== undefined && ge !== 0 && ge < prefixLength) return false;
  if (le !== undefined && le !== 0 && le < prefixLength) return false;
  if (ge !== undefined && le !== undefined && ge !== 0 && le !== 0 && ge > le) return false;
  return (ge ?? 0) <= max && (le ?? 0) <= max;
}

function numberArg(command: CommandMatch, name: string): number | undefined {
  const value = command.args[name]?.value;
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** One entry line, anchored to it. */
class EntryRecord implements PrefixListEntry {
  readonly any: boolean;
  readonly prefix: PrefixListEntry['prefix'];
  readonly ge: number | undefined;
  readonly le: number | undefined;
  readonly match: PrefixListEntry['match'];
  readonly lineRange: WholeLine;
  readonly prefixToken: LineToken | undefined;
  readonly geToken: LineToken | undefined;
  readonly leToken: LineToken | undefined;
  readonly writtenAsIp: boolean;
  status: PrefixListEntry['status'] = 'active';
  other: PrefixListEntry | undefined = undefined;

  constructor(
    readonly at: ParsedLine,
    command: CommandMatch,
    readonly list: string,
    readonly family: Family,
    readonly action: 'permit' | 'deny',
    readonly seq: number,
    readonly seqExplicit: boolean,
  ) {
    const prefixArg = command.args.prefix;
    this.prefix = prefixArg ? parsePrefix(prefixArg.value) : undefined;
    this.ge = numberArg(command, 'ge');
    this.le = numberArg(command, 'le');
    this.any = prefixArg === undefined;
    this.match = prefixArg === undefined ? anyRange(family) : this.prefix ? entryRange(this.prefix, this.ge, this.le) : undefined;
    this.lineRange = new WholeLine(at);
    this.prefixToken = argToken(at, prefixArg);
    this.geToken = argToken(at, command.args.ge);
    this.leToken = argToken(at, command.args.le);
    this.writtenAsIp = family === 'ipv6' && at.wordText(command.negated ? 1 : 0).toLowerCase() === 'ip';
  }

  get line(): number {
    return this.at.index;
  }
}

export class PrefixListBuilder {
  private readonly states: Record<Family, Map<string, ListState>> = { ipv4: new Map(), ipv6: new Map() };

  private state(family: Family, name: string): ListState {
    let state = this.states[family].get(name);
    if (!state) {
      state = { list: { name, family, entries: [], lines: [] }, bySeq: new Map(), byValue: new Map(), highestSeq: 0 };
      this.states[family].set(name, state);
    }
    return state;
  }

  /** Records one `ip|ipv6 prefix-list` entry line; returns the entry (for the symbol table). */
  add(line: ParsedLine, command: CommandMatch): PrefixListEntry | undefined {
    const family: Family = command.id === 'ipv6-prefix-list' ? 'ipv6' : 'ipv4';
    const name = command.args.name?.value;
    const action = command.args.action?.value;
    if (name === undefined) return undefined;
    const state = this.state(family, name);
    if (command.negated && action === undefined) {
      const seq = numberArg(command, 'seq');
      const doomed = seq === undefined ? [...state.bySeq.values()] : [state.bySeq.get(seq)];
      for (const entry of doomed) if (entry) this.drop(state, entry);
      return undefined;
    }
    if (action !== 'permit' && action !== 'deny') return undefined;
    const explicitSeq = numberArg(command, 'seq');
    const entry = new EntryRecord(line, command, name, family, action, explicitSeq ?? state.highestSeq + 5, explicitSeq !== undefined);
    state.list.lines = appended(state.list.lines, entry);
    if (command.negated) {
      this.remove(state, entry);
      return entry;
    }
    if (entry.prefix && !rangeIsValid(entry.prefix.length, family, entry.ge, entry.le)) {
      entry.status = 'invalid-range';
      return entry;
    }
    const key = valueKey(entry);
    const same = state.byValue.get(key);
    if (same && same.seq !== entry.seq) {
      entry.status = entry.seqExplicit ? 'duplicate-rejected' : 'duplicate-ignored';
      entry.other = same;
      return entry;
    }
    const previous = state.bySeq.get(entry.seq);
    if (previous) {
      previous.status = 'replaced';
      previous.other = entry;
      state.byValue.delete(valueKey(previous));
    }
    state.bySeq.set(entry.seq, entry);
    state.byValue.set(key, entry);
    if (entry.seq > state.highestSeq) state.highestSeq = entry.seq;
    return entry;
  }

  /** `no ip prefix-list NAME [seq N] …` removes one entry; `no ip prefix-list NAME` the whole list. */
  private remove(state: ListState, entry: PrefixListEntry): void {
    entry.status = 'deleted';
    const targets = entry.seqExplicit
      ? [state.bySeq.get(entry.seq)]
      : entry.match || entry.any
        ? [state.byValue.get(valueKey(entry))]
        : [...state.bySeq.values()];
    for (const target of targets) {
      if (target) this.drop(state, target, entry);
    }
  }

  private drop(state: ListState, target: PrefixListEntry, by?: PrefixListEntry): void {
    target.status = 'deleted';
    target.other = by;
    state.bySeq.delete(target.seq);
    state.byValue.delete(valueKey(target));
    if (target.seq === state.highestSeq) {
      let highest = 0;
      for (const seq of state.bySeq.keys()) if (seq > highest) highest = seq;
      state.highestSeq = highest;
    }
  }

  finish(): Record<Family, Map<string, PrefixList>> {
    const out: Record<Family, Map<string, PrefixList>> = { ipv4: new Map(), ipv6: new Map() };
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const [name, state] of this.states[family]) {
        state.list.entries = sortedBy([...state.bySeq.values()], (entry) => entry.seq);
        out[family].set(name, state.list);
      }
    }
    return out;
  }
}
