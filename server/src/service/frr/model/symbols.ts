/** The symbol table (definitions and references per symbol) and the lookups editor features use. */
import { partitionPoint } from '../bisect';
import { appended } from '../../grouping';
import type { Definition, FrrModel, Reference, SymbolEntry, SymbolKind, SymbolRef } from './types';

export function symbolKey(ref: SymbolRef): string {
  return `${ref.kind}|${ref.scope}|${ref.name}`;
}

/** The symbols of one kind and scope by name, and the prefix of their keys. */
interface NameSpace {
  kind: SymbolKind;
  scope: string;
  names: Map<string, SymbolEntry>;
  keyPrefix: string;
}

export class SymbolTable {
  readonly symbols = new Map<string, SymbolEntry>();
  readonly byKind = new Map<SymbolKind, SymbolEntry[]>();
  readonly occurrences: (Definition | Reference)[] = [];
  /**
   * The same entries by kind, scope and name: the names are token strings whose hashes V8 keeps,
   * while a joined key would be a fresh string to flatten and hash on every lookup.
   */
  private readonly byParts = new Map<string, Map<string, NameSpace>>();

  /** The namespace of the last kind and scope looked up: runs of lines define one kind of name. */
  private last: NameSpace | undefined;

  private namesOf(kind: SymbolKind, scope: string): NameSpace {
    const last = this.last;
    if (last && last.kind === kind && last.scope === scope) return last;
    let scopes = this.byParts.get(kind);
    if (!scopes) {
      scopes = new Map();
      this.byParts.set(kind, scopes);
    }
    let space = scopes.get(scope);
    if (!space) {
      space = { kind, scope, names: new Map(), keyPrefix: `${kind}|${scope}|` };
      scopes.set(scope, space);
    }
    this.last = space;
    return space;
  }

  private entry(ref: SymbolRef): SymbolEntry {
    const { names, keyPrefix } = this.namesOf(ref.kind, ref.scope);
    let found = names.get(ref.name);
    if (!found) {
      const key = keyPrefix + ref.name;
      // Parts without '|' cannot join to another symbol's key: nothing to look up.
      const mayCollide = ref.name.includes('|') || ref.scope.includes('|');
      found = mayCollide ? this.symbols.get(key) : undefined;
      if (!found) {
        found = { key, kind: ref.kind, name: ref.name, scope: ref.scope, definitions: [], references: [] };
        this.symbols.set(key, found);
        const ofKind = this.byKind.get(ref.kind);
        if (ofKind) ofKind.push(found);
        else this.byKind.set(ref.kind, [found]);
      }
      names.set(ref.name, found);
    }
    return found;
  }

  define(def: Definition): void {
    const entry = this.entry(def);
    entry.definitions = appended(entry.definitions, def);
    this.occurrences.push(def);
  }

  reference(ref: Reference): void {
    const entry = this.entry(ref);
    entry.references = appended(entry.references, ref);
    this.occurrences.push(ref);
  }
}

export function isDefinition(occurrence: Definition | Reference): occurrence is Definition {
  return !('usage' in occurrence);
}

/** The definition or reference whose name token covers `offset` (end inclusive, as a cursor after a word). */
export function occurrenceAt(model: FrrModel, offset: number): Definition | Reference | undefined {
  const lines = model.parse.lines;
  const line = partitionPoint(0, lines.length, (i) => lines[i]!.start <= offset) - 1;
  if (line < 0) return undefined;
  return model.occurrencesOn(line).find((occurrence) => occurrence.range.start <= offset && offset <= occurrence.range.end);
}

/** The occurrences of a list ordered by offset that lie on `line` (a line's range, its end included). */
export function occurrencesWithin(list: readonly (Definition | Reference)[], start: number, end: number): (Definition | Reference)[] {
  const from = partitionPoint(0, list.length, (i) => list[i]!.range.start < start);
  const to = partitionPoint(from, list.length, (i) => list[i]!.range.start <= end);
  return list.slice(from, to);
}

export function symbolOf(model: FrrModel, ref: SymbolRef): SymbolEntry | undefined {
  return model.symbols.get(symbolKey(ref));
}

/** The symbol at `offset`, for go-to-definition, references and rename. */
export function symbolAt(model: FrrModel, offset: number): SymbolEntry | undefined {
  const occurrence = occurrenceAt(model, offset);
  return occurrence ? symbolOf(model, occurrence) : undefined;
}

export function definitionsAt(model: FrrModel, offset: number): Definition[] {
  return symbolAt(model, offset)?.definitions ?? [];
}

export function referencesAt(model: FrrModel, offset: number): Reference[] {
  return symbolAt(model, offset)?.references ?? [];
}
