/**
 * Route-map entries as FRR keeps them (lib/routemap.c): keyed by NAME+SEQ; a header with the
 * other action flips the action and keeps the clauses; a second clause of one kind replaces the
 * first; `no` forms remove.
 */
import type { CommandMatch, ParsedLine } from '../syntax';
import { ClauseRecord, HeaderRecord, JumpRecord } from './records';
import { appended, listOf, oneOrMore, type OneOrMore } from '../../grouping';
import type { Clause, RouteMap, RouteMapEntry, RouteMapHeader } from './types';
import { sortedBy } from '../bisect';

const NONE: readonly never[] = Object.freeze([]);
const MATCH = 'rmap-match-';
const SET = 'rmap-set-';

type Jump = RouteMapEntry['jumps'][number];

/**
 * One entry. Most have one header and one clause or none, and no rule of a full check reads the
 * clauses by kind: the entry keeps a lone header or clause as it is, its clauses of both sorts
 * together, and makes the lists and maps its interface shows when read.
 */
class RouteMapEntryRecord implements RouteMapEntry {
  private headerItems: OneOrMore<HeaderRecord>;
  /** The effective match and set clauses in FRR's order: a clause replacing one of its kind takes its place. */
  private clauseItems: OneOrMore<Clause> | undefined = undefined;
  replaced: readonly { clause: Clause; by: Clause }[] = NONE;
  jumps: readonly Jump[] = NONE;

  constructor(
    readonly name: string,
    readonly seq: number,
    public action: 'permit' | 'deny',
    header: HeaderRecord,
  ) {
    this.headerItems = header;
  }

  get headers(): readonly RouteMapHeader[] {
    return listOf(this.headerItems);
  }

  get matches(): ReadonlyMap<string, Clause> {
    return this.clausesOf(MATCH);
  }

  get sets(): ReadonlyMap<string, Clause> {
    return this.clausesOf(SET);
  }

  addHeader(header: HeaderRecord): void {
    const items = this.headerItems;
    this.headerItems = Array.isArray(items) ? appended(items, header) : [items, header];
  }

  /** A match or set clause: it replaces the entry's clause of its kind; negated, it removes it. */
  applyClause(clause: Clause, negated: boolean): void {
    const clauses = listOf(this.clauseItems);
    const at = clauses.findIndex((kept) => kept.kind === clause.kind);
    if (negated) {
      if (at >= 0) this.clauseItems = oneOrMore(clauses.filter((_, i) => i !== at));
    } else if (at >= 0) {
      this.replaced = [...this.replaced, { clause: clauses[at]!, by: clause }];
      this.clauseItems = oneOrMore(clauses.map((kept, i) => (i === at ? clause : kept)));
    } else {
      this.clauseItems = oneOrMore([...clauses, clause]);
    }
  }

  addJump(jump: Jump): void {
    this.jumps = [...this.jumps, jump];
  }

  private clausesOf(sort: string): ReadonlyMap<string, Clause> {
    const out = new Map<string, Clause>();
    for (const clause of listOf(this.clauseItems)) if (clause.kind.startsWith(sort)) out.set(clause.kind, clause);
    return out;
  }
}

export class RouteMapBuilder {
  private readonly maps = new Map<string, Map<number, RouteMapEntryRecord>>();

  /** A `route-map NAME ACTION SEQ` header; returns the entry its block configures. */
  header(line: ParsedLine, command: CommandMatch): RouteMapEntry | undefined {
    const name = command.args.name?.value;
    const actionArg = command.args.action;
    const action = actionArg?.value;
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
    if (!actionArg || (action !== 'permit' && action !== 'deny') || seqText === undefined || !/^\d+$/.test(seqText)) return undefined;
    const seq = Number(seqText);
    const header = new HeaderRecord(line, action, actionArg);
    const entry = entries.get(seq);
    if (!entry) {
      const made = new RouteMapEntryRecord(name, seq, action, header);
      entries.set(seq, made);
      return made;
    }
    entry.action = action;
    entry.addHeader(header);
    return entry;
  }

  /** A line inside a route-map entry (one `header` returned). */
  clause(entry: RouteMapEntry, line: ParsedLine, command: CommandMatch): void {
    const record = entry as RouteMapEntryRecord;
    if (command.id.startsWith(MATCH) || command.id.startsWith(SET)) record.applyClause(new ClauseRecord(command.id, line), command.negated);
    else if (!command.negated && (command.id === 'rmap-on-match-goto' || command.id === 'rmap-continue')) {
      const seqArg = command.args.seq;
      const target = seqArg && /^\d+$/.test(seqArg.value) ? Number(seqArg.value) : undefined;
      const kind = command.id === 'rmap-continue' ? 'continue' : 'on-match-goto';
      record.addJump(new JumpRecord(kind, line, target, seqArg));
    }
  }

  finish(): Map<string, RouteMap> {
    const out = new Map<string, RouteMap>();
    for (const [name, entries] of this.maps) {
      out.set(name, { name, entries: sortedBy([...entries.values()], (entry) => entry.seq) });
    }
    return out;
  }
}
