/** The symbol table (definitions and references per symbol) and the lookups editor features use. */
import type { OffsetRange } from '../../types';
import type { Arg } from '../syntax';
import type { Definition, FrrModel, Reference, SymbolEntry, SymbolKind, SymbolRef } from './types';

export function symbolKey(ref: SymbolRef): string {
  return `${ref.kind}|${ref.scope}|${ref.name}`;
}

export function argRange(arg: Arg): OffsetRange {
  const first = arg.tokens[0];
  const last = arg.tokens[arg.tokens.length - 1];
  return first && last ? { start: first.start, end: last.end } : { start: 0, end: 0 };
}

export class SymbolTable {
  readonly symbols = new Map<string, SymbolEntry>();
  readonly occurrences: (Definition | Reference)[] = [];

  private entry(ref: SymbolRef): SymbolEntry {
    const key = symbolKey(ref);
    let found = this.symbols.get(key);
    if (!found) {
      found = { key, kind: ref.kind, name: ref.name, scope: ref.scope, definitions: [], references: [] };
      this.symbols.set(key, found);
    }
    return found;
  }

  define(def: Definition): void {
    this.entry(def).definitions.push(def);
    this.occurrences.push(def);
  }

  reference(ref: Reference): void {
    this.entry(ref).references.push(ref);
    this.occurrences.push(ref);
  }

  isDefined(kind: SymbolKind, name: string, scope = ''): boolean {
    return (this.symbols.get(symbolKey({ kind, name, scope }))?.definitions.length ?? 0) > 0;
  }
}

export function isDefinition(occurrence: Definition | Reference): occurrence is Definition {
  return !('usage' in occurrence);
}

/** The definition or reference whose name token covers `offset` (end inclusive, as a cursor after a word). */
export function occurrenceAt(model: FrrModel, offset: number): Definition | Reference | undefined {
  const list = model.occurrences;
  let lo = 0;
  let hi = list.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].range.start <= offset) {
      candidate = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  for (let i = candidate; i >= 0 && i > candidate - 4; i--) {
    if (list[i].range.start <= offset && offset <= list[i].range.end) return list[i];
  }
  return undefined;
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
