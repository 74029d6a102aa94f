/**
 * A set of documents checked together: FRR files on their own, Kubernetes manifests across files
 * (BGPPeers in one file, the bgpextras ConfigMap in another). Results are cached by document
 * text (a version bump with identical text needs no work), and cross-file results by a generation that any manifest change bumps. The CLI and the
 * LSP server share it, so both report exactly the same findings.
 */
import { checkFrrText, type FrrCheckResult as FrrCheck } from './rules/frr/check';
import { LiveFrrCheck } from './rules/frr/liveCheck';
import { fileUnder } from './grouping';
import { parseManifests } from './k8s/parse';
import { plainLabels, resourceName, type FRRConfiguration, type ManifestFile, type Resource } from './k8s/resources';
import { selectorMatches } from './k8s/selectors';
import { frrConfigurationInput, renderFrrK8sNode } from './metallb/frrk8s';
import { buildInternalConfig } from './metallb/build';
import { analyzeExtrasContext } from './rules/metallb/analyze';
import { buildExtrasContext, type ExtrasContext } from './metallb/extras/context';
import { buildWorkspaceIndex, indexDocument, type FrrView, type WorkspaceDocument, type WorkspaceIndex } from './features/workspaceIndex';
import { listNodes, type NodeListing } from './metallb/nodes';
import { renderFrrConf, type MetalLBVersion } from './metallb/render';
import { LATEST_METALLB_VERSION } from './metallb/render/version';
import { validateResources } from './rules/metallb/webhook';
import type { Finding, FrrVersion } from './types';
import type { SourceText } from './sourceText';

export type DocumentKind = 'frr' | 'yaml';
export type MetallbMode = 'frr' | 'frr-k8s';

export interface WorkspaceOptions {
  frrVersion: FrrVersion;
  metallbVersion: MetalLBVersion;
  mode: MetallbMode;
}

export const DEFAULT_OPTIONS: WorkspaceOptions = { frrVersion: 'any', metallbVersion: LATEST_METALLB_VERSION, mode: 'frr' };

/** The integrated config and the per-daemon files FRR's daemons read (`<daemon>.conf`). */
const FRR_FILE_NAMES = new Set(
  ['frr', 'zebra', 'bgpd', 'ospfd', 'ospf6d', 'ripd', 'ripngd', 'isisd', 'fabricd', 'pimd', 'pim6d', 'ldpd', 'nhrpd', 'eigrpd', 'babeld', 'sharpd', 'pbrd', 'bfdd', 'vrrpd', 'pathd', 'staticd', 'mgmtd'].map(
    (name) => `${name}.conf`,
  ),
);

/**
 * Whether a file found on disk (by a folder walk or the workspace index) is FRR configuration,
 * a manifest, or neither, from its name alone. A generic `*.conf` is not FRR: folders hold
 * nginx, sysctl and systemd `.conf` files that would drown a report in syntax errors.
 * A path's `#` and `?` are part of its names.
 */
export function fileKindByPath(path: string): DocumentKind | undefined {
  return fileKindOfName(path.split(/[\\/]/).pop() ?? '');
}

/** How the file a URI names is read: its `?` and `#` start the query and fragment, its path is percent-encoded. */
export function fileKindByUri(uri: string): DocumentKind | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    path = uri.replace(/[?#].*$/, '');
  }
  return fileKindOfName(path.slice(path.lastIndexOf('/') + 1));
}

function fileKindOfName(fileName: string): DocumentKind | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (name.endsWith('.frr') || FRR_FILE_NAMES.has(name)) return 'frr';
  return undefined;
}

/** How a document is read, from its language id or, for files on disk, its name. */
export function documentKind(uri: string, languageId: string): DocumentKind | undefined {
  if (languageId === 'frr') return 'frr';
  if (languageId === 'yaml') return 'yaml';
  return fileKindByUri(uri);
}

interface Entry {
  uri: string;
  /** As the editor holds it: an open FRR document's text is chunked, and an edit re-reads it in pieces. */
  text: SourceText;
  version: number;
  kind: DocumentKind;
  frr?: FrrCheck;
  /** The document's live check (in a live workspace): the next version's check re-reads only the edit. */
  live?: LiveFrrCheck;
  manifest?: ManifestFile;
  indexed?: WorkspaceDocument;
}

export interface RenderResult {
  node: string;
  text: string;
  /** What the render assumed or could not know (runtime state, missing inputs). */
  notes: string[];
  /** Why MetalLB would refuse the configuration (it keeps the node's previous frr.conf then). */
  errors: string[];
  /** Inputs the workspace lacks for a faithful render (no BGPPeer, no Service, …). */
  missing: string[];
}

function nodeLabels(resources: readonly Resource[], node: string): Record<string, string> {
  const found = resources.find((r) => r.kind === 'Node' && resourceName(r) === node);
  return found ? plainLabels(found.metadata.labels) : { 'kubernetes.io/hostname': node };
}

function missingInputs(resources: readonly Resource[], sessions: number): string[] {
  const has = (kind: Resource['kind']) => resources.some((resource) => resource.kind === kind);
  const missing: string[] = [];
  if (!has('Node')) missing.push('no Node in the workspace: node labels are assumed from selectors');
  if (!has('BGPPeer') && !resources.some((r) => r.kind === 'ConfigMap' && r.configMap === 'config')) {
    missing.push('no BGPPeer in the workspace: no BGP session is rendered');
  } else if (sessions === 0) missing.push('no BGPPeer selects this node: no BGP session is rendered');
  if (!has('IPAddressPool')) missing.push('no IPAddressPool in the workspace: nothing is announced');
  if (!has('Service')) missing.push('no Service in the workspace: every announcement list is empty (deny any)');
  return missing;
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private options: WorkspaceOptions;
  private generation = 0;
  private cross: { generation: number; byUri: Map<string, Finding[]> } | undefined;
  private extras: { generation: number; context: ExtrasContext } | undefined;
  /** Bumped by any change at all; the cross-file index of the editor features keys on it. */
  private revision = 0;
  private indexCache: { revision: number; index: WorkspaceIndex } | undefined;

  /** Drops the stale index at once: it holds the previous parses, which would otherwise live on beside the new ones. */
  private changed(): void {
    this.revision++;
    this.indexCache = undefined;
  }

  /**
   * A `live` workspace (the language server's) keeps each FRR document's check across its edits
   * and re-checks only what an edit touches; otherwise (the CLI) each text is checked once, which
   * takes less memory.
   */
  constructor(
    options: Partial<WorkspaceOptions> = {},
    private readonly mode: { live: boolean } = { live: false },
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  setOptions(options: Partial<WorkspaceOptions>): void {
    this.options = { ...this.options, ...options };
    for (const entry of this.entries.values()) {
      delete entry.frr;
      delete entry.live;
      delete entry.indexed;
    }
    this.generation++;
    this.changed();
  }

  setFile(uri: string, text: SourceText, version: number, kind: DocumentKind): void {
    const existing = this.entries.get(uri);
    if (existing && existing.text === text && existing.kind === kind) {
      existing.version = version;
      return;
    }
    const live = kind === 'frr' && existing?.kind === 'frr' ? existing.live : undefined;
    this.entries.set(uri, { uri, text, version, kind, live });
    if (kind === 'yaml' || existing?.kind === 'yaml') this.generation++;
    this.changed();
  }

  removeFile(uri: string): void {
    const existing = this.entries.get(uri);
    if (!existing) return;
    this.entries.delete(uri);
    if (existing.kind === 'yaml') this.generation++;
    this.changed();
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  text(uri: string): string | undefined {
    return this.entries.get(uri)?.text.toString();
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** Every document with its parses, peers and the extras view: the input of the editor features. */
  index(): WorkspaceIndex {
    if (this.indexCache?.revision === this.revision) return this.indexCache.index;
    const { frrVersion } = this.options;
    const documents = [...this.entries.values()].map((entry) => {
      entry.indexed ??=
        entry.kind === 'frr'
          ? this.frrDocument(entry)
          : indexDocument({ uri: entry.uri, kind: entry.kind, text: entry.text.toString(), manifest: this.manifest(entry) }, { frrVersion });
      return entry.indexed;
    });
    const index = buildWorkspaceIndex(documents, { frrVersion, extras: this.extrasContext() });
    this.indexCache = { revision: this.revision, index };
    return index;
  }

  /**
   * An FRR file as the editor features see it, its view made from the file's check when first
   * read: FRR files do not see one another, so a request in one never needs another one checked.
   */
  private frrDocument(entry: Entry): WorkspaceDocument {
    const { uri, text } = entry;
    const check = () => this.frrCheck(entry);
    const frrVersion = this.options.frrVersion;
    let view: FrrView | undefined;
    return {
      uri,
      kind: 'frr',
      // Made when a feature asks for it: an edit's checks read the text in pieces.
      get text() {
        return text.toString();
      },
      embedded: [],
      get frr() {
        if (!view) {
          const { parse, model } = check();
          view = indexDocument({ uri, kind: 'frr', text, parse, model }, { frrVersion }).frr;
        }
        return view;
      },
    };
  }

  /** The FRR parse of an FRR document (cached by version). */
  frrParse(uri: string): FrrCheck | undefined {
    const entry = this.entries.get(uri);
    return entry?.kind === 'frr' ? this.frrCheck(entry) : undefined;
  }

  /** The bgpextras view of the workspace (per node render, parsed extras), shared by the editor features. */
  extrasContext(): ExtrasContext {
    if (this.extras?.generation !== this.generation) {
      const { metallbVersion, mode, frrVersion } = this.options;
      this.extras = { generation: this.generation, context: buildExtrasContext(this.manifests(), { metallbVersion, mode, frrVersion }) };
    }
    return this.extras.context;
  }

  /** Every finding that belongs to the document `uri`. */
  check(uri: string): Finding[] {
    const entry = this.entries.get(uri);
    if (!entry) return [];
    if (entry.kind === 'frr') return this.frrCheck(entry).findings;
    const manifest = this.manifest(entry);
    const own = manifest.findings;
    const cross = this.crossFindings().get(uri) ?? [];
    return [...own, ...cross].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  }

  private frrCheck(entry: Entry): FrrCheck {
    if (!entry.frr) {
      const { frrVersion } = this.options;
      if (!this.mode.live) entry.frr = checkFrrText(entry.text.toString(), { frrVersion });
      else if (entry.live) {
        try {
          entry.frr = entry.live.update(entry.text);
        } catch (error) {
          // Whatever the failed update left half-done must not feed the next one: the next request reads the text whole.
          delete entry.live;
          throw error;
        }
      } else {
        entry.live = new LiveFrrCheck(entry.text, frrVersion);
        entry.frr = entry.live.current;
      }
    }
    return entry.frr;
  }

  manifests(): ManifestFile[] {
    const files: ManifestFile[] = [];
    for (const entry of this.entries.values()) if (entry.kind === 'yaml') files.push(this.manifest(entry));
    return files;
  }

  /** The Node objects of the manifests or, without any, the node names their selectors mention. */
  nodeListing(): NodeListing {
    return listNodes(this.manifests().flatMap((file) => file.resources));
  }

  /** Names of the nodes a render can be made for. */
  nodes(): string[] {
    const listing = this.nodeListing();
    return listing.nodes.length > 0 ? listing.nodes.map((node) => node.name) : listing.mentioned;
  }

  render(node: string): RenderResult {
    const resources = this.manifests().flatMap((file) => file.resources);
    const built = buildInternalConfig(resources, node, { metallbVersion: this.options.metallbVersion });
    const missing = missingInputs(resources, built.config.sessions.length);
    if (this.options.mode === 'frr-k8s') {
      const labels = nodeLabels(resources, node);
      const selected = resources.filter(
        (r): r is FRRConfiguration => r.kind === 'FRRConfiguration' && (!r.spec.nodeSelector || selectorMatches(r.spec.nodeSelector, labels)),
      );
      // frr-k8s renders MetalLB's generated FRRConfiguration, not MetalLB's template: extras do not apply.
      const rendered = renderFrrK8sNode({ ...built.config, extras: '' }, selected.map(frrConfigurationInput));
      return {
        node,
        text: rendered.text,
        notes: built.notes,
        errors: [...built.errors, ...rendered.conflicts.map((conflict) => conflict.message)],
        missing,
      };
    }
    return { node, text: renderFrrConf(built.config, this.options.metallbVersion), notes: built.notes, errors: built.errors, missing };
  }

  private manifest(entry: Entry): ManifestFile {
    entry.manifest ??= parseManifests(entry.text.toString(), entry.uri);
    return entry.manifest;
  }

  private crossFindings(): Map<string, Finding[]> {
    if (this.cross?.generation === this.generation) return this.cross.byUri;
    const byUri = new Map<string, Finding[]>();
    const files = this.manifests();
    for (const finding of [...validateResources(files), ...analyzeExtrasContext(this.extrasContext())]) {
      const { uri, ...own } = finding;
      if (uri) fileUnder(byUri, uri, own);
    }
    this.cross = { generation: this.generation, byUri };
    return byUri;
  }
}
