/** Lookups over every FRR text of one scope (see workspaceIndex.ts): defined names, used seqs. */
import type { FrrModel, SymbolKind } from '../frr/model';
import type { Family } from '../frr/prefix';
import { viewsInScope, type FrrView, type WorkspaceIndex } from './workspaceIndex';

/**
 * Defined names by kind, sorted, per model: a model never changes once built, and a large config
 * defines thousands of names that every completion after `route-map` would otherwise collect and
 * sort again. Weak, so a model dropped by an edit takes its names along.
 */
const definedNames = new WeakMap<FrrModel, Map<SymbolKind, readonly string[]>>();

/**
 * The names last collected per kind, in model order and sorted: an edit seldom changes which names
 * a configuration defines, and sorting thousands of them again would be most of a completion.
 */
const lastCollected = new Map<SymbolKind, { found: readonly string[]; sorted: readonly string[] }>();

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function namesDefinedIn(model: FrrModel, kind: SymbolKind): readonly string[] {
  let byKind = definedNames.get(model);
  if (!byKind) {
    byKind = new Map();
    definedNames.set(model, byKind);
  }
  let names = byKind.get(kind);
  if (!names) {
    const found: string[] = [];
    for (const entry of model.symbolsByKind.get(kind) ?? []) {
      if (entry.definitions.length > 0) found.push(entry.name);
    }
    const last = lastCollected.get(kind);
    names = last && sameNames(last.found, found) ? last.sorted : [...new Set(found)].sort();
    lastCollected.set(kind, { found, sorted: names });
    byKind.set(kind, names);
  }
  return names;
}

/** Names of `kind` defined anywhere in `view`'s scope, sorted (by UTF-16 code unit, as `sort()` does). */
export function namesOfKind(index: WorkspaceIndex, view: FrrView, kind: SymbolKind): readonly string[] {
  const views = viewsInScope(index, view.scope);
  if (views.length === 1) return namesDefinedIn(views[0]!.model, kind);
  const names = new Set<string>();
  for (const other of views) for (const name of namesDefinedIn(other.model, kind)) names.add(name);
  return [...names].sort();
}

export function routeMapSeqs(index: WorkspaceIndex, view: FrrView, name: string): Set<number> {
  const seqs = new Set<number>();
  for (const other of viewsInScope(index, view.scope)) {
    for (const entry of other.model.routeMaps.get(name)?.entries ?? []) seqs.add(entry.seq);
  }
  return seqs;
}

export function prefixListSeqs(index: WorkspaceIndex, view: FrrView, name: string, family: Family): Set<number> {
  const seqs = new Set<number>();
  for (const other of viewsInScope(index, view.scope)) {
    for (const entry of other.model.prefixLists[family].get(name)?.entries ?? []) seqs.add(entry.seq);
  }
  return seqs;
}
