/**
 * Route-maps (lib/routemap_cli.c, bgpd/bgp_routemap.c, zebra and ospf additions): the entry
 * header at top level and every match/set/flow clause of RMAP_NODE. Ids follow commands/IDS.md:
 * a match or set command's id names its kind, because a second clause of one kind replaces the
 * first.
 */
import { cmd, perVersion, V91_UP } from './define';
import type { CommandDef } from './types';

const LIST_NUMBER_OR_NAME = '<(1-99)|(100-500)|WORD>$name';

const HEADER: CommandDef[] = [
  cmd('route-map', 'CONFIG', 'route-map RMAP_NAME$name <deny|permit>$action (1-65535)$seq', {
    enters: 'RMAP',
    negatable: false,
  }),
  cmd('route-map-delete', 'CONFIG', 'no route-map RMAP_NAME$name [<deny|permit>$action (1-65535)$seq]'),
  cmd('route-map-optimization', 'CONFIG', 'route-map RMAP_NAME$name optimization-disabled'),
];

const MATCH: CommandDef[] = [
  cmd('rmap-match-ip-address', 'RMAP', 'match ip address ACCESSLIST4_NAME$name'),
  cmd('rmap-match-ip-address-prefix-list', 'RMAP', 'match ip address prefix-list PREFIXLIST4_NAME$name'),
  cmd('rmap-match-ip-address-prefix-len', 'RMAP', 'match ip address prefix-len (0-32)$length'),
  cmd('rmap-match-ip-next-hop', 'RMAP', 'match ip next-hop ACCESSLIST4_NAME$name'),
  cmd('rmap-match-ip-next-hop-address', 'RMAP', 'match ip next-hop address A.B.C.D$address'),
  cmd('rmap-match-ip-next-hop-prefix-list', 'RMAP', 'match ip next-hop prefix-list PREFIXLIST4_NAME$name'),
  cmd('rmap-match-ip-next-hop-prefix-len', 'RMAP', 'match ip next-hop prefix-len (0-32)$length'),
  cmd('rmap-match-ip-next-hop-type', 'RMAP', 'match ip next-hop type <blackhole>$type'),
  cmd('rmap-match-ip-route-source', 'RMAP', 'match ip route-source ACCESSLIST4_NAME$name'),
  cmd('rmap-match-ip-route-source-prefix-list', 'RMAP', 'match ip route-source prefix-list PREFIXLIST_NAME$name'),
  cmd('rmap-match-ipv6-address', 'RMAP', 'match ipv6 address ACCESSLIST6_NAME$name'),
  cmd('rmap-match-ipv6-address-prefix-list', 'RMAP', 'match ipv6 address prefix-list PREFIXLIST6_NAME$name'),
  cmd('rmap-match-ipv6-address-prefix-len', 'RMAP', 'match ipv6 address prefix-len (0-128)$length'),
  cmd('rmap-match-ipv6-next-hop', 'RMAP', 'match ipv6 next-hop ACCESSLIST6_NAME$name'),
  cmd('rmap-match-ipv6-next-hop-address', 'RMAP', 'match ipv6 next-hop address X:X::X:X$address'),
  cmd('rmap-match-ipv6-next-hop-prefix-list', 'RMAP', 'match ipv6 next-hop prefix-list PREFIXLIST6_NAME$name'),
  cmd('rmap-match-ipv6-next-hop-type', 'RMAP', 'match ipv6 next-hop type <blackhole>$type'),
  ...perVersion(
    'rmap-match-community',
    'RMAP',
    `match community ${LIST_NUMBER_OR_NAME} [exact-match$exact]`,
    `match community ${LIST_NUMBER_OR_NAME} [<exact-match$exact|any$any>]`,
  ),
  ...perVersion(
    'rmap-match-large-community',
    'RMAP',
    `match large-community ${LIST_NUMBER_OR_NAME} [exact-match$exact]`,
    `match large-community ${LIST_NUMBER_OR_NAME} [<exact-match$exact|any$any>]`,
  ),
  ...perVersion(
    'rmap-match-extcommunity',
    'RMAP',
    `match extcommunity ${LIST_NUMBER_OR_NAME}`,
    `match extcommunity ${LIST_NUMBER_OR_NAME} [<exact-match$exact|any$any>]`,
  ),
  cmd('rmap-match-community-limit', 'RMAP', 'match community-limit ![(0-65535)$limit]', { versions: V91_UP }),
  cmd('rmap-match-extcommunity-limit', 'RMAP', 'match extcommunity-limit ![(0-65535)$limit]', { versions: V91_UP }),
  // pimd: multicast group/source filters.
  ...(['ip', 'ipv6'] as const).flatMap((afi) =>
    (['group', 'source'] as const).map((kind) =>
      cmd(`rmap-match-${afi}-multicast-${kind}`, 'RMAP', `match ${afi} multicast-${kind} <prefix-list WORD$name|${afi === 'ip' ? 'A.B.C.D' : 'X:X::X:X'}$address>`),
    ),
  ),
  cmd('rmap-match-multicast-interface', 'RMAP', 'match multicast-interface IFNAME$name'),
  cmd('rmap-match-as-path', 'RMAP', 'match as-path AS_PATH_FILTER_NAME$name'),
  cmd('rmap-match-alias', 'RMAP', 'match alias ALIAS_NAME$name'),
  cmd('rmap-match-evpn-default-route', 'RMAP', 'match evpn default-route'),
  cmd('rmap-match-evpn-rd', 'RMAP', 'match evpn rd ASN:NN_OR_IP-ADDRESS:NN$rd'),
  cmd('rmap-match-evpn-route-type', 'RMAP', 'match evpn route-type <ead|1|macip|2|multicast|3|es|4|prefix|5>$type'),
  cmd('rmap-match-evpn-vni', 'RMAP', 'match evpn vni (1-16777215)$vni'),
  cmd('rmap-match-interface', 'RMAP', 'match interface IFNAME$name'),
  cmd('rmap-match-local-preference', 'RMAP', 'match local-preference (0-4294967295)$value'),
  cmd('rmap-match-mac-address', 'RMAP', 'match mac address ACCESSLIST_MAC_NAME$name'),
  cmd('rmap-match-metric', 'RMAP', 'match metric (0-4294967295)$value'),
  cmd('rmap-match-origin', 'RMAP', 'match origin <egp|igp|incomplete>$origin'),
  cmd('rmap-match-peer', 'RMAP', 'match peer <A.B.C.D|X:X::X:X|WORD|local>$peer'),
  cmd('rmap-match-src-peer', 'RMAP', 'match src-peer <A.B.C.D|X:X::X:X|WORD>$peer', { versions: V91_UP }),
  cmd('rmap-match-probability', 'RMAP', 'match probability (0-100)$percent'),
  cmd('rmap-match-rpki', 'RMAP', 'match rpki <valid|invalid|notfound>$state'),
  cmd('rmap-match-rpki-extcommunity', 'RMAP', 'match rpki-extcommunity <valid|invalid|notfound>$state'),
  cmd('rmap-match-script', 'RMAP', 'match script WORD$name'),
  cmd('rmap-match-source-instance', 'RMAP', 'match source-instance (0-255)$instance'),
  // FRR spells out the protocols zebra knows; the list differs per build, so any word passes here.
  cmd('rmap-match-source-protocol', 'RMAP', 'match source-protocol WORD$proto'),
  cmd('rmap-match-source-vrf', 'RMAP', 'match source-vrf NAME$vrf'),
  ...perVersion('rmap-match-tag', 'RMAP', 'match tag (1-4294967295)$tag', 'match tag <untagged|(1-4294967295)>$tag'),
];

const SET: CommandDef[] = [
  cmd('rmap-set-ipv4-vpn-next-hop', 'RMAP', 'set <ipv4|ipv6>$afi vpn next-hop <A.B.C.D|X:X::X:X>$address'),
  cmd('rmap-set-vpn-next-hop', 'RMAP', 'set <vpnv4 next-hop A.B.C.D|vpnv6 next-hop X:X::X:X>'),
  ...perVersion(
    'rmap-set-aggregator',
    'RMAP',
    'set aggregator as (1-4294967295)$asn A.B.C.D$address',
    'set aggregator as ASNUM$asn A.B.C.D$address',
  ),
  cmd('rmap-set-aigp-metric', 'RMAP', 'set aigp-metric <igp-metric|(0-4294967295)>$metric', { versions: V91_UP }),
  ...perVersion('rmap-set-as-path-exclude', 'RMAP', 'set as-path exclude (1-4294967295)...$asns', 'set as-path exclude ASNUM...$asns'),
  cmd('rmap-set-as-path-exclude', 'RMAP', 'set as-path exclude all$all', { versions: V91_UP }),
  cmd('rmap-set-as-path-exclude', 'RMAP', 'set as-path exclude as-path-access-list AS_PATH_FILTER_NAME$name', {
    versions: V91_UP,
  }),
  ...perVersion('rmap-set-as-path-prepend', 'RMAP', 'set as-path prepend (1-4294967295)...$asns', 'set as-path prepend ASNUM...$asns'),
  cmd('rmap-set-as-path-prepend', 'RMAP', 'set as-path prepend last-as (1-10)$count'),
  ...perVersion(
    'rmap-set-as-path-replace',
    'RMAP',
    'set as-path replace <any|(1-4294967295)>$replace',
    'set as-path replace <any|ASNUM>$replace [ASNUM$asn]',
  ),
  cmd('rmap-set-as-path-replace', 'RMAP', 'set as-path replace as-path-access-list AS_PATH_FILTER_NAME$name [ASNUM$asn]', {
    versions: V91_UP,
  }),
  cmd('rmap-set-atomic-aggregate', 'RMAP', 'set atomic-aggregate'),
  cmd('rmap-set-comm-list-delete', 'RMAP', `set comm-list ${LIST_NUMBER_OR_NAME} delete`),
  cmd('rmap-set-large-comm-list-delete', 'RMAP', `set large-comm-list ${LIST_NUMBER_OR_NAME} delete`),
  cmd('rmap-set-extended-comm-list-delete', 'RMAP', `set extended-comm-list ${LIST_NUMBER_OR_NAME} delete`, {
    versions: V91_UP,
  }),
  // `additive` and the well-known names are words of the same vararg, as in FRR's grammar.
  cmd('rmap-set-community', 'RMAP', 'set community <AA:NN...$values|none$none>'),
  cmd('rmap-set-large-community', 'RMAP', 'set large-community <AA:BB:CC...$values|none$none>'),
  cmd('rmap-set-extcommunity-rt', 'RMAP', 'set extcommunity rt ASN:NN_OR_IP-ADDRESS:NN...$values'),
  cmd('rmap-set-extcommunity-soo', 'RMAP', 'set extcommunity soo ASN:NN_OR_IP-ADDRESS:NN...$values'),
  cmd('rmap-set-extcommunity-none', 'RMAP', 'set extcommunity none'),
  ...perVersion(
    'rmap-set-extcommunity-bandwidth',
    'RMAP',
    'set extcommunity bandwidth <(1-25600)|cumulative|num-multipaths>$bandwidth [non-transitive]',
    'set extcommunity bandwidth <(0-4294967295)|cumulative|num-multipaths>$bandwidth [non-transitive]',
  ),
  cmd('rmap-set-extcommunity-color', 'RMAP', 'set extcommunity color RTLIST...$values', { versions: V91_UP }),
  cmd('rmap-set-extcommunity-nt', 'RMAP', 'set extcommunity nt RTLIST...$values', { versions: V91_UP }),
  ...perVersion('rmap-set-distance', 'RMAP', 'set distance (0-255)$distance', 'set distance (1-255)$distance'),
  cmd('rmap-set-evpn-gateway-ip', 'RMAP', 'set evpn gateway-ip <ipv4 A.B.C.D|ipv6 X:X::X:X>'),
  cmd('rmap-set-ip-next-hop', 'RMAP', 'set ip next-hop <A.B.C.D|peer-address|unchanged>$nexthop'),
  cmd('rmap-set-ipv6-next-hop-global', 'RMAP', 'set ipv6 next-hop global X:X::X:X$address'),
  cmd('rmap-set-ipv6-next-hop-local', 'RMAP', 'set ipv6 next-hop local X:X::X:X$address'),
  cmd('rmap-set-ipv6-next-hop-peer-address', 'RMAP', 'set ipv6 next-hop peer-address'),
  cmd('rmap-set-ipv6-next-hop-prefer-global', 'RMAP', 'set ipv6 next-hop prefer-global'),
  cmd('rmap-set-l3vpn-next-hop-encapsulation', 'RMAP', 'set l3vpn next-hop encapsulation gre'),
  cmd('rmap-set-label-index', 'RMAP', 'set label-index (0-1048560)$index'),
  // bgpd, not the grammar, checks the value: a number, or +N / -N.
  cmd('rmap-set-local-preference', 'RMAP', 'set local-preference WORD$value'),
  cmd('rmap-set-max-metric', 'RMAP', 'set max-metric (0-4294967295)$metric', { versions: V91_UP }),
  cmd('rmap-set-min-metric', 'RMAP', 'set min-metric (0-4294967295)$metric', { versions: V91_UP }),
  ...perVersion(
    'rmap-set-metric',
    'RMAP',
    'set metric <(-4294967295-4294967295)|rtt|+rtt|-rtt>$metric',
    'set metric <(-4294967295-4294967295)|rtt|+rtt|-rtt|igp|aigp>$metric',
  ),
  // ospfd and ospf6d add these to every route-map.
  cmd('rmap-set-metric-type', 'RMAP', 'set metric-type <type-1|type-2>$type'),
  cmd('rmap-set-forwarding-address', 'RMAP', 'set forwarding-address X:X::X:X$address'),
  cmd('rmap-set-origin', 'RMAP', 'set origin <egp|igp|incomplete>$origin'),
  cmd('rmap-set-originator-id', 'RMAP', 'set originator-id A.B.C.D$id'),
  cmd('rmap-set-sr-te-color', 'RMAP', 'set sr-te color (1-4294967295)$color'),
  cmd('rmap-set-src', 'RMAP', 'set src <A.B.C.D|X:X::X:X>$address'),
  cmd('rmap-set-table', 'RMAP', 'set table (1-4294967295)$table'),
  ...perVersion('rmap-set-tag', 'RMAP', 'set tag (1-4294967295)$tag', 'set tag <untagged|(1-4294967295)>$tag'),
  cmd('rmap-set-weight', 'RMAP', 'set weight (0-4294967295)$weight'),
];

const FLOW: CommandDef[] = [
  cmd('rmap-on-match-next', 'RMAP', 'on-match next'),
  cmd('rmap-on-match-goto', 'RMAP', 'on-match goto (1-65535)$seq'),
  cmd('rmap-continue', 'RMAP', 'continue (1-65535)$seq'),
  cmd('rmap-call', 'RMAP', 'call WORD$name'),
  cmd('rmap-description', 'RMAP', 'description LINE...$text'),
];

export const ROUTE_MAP_COMMANDS: CommandDef[] = [...HEADER, ...MATCH, ...SET, ...FLOW];
