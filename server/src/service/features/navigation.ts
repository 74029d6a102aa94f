/**
 * Go to definition, find references and rename across FRR files, embedded FRR and MetalLB YAML.
 * What the cursor is on becomes a `Target`; every document then lists its occurrences of targets,
 * and the ones with the same key are the answer. Links across languages: an FRR `bfd profile` in
 * extras is MetalLB's BFDProfile of that name (MetalLB renders them into the same frr.conf), and
 * names derived from a neighbor (`<ID>-in`, `neighbor <address>`) lead to the BGPPeer behind it
 * and, in frr-k8s mode, to the FRRConfiguration fields frr-k8s renders them from. Which names are
 * derived, in which mode, is peerNames.ts's answer.
 */
import { CROSS_REFERENCED_KINDS, occurrenceAt, isDefinition, type SymbolKind } from '../frr/model';
import type { Located, Resource } from '../k8s/resources';
import { resourceName } from '../k8s/resources';
import type { OffsetRange, TextEdit } from '../types';
import { embeddedSpelling, scalarQuote, yamlScalar } from './embeddedOffsets';
import { peerOfName, type PeerName } from './peerNames';
import {
  frrViewAt,
  toDocumentRange,
  viewsInScope,
  type FrrScope,
  type FrrView,
  type PeerIdentity,
  type WorkspaceDocument,
  type WorkspaceIndex,
} from './workspaceIndex';

export interface Location {
  uri: string;
  range: OffsetRange;
}

type ResourceRef = 'BGPPeer' | 'IPAddressPool' | 'Community';

export type Target =
  | { t: 'frr'; scope: FrrScope; kind: SymbolKind; name: string; symbolScope: string }
  | { t: 'bfd'; name: string }
  | { t: 'peer'; identity: PeerIdentity }
  | { t: 'resource'; kind: ResourceRef; name: string };

interface Occurrence extends Location {
  target: Target;
  definition: boolean;
  /** How to write a new name here. */
  spell: (name: string) => string;
  /** Occurrences of a peer's derived names keep their suffix: `<ID>-in` renames to `<newID>-in`. */
  suffix?: string;
}

function keyOf(target: Target): string {
  switch (target.t) {
    case 'frr':
      return `frr|${target.scope}|${target.kind}|${target.symbolScope}|${target.name}`;
    case 'bfd':
      return `bfd|${target.name}`;
    case 'peer':
      return `peer|${target.identity.id}`;
    case 'resource':
      return `res|${target.kind}|${target.name}`;
  }
}

/** Every name a configuration defines and uses, and the neighbor addresses that name a peer's lists. */
const RENAMABLE: ReadonlySet<SymbolKind> = new Set<SymbolKind>([...CROSS_REFERENCED_KINDS, 'neighbor']);

// ---- occurrences ------------------------------------------------------------------------------

/**
 * FRR text where names derived from neighbors mean the neighbors of the workspace: the bgpextras,
 * appended to the frr.conf MetalLB renders, and in frr-k8s mode the rawConfigs, appended to the one
 * frr-k8s renders from the FRRConfigurations (MetalLB's generated one included).
 */
function namesNeighbors(index: WorkspaceIndex, scope: FrrScope): boolean {
  return scope === 'metallb' || (scope === 'frr-k8s' && index.extras?.options.mode === 'frr-k8s');
}

/** An FRR symbol as a target: MetalLB-scope BFD profiles and peer addresses join their YAML side. */
function frrTarget(index: WorkspaceIndex, view: FrrView, kind: SymbolKind, name: string, symbolScope: string): Target {
  if (view.scope === 'metallb' && kind === 'bfd-profile') return { t: 'bfd', name };
  if (kind === 'neighbor' && namesNeighbors(index, view.scope)) {
    const identity = peerOfName(index, name, kind)?.identity;
    if (identity) return { t: 'peer', identity };
  }
  return { t: 'frr', scope: view.scope, kind, name, symbolScope };
}

function frrOccurrences(index: WorkspaceIndex, view: FrrView): Occurrence[] {
  const out: Occurrence[] = [];
  const spell = (name: string) => (view.embedded ? embeddedSpelling(view.text, view.embedded, name) : name);
  for (const occurrence of view.model.occurrences) {
    const range = toDocumentRange(view, occurrence.range);
    const definition = isDefinition(occurrence);
    const target = frrTarget(index, view, occurrence.kind, occurrence.name, occurrence.scope);
    out.push({ uri: view.uri, range, target, definition, spell });
    if (!namesNeighbors(index, view.scope) || occurrence.kind === 'neighbor') continue;
    // `<ID>-in` is also a mention of the BGPPeer it is named after.
    const peer = peerOfName(index, occurrence.name, occurrence.kind);
    if (peer?.identity) {
      out.push({ uri: view.uri, range, target: { t: 'peer', identity: peer.identity }, definition: false, spell, suffix: peer.suffix });
    }
  }
  return out;
}

function yamlOccurrences(doc: WorkspaceDocument, index: WorkspaceIndex): Occurrence[] {
  const out: Occurrence[] = [];
  const spell = (range: OffsetRange) => (name: string) => yamlScalar(name, scalarQuote(doc.text, range));
  const add = (located: Located<string> | undefined, target: Target, definition: boolean) => {
    if (!located || located.value === '') return;
    out.push({ uri: doc.uri, range: located.range, target, definition, spell: spell(located.range) });
  };
  for (const resource of doc.manifest?.resources ?? []) addResource(resource, index, add);
  return out;
}

type Adder = (located: Located<string> | undefined, target: Target, definition: boolean) => void;

function addResource(resource: Resource, index: WorkspaceIndex, add: Adder): void {
  const name = resource.metadata.name;
  const named = (kind: ResourceRef) => (n: Located<string>) => add(n, { t: 'resource', kind, name: n.value }, false);
  switch (resource.kind) {
    case 'BGPPeer': {
      add(name, { t: 'resource', kind: 'BGPPeer', name: resourceName(resource) }, true);
      if (resource.spec.bfdProfile) add(resource.spec.bfdProfile, { t: 'bfd', name: resource.spec.bfdProfile.value }, false);
      const identity = index.peers.find((p) => p.peer === resource);
      if (identity) add({ value: identity.stem, range: identity.range }, { t: 'peer', identity }, true);
      return;
    }
    case 'BFDProfile':
      add(name, { t: 'bfd', name: resourceName(resource) }, true);
      return;
    case 'IPAddressPool':
      add(name, { t: 'resource', kind: 'IPAddressPool', name: resourceName(resource) }, true);
      return;
    case 'BGPAdvertisement':
      resource.spec.ipAddressPools.forEach(named('IPAddressPool'));
      resource.spec.peers.forEach(named('BGPPeer'));
      resource.spec.communities.forEach(named('Community'));
      return;
    case 'L2Advertisement':
      resource.spec.ipAddressPools.forEach(named('IPAddressPool'));
      return;
    case 'Community':
      for (const alias of resource.spec.communities) {
        if (alias.name) add(alias.name, { t: 'resource', kind: 'Community', name: alias.name.value }, true);
      }
      return;
  }
}

function documentOccurrences(index: WorkspaceIndex, doc: WorkspaceDocument): Occurrence[] {
  const views = doc.frr ? [doc.frr] : doc.embedded;
  return [...views.flatMap((view) => frrOccurrences(index, view)), ...yamlOccurrences(doc, index)];
}

function workspaceOccurrences(index: WorkspaceIndex, target: Target): Occurrence[] {
  const key = keyOf(target);
  const scope = target.t === 'frr' ? target.scope : 'metallb';
  const inScope = new Set(viewsInScope(index, scope).map((v) => v.uri));
  const out: Occurrence[] = [];
  for (const doc of index.documents) {
    if (doc.kind !== 'yaml' && !inScope.has(doc.uri)) continue;
    for (const occurrence of documentOccurrences(index, doc)) if (keyOf(occurrence.target) === key) out.push(occurrence);
  }
  return out;
}

/** The occurrence under the cursor (an FRR name, or a YAML value naming something). */
function occurrenceUnder(index: WorkspaceIndex, uri: string, offset: number): Occurrence | undefined {
  const doc = index.byUri.get(uri);
  if (!doc) return undefined;
  const at = frrViewAt(doc, offset);
  if (at) {
    const found = occurrenceAt(at.view.model, at.offset);
    if (!found) return undefined;
    const view = at.view;
    return {
      uri,
      range: toDocumentRange(view, found.range),
      target: frrTarget(index, view, found.kind, found.name, found.scope),
      definition: isDefinition(found),
      spell: (name) => (view.embedded ? embeddedSpelling(view.text, view.embedded, name) : name),
    };
  }
  return yamlOccurrences(doc, index).find((o) => o.range.start <= offset && offset <= o.range.end);
}

// ---- features ---------------------------------------------------------------------------------

export function findDefinition(index: WorkspaceIndex, uri: string, offset: number): Location[] {
  const under = occurrenceUnder(index, uri, offset);
  if (!under) return [];
  const locations = workspaceOccurrences(index, under.target)
    .filter((o) => o.definition)
    .map(({ uri: u, range }) => ({ uri: u, range }));
  // A name derived from a neighbor also leads to what produces it.
  if (under.target.t === 'frr' && namesNeighbors(index, under.target.scope)) {
    const peer = peerOfName(index, under.target.name, under.target.kind);
    if (peer) locations.push(...producers(peer));
  }
  return dedupe(locations);
}

/** The BGPPeer behind a name, and the FRRConfiguration fields (else neighbors) frr-k8s renders it from. */
function producers(peer: PeerName): Location[] {
  const { identity, configured } = peer;
  const fromPeer = identity ? [{ uri: identity.uri, range: identity.range }] : [];
  const fromConfigurations = configured.flatMap(({ neighbor, sources }) =>
    (sources.length > 0 ? sources : [neighbor.range]).map((range) => ({ uri: neighbor.uri, range })),
  );
  return [...fromPeer, ...fromConfigurations];
}

export function findReferences(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration = true): Location[] {
  const under = occurrenceUnder(index, uri, offset);
  if (!under) return [];
  return dedupe(
    workspaceOccurrences(index, under.target)
      .filter((o) => includeDeclaration || !o.definition)
      .map(({ uri: u, range }) => ({ uri: u, range })),
  );
}

export interface PrepareRename {
  range: OffsetRange;
  placeholder: string;
}

export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): PrepareRename | undefined {
  const under = occurrenceUnder(index, uri, offset);
  if (!under || !renamable(under.target)) return undefined;
  return { range: under.range, placeholder: nameOf(under.target) };
}

export type RenameResult = { edits: Record<string, TextEdit[]> } | { error: string };

export function rename(index: WorkspaceIndex, uri: string, offset: number, newName: string): RenameResult {
  const under = occurrenceUnder(index, uri, offset);
  if (!under || !renamable(under.target)) return { error: 'Nothing to rename here.' };
  if (newName === '' || /\s/.test(newName)) return { error: `"${newName}" is not a valid name: FRR names are one word.` };
  const target = under.target;
  const newId = target.t === 'peer' ? (target.identity.vrf ? `${newName}-${target.identity.vrf}` : newName) : newName;
  const edits: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const occurrence of workspaceOccurrences(index, target)) {
    const key = `${occurrence.uri}|${occurrence.range.start}|${occurrence.range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = occurrence.suffix !== undefined ? `${newId}-${occurrence.suffix}` : newName;
    (edits[occurrence.uri] ??= []).push({ uri: occurrence.uri, range: occurrence.range, newText: occurrence.spell(text) });
  }
  for (const list of Object.values(edits)) list.sort((a, b) => a.range.start - b.range.start);
  return { edits };
}

function renamable(target: Target): boolean {
  return target.t !== 'frr' || RENAMABLE.has(target.kind);
}

function nameOf(target: Target): string {
  return target.t === 'peer' ? target.identity.stem : target.name;
}

function dedupe(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations
    .filter((l) => {
      const key = `${l.uri}|${l.range.start}|${l.range.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start));
}
