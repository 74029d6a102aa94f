/**
 * Which command arguments name which kind of structure: the reference table the model applies
 * to every matched command, and the token scan it falls back on for lines it cannot classify.
 */
import type { NodeId, ParsedLine, Token } from '../syntax';
import type { MissingEffect, SymbolKind } from './types';

/** Named structures a configuration both defines and uses by name: a use can miss its definition, a definition its uses. */
export const CROSS_REFERENCED_KINDS: ReadonlySet<SymbolKind> = new Set<SymbolKind>([
  'route-map',
  'ip-prefix-list',
  'ipv6-prefix-list',
  'access-list',
  'ipv6-access-list',
  'community-list',
  'large-community-list',
  'extcommunity-list',
  'as-path-list',
  'bfd-profile',
  'peer-group',
]);

export interface ReferenceSpec {
  arg: string;
  kind: SymbolKind;
  usage: string;
  ifMissing: MissingEffect;
}

function isIpv6Node(node: NodeId): boolean {
  return node === 'BGP_IPV6' || node === 'BGP_IPV6M' || node === 'BGP_IPV6L' || node === 'BGP_VPNV6' || node === 'BGP_FLOWSPECV6';
}

const BY_ID: Record<string, ReferenceSpec[]> = {
  'rmap-match-ip-address-prefix-list': [{ arg: 'name', kind: 'ip-prefix-list', usage: 'match ip address prefix-list', ifMissing: 'match-nothing' }],
  'rmap-match-ipv6-address-prefix-list': [{ arg: 'name', kind: 'ipv6-prefix-list', usage: 'match ipv6 address prefix-list', ifMissing: 'match-nothing' }],
  'rmap-match-ip-next-hop-prefix-list': [{ arg: 'name', kind: 'ip-prefix-list', usage: 'match ip next-hop prefix-list', ifMissing: 'match-nothing' }],
  'rmap-match-ipv6-next-hop-prefix-list': [{ arg: 'name', kind: 'ipv6-prefix-list', usage: 'match ipv6 next-hop prefix-list', ifMissing: 'match-nothing' }],
  'rmap-match-ip-address': [{ arg: 'name', kind: 'access-list', usage: 'match ip address', ifMissing: 'match-nothing' }],
  'rmap-match-ipv6-address': [{ arg: 'name', kind: 'ipv6-access-list', usage: 'match ipv6 address', ifMissing: 'match-nothing' }],
  'rmap-match-ip-next-hop': [{ arg: 'name', kind: 'access-list', usage: 'match ip next-hop', ifMissing: 'match-nothing' }],
  'rmap-match-ipv6-next-hop': [{ arg: 'name', kind: 'ipv6-access-list', usage: 'match ipv6 next-hop', ifMissing: 'match-nothing' }],
  'rmap-match-community': [{ arg: 'name', kind: 'community-list', usage: 'match community', ifMissing: 'match-nothing' }],
  'rmap-match-large-community': [{ arg: 'name', kind: 'large-community-list', usage: 'match large-community', ifMissing: 'match-nothing' }],
  'rmap-match-extcommunity': [{ arg: 'name', kind: 'extcommunity-list', usage: 'match extcommunity', ifMissing: 'match-nothing' }],
  'rmap-match-as-path': [{ arg: 'name', kind: 'as-path-list', usage: 'match as-path', ifMissing: 'match-nothing' }],
  'rmap-set-comm-list-delete': [{ arg: 'name', kind: 'community-list', usage: 'set comm-list … delete', ifMissing: 'delete-nothing' }],
  'rmap-set-large-comm-list-delete': [{ arg: 'name', kind: 'large-community-list', usage: 'set large-comm-list … delete', ifMissing: 'delete-nothing' }],
  'rmap-call': [{ arg: 'name', kind: 'route-map', usage: 'call', ifMissing: 'call-skipped' }],
  'neighbor-route-map': [{ arg: 'name', kind: 'route-map', usage: 'neighbor … route-map', ifMissing: 'deny-all' }],
  'neighbor-unsuppress-map': [{ arg: 'name', kind: 'route-map', usage: 'neighbor … unsuppress-map', ifMissing: 'deny-all' }],
  'neighbor-default-originate': [{ arg: 'name', kind: 'route-map', usage: 'neighbor … default-originate route-map', ifMissing: 'deny-all' }],
  'neighbor-advertise-map': [
    { arg: 'name', kind: 'route-map', usage: 'neighbor … advertise-map', ifMissing: 'deny-all' },
    { arg: 'condition', kind: 'route-map', usage: 'neighbor … advertise-map condition', ifMissing: 'deny-all' },
  ],
  'neighbor-filter-list': [{ arg: 'name', kind: 'as-path-list', usage: 'neighbor … filter-list', ifMissing: 'deny-all' }],
  'neighbor-bfd-profile': [{ arg: 'profile', kind: 'bfd-profile', usage: 'neighbor … bfd profile', ifMissing: 'bfd-defaults' }],
  'bfd-peer-profile': [{ arg: 'name', kind: 'bfd-profile', usage: 'bfd peer profile', ifMissing: 'bfd-defaults' }],
  'neighbor-peer-group-assign': [{ arg: 'group', kind: 'peer-group', usage: 'neighbor … peer-group', ifMissing: 'rejected' }],
  'neighbor-interface': [{ arg: 'group', kind: 'peer-group', usage: 'neighbor … interface peer-group', ifMissing: 'rejected' }],
  'router-bgp': [{ arg: 'vrf', kind: 'vrf', usage: 'router bgp … vrf', ifMissing: 'none' }],
  'import-vrf': [{ arg: 'vrf', kind: 'vrf', usage: 'import vrf', ifMissing: 'none' }],
  interface: [{ arg: 'vrf', kind: 'vrf', usage: 'interface … vrf', ifMissing: 'none' }],
};

/** Route-map arguments outside the table: every `$rmap` / `$suppressmap` binding names a route-map. */
const ROUTE_MAP_ARGS: Record<string, string> = { rmap: 'route-map', suppressmap: 'suppress-map' };

/** Memo by node, then id: the model asks once per line, and a joined key would cost a string each time. */
const cache = new Map<NodeId, Map<string, ReferenceSpec[]>>();

/** The reference specs of command `id` in `node` (memoised: the model asks once per line). */
export function referenceSpecs(id: string, node: NodeId): ReferenceSpec[] {
  let byId = cache.get(node);
  if (!byId) {
    byId = new Map();
    cache.set(node, byId);
  }
  let specs = byId.get(id);
  if (!specs) {
    specs = computeSpecs(id, node);
    byId.set(id, specs);
  }
  return specs;
}

function computeSpecs(id: string, node: NodeId): ReferenceSpec[] {
  const specs = [...(BY_ID[id] ?? [])];
  if (id === 'neighbor-prefix-list') {
    const kind = isIpv6Node(node) ? 'ipv6-prefix-list' : 'ip-prefix-list';
    specs.push({ arg: 'name', kind, usage: 'neighbor … prefix-list', ifMissing: 'deny-all' });
  } else if (id === 'neighbor-distribute-list') {
    const kind = isIpv6Node(node) ? 'ipv6-access-list' : 'access-list';
    specs.push({ arg: 'name', kind, usage: 'neighbor … distribute-list', ifMissing: 'deny-all' });
  }
  for (const [arg, word] of Object.entries(ROUTE_MAP_ARGS)) {
    specs.push({ arg, kind: 'route-map', usage: `${id.replaceAll('-', ' ')} … ${word}`, ifMissing: 'deny-all' });
  }
  return specs;
}

/**
 * Names after `route-map` / `prefix-list` / `access-list` keywords on a line the model does not
 * classify (zebra, ospf, … inside opaque blocks): uses that must keep a definition from looking
 * unused, without being checked themselves. A visitor, not a list: the model runs it on most
 * lines, and most find nothing.
 */
export function forEachWeakReference(line: ParsedLine, visit: (kind: SymbolKind, token: Token) => void): void {
  for (let i = 0; i + 1 < line.wordCount; i++) {
    const text = line.wordText(i);
    // Only 9..15-character words can be one of the keywords: skip lowercasing every other word.
    if (text.length < 9 || text.length > 15) continue;
    const word = text.toLowerCase();
    if (word === 'route-map') visit('route-map', line.token(i + 1));
    else if (word === 'prefix-list') {
      const next = line.token(i + 1);
      visit('ip-prefix-list', next);
      visit('ipv6-prefix-list', next);
    } else if (word === 'access-list' || word === 'distribute-list' || word === 'access-class') {
      const next = line.token(i + 1);
      visit('access-list', next);
      visit('ipv6-access-list', next);
    }
  }
}
