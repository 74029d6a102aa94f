/**
 * BGPPeer resources indexed by the neighbor ID MetalLB derives from them (`<address|interface>[-<vrf>]`),
 * whatever node they select: the stems of the route-map and prefix-list names the extras may use.
 */
import type { BGPPeer, ManifestFile } from '../../k8s/resources';
import { resourceName } from '../../k8s/resources';
import type { OffsetRange } from '../../types';
import { neighborIDOf } from '../neighbor-id';
import { fileUnder } from '../../grouping';

export interface PeerRef {
  /** Neighbor ID: `<address|interface>[-<vrf>]`. */
  id: string;
  /** BGPPeer metadata.name ('' when missing). */
  name: string;
  uri?: string;
  /** The BGPPeer's name value, or its `kind:` when unnamed: where a related location points. */
  range: OffsetRange;
  peer: BGPPeer;
  /** Address family of the peer address; `dual` for interface (unnumbered) peers and dual-stack peers. */
  family: 'ipv4' | 'ipv6' | 'dual';
}

export function peerNeighborID(peer: BGPPeer): string | undefined {
  const address = peer.spec.peerAddress?.value ?? '';
  const iface = peer.spec.interface?.value ?? '';
  if (address === '' && iface === '') return undefined;
  return neighborIDOf(address, iface, peer.spec.vrf?.value ?? '');
}

export function collectPeers(files: readonly ManifestFile[], namespace: string): Map<string, PeerRef[]> {
  const byId = new Map<string, PeerRef[]>();
  for (const file of files) {
    for (const resource of file.resources) {
      if (resource.kind !== 'BGPPeer') continue;
      const ns = resource.metadata.namespace?.value;
      if (ns !== undefined && ns !== namespace) continue;
      const id = peerNeighborID(resource);
      if (id === undefined) continue;
      const ref: PeerRef = {
        id,
        name: resourceName(resource),
        range: resource.metadata.name?.range ?? resource.kindRange,
        peer: resource,
        family: peerFamily(resource),
      };
      const uri = resource.uri ?? file.uri;
      if (uri !== undefined) ref.uri = uri;
      fileUnder(byId, id, ref);
    }
  }
  return byId;
}

function peerFamily(peer: BGPPeer): PeerRef['family'] {
  if (peer.spec.interface?.value) return 'dual';
  if (peer.spec.dualStackAddressFamily?.value) return 'dual';
  return (peer.spec.peerAddress?.value ?? '').includes(':') ? 'ipv6' : 'ipv4';
}

/** `name (ID)` as messages name a peer. */
export function describePeer(id: string, refs: readonly PeerRef[] | undefined): string {
  const names = [...new Set((refs ?? []).map((ref) => ref.name).filter((name) => name !== ''))];
  return names.length > 0 ? `BGPPeer ${names.join(', ')} (neighbor ${id})` : `neighbor ${id}`;
}
