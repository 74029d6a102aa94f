/**
 * One-sentence meanings of FRR commands for hover and completion, keyed by command-table id.
 * The syntax itself comes from the command tables; these say what the command does and, where
 * it bites MetalLB users, how.
 */
import { ALL_COMMANDS } from '../frr/commands';
import type { CommandDef } from '../frr/commands/types';
import { fileUnder } from '../grouping';

const DOCS: Record<string, string> = {
  'route-map':
    'Opens route-map entry NAME SEQ. Entries are evaluated in seq order; the first whose matches all hold applies its action. ' +
    'Re-declaring an existing entry with the other action only flips the action (its match/set lines stay).',
  'route-map-delete': 'Deletes the whole route-map, or one entry of it.',
  'prefix-list':
    'One entry of an IPv4 prefix-list. Without `seq` FRR numbers it highest+5. Without ge/le only the exact prefix length matches; ' +
    '`le N` spans lengths [len, N], `ge N` spans [N, 32].',
  'ipv6-prefix-list': 'One entry of an IPv6 prefix-list (`le`/`ge` up to 128). Without `seq` FRR numbers it highest+5.',
  'prefix-list-description': 'A description of an IPv4 prefix-list.',
  'ipv6-prefix-list-description': 'A description of an IPv6 prefix-list.',
  'access-list': 'One entry of an IPv4 access-list (zebra filter). `match ip address NAME` without `prefix-list` names one of these.',
  'ipv6-access-list': 'One entry of an IPv6 access-list.',
  'community-list': 'A BGP community-list entry (standard: community values; expanded: a regular expression).',
  'large-community-list': 'A BGP large-community-list entry.',
  'extcommunity-list': 'A BGP extended-community-list entry.',
  'as-path-access-list': 'An AS-path access-list entry: a regular expression over the AS path.',
  'rmap-match-ip-address-prefix-list':
    'Matches routes whose IPv4 prefix the prefix-list permits. A prefix-list that does not exist matches nothing.',
  'rmap-match-ipv6-address-prefix-list':
    'Matches routes whose IPv6 prefix the prefix-list permits. A prefix-list that does not exist matches nothing.',
  'rmap-match-ip-address': 'Matches routes an IPv4 access-list permits (an access-list, not a prefix-list).',
  'rmap-match-ipv6-address': 'Matches routes an IPv6 access-list permits.',
  'rmap-match-community': 'Matches routes carrying a community the community-list permits.',
  'rmap-match-large-community': 'Matches routes carrying a large community the list permits.',
  'rmap-match-as-path': 'Matches routes whose AS path the as-path access-list permits.',
  'rmap-match-ip-next-hop-prefix-list': 'Matches routes whose IPv4 next hop the prefix-list permits.',
  'rmap-set-local-preference': 'Sets LOCAL_PREF on matching routes (`+N`/`-N` adjust it).',
  'rmap-set-community': 'Sets the communities of matching routes; `additive` adds to the existing ones instead of replacing them.',
  'rmap-set-large-community': 'Sets the large communities of matching routes; `additive` keeps the existing ones.',
  'rmap-set-metric': 'Sets the MED (metric) of matching routes.',
  'rmap-set-weight': 'Sets the local weight of matching routes (highest wins, never advertised).',
  'rmap-set-as-path-prepend': 'Prepends AS numbers to the AS path of matching routes.',
  'rmap-on-match-next': 'After this entry matches, continue with the next entry instead of stopping.',
  'rmap-on-match-goto': 'After this entry matches, continue at entry SEQ (which must come later).',
  'rmap-continue': 'After this entry matches, continue at entry SEQ (or the next one).',
  'rmap-call': 'Evaluates another route-map; a deny there denies the route. A route-map that does not exist is skipped.',
  'rmap-description': 'A description of the route-map entry.',
  'router-bgp':
    'Opens the BGP instance for ASN (in a VRF when given). A second `router bgp` with another ASN for the same VRF is rejected.',
  'bgp-router-id': 'Sets the BGP router ID of this instance.',
  'timers-bgp': 'Keepalive and hold time of every session of this instance, in seconds.',
  'address-family': 'Opens the per-family configuration (activation, networks, per-neighbor policies) of this BGP instance.',
  'neighbor-remote-as': 'Creates the neighbor (or peer-group member) and sets its AS: a number, `internal` or `external`.',
  'neighbor-interface-remote-as': 'Creates an unnumbered neighbor on an interface.',
  'neighbor-interface': 'Creates an unnumbered neighbor on an interface.',
  'neighbor-peer-group': 'Defines a peer-group: neighbors assigned to it share its settings.',
  'neighbor-peer-group-assign': 'Makes the neighbor a member of the peer-group (which must be defined before).',
  'neighbor-route-map':
    'Applies a route-map to routes received from (`in`) or sent to (`out`) the neighbor. A route-map that does not exist denies every route.',
  'neighbor-prefix-list': 'Filters routes received from or sent to the neighbor with a prefix-list.',
  'neighbor-filter-list': 'Filters routes received from or sent to the neighbor with an as-path access-list.',
  'neighbor-activate': 'Enables the address family for the neighbor.',
  'neighbor-bfd': 'Monitors the session with BFD.',
  'neighbor-bfd-profile': 'Monitors the session with BFD using the named profile (a missing profile leaves the default timers).',
  'neighbor-ebgp-multihop': 'Allows an eBGP session to a neighbor that is not directly connected.',
  'neighbor-timers': 'Keepalive and hold time of this session, in seconds.',
  'neighbor-password': 'TCP MD5 password of the session.',
  'neighbor-update-source': 'Source address or interface of the session.',
  'neighbor-description': 'A description of the neighbor.',
  'neighbor-default-originate': 'Sends a default route to the neighbor (conditionally, with a route-map).',
  network: 'Announces the prefix when it is in the routing table (or always, with `bgp network import-check` off).',
  'aggregate-address': 'Announces an aggregate of the more specific routes.',
  redistribute: 'Injects routes of another protocol into BGP, optionally through a route-map.',
  bfd: 'Opens the BFD daemon configuration (profiles and peers).',
  'bfd-profile': 'Defines a BFD profile: timers and modes that sessions can refer to by name.',
  'bfd-peer': 'Configures a BFD session to a peer.',
  'bfd-peer-profile': 'Applies a BFD profile to this BFD peer.',
  vrf: 'Opens the configuration of a VRF.',
  interface: 'Opens the configuration of an interface.',
  exit: 'Leaves the current context. At top level it ends the configuration: FRR reads nothing after it.',
  end: 'Ignored when FRR reads a file.',
  hostname: 'The router name shown by vtysh.',
  'frr-version': 'The FRR version that wrote the file (informational).',
  'frr-defaults': 'Which default profile (`traditional`, `datacenter`) FRR applies.',
  'log-file': 'Logs to a file.',
  'log-stdout': 'Logs to standard output (what MetalLB ≥ 0.16 writes).',
  'ip-route': 'A static IPv4 route.',
  'ipv6-route': 'A static IPv6 route.',
};

export function commandDescription(id: string): string | undefined {
  return DOCS[id];
}

/** The spec as a user reads it: `$name` bindings removed. */
export function readableSpec(spec: string): string {
  return spec.replace(/\$[A-Za-z0-9_]+/g, '');
}

let byId: Map<string, CommandDef[]> | undefined;

/** Every table def with this id (per-version variants and alternative forms). */
export function defsOf(id: string): CommandDef[] {
  if (!byId) {
    byId = new Map();
    for (const def of ALL_COMMANDS) {
      fileUnder(byId, def.id, def);
    }
  }
  return byId.get(id) ?? [];
}
