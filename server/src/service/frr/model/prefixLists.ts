/**
 * Prefix-lists as FRR stores them (lib/filter_cli.c, lib/filter_nb.c): implicit seq numbers
 * (highest + 5, first 5), same seq replaces, host bits masked, duplicate values dropped (no seq)
 * or rejected (explicit seq), ranges outside `len <= ge <= le <= max` rejected.
 */
import type { OffsetRange } from '../../types';
import type { Arg, CommandMatch, ParsedLine, Token } from '../syntax';
import { anyRange, entryRange, maskPrefix, maxLength, parsePrefix, type Family, type Prefix, type PrefixRange } from '../prefix';
import { LineToken } from './anchor';
import { appended } from '../../grouping';
import type { PrefixList, PrefixListEntry, PrefixListEntryStatus } from './types';
import { sortedBy } from '../bisect';

interface ListState {
  list: PrefixList;
  bySeq: Map<number, PrefixListEntry>;
  byValue: Map<string, PrefixListEntry>;
  highestSeq: number;
}

function valueKey(entry: PrefixListEntry): string {
  if (entry.any) return `${entry.action}|any`;
  const prefix = entry.prefix && maskPrefix(entry.prefix);
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

function numberText(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function numberArg(command: CommandMatch, name: string): number | undefined {
  const value = command.args[name]?.value;
  return value === undefined ? undefined : numberText(value);
}

/** `permit any` matches every route of the family: every such entry shares one range. */
const ANY_ROUTES: Record<Family, PrefixRange> = { ipv4: anyRange('ipv4'), ipv6: anyRange('ipv6') };

/** An entry's status as a number (the record type lists every status). */
const STATUS_CODES: Record<PrefixListEntryStatus, number> = {
  active: 0,
  replaced: 1,
  deleted: 2,
  'duplicate-ignored': 3,
  'duplicate-rejected': 4,
  'invalid-range': 5,
};
const STATUSES = Object.keys(STATUS_CODES) as PrefixListEntryStatus[];

/** `flags`: the family, action, how the line was written, and the status in the bits above those. */
const IPV6 = 1;
const DENY = 2;
const SEQ_EXPLICIT = 4;
const WRITTEN_AS_IP = 8;
const STATUS_SHIFT = 4;

/**
 * `words`: the positions of the prefix, ge and le words on the line, 4 bits each (an entry line
 * has at most 12 words); NO_WORD where the line has none.
 */
const WORD_BITS = 4;
const NO_WORD = (1 << WORD_BITS) - 1;
const PREFIX_WORD = 0;
const GE_WORD = WORD_BITS;
const LE_WORD = 2 * WORD_BITS;

/** The position of `arg`'s word on `line`; NO_WORD without one. */
function wordOf(line: ParsedLine, arg: Arg | undefined): number {
  const token = arg?.tokens[0];
  if (!token) return NO_WORD;
  for (let i = 0; i < line.wordCount; i++) {
    // Comparing texts first makes a token only for the word that may be the one.
    if (line.wordText(i) === token.text && line.token(i).start === token.start) return i;
  }
  return NO_WORD;
}

/**
 * One entry line, anchored to it. Entry lines are a fifth of a MetalLB configuration: an entry
 * keeps its prefix, flags and word positions, and makes its routes, tokens and ge/le from them
 * when read.
 */
class EntryRecord implements PrefixListEntry {
  readonly prefix: Prefix | undefined;
  other: PrefixListEntry | undefined = undefined;
  private flags: number;
  private readonly words: number;

  constructor(
    readonly at: ParsedLine,
    command: CommandMatch,
    readonly list: string,
    family: Family,
    action: 'permit' | 'deny',
    readonly seq: number,
    seqExplicit: boolean,
  ) {
    const prefixArg = command.args.prefix;
    this.prefix = prefixArg ? parsePrefix(prefixArg.value) : undefined;
    const writtenAsIp = family === 'ipv6' && at.wordText(command.negated ? 1 : 0).toLowerCase() === 'ip';
    this.flags = (family === 'ipv6' ? IPV6 : 0) | (action === 'deny' ? DENY : 0) | (seqExplicit ? SEQ_EXPLICIT : 0) | (writtenAsIp ? WRITTEN_AS_IP : 0);
    this.words = (wordOf(at, prefixArg) << PREFIX_WORD) | (wordOf(at, command.args.ge) << GE_WORD) | (wordOf(at, command.args.le) << LE_WORD);
  }

  get line(): number {
    return this.at.index;
  }

  get lineRange(): OffsetRange {
    return this.at;
  }

  get family(): Family {
    return this.flags & IPV6 ? 'ipv6' : 'ipv4';
  }

  get action(): 'permit' | 'deny' {
    return this.flags & DENY ? 'deny' : 'permit';
  }

  get seqExplicit(): boolean {
    return (this.flags & SEQ_EXPLICIT) !== 0;
  }

  get writtenAsIp(): boolean {
    return (this.flags & WRITTEN_AS_IP) !== 0;
  }

  get status(): PrefixListEntryStatus {
    return STATUSES[this.flags >>> STATUS_SHIFT]!;
  }

  set status(status: PrefixListEntryStatus) {
    this.flags = (this.flags & ((1 << STATUS_SHIFT) - 1)) | (STATUS_CODES[status] << STATUS_SHIFT);
  }

  get any(): boolean {
    return this.word(PREFIX_WORD) === NO_WORD;
  }

  get match(): PrefixRange | undefined {
    if (this.any) return ANY_ROUTES[this.family];
    return this.prefix && entryRange(this.prefix, this.ge, this.le);
  }

  get ge(): number | undefined {
    return this.number(GE_WORD);
  }

  get le(): number | undefined {
    return this.number(LE_WORD);
  }

  get prefixToken(): Token | undefined {
    return this.token(PREFIX_WORD);
  }

  get geToken(): Token | undefined {
    return this.token(GE_WORD);
  }

  get leToken(): Token | undefined {
    return this.token(LE_WORD);
  }

  private word(shift: number): number {
    return (this.words >>> shift) & NO_WORD;
  }

  private token(shift: number): Token | undefined {
    const word = this.word(shift);
    return word === NO_WORD ? undefined : new LineToken(this.at, this.at.token(word));
  }

  private number(shift: number): number | undefined {
    const word = this.word(shift);
    return word === NO_WORD ? undefined : numberText(this.at.wordText(word));
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
