/**
 * A model kept across edits of one document. Every line says which names it touched (defined, used,
 * configured, or changed the state of); an edit re-runs the model's fold over the lines of the
 * names the changed lines touch, before and after the edit, and replaces what the model holds for
 * those names only. The rest stays as it was: records are anchored to lines, and a re-read moves
 * the lines an edit leaves alone. A change to a `router bgp` header (which decides what every line
 * of its stanza means) rebuilds the whole model.
 */
import { fileOne, fileUnder, listOf, trimLists, type OneOrMore } from '../grouping';
import { partitionPoint } from './bisect';
import { spliceArray } from './lexer';
import { compareOccurrences, instanceTimersKey, ModelFold } from './model';
import type { Family } from './prefix';
import type { ReparseDelta } from './reparse';
import type { ParsedLine, ParseResult } from './syntax';
import type { BgpTimers, Definition, FrrModel, NeighborUse, PrefixList, Reference, RejectedRouter, RouteMap, RouterInstance, SymbolEntry, SymbolKind } from './model/types';

type Occurrence = Definition | Reference;

const NO_OCCURRENCES: readonly Occurrence[] = Object.freeze([]);
const NO_NAMES: readonly string[] = Object.freeze([]);

/** The first occurrence of a symbol, where the configuration first names it. */
function firstMention(entry: SymbolEntry): Occurrence {
  const def = entry.definitions[0];
  const ref = entry.references[0];
  if (!def) return ref!;
  if (!ref) return def;
  return ref.line < def.line || (ref.line === def.line && ref.range.start < def.range.start) ? ref : def;
}

/** Whether `touched` (which may repeat a name) holds exactly the names of `filed` (which does not). */
function sameNames(filed: readonly string[], touched: readonly string[]): boolean {
  for (const name of touched) if (!filed.includes(name)) return false;
  for (const name of filed) if (!touched.includes(name)) return false;
  return true;
}

function mentionedBefore(a: Occurrence, b: Occurrence): boolean {
  return a.line < b.line || (a.line === b.line && a.range.start < b.range.start);
}

function timersKey(timers: BgpTimers): string {
  return timers.peer ?? instanceTimersKey(timers.scope);
}

export interface LiveUpdate {
  /** Names whose part of the model was rebuilt; undefined when the whole model was. */
  names: ReadonlySet<string> | undefined;
}

export class LiveModel {
  private parse!: ParseResult;
  /**
   * The names each line touched, by line index: one name alone (most lines touch one), several, or
   * undefined for none. An array beside the parse's lines (spliced as the re-read splices them)
   * takes a quarter of what a map keyed by line takes.
   */
  private keysAt: (string | readonly string[] | undefined)[] = [];
  /** The lines that touched each name, in no order (a run sorts what it reads). Arrays: a Set per name would be most of the index. */
  private readonly linesByName = new Map<string, ParsedLine[]>();
  /** `router bgp` headers: every partial run reads them, for the instance each BGP line belongs to. */
  private readonly routerHeaders = new Set<ParsedLine>();
  private symbols = new Map<string, SymbolEntry>();
  /** Most names are one symbol's: a lone entry is kept as it is. */
  private symbolsByName = new Map<string, OneOrMore<SymbolEntry>>();
  private byKind = new Map<SymbolKind, SymbolEntry[]>();
  private routeMaps = new Map<string, RouteMap>();
  private prefixLists: Record<Family, Map<string, PrefixList>> = { ipv4: new Map(), ipv6: new Map() };
  private routers = new Map<string, RouterInstance>();
  private rejected: RejectedRouter[] = [];
  private usesByPeer = new Map<string, NeighborUse[]>();
  private timersByKey = new Map<string, OneOrMore<BgpTimers>>();
  private shell!: FrrModel;

  constructor(parse: ParseResult) {
    this.rebuild(parse);
  }

  get model(): FrrModel {
    return this.shell;
  }

  /** Every name some line touched: the names the model can hold something of. */
  names(): IterableIterator<string> {
    return this.linesByName.keys();
  }

  /** The part of the model about `name` alone, for rules whose findings each concern one name. */
  slice(name: string): FrrModel {
    const entries = listOf(this.symbolsByName.get(name));
    const byKind = new Map<SymbolKind, SymbolEntry[]>();
    for (const entry of entries) fileUnder(byKind, entry.kind, entry);
    const routeMap = this.routeMaps.get(name);
    const only = <T>(map: ReadonlyMap<string, T>) => {
      const found = map.get(name);
      return found ? new Map([[name, found]]) : new Map<string, T>();
    };
    return {
      parse: this.parse,
      symbols: new Map(entries.map((entry) => [entry.key, entry])),
      symbolsByKind: byKind,
      occurrences: [],
      occurrencesOn: () => NO_OCCURRENCES,
      routeMaps: routeMap ? new Map([[name, routeMap]]) : new Map(),
      prefixLists: { ipv4: only(this.prefixLists.ipv4), ipv6: only(this.prefixLists.ipv6) },
      routers: this.routers,
      rejectedRouters: [],
      neighborUses: [...(this.usesByPeer.get(name) ?? [])].sort((a, b) => a.line - b.line),
      timers: [...listOf(this.timersByKey.get(name))].sort((a, b) => a.line - b.line),
    };
  }

  /** Brings the model to `parse`, a re-read of the current parse that changed what `delta` says. */
  update(parse: ParseResult, delta: ReparseDelta | undefined): LiveUpdate {
    if (parse === this.parse) return { names: new Set() };
    if (!delta || [...delta.removed, ...delta.added].some((line) => line.commandId === 'router-bgp')) {
      this.rebuild(parse);
      return { names: undefined };
    }
    this.parse = parse;
    const names = new Set<string>();
    // The dropped lines' names are read where the earlier parse had them, before the index follows the re-read.
    delta.removed.forEach((line, i) => {
      const dropped = this.namesAt(delta.at + i);
      for (const name of dropped) names.add(name);
      this.unindexNames(line, dropped);
      this.routerHeaders.delete(line);
    });
    spliceArray(this.keysAt, delta.at, delta.removed.length, delta.added.map(() => undefined));
    const context = this.contextChanged(delta);
    for (const line of context) for (const name of this.namesOf(line)) names.add(name);
    const changed = [...delta.added, ...context];
    // Names the new lines touch are known once they are read: read them, then again with those names' other lines.
    for (;;) {
      const fold = this.foldOver(changed, names);
      let grown = false;
      for (const line of changed) {
        for (const name of fold.keys.get(line)!) {
          if (!names.has(name)) {
            names.add(name);
            grown = true;
          }
        }
      }
      if (!grown) {
        this.take(fold.fold, fold.keys, names);
        break;
      }
    }
    this.makeShell();
    return { names };
  }

  /**
   * Lines the edit kept whose route-map entry changed: those of an entry opened by a header read
   * anew and, when the edit dropped or read a header, those right after it that now continue
   * another entry (a broken header leaves its clauses to the entry before it).
   */
  private contextChanged(delta: ReparseDelta): ParsedLine[] {
    const { added } = delta;
    const out: ParsedLine[] = [];
    const { lines, blocks } = this.parse;
    const keptOf = (b: number, from: number) => {
      const block = blocks[b]!;
      for (let i = from; i <= block.last && i < lines.length; i++) {
        const inner = lines[i]!;
        if (inner.block === b && !this.isNew(inner, added)) out.push(inner);
      }
    };
    for (const line of added) {
      if (line.commandId !== 'route-map' || line.nodeAfter !== 'RMAP') continue;
      const index = line.index;
      const b = partitionPoint(0, blocks.length, (i) => blocks[i]!.header < index);
      if (blocks[b]?.header === index) keptOf(b, index + 1);
    }
    const next = lines[delta.at + added.length];
    const headerChanged = delta.removed.some((line) => line.commandId === 'route-map') || added.some((line) => line.commandId === 'route-map');
    if (headerChanged && next && next.node === 'RMAP' && next.block >= 0 && !this.isNew(lines[blocks[next.block]!.header]!, added)) {
      keptOf(next.block, next.index);
    }
    return out;
  }

  private isNew(line: ParsedLine, added: readonly ParsedLine[]): boolean {
    return added.length > 0 && line.index >= added[0]!.index && line.index <= added[added.length - 1]!.index;
  }

  /** The fold over `changed`, every line that touched a name of `names`, and the headers they need. */
  private foldOver(changed: readonly ParsedLine[], names: ReadonlySet<string>): { fold: ModelFold; keys: Map<ParsedLine, readonly string[]> } {
    const chosen = new Set<ParsedLine>(changed);
    for (const name of names) for (const line of this.linesByName.get(name) ?? []) chosen.add(line);
    const { lines, blocks } = this.parse;
    for (const line of [...chosen]) {
      if (line.node === 'RMAP' && line.block >= 0) chosen.add(lines[blocks[line.block]!.header]!);
    }
    for (const line of this.routerHeaders) chosen.add(line);
    const ordered = [...chosen].sort((a, b) => a.index - b.index);
    const keys = new Map<ParsedLine, readonly string[]>();
    const fold = new ModelFold(this.parse, (line, touched) => keys.set(line, touched));
    for (const line of ordered) fold.add(line);
    return { fold, keys };
  }

  /** The names `line` (a line of the current parse) touched. */
  namesOf(line: ParsedLine): readonly string[] {
    return this.namesAt(line.index);
  }

  private namesAt(index: number): readonly string[] {
    const names = this.keysAt[index];
    return names === undefined ? NO_NAMES : typeof names === 'string' ? [names] : names;
  }

  /** The definitions and references on line `index`: those of the names the line touched that sit on it. */
  private occurrencesOn(index: number): readonly Occurrence[] {
    const names = this.namesAt(index);
    if (names.length === 0) return NO_OCCURRENCES;
    const found: Occurrence[] = [];
    for (const name of names) {
      for (const entry of listOf(this.symbolsByName.get(name))) {
        for (const definition of entry.definitions) if (definition.line === index) found.push(definition);
        for (const reference of entry.references) if (reference.line === index) found.push(reference);
      }
    }
    return found.length === 0 ? NO_OCCURRENCES : found.sort(compareOccurrences);
  }

  /** Files `line` under the names it touched (a line may touch a name more than once). */
  private index(line: ParsedLine, keys: readonly string[]): void {
    let kept = 0;
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i]!;
      if (keys.indexOf(name) < i) continue;
      kept++;
      fileUnder(this.linesByName, name, line);
    }
    this.keysAt[line.index] = kept === 0 ? undefined : kept === 1 ? keys[0]! : kept === keys.length ? keys.slice() : [...new Set(keys)];
    if (line.commandId === 'router-bgp') this.routerHeaders.add(line);
  }

  /** Replaces what the model holds for `names` with what `fold` made of them. */
  private take(fold: ModelFold, keys: ReadonlyMap<ParsedLine, readonly string[]>, names: ReadonlySet<string>): void {
    for (const [line, touched] of keys) {
      // Most lines read again touch what they touched before: refiling them would search long name lists for nothing.
      if (sameNames(this.namesOf(line), touched)) continue;
      this.unindexNames(line, this.namesOf(line));
      this.index(line, touched);
    }
    const made = fold.finish();
    const kinds = new Set<SymbolKind>();
    for (const name of names) {
      for (const entry of listOf(this.symbolsByName.get(name))) {
        this.symbols.delete(entry.key);
        kinds.add(entry.kind);
      }
      this.symbolsByName.delete(name);
      this.routeMaps.delete(name);
      this.prefixLists.ipv4.delete(name);
      this.prefixLists.ipv6.delete(name);
      this.usesByPeer.delete(name);
      this.timersByKey.delete(name);
    }
    for (const kind of kinds) {
      const list = this.byKind.get(kind)!.filter((entry) => !names.has(entry.name));
      this.byKind.set(kind, list);
    }
    const fresh: SymbolEntry[] = [];
    for (const entry of made.symbols.values()) {
      if (!names.has(entry.name)) continue;
      this.symbols.set(entry.key, entry);
      fresh.push(entry);
    }
    for (const entry of fresh) {
      fileOne(this.symbolsByName, entry.name, entry);
      this.insertByKind(entry);
    }
    for (const [name, map] of made.routeMaps) if (names.has(name)) this.routeMaps.set(name, map);
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const [name, list] of made.prefixLists[family]) if (names.has(name)) this.prefixLists[family].set(name, list);
    }
    for (const use of made.neighborUses) if (names.has(use.peer)) fileUnder(this.usesByPeer, use.peer, use);
    for (const timers of made.timers) {
      const key = timersKey(timers);
      if (names.has(key)) fileOne(this.timersByKey, key, timers);
    }
  }

  /** Drops a line's entries under `names` in the name index. */
  private unindexNames(line: ParsedLine, names: readonly string[]): void {
    for (const name of names) {
      const lines = this.linesByName.get(name);
      if (!lines) continue;
      const at = lines.indexOf(line);
      if (at < 0) continue;
      lines[at] = lines[lines.length - 1]!;
      lines.pop();
      if (lines.length === 0) this.linesByName.delete(name);
    }
  }

  private insertByKind(entry: SymbolEntry): void {
    let list = this.byKind.get(entry.kind);
    if (!list) {
      list = [];
      this.byKind.set(entry.kind, list);
    }
    const first = firstMention(entry);
    const at = partitionPoint(0, list.length, (i) => mentionedBefore(firstMention(list[i]!), first));
    list.splice(at, 0, entry);
  }

  private rebuild(parse: ParseResult): void {
    this.parse = parse;
    this.keysAt = [];
    // Filled so that the array stays packed (one `undefined` per line until the fold says otherwise).
    for (let i = 0; i < parse.lines.length; i++) this.keysAt.push(undefined);
    this.linesByName.clear();
    this.routerHeaders.clear();
    const fold = new ModelFold(parse, (line, keys) => this.index(line, keys));
    for (const line of parse.lines) fold.add(line);
    const made = fold.finish();
    this.symbols = made.symbols;
    this.byKind = new Map([...made.symbolsByKind].map(([kind, list]) => [kind, [...list]]));
    this.symbolsByName = new Map();
    for (const entry of made.symbols.values()) fileOne(this.symbolsByName, entry.name, entry);
    this.routeMaps = made.routeMaps;
    this.prefixLists = made.prefixLists;
    this.routers = made.routers;
    this.rejected = made.rejectedRouters;
    this.usesByPeer = new Map();
    for (const use of made.neighborUses) fileUnder(this.usesByPeer, use.peer, use);
    this.timersByKey = new Map();
    for (const timers of made.timers) fileOne(this.timersByKey, timersKey(timers), timers);
    trimLists(this.linesByName);
    trimLists(this.symbolsByName);
    trimLists(this.usesByPeer);
    trimLists(this.timersByKey);
    this.makeShell();
  }

  /** A model object for this version: what is made of all names at once is made when first read. */
  private makeShell(): void {
    const parse = this.parse;
    const symbols = this.symbols;
    const usesByPeer = this.usesByPeer;
    const timersByKey = this.timersByKey;
    let occurrences: Occurrence[] | undefined;
    let uses: NeighborUse[] | undefined;
    let timers: BgpTimers[] | undefined;
    this.shell = {
      parse,
      symbols: this.symbols,
      symbolsByKind: this.byKind,
      get occurrences() {
        if (!occurrences) {
          occurrences = [];
          for (const entry of symbols.values()) {
            for (const definition of entry.definitions) occurrences.push(definition);
            for (const reference of entry.references) occurrences.push(reference);
          }
          occurrences.sort(compareOccurrences);
        }
        return occurrences;
      },
      occurrencesOn: (line) => this.occurrencesOn(line),
      routeMaps: this.routeMaps,
      prefixLists: this.prefixLists,
      routers: this.routers,
      rejectedRouters: this.rejected,
      get neighborUses() {
        uses ??= [...usesByPeer.values()].flat().sort((a, b) => a.line - b.line || a.peerRange.start - b.peerRange.start);
        return uses;
      },
      get timers() {
        timers ??= [...timersByKey.values()].flat().sort((a, b) => a.line - b.line);
        return timers;
      },
    };
  }
}
