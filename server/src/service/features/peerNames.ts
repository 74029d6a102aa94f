/**
 * Which neighbor an FRR name belongs to: MetalLB names every route-map and prefix-list of a
 * neighbor `<ID>-…` (DESIGN.md §4), and `neighbor <address>` lines name the peer itself. In
 * frr-k8s mode the same names come from frr-k8s, which renders them from the FRRConfigurations it
 * merges for the node: MetalLB's generated one (built from the BGPPeers and BGPAdvertisements) and
 * the user's, so a name may also belong to a neighbor only an FRRConfiguration declares. Every
 * editor feature asks here, so hover, navigation and code lenses agree on what a name is.
 */
import type { SymbolKind } from '../frr/model';
import type { FrrK8sNeighbor } from '../k8s/resources';
import type { ExtrasOptions } from '../metallb/extras/context';
import type { OffsetRange } from '../types';
import { communitySources, localPrefSources } from './frrk8sFields';
import type { ConfiguredNeighbor, PeerIdentity, WorkspaceIndex } from './workspaceIndex';

export interface PeerName {
  /** The neighbor ID the name starts with. */
  id: string;
  /** The BGPPeer producing that ID, when one does. */
  identity?: PeerIdentity;
  /**
   * frr-k8s mode: the FRRConfiguration neighbors with that ID, each with the YAML frr-k8s renders
   * the name from (none: the neighbor itself, as for its route-maps).
   */
  configured: { neighbor: ConfiguredNeighbor; sources: OffsetRange[] }[];
  /** How the name relates to the neighbor, in words. */
  role: string;
  /** The suffix after `<ID>-` ('' for the neighbor itself). */
  suffix: string;
  /** What the list is rendered from, when that is not MetalLB itself (frr-k8s mode). */
  origin?: string;
}

type Mode = ExtrasOptions['mode'];

interface ListRole {
  /** Matches the suffix after `<ID>-`. */
  pattern: RegExp;
  role: string;
  origin?: string;
  /** frr-k8s mode: the parts of an FRRConfiguration neighbor the list is rendered from. */
  sources?: (neighbor: FrrK8sNeighbor, match: RegExpExecArray) => OffsetRange[];
}

/** frr-k8s prints numbers without leading zeros: another spelling is no name of its. */
const N = '(?:0|[1-9]\\d*)';

const PREFIX_LIST_ROLES: Record<Mode, ListRole[]> = {
  frr: [
    { pattern: /^(allowed|pl)-(ipv4|ipv6|dual)$/, role: 'MetalLB’s list of prefixes announced to' },
    { pattern: /^inpl-(ipv4|ipv6)$/, role: 'frr-k8s’s list of prefixes accepted from' },
    { pattern: /-localpref-prefixes$/, role: 'MetalLB’s local-preference prefixes for' },
    { pattern: /-community-prefixes$/, role: 'MetalLB’s community prefixes for' },
  ],
  // frr-k8s (internal/frr templates, api_to_config.go) never renders MetalLB's pre-v0.15
  // `<ID>-pl-…`, and names its incoming lists after the neighbor's family: `dual` for an interface
  // (unnumbered) or dualStackAddressFamily neighbor. MetalLB's generated FRRConfiguration sets every
  // toReceive to accept nothing.
  'frr-k8s': [
    {
      pattern: /^allowed-(ipv4|ipv6)$/,
      role: 'frr-k8s’s list of prefixes announced to',
      origin: '`toAdvertise.allowed` in MetalLB’s generated FRRConfiguration (from the BGPAdvertisements) and in any of yours for this neighbor',
      sources: (n) => present(n.toAdvertise?.allowed?.range),
    },
    {
      pattern: /^inpl-(ipv4|ipv6|dual)$/,
      role: 'frr-k8s’s list of prefixes accepted from',
      origin: '`toReceive.allowed` in your FRRConfigurations for this neighbor; MetalLB’s generated one accepts nothing',
      sources: (n) => present(n.toReceive?.allowed?.range),
    },
    {
      // Rendered, with `<ID>-in deny` entries before frr-k8s's permits, only when frr-k8s runs with `--always-block`.
      pattern: /^denied-inpl-(ipv4|ipv6|dual)$/,
      role: 'frr-k8s’s list of prefixes always refused from',
      origin: 'its own `--always-block` setting (the CIDRs it refuses from every neighbor), which no FRRConfiguration sets',
    },
    {
      pattern: new RegExp(`^(${N})-(?:ip|ipv6)-localpref-prefixes$`),
      role: 'frr-k8s’s local-preference prefixes for',
      origin: '`toAdvertise.withLocalPref` in MetalLB’s generated FRRConfiguration (from a BGPAdvertisement’s `localPref`) and in any of yours for this neighbor',
      sources: (n, match) => localPrefSources(n, Number(match[1])),
    },
    {
      pattern: new RegExp(`^((?:large:${N}:${N}:${N})|(?:${N}:${N}))-(?:ip|ipv6)-community-prefixes$`),
      role: 'frr-k8s’s community prefixes for',
      origin: '`toAdvertise.withCommunity` in MetalLB’s generated FRRConfiguration (from a BGPAdvertisement’s `communities`) and in any of yours for this neighbor',
      sources: (n, match) => communitySources(n, match[1]!),
    },
  ],
};

function present(range: OffsetRange | undefined): OffsetRange[] {
  return range ? [range] : [];
}

/**
 * The neighbor behind `name`, as the workspace's mode names things: in frr-k8s mode a prefix-list
 * is recognised by the names frr-k8s renders, and described by what it renders it from.
 */
export function peerOfName(index: WorkspaceIndex, name: string, kind: SymbolKind): PeerName | undefined {
  const mode: Mode = index.extras?.options.mode ?? 'frr';
  if (kind === 'neighbor') {
    const identity = index.peers.find((p) => p.stem === name);
    return identity ? { id: identity.id, identity, configured: [], role: 'the session with', suffix: '' } : undefined;
  }
  const configured = mode === 'frr-k8s' ? index.configuredNeighbors : [];
  // The longest ID wins: `10.0.0.1-red-in` belongs to `10.0.0.1-red`, not to `10.0.0.1`.
  let id: string | undefined;
  for (const candidate of [...index.peers, ...configured]) {
    if (name.startsWith(`${candidate.id}-`) && (id === undefined || candidate.id.length > id.length)) id = candidate.id;
  }
  if (id === undefined) return undefined;
  const suffix = name.slice(id.length + 1);
  const role = roleOf(kind, suffix, mode);
  if (!role) return undefined;
  const { match, sources, ...words } = role;
  const owners = configured.filter((n) => n.id === id).map((neighbor) => ({ neighbor, sources: sources?.(neighbor.neighbor, match) ?? [] }));
  const identity = index.peers.find((p) => p.id === id);
  return { id, ...(identity ? { identity } : {}), configured: owners, suffix, ...words };
}

function roleOf(kind: SymbolKind, suffix: string, mode: Mode): (Omit<ListRole, 'pattern'> & { match: RegExpExecArray }) | undefined {
  if (kind === 'route-map') {
    const match = /^(in|out)$/.exec(suffix);
    if (!match) return undefined;
    return { role: match[1] === 'in' ? 'routes received from' : 'routes announced to', match };
  }
  if (kind !== 'ip-prefix-list' && kind !== 'ipv6-prefix-list') return undefined;
  for (const { pattern, ...role } of PREFIX_LIST_ROLES[mode]) {
    const match = pattern.exec(suffix);
    if (match) return { ...role, match };
  }
  return undefined;
}
