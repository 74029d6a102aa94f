/**
 * Route-map entries as FRR keeps them (lib/routemap.c): keyed by NAME+SEQ; a header with the
 * other action flips the action and keeps the clauses; a second clause of one kind replaces the
 * first; `no` forms remove.
 */
import type { CommandMatch, ParsedLine } from '../syntax';
import { argRange, WholeLine } from './anchor';
import { ClauseRecord, HeaderRecord, JumpRecord } from './records';
import { appended } from './symbols';
import type { Clause, RouteMap, RouteMapEntry } from './types';
import { sortedBy } from '../bisect';

/** Most entries have no match or no set clause, no replaced clause and no jump: they share these until their first one. */
const NO_CLAUSES: ReadonlyMap<string, Clause> = new Map();
const NONE: readonly never[] = Object.freeze([]);

export class RouteMapBuilder {
  private readonly maps = new Map<string, Map<number, RouteMapEntry>>();

  /** A `route-map NAME ACTION SEQ` header; returns the entry its block configures. */
  header(line: ParsedLine, command: CommandMatch): RouteMapEntry | undefined {
    const name = command.args.name?.value;
    const action = command.args.action?.value;
    const seqText = command.args.seq?.value;
    if (name === undefined) return undefined;
    let entries = this.maps.get(name);
    if (!entries) {
      entries = new Map();
      this.maps.set(name, entries);
    }
    if (command.negated) {
      if (seqText === undefined) entries.clear();
      else entries.delete(Number(seqText));
      return undefined;
    }
    if ((action !== 'permit' && action !== 'deny') || seqText === undefined || !/^\d+$/.test(seqText)) return undefined;
    const seq = Number(seqText);
    let entry = entries.get(seq);
    if (!entry) {
      entry = { name, seq, action, headers: [], matches: NO_CLAUSES, sets: NO_CLAUSES, replaced: NONE, jumps: NONE };
      entries.set(seq, entry);
    }
    entry.action = action;
    const actionArg = command.args.action;
    entry.headers = appended(entry.headers, new HeaderRecord(line, action, actionArg ? argRange(line, actionArg) : new WholeLine(line)));
    return entry;
  }

  /** A line inside a route-map entry. */
  clause(entry: RouteMapEntry, line: ParsedLine, command: CommandMatch): void {
    const clause: Clause = new ClauseRecord(command.id, line);
    if (command.id.startsWith('rmap-match-')) entry.matches = this.apply(entry, entry.matches, clause, command.negated);
    else if (command.id.startsWith('rmap-set-')) entry.sets = this.apply(entry, entry.sets, clause, command.negated);
    else if (!command.negated && (command.id === 'rmap-on-match-goto' || command.id === 'rmap-continue')) {
      const seqArg = command.args.seq;
      const target = seqArg && /^\d+$/.test(seqArg.value) ? Number(seqArg.value) : undefined;
      const kind = command.id === 'rmap-continue' ? 'continue' : 'on-match-goto';
      const jump = new JumpRecord(kind, line, target, seqArg ? argRange(line, seqArg) : undefined);
      entry.jumps = [...entry.jumps, jump];
    }
  }

  /** The entry's clauses of one sort after `clause`. */
  private apply(entry: RouteMapEntry, current: ReadonlyMap<string, Clause>, clause: Clause, negated: boolean): ReadonlyMap<string, Clause> {
    const clauses = current === NO_CLAUSES ? new Map<string, Clause>() : (current as Map<string, Clause>);
    if (negated) {
      clauses.delete(clause.kind);
      return clauses;
    }
    const previous = clauses.get(clause.kind);
    if (previous) entry.replaced = [...entry.replaced, { clause: previous, by: clause }];
    clauses.set(clause.kind, clause);
    return clauses;
  }

  finish(): Map<string, RouteMap> {
    const out = new Map<string, RouteMap>();
    for (const [name, entries] of this.maps) {
      out.set(name, { name, entries: sortedBy([...entries.values()], (entry) => entry.seq) });
    }
    return out;
  }
}
