/**
 * FRR mode (`DiscardNativeOnly`): one bgpd per node, so the peers a node gets must share the
 * router ID, must share myASN within a VRF, and may not repeat an address (or interface) in a VRF.
 * Two peers are compared when some node can get both: always when the workspace holds no Node
 * objects (the webhook's cluster-wide view), otherwise only when a known Node matches both.
 */
import type { Finding } from '../../../types';
import type { BGPPeer } from '../../../k8s/resources';
import { plainLabels } from '../../../k8s/resources';
import { anySelectorMatches } from '../../../k8s/selectors';
import { objectRange, webhookError, type WebhookContext } from './context';

export function checkFrrModeConsistency(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const peers = context.peers;
  const nodeLabels = context.nodes.map((node) => plainLabels(node.metadata.labels));
  const shareANode = (a: BGPPeer, b: BGPPeer): boolean =>
    nodeLabels.length === 0 ||
    nodeLabels.some((labels) => anySelectorMatches(a.spec.nodeSelectors, labels) && anySelectorMatches(b.spec.nodeSelectors, labels));

  peers.forEach((peer, index) => {
    for (const earlier of peers.slice(0, index)) {
      if (!shareANode(peer, earlier)) continue;
      const error = pairError(peer, earlier);
      if (error) {
        findings.push(error);
        break;
      }
    }
  });
  return findings;
}

function pairError(peer: BGPPeer, earlier: BGPPeer): Finding | undefined {
  const routerID = peer.spec.routerID?.value ?? '';
  const earlierRouterID = earlier.spec.routerID?.value ?? '';
  if (routerID !== earlierRouterID) {
    return webhookError(
      peer,
      peer.spec.routerID?.range ?? objectRange(peer),
      `peer ${routerID} has RouterID different from ${earlierRouterID}, in FRR mode all RouterID must be equal`,
    );
  }
  if (identifier(peer) === identifier(earlier)) {
    return webhookError(
      peer,
      peer.spec.peerAddress?.range ?? peer.spec.interface?.range ?? objectRange(peer),
      `peer ${peer.spec.peerAddress?.value ?? ''} already exists, FRR mode doesn't support duplicate BGPPeers`,
    );
  }
  if ((peer.spec.myASN?.value ?? 0) !== (earlier.spec.myASN?.value ?? 0) && (peer.spec.vrf?.value ?? '') === (earlier.spec.vrf?.value ?? '')) {
    return webhookError(
      peer,
      peer.spec.myASN?.range ?? objectRange(peer),
      `peer ${earlier.spec.peerAddress?.value ?? ''} has myAsn different from ${peer.spec.peerAddress?.value ?? ''}, in FRR mode all myAsn must be equal for the same VRF`,
    );
  }
  return undefined;
}

/** MetalLB's `peerIdentifier`: address (or interface) and VRF. */
function identifier(peer: BGPPeer): string {
  const address = peer.spec.peerAddress?.value ?? '';
  return `${address === '' ? (peer.spec.interface?.value ?? '') : address}-${peer.spec.vrf?.value ?? ''}`;
}
