/** Lookups over every FRR text of one scope (see workspaceIndex.ts): defined names, used seqs. */
import type { SymbolKind } from '../frr/model';
import type { Family } from '../frr/prefix';
import { viewsInScope, type FrrView, type WorkspaceIndex } from './workspaceIndex';

/** Names of `kind` defined anywhere in `view`'s scope, sorted. */
export function namesOfKind(index: WorkspaceIndex, view: FrrView, kind: SymbolKind): string[] {
  const names = new Set<string>();
  for (const other of viewsInScope(index, view.scope)) {
    for (const entry of other.model.symbols.values()) {
      if (entry.kind === kind && entry.definitions.length > 0) names.add(entry.name);
    }
  }
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
