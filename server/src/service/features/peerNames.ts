/**
 * Which BGPPeer an FRR name belongs to: MetalLB names every route-map and prefix-list of a
 * neighbor `<ID>-…` (DESIGN.md §4), and `neighbor <address>` lines name the peer itself.
 */
import type { SymbolKind } from '../frr/model';
import type { PeerIdentity } from './workspaceIndex';

export interface PeerName {
  identity: PeerIdentity;
  /** How the name relates to the peer, in words. */
  role: string;
  /** The suffix after `<ID>-` ('' for the neighbor itself). */
  suffix: string;
}

const PREFIX_LIST_ROLES: [RegExp, string][] = [
  [/^(allowed|pl)-(ipv4|ipv6|dual)$/, 'MetalLB’s list of prefixes announced to'],
  [/^inpl-(ipv4|ipv6)$/, 'frr-k8s’s list of prefixes accepted from'],
  [/-localpref-prefixes$/, 'MetalLB’s local-preference prefixes for'],
  [/-community-prefixes$/, 'MetalLB’s community prefixes for'],
];

export function peerOfName(peers: readonly PeerIdentity[], name: string, kind: SymbolKind): PeerName | undefined {
  if (kind === 'neighbor') {
    const identity = peers.find((p) => p.stem === name);
    return identity ? { identity, role: 'the session with', suffix: '' } : undefined;
  }
  // The longest ID wins: `10.0.0.1-red-in` belongs to `10.0.0.1-red`, not to `10.0.0.1`.
  let best: PeerIdentity | undefined;
  for (const peer of peers) {
    if (name.startsWith(`${peer.id}-`) && (!best || peer.id.length > best.id.length)) best = peer;
  }
  if (!best) return undefined;
  const suffix = name.slice(best.id.length + 1);
  if (kind === 'route-map') {
    if (suffix === 'in') return { identity: best, role: 'routes received from', suffix };
    if (suffix === 'out') return { identity: best, role: 'routes announced to', suffix };
    return undefined;
  }
  if (kind === 'ip-prefix-list' || kind === 'ipv6-prefix-list') {
    const role = PREFIX_LIST_ROLES.find(([pattern]) => pattern.test(suffix))?.[1];
    return role ? { identity: best, role, suffix } : undefined;
  }
  return undefined;
}
