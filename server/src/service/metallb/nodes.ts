/**
 * The nodes a preview can render frr.conf for. MetalLB decides per node (peer and advertisement
 * nodeSelectors match Node labels), so the Node objects in the manifests are the choices; without
 * any, the node names the selectors themselves mention are offered, with an explanation.
 */
import type { LabelSelector, Resource } from '../k8s/resources';
import { plainLabels, resourceName } from '../k8s/resources';
import type { OffsetRange } from '../types';
import { EXCLUDE_FROM_LB_LABEL } from './build/services';

const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export interface ManifestNode {
  name: string;
  labels: Record<string, string>;
  /** Labelled exclude-from-external-load-balancers: sessions are kept but nothing is announced. */
  excludedFromLoadBalancers: boolean;
  uri?: string;
  range: OffsetRange;
}

export interface NodeListing {
  nodes: ManifestNode[];
  /** Node names only mentioned by `kubernetes.io/hostname` selectors (when no Node object is present). */
  mentioned: string[];
  /** Why the list is empty or partial, for the user; undefined when Nodes are present. */
  explanation?: string;
}

function hostnamesIn(selectors: readonly LabelSelector[] | undefined, into: Set<string>): void {
  for (const selector of selectors ?? []) {
    const label = selector.matchLabels[HOSTNAME_LABEL];
    if (label) into.add(label.value);
    for (const req of selector.matchExpressions) {
      if (req.key.value === HOSTNAME_LABEL && req.operator.value === 'In') for (const v of req.values) into.add(v.value);
    }
  }
}

export function listNodes(resources: readonly Resource[]): NodeListing {
  const nodes: ManifestNode[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (r.kind !== 'Node') continue;
    const name = resourceName(r);
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    const labels = plainLabels(r.metadata.labels);
    const node: ManifestNode = {
      name,
      labels,
      excludedFromLoadBalancers: Object.prototype.hasOwnProperty.call(labels, EXCLUDE_FROM_LB_LABEL),
      range: r.range,
    };
    if (r.uri !== undefined) node.uri = r.uri;
    nodes.push(node);
  }
  nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (nodes.length > 0) return { nodes, mentioned: [] };

  const mentioned = new Set<string>();
  for (const r of resources) {
    if (r.kind === 'BGPPeer') hostnamesIn(r.spec.nodeSelectors, mentioned);
    if (r.kind === 'BGPAdvertisement') hostnamesIn(r.spec.nodeSelectors, mentioned);
    if (r.kind === 'ConfigMap' && r.configMap === 'config') {
      for (const peer of r.config?.peers ?? []) hostnamesIn(peer.nodeSelectors, mentioned);
    }
  }
  return {
    nodes,
    mentioned: [...mentioned].sort(),
    explanation:
      'These manifests contain no Node. MetalLB picks peers and advertisements by Node labels, so the preview ' +
      `can only assume a node whose single label is ${HOSTNAME_LABEL}=<name>. Add the Node ` +
      '(`kubectl get node NAME -o yaml`) to the workspace for a faithful result.',
  };
}
