/**
 * Everything the bgpextras rules look at, computed once: the `bgpextras` ConfigMap MetalLB reads
 * (FRR text with its offset map into the YAML file), and for every node the manifests describe what
 * MetalLB renders there without the extras, and the file FRR really loads (render + extras, joined
 * exactly as MetalLB appends them). Rules see neighbor IDs, MetalLB's own `-in`/`-out` entries and
 * generated names per node; FRR's own rules run on the combined file and reach the extras through it.
 */
import type { FrrModel } from '../../frr/model';
import { buildModel } from '../../frr/model';
import { parseFrr } from '../../frr/parser';
import type { ParseResult } from '../../frr/syntax';
import type { EmbeddedText } from '../../k8s/embedded';
import type { BgpExtrasConfigMap, ManifestFile, Resource } from '../../k8s/resources';
import type { Finding, FrrVersion, OffsetRange, TextEdit } from '../../types';
import { buildInternalConfig, type BuildResult } from '../build';
import { listNodes } from '../nodes';
import { buildRenderModel, renderModelText, type MetalLBVersion, type RenderModel } from '../render';
import { collectPeers, type PeerRef } from './peers';
import { toYamlEdit, type EmbeddedSource } from './yamlEdit';

export interface ExtrasOptions {
  metallbVersion: MetalLBVersion;
  mode: 'frr' | 'frr-k8s';
  frrVersion?: FrrVersion;
  /** MetalLB's namespace; `metallb-system` by default. */
  namespace?: string;
}

/** One `bgpextras` ConfigMap with an `extras` key. */
export interface ExtrasSource {
  configMap: BgpExtrasConfigMap;
  file: ManifestFile;
  /** Index of the file in the analysed list (apply order is file order, then document order). */
  fileIndex: number;
  uri?: string;
  embedded: EmbeddedText;
  /** The extras parsed on their own: offsets are offsets into `embedded.value`. */
  parse: ParseResult;
  model: FrrModel;
  /** Range of the `extras` key (or the ConfigMap's `kind:`): where findings about the whole text point. */
  anchor: OffsetRange;
}

/** What one node runs. */
export interface NodeView {
  /** Node name; for the synthetic node, `ANY_NODE`. */
  node: string;
  synthetic: boolean;
  /** The internal config MetalLB builds for the node, without the extras. */
  build: BuildResult;
  render: RenderModel;
  /** frr.conf MetalLB writes for the node without the extras. */
  rendered: string;
  /** frr.conf with the extras, exactly as MetalLB writes it; equals `rendered` when there are none. */
  combined: string;
  /** Offset of the extras' first character in `combined`. */
  extrasBase: number;
  /** The neighbor IDs MetalLB renders on this node. */
  neighborIds: Set<string>;
}

export interface ExtrasContext {
  options: Required<Omit<ExtrasOptions, 'frrVersion'>> & { frrVersion: FrrVersion };
  files: readonly ManifestFile[];
  /** Every `bgpextras` ConfigMap in MetalLB's namespace, in apply order. */
  sources: ExtrasSource[];
  /** The one MetalLB ends up reading: the last in apply order. */
  extras?: ExtrasSource;
  /** One view per Node in the manifests; without any Node, one synthetic view. */
  nodes: NodeView[];
  /** BGPPeers (any node) by neighbor ID. */
  peersById: Map<string, PeerRef[]>;
  /** Context-level findings (several bgpextras ConfigMaps). */
  findings: Finding[];
  /** A range of the extras value → YAML source range. */
  toSource(range: OffsetRange): OffsetRange;
  /** An edit of the extras value → a YAML-correct edit of the file (undefined when it cannot be written). */
  toEdit(edit: { range: OffsetRange; newText: string }): TextEdit | undefined;
}

/** Name of the synthetic node used when the manifests contain no Node. */
export const ANY_NODE = 'any-node';

const DEFAULT_NAMESPACE = 'metallb-system';

export function buildExtrasContext(files: readonly ManifestFile[], options: ExtrasOptions): ExtrasContext {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const frrVersion = options.frrVersion ?? 'any';
  const sources = findSources(files, namespace, frrVersion);
  const extras = sources.at(-1);
  const findings = duplicateFindings(sources);
  const peersById = collectPeers(files, namespace);
  const resources = files.flatMap((file) => file.resources);
  const embeddedSource: EmbeddedSource | undefined = extras && {
    embedded: extras.embedded,
    source: extras.file.text,
    ...(extras.uri !== undefined ? { uri: extras.uri } : {}),
  };
  const toSource = (range: OffsetRange): OffsetRange => (extras ? extras.embedded.toSourceRange(range) : range);
  const toEdit = (edit: { range: OffsetRange; newText: string }): TextEdit | undefined =>
    embeddedSource ? toYamlEdit(embeddedSource, edit) : undefined;
  const nodes = options.mode === 'frr' ? buildNodeViews(resources, namespace, options.metallbVersion, extras) : [];
  return {
    options: { metallbVersion: options.metallbVersion, mode: options.mode, namespace, frrVersion },
    files,
    sources,
    ...(extras ? { extras } : {}),
    nodes,
    peersById,
    findings,
    toSource,
    toEdit,
  };
}

function findSources(files: readonly ManifestFile[], namespace: string, frrVersion: FrrVersion): ExtrasSource[] {
  const sources: ExtrasSource[] = [];
  files.forEach((file, fileIndex) => {
    for (const resource of file.resources) {
      if (resource.kind !== 'ConfigMap' || resource.configMap !== 'bgpextras' || !resource.extras) continue;
      const ns = resource.metadata.namespace?.value;
      if (ns !== undefined && ns !== namespace) continue;
      const { parse, model } = parseEmbedded(resource.extras.embedded, frrVersion);
      const source: ExtrasSource = {
        configMap: resource,
        file,
        fileIndex,
        embedded: resource.extras.embedded,
        parse,
        model,
        anchor: resource.extras.keyRange ?? resource.kindRange,
      };
      const uri = resource.uri ?? file.uri;
      if (uri !== undefined) source.uri = uri;
      sources.push(source);
    }
  });
  return sources;
}

const embeddedParses = new WeakMap<EmbeddedText, { frrVersion: FrrVersion; parse: ParseResult; model: FrrModel }>();

/**
 * Embedded FRR text (bgpextras `extras`, a frr-k8s `rawConfig`) parsed on its own, once per text
 * and FRR version: a manifest keeps its objects until its text changes, so contexts rebuilt for an
 * edit elsewhere reuse the parse.
 */
export function parseEmbedded(embedded: EmbeddedText, frrVersion: FrrVersion): { parse: ParseResult; model: FrrModel } {
  const cached = embeddedParses.get(embedded);
  if (cached?.frrVersion === frrVersion) return cached;
  const parse = parseFrr(embedded.value, { frrVersion });
  const built = { frrVersion, parse, model: buildModel(parse) };
  embeddedParses.set(embedded, built);
  return built;
}

function duplicateFindings(sources: ExtrasSource[]): Finding[] {
  const last = sources.at(-1);
  if (!last) return [];
  return sources.slice(0, -1).map((source) => {
    const finding: Finding = {
      code: 'metallb/extras-duplicate',
      severity: 'warning',
      range: source.anchor,
      message:
        'Another bgpextras ConfigMap comes later in apply order: a namespace holds one ConfigMap of a name, so the ' +
        'later one replaces this one and these extras are never used.',
      related: [{ ...(last.uri !== undefined ? { uri: last.uri } : {}), range: last.anchor, message: 'the bgpextras MetalLB ends up reading' }],
    };
    if (source.uri !== undefined) finding.uri = source.uri;
    return finding;
  });
}

function buildNodeViews(
  resources: Resource[],
  namespace: string,
  version: MetalLBVersion,
  extras: ExtrasSource | undefined,
): NodeView[] {
  const listing = listNodes(resources);
  const view = (node: string, synthetic: boolean, input: Resource[]): NodeView => {
    const build = buildInternalConfig(input, node, { metallbVersion: version, namespace });
    const render = buildRenderModel({ ...build.config, extras: '' }, version);
    const rendered = renderModelText(render);
    const value = extras?.embedded.value ?? '';
    const combined = value === '' ? rendered : renderModelText({ ...render, extras: value });
    // MetalLB writes `\n` + extras before the file's final newline, so the extras start where the plain render ends.
    const extrasBase = rendered.length;
    return {
      node,
      synthetic,
      build,
      render,
      rendered,
      combined,
      extrasBase,
      neighborIds: new Set(render.neighbors.map((n) => n.id)),
    };
  };
  if (listing.nodes.length > 0) return listing.nodes.map((node) => view(node.name, false, resources));
  if (listing.mentioned.length > 0) return listing.mentioned.map((name) => view(name, false, resources));
  // Without Nodes MetalLB's selection cannot be evaluated: the synthetic node runs the peers meant for every node.
  const unselective = resources.filter((r) => r.kind !== 'BGPPeer' || (r.spec.nodeSelectors ?? []).length === 0);
  return [view(ANY_NODE, true, unselective)];
}
