/**
 * What MetalLB's admission webhooks see: every MetalLB object of the workspace at once (the
 * webhooks validate the whole set cluster-wide, not one object alone), plus helpers to emit
 * `metallb/webhook` findings on the offending field.
 */
import type { Finding, OffsetRange } from '../../../types';
import type {
  BFDProfile,
  BGPAdvertisement,
  BGPPeer,
  Community,
  IPAddressPool,
  LegacyConfigMap,
  Node,
  Resource,
  Secret,
} from '../../../k8s/resources';

export const WEBHOOK_CODE = 'metallb/webhook';
/**
 * MetalLB's "transient" errors (a BFD profile or Community alias that does not exist yet): the
 * webhook lets the object in, but MetalLB applies no new configuration until the reference resolves.
 */
export const UNRESOLVED_CODE = 'metallb/unresolved-reference';

export interface WebhookContext {
  peers: BGPPeer[];
  pools: IPAddressPool[];
  advertisements: BGPAdvertisement[];
  communities: Community[];
  bfdProfiles: BFDProfile[];
  secrets: Secret[];
  nodes: Node[];
  legacyConfigs: LegacyConfigMap[];
}

export function contextFor(resources: readonly Resource[]): WebhookContext {
  const context: WebhookContext = {
    peers: [],
    pools: [],
    advertisements: [],
    communities: [],
    bfdProfiles: [],
    secrets: [],
    nodes: [],
    legacyConfigs: [],
  };
  for (const resource of resources) {
    switch (resource.kind) {
      case 'BGPPeer':
        context.peers.push(resource);
        break;
      case 'IPAddressPool':
        context.pools.push(resource);
        break;
      case 'BGPAdvertisement':
        context.advertisements.push(resource);
        break;
      case 'Community':
        context.communities.push(resource);
        break;
      case 'BFDProfile':
        context.bfdProfiles.push(resource);
        break;
      case 'Secret':
        context.secrets.push(resource);
        break;
      case 'Node':
        context.nodes.push(resource);
        break;
      case 'ConfigMap':
        if (resource.configMap === 'config') context.legacyConfigs.push(resource);
        break;
    }
  }
  return context;
}

/** A `metallb/webhook` error on `range` of `resource`'s file. */
export function webhookError(resource: Resource, range: OffsetRange, message: string): Finding {
  const finding: Finding = { code: WEBHOOK_CODE, severity: 'error', range, message };
  if (resource.uri !== undefined) finding.uri = resource.uri;
  return finding;
}

/** A transient error: a reference to an object no file of the workspace defines. */
export function unresolvedReference(resource: Resource, range: OffsetRange, message: string): Finding {
  const finding: Finding = { code: UNRESOLVED_CODE, severity: 'warning', range, message };
  if (resource.uri !== undefined) finding.uri = resource.uri;
  return finding;
}

export function nameOf(resource: Resource): string {
  return resource.metadata.name?.value ?? '';
}

/** The range naming the object: its metadata.name value, or its kind. */
export function objectRange(resource: Resource): OffsetRange {
  return resource.metadata.name?.range ?? resource.kindRange;
}

/** Go's `%q` for a string. */
export function quote(text: string): string {
  return JSON.stringify(text);
}
