/**
 * Which BGPPeer an FRR name belongs to: MetalLB names every route-map and prefix-list of a
 * neighbor `<ID>-…` (DESIGN.md §4), and `neighbor <address>` lines name the peer itself. In
 * frr-k8s mode the same names come from frr-k8s, which renders them from the FRRConfigurations it
 * merges for the node: MetalLB's generated one (built from the BGPPeers and BGPAdvertisements) and
 * the user's.
 */
import type { ExtrasOptions } from '../metallb/extras/context';
import type { SymbolKind } from '../frr/model';
import type { PeerIdentity } from './workspaceIndex';

export interface PeerName {
  identity: PeerIdentity;
  /** How the name relates to the peer, in words. */
  role: string;
  /** The suffix after `<ID>-` ('' for the neighbor itself). */
  suffix: string;
  /** What the list is rendered from, when that is not MetalLB itself (frr-k8s mode). */
  origin?: string;
}

type Mode = ExtrasOptions['mode'];

interface ListRole {
  pattern: RegExp;
  role: string;
  origin?: string;
}

const PREFIX_LIST_ROLES: Record<Mode, ListRole[]> = {
  frr: [
    { pattern: /^(allowed|pl)-(ipv4|ipv6|dual)$/, role: 'MetalLB’s list of prefixes announced to' },
    { pattern: /^inpl-(ipv4|ipv6)$/, role: 'frr-k8s’s list of prefixes accepted from' },
    { pattern: /-localpref-prefixes$/, role: 'MetalLB’s local-preference prefixes for' },
    { pattern: /-community-prefixes$/, role: 'MetalLB’s community prefixes for' },
  ],
  // frr-k8s never renders MetalLB's pre-v0.15 `<ID>-pl-…`, and names the incoming list after the
  // neighbor's family: `dual` for an interface (unnumbered) neighbor. MetalLB's generated
  // FRRConfiguration sets every toReceive to accept nothing.
  'frr-k8s': [
    {
      pattern: /^allowed-(ipv4|ipv6)$/,
      role: 'frr-k8s’s list of prefixes announced to',
      origin: '`toAdvertise.allowed` in MetalLB’s generated FRRConfiguration (from the BGPAdvertisements) and in any of yours for this neighbor',
    },
    {
      pattern: /^inpl-(ipv4|ipv6|dual)$/,
      role: 'frr-k8s’s list of prefixes accepted from',
      origin: '`toReceive.allowed` in your FRRConfigurations for this neighbor; MetalLB’s generated one accepts nothing',
    },
    {
      pattern: /-localpref-prefixes$/,
      role: 'frr-k8s’s local-preference prefixes for',
      origin: '`toAdvertise.withLocalPref` in MetalLB’s generated FRRConfiguration (from a BGPAdvertisement’s `localPref`) and in any of yours for this neighbor',
    },
    {
      pattern: /-community-prefixes$/,
      role: 'frr-k8s’s community prefixes for',
      origin: '`toAdvertise.withCommunity` in MetalLB’s generated FRRConfiguration (from a BGPAdvertisement’s `communities`) and in any of yours for this neighbor',
    },
  ],
};

/** In frr-k8s mode a prefix-list is recognised by the names frr-k8s renders, and described by what it renders it from. */
export function peerOfName(peers: readonly PeerIdentity[], name: string, kind: SymbolKind, mode: Mode = 'frr'): PeerName | undefined {
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
    const found = PREFIX_LIST_ROLES[mode].find(({ pattern }) => pattern.test(suffix));
    return found ? { identity: best, role: found.role, suffix, origin: found.origin } : undefined;
  }
  return undefined;
}
