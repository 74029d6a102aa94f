/**
 * What the rawConfig rules and code lenses look at, computed once per extras context: every
 * FRRConfiguration's `rawConfig` parsed on its own, the nodes it is appended on (its `nodeSelector` against the Node
 * labels), and for each node the configuration frr-k8s renders before appending the raw configs
 * (every selected FRRConfiguration merged, plus MetalLB's generated one when MetalLB runs in
 * frr-k8s mode). Rules read frr-k8s's own route-map entries and prefix-lists from that render,
 * so seq numbers and names always follow the renderer.
 */
import { buildModel, type FrrModel } from '../../frr/model';
import { parseFrr } from '../../frr/parser';
import type { ParseResult } from '../../frr/syntax';
import type { EmbeddedText } from '../../k8s/embedded';
import type { FRRConfiguration, FrrK8sNeighbor, ManifestFile, Resource } from '../../k8s/resources';
import { resourceName } from '../../k8s/resources';
import { selectorMatches } from '../../k8s/selectors';
import { buildInternalConfig } from '../build';
import { ANY_NODE, parseEmbedded, type ExtrasContext } from './context';
import { frrConfigurationInput, mergeFrrConfigurations, renderFrrK8s, renderFrrK8sNode, type FrrK8sConfig } from '../frrk8s';
import { neighborID } from '../frrk8s/model';
import { listNodes } from '../nodes';
import type { OffsetRange } from '../../types';

/** Who declares a neighbor: an FRRConfiguration, or a BGPPeer through MetalLB's generated configuration. */
export interface NeighborOwner {
  kind: 'FRRConfiguration' | 'BGPPeer';
  /** `FRRConfiguration peers` or `BGPPeer tor1`. */
  label: string;
  uri?: string;
  /** The neighbor's address (or interface) value, or the BGPPeer's name. */
  range: OffsetRange;
}

/** One FRRConfiguration's non-empty `rawConfig`. */
export interface RawSource {
  resource: FRRConfiguration;
  /** metadata.name ('' when missing). */
  name: string;
  file: ManifestFile;
  uri?: string;
  embedded: EmbeddedText;
  /** The raw config parsed alone: offsets are offsets into `embedded.value`. */
  parse: ParseResult;
  model: FrrModel;
  /** The nodes frr-k8s appends this raw config on. */
  nodes: FrrK8sNodeView[];
}

/** What frr-k8s renders on one node, before the raw configs. */
export interface FrrK8sNodeView {
  node: string;
  synthetic: boolean;
  /** The FRRConfigurations selecting the node, in manifest order. */
  selected: readonly PlacedConfiguration[];
  /** The merged configuration of every FRRConfiguration selecting the node. */
  config: FrrK8sConfig;
  /** frr-k8s's render of `config` without the raw configs, as FRR models it. */
  rendered: FrrModel;
  neighborIds: Set<string>;
}

export interface RawContext {
  raws: RawSource[];
  nodes: FrrK8sNodeView[];
  /** Every neighbor ID any FRRConfiguration (or MetalLB's generated one) declares, on any node. */
  owners: Map<string, NeighborOwner[]>;
}

const cache = new WeakMap<ExtrasContext, RawContext>();

export function rawContext(ctx: ExtrasContext): RawContext {
  let built = cache.get(ctx);
  if (!built) {
    built = buildRawContext(ctx);
    cache.set(ctx, built);
  }
  return built;
}

export interface PlacedConfiguration {
  resource: FRRConfiguration;
  file: ManifestFile;
}

/** One neighbor of an FRRConfiguration, with the ID frr-k8s names its route-maps and lists after. */
export interface PlacedNeighbor {
  id: string;
  neighbor: FrrK8sNeighbor;
  configuration: PlacedConfiguration;
}

/** The neighbors of `configurations` with their IDs (frr-k8s takes the VRF from the router). */
export function placedNeighbors(configurations: readonly PlacedConfiguration[]): PlacedNeighbor[] {
  return configurations.flatMap((configuration) =>
    configuration.resource.spec.routers.flatMap((router) =>
      router.neighbors.flatMap((neighbor) => {
        const stem = neighbor.interface?.value || neighbor.address?.value;
        return stem ? [{ id: neighborID({ addr: stem, iface: '', vrf: router.vrf?.value ?? '' }), neighbor, configuration }] : [];
      }),
    ),
  );
}

function buildRawContext(ctx: ExtrasContext): RawContext {
  const configurations: PlacedConfiguration[] = ctx.files.flatMap((file) =>
    file.resources.filter((r): r is FRRConfiguration => r.kind === 'FRRConfiguration').map((resource) => ({ resource, file })),
  );
  // Renders are only needed to check raw configs: without any, nothing is computed.
  if (!configurations.some(({ resource }) => (resource.spec.raw?.rawConfig?.value ?? '').trim() !== '')) {
    return { raws: [], nodes: [], owners: new Map() };
  }
  const resources = ctx.files.flatMap((file) => file.resources);
  const renderCache = new Map<string, FrrModel>();
  const view = (node: string, synthetic: boolean, selected: PlacedConfiguration[], metallbInput: readonly Resource[]): FrrK8sNodeView => {
    const inputs = selected.map(({ resource }) => frrConfigurationInput(resource));
    // MetalLB in frr-k8s mode hands frr-k8s one more FRRConfiguration, generated from its BGPPeers.
    const config =
      ctx.options.mode === 'frr-k8s'
        ? renderFrrK8sNode(
            { ...buildInternalConfig(metallbInput, node, { metallbVersion: ctx.options.metallbVersion, namespace: ctx.options.namespace }).config, extras: '' },
            inputs,
            { namespace: ctx.options.namespace },
          ).config
        : mergeFrrConfigurations(inputs, { hostname: node }).config;
    // The hostname is the only node-specific text that cannot change a rule's outcome: equal renders share one parse.
    const text = renderFrrK8s({ ...config, hostname: 'node', extraConfig: '' });
    let rendered = renderCache.get(text);
    if (!rendered) {
      rendered = buildModel(parseFrr(text, { frrVersion: ctx.options.frrVersion }));
      renderCache.set(text, rendered);
    }
    const neighborIds = new Set(config.routers.flatMap((router) => router.neighbors.map(neighborID)));
    return { node, synthetic, selected, config, rendered, neighborIds };
  };

  const listed = listNodes(resources).nodes;
  const selectedBy = new Map<PlacedConfiguration, FrrK8sNodeView[]>(configurations.map((c) => [c, []]));
  const nodes: FrrK8sNodeView[] = [];
  if (listed.length > 0) {
    for (const node of listed) {
      const selected = configurations.filter(({ resource }) => !resource.spec.nodeSelector || selectorMatches(resource.spec.nodeSelector, node.labels));
      const built = view(node.name, false, selected, resources);
      nodes.push(built);
      for (const c of selected) selectedBy.get(c)?.push(built);
    }
  } else {
    // Without Nodes no selector can be evaluated: one synthetic node runs every FRRConfiguration and the peers meant for every node.
    const unselective = resources.filter((r) => r.kind !== 'BGPPeer' || (r.spec.nodeSelectors ?? []).length === 0);
    const built = view(ANY_NODE, true, configurations, unselective);
    nodes.push(built);
    for (const c of configurations) selectedBy.get(c)?.push(built);
  }

  const raws: RawSource[] = [];
  for (const located of configurations) {
    const raw = located.resource.spec.raw?.rawConfig;
    if (!raw || raw.value.trim() === '') continue;
    const { parse, model } = parseEmbedded(raw.embedded, ctx.options.frrVersion);
    const source: RawSource = {
      resource: located.resource,
      name: resourceName(located.resource),
      file: located.file,
      embedded: raw.embedded,
      parse,
      model,
      nodes: selectedBy.get(located) ?? [],
    };
    const uri = located.resource.uri ?? located.file.uri;
    if (uri !== undefined) source.uri = uri;
    raws.push(source);
  }
  return { raws, nodes, owners: neighborOwners(ctx, configurations) };
}

function neighborOwners(ctx: ExtrasContext, configurations: PlacedConfiguration[]): Map<string, NeighborOwner[]> {
  const owners = new Map<string, NeighborOwner[]>();
  const add = (id: string, owner: NeighborOwner) => owners.set(id, [...(owners.get(id) ?? []), owner]);
  for (const { id, neighbor, configuration } of placedNeighbors(configurations)) {
    const { resource, file } = configuration;
    const uri = resource.uri ?? file.uri;
    const at = neighbor.interface?.value ? neighbor.interface : neighbor.address;
    add(id, {
      kind: 'FRRConfiguration',
      label: `FRRConfiguration ${resourceName(resource) || '(unnamed)'}`,
      range: at?.range ?? neighbor.range,
      ...(uri !== undefined ? { uri } : {}),
    });
  }
  if (ctx.options.mode === 'frr-k8s') {
    for (const [id, refs] of ctx.peersById) {
      for (const ref of refs) add(id, { kind: 'BGPPeer', label: `BGPPeer ${ref.name || '(unnamed)'}`, range: ref.range, ...(ref.uri !== undefined ? { uri: ref.uri } : {}) });
    }
  }
  return owners;
}

/** `neighbor 10.0.0.1 (FRRConfiguration peers, BGPPeer tor1)`: a neighbor and who declares it, for messages and lenses. */
export function neighborWords(rctx: RawContext, id: string): string {
  const labels = [...new Set((rctx.owners.get(id) ?? []).map((owner) => owner.label))];
  return labels.length > 0 ? `neighbor ${id} (${labels.join(', ')})` : `neighbor ${id}`;
}
