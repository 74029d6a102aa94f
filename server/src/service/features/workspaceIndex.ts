/**
 * The input of every cross-file editor feature: the workspace's documents with their parses, and
 * the MetalLB facts the features join on (the neighbor IDs each BGPPeer produces). FRR text comes
 * in two shapes, a whole document (frr.conf, *.frr) or a YAML scalar (bgpextras `extras`, frr-k8s
 * `rawConfig`); both are an `FrrView`, whose offsets are offsets into its own text and which maps
 * them back to its document.
 *
 * FRR scopes: a standalone FRR file is one router's configuration, so it only sees itself. Every
 * bgpextras `extras` is appended to the same MetalLB-rendered frr.conf, so all of them share the
 * scope `metallb`; frr-k8s `rawConfig` snippets are merged into one config too (`frr-k8s`).
 */
import { buildModel, type FrrModel } from '../frr/model';
import { parseFrr } from '../frr/parser';
import type { ParseResult } from '../frr/syntax';
import type { EmbeddedText } from '../k8s/embedded';
import { parseManifests } from '../k8s/parse';
import type { BGPPeer, FRRConfiguration, FrrK8sNeighbor, ManifestFile, Resource } from '../k8s/resources';
import { resourceName } from '../k8s/resources';
import { buildExtrasContext, parseEmbedded, type ExtrasContext, type ExtrasOptions } from '../metallb/extras/context';
import { neighborIDOf } from '../metallb/neighbor-id';
import type { FrrVersion, OffsetRange } from '../types';
import { fromSourceOffset } from './embeddedOffsets';
import type { SourceText } from '../sourceText';

export type DocumentKind = 'frr' | 'yaml';

export type FrrScope = 'metallb' | 'frr-k8s' | `file:${string}`;

export interface FrrView {
  uri: string;
  /** The FRR text: the document itself, or the decoded value of a YAML scalar. */
  text: string;
  parse: ParseResult;
  model: FrrModel;
  scope: FrrScope;
  /** Present for FRR inside YAML: maps offsets of `text` to offsets of the YAML document. */
  embedded?: EmbeddedText;
  /** The resource holding the embedded text. */
  owner?: Resource;
}

export interface WorkspaceDocument {
  uri: string;
  kind: DocumentKind;
  text: string;
  /** For FRR documents. */
  frr?: FrrView;
  /** For YAML documents. */
  manifest?: ManifestFile;
  /** FRR scalars inside a YAML document, in document order. */
  embedded: FrrView[];
}

/** One neighbor ID a BGPPeer produces (MetalLB names its route-maps and prefix-lists after it). */
export interface PeerIdentity {
  /** `<address|interface>[-<vrf>]`. */
  id: string;
  peer: BGPPeer;
  /** metadata.name of the BGPPeer. */
  name: string;
  uri: string;
  /** The peerAddress (or interface) value in the manifest. */
  range: OffsetRange;
  /** The value the ID starts with: the address or interface. */
  stem: string;
  vrf: string;
}

/** A neighbor of an FRRConfiguration: frr-k8s names its route-maps and prefix-lists after `id` too. */
export interface ConfiguredNeighbor {
  /** `<interface|address>[-<vrf of its router>]`. */
  id: string;
  neighbor: FrrK8sNeighbor;
  /** metadata.name of the FRRConfiguration. */
  name: string;
  uri: string;
  /** The address (or interface) value in the manifest. */
  range: OffsetRange;
}

export interface WorkspaceIndex {
  documents: WorkspaceDocument[];
  byUri: Map<string, WorkspaceDocument>;
  /** Every typed resource of every YAML document. */
  resources: Resource[];
  peers: PeerIdentity[];
  /** Every FRRConfiguration neighbor (frr-k8s merges them with MetalLB's BGPPeers by ID). */
  configuredNeighbors: ConfiguredNeighbor[];
  /** Node names the manifests describe (Node objects), for "on N nodes" wording. */
  nodeNames: string[];
  /** The bgpextras analysis context (what MetalLB renders per node), when MetalLB options were given. */
  extras?: ExtrasContext;
}

export interface DocumentInput {
  uri: string;
  kind: DocumentKind;
  /** Read in pieces for an FRR document given its parse; a manifest is read whole. */
  text: SourceText;
  /** Reuse of a parse the caller already holds (the LSP server caches by version). */
  parse?: ParseResult;
  model?: FrrModel;
  manifest?: ManifestFile;
}

export interface IndexOptions {
  frrVersion?: FrrVersion;
  /** Build the ExtrasContext with these options (per-node renders: what code lenses count nodes with). */
  metallb?: ExtrasOptions;
  /** An ExtrasContext the caller already built for these documents. */
  extras?: ExtrasContext;
}

export function indexDocument(input: DocumentInput, options: IndexOptions = {}): WorkspaceDocument {
  if (input.kind === 'frr') {
    const parse = input.parse ?? parseFrr(input.text, { frrVersion: options.frrVersion });
    const model = input.model ?? buildModel(parse);
    // The whole text is made when a feature asks for it, not for every version an edit makes.
    const frr: FrrView = {
      uri: input.uri,
      get text() {
        return parse.text;
      },
      parse,
      model,
      scope: `file:${input.uri}`,
    };
    return {
      uri: input.uri,
      kind: 'frr',
      get text() {
        return parse.text;
      },
      frr,
      embedded: [],
    };
  }
  const text = input.text.toString();
  const manifest = input.manifest ?? parseManifests(text, input.uri);
  const embedded: FrrView[] = [];
  for (const resource of manifest.resources) {
    const found = embeddedOf(resource);
    if (!found) continue;
    // The same parse the bgpextras and rawConfig rules read: one per embedded text.
    const { parse, model } = parseEmbedded(found.text, options.frrVersion ?? 'any');
    embedded.push({
      uri: input.uri,
      text: found.text.value,
      parse,
      model,
      scope: found.scope,
      embedded: found.text,
      owner: resource,
    });
  }
  return { uri: input.uri, kind: 'yaml', text, manifest, embedded };
}

function embeddedOf(resource: Resource): { text: EmbeddedText; scope: FrrScope } | undefined {
  if (resource.kind === 'ConfigMap' && resource.configMap === 'bgpextras' && resource.extras) {
    return { text: resource.extras.embedded, scope: 'metallb' };
  }
  if (resource.kind === 'FRRConfiguration' && resource.spec.raw?.rawConfig) {
    return { text: resource.spec.raw.rawConfig.embedded, scope: 'frr-k8s' };
  }
  return undefined;
}

export function buildWorkspaceIndex(inputs: readonly (DocumentInput | WorkspaceDocument)[], options: IndexOptions = {}): WorkspaceIndex {
  const documents = inputs.map((input) => ('embedded' in input ? input : indexDocument(input, options)));
  const byUri = new Map(documents.map((doc) => [doc.uri, doc]));
  const resources = documents.flatMap((doc) => doc.manifest?.resources ?? []);
  const peers: PeerIdentity[] = [];
  const configuredNeighbors: ConfiguredNeighbor[] = [];
  for (const resource of resources) {
    if (resource.kind === 'FRRConfiguration') configuredNeighbors.push(...neighborsOf(resource));
    if (resource.kind !== 'BGPPeer') continue;
    const identity = peerIdentity(resource);
    if (identity) peers.push(identity);
  }
  const nodeNames = [...new Set(resources.filter((r) => r.kind === 'Node').map(resourceName).filter((n) => n !== ''))].sort();
  const index: WorkspaceIndex = { documents, byUri, resources, peers, configuredNeighbors, nodeNames };
  const manifests = documents.flatMap((doc) => (doc.manifest ? [doc.manifest] : []));
  const extras = options.extras ?? (options.metallb ? buildExtrasContext(manifests, { frrVersion: options.frrVersion, ...options.metallb }) : undefined);
  if (extras) index.extras = extras;
  return index;
}

/** MetalLB's neighbor ID: the interface for unnumbered peers, else the address; `-<vrf>` when in a VRF. */
function peerIdentity(peer: BGPPeer): PeerIdentity | undefined {
  const located = peer.spec.interface?.value ? peer.spec.interface : peer.spec.peerAddress;
  if (!located || located.value === '') return undefined;
  const vrf = peer.spec.vrf?.value ?? '';
  return {
    id: vrf !== '' ? `${located.value}-${vrf}` : located.value,
    peer,
    name: resourceName(peer),
    uri: peer.uri ?? '',
    range: located.range,
    stem: located.value,
    vrf,
  };
}

/** frr-k8s takes a neighbor's VRF from its router. */
function neighborsOf(configuration: FRRConfiguration): ConfiguredNeighbor[] {
  return configuration.spec.routers.flatMap((router) =>
    router.neighbors.flatMap((neighbor) => {
      const located = neighbor.interface?.value ? neighbor.interface : neighbor.address;
      if (!located || located.value === '') return [];
      const id = neighborIDOf(neighbor.address?.value ?? '', neighbor.interface?.value ?? '', router.vrf?.value ?? '');
      return [{ id, neighbor, name: resourceName(configuration), uri: configuration.uri ?? '', range: located.range }];
    }),
  );
}

/** The FRR text under `offset` of document `doc`, and the offset inside that text. */
export function frrViewAt(doc: WorkspaceDocument, offset: number): { view: FrrView; offset: number } | undefined {
  if (doc.frr) return { view: doc.frr, offset };
  for (const view of doc.embedded) {
    const embedded = view.embedded!;
    // A block scalar's range takes in its last line break: the next line is YAML again.
    const end = doc.text[embedded.range.end - 1] === '\n' ? embedded.range.end - 1 : embedded.range.end;
    if (offset < contentStart(doc.text, embedded) || offset > end) continue;
    return { view, offset: fromSourceOffset(embedded, offset) };
  }
  return undefined;
}

/** Block scalars start with their `|`/`>` header line, which is not part of the FRR text. */
function contentStart(source: string, embedded: EmbeddedText): number {
  const first = source[embedded.range.start];
  if (first !== '|' && first !== '>') return embedded.range.start;
  const nl = source.indexOf('\n', embedded.range.start);
  return nl < 0 ? embedded.range.end : nl + 1;
}

/** A range of the view's text, as a range of its document. */
export function toDocumentRange(view: FrrView, range: OffsetRange): OffsetRange {
  return view.embedded ? view.embedded.toSourceRange(range) : range;
}

/** The FRR views sharing `view`'s scope across the workspace (the view itself included). */
export function viewsInScope(index: WorkspaceIndex, scope: FrrScope): FrrView[] {
  const views: FrrView[] = [];
  for (const doc of index.documents) {
    // An FRR file's scope is the file itself: the view of any other one (a parse, when the workspace makes it on demand) is not read.
    if (doc.kind === 'frr') {
      if (scope === `file:${doc.uri}` && doc.frr) views.push(doc.frr);
      continue;
    }
    for (const view of doc.embedded) if (view.scope === scope) views.push(view);
  }
  return views;
}
