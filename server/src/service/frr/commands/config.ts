/**
 * Top-level (CONFIG) basics of lib, zebra and staticd, the `line vty` node, and the exit/end
 * commands every node has. Where FRR spells out long option lists that differ per build (debug
 * flags, log targets), the tail is any words: a missed error costs less than a false one.
 */
import { BGP_ADDRESS_FAMILY_NODES } from '../nodes';
import type { NodeId } from '../syntax';
import { cmd } from './define';
import type { CommandDef } from './types';

const LEVEL = '<emergencies|alerts|critical|errors|warnings|notifications|informational|debugging>$level';
const FACILITY =
  '<kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|local0|local1|local2|local3|local4|local5|local6|local7>$facility';

const BASICS: CommandDef[] = [
  cmd('frr-version', 'CONFIG', 'frr version LINE...$version', { negatable: false }),
  cmd('frr-defaults', 'CONFIG', 'frr defaults WORD$profile'),
  cmd('hostname', 'CONFIG', 'hostname WORD$name'),
  cmd('domainname', 'CONFIG', 'domainname WORD$name'),
  cmd('password', 'CONFIG', 'password [(8-8)] LINE$password'),
  cmd('enable-password', 'CONFIG', 'enable password [(8-8)] LINE$password'),
  cmd('banner-motd', 'CONFIG', 'banner motd <default|line LINE...$text|file FILE$file>'),
  cmd('service', 'CONFIG', 'service <advanced-vty|cputime-stats|integrated-vtysh-config|password-encryption>$service'),
  cmd('service', 'CONFIG', 'service <cputime-warning|walltime-warning>$service ![(1-4294967295)$limit]'),
  cmd('service', 'CONFIG', 'service terminal-length ![(0-512)$length]'),
  cmd('agentx', 'CONFIG', 'agentx'),
  cmd('username', 'CONFIG', 'username WORD$name nopassword'),
  cmd('terminal-paginate', 'CONFIG', 'terminal paginate'),
];

const LOG: CommandDef[] = [
  cmd('log-stdout', 'CONFIG', `log stdout [${LEVEL}]`),
  cmd('log-file', 'CONFIG', `log file ![FILENAME$file [${LEVEL}]]`),
  cmd('log-filtered-file', 'CONFIG', `log filtered-file ![FILENAME$file [${LEVEL}]]`),
  cmd('log-syslog', 'CONFIG', `log syslog [${FACILITY}] [${LEVEL}]`),
  cmd('log-monitor', 'CONFIG', `log monitor [${LEVEL}]`),
  cmd('log-facility', 'CONFIG', `log facility ![${FACILITY}] [${LEVEL}]`),
  cmd('log-timestamp-precision', 'CONFIG', 'log timestamp precision ![(0-6)$precision]'),
  cmd('log-flag', 'CONFIG', 'log <commands|record-priority|record-severity|immediate-mode|unique-id|error-category>$flag'),
  cmd('log-filter-text', 'CONFIG', 'log filter-text WORD$text'),
  cmd('log-daemon', 'CONFIG', `log daemon WORD$daemon file ![FILENAME$file [${LEVEL}]]`),
];

/** Daemons and libraries whose `debug …` lines FRR accepts at top level. */
const DEBUG_TOPICS = [
  'all', 'babel', 'dplane', 'eigrp', 'fpm', 'igmp', 'isis', 'keychain', 'ldp', 'memstats-at-exit',
  'mgmt', 'mld', 'mroute', 'mroute6', 'msdp', 'mtrace', 'nhrp', 'northbound', 'openfabric', 'ospf', 'ospf6', 'pathd',
  'pbr', 'pim', 'pimv6', 'resolver', 'rip', 'ripng', 'route-map', 'rpki', 'sharp', 'snmp', 'spf-delay-ietf',
  'static', 'unique-id', 'vrf', 'vrrp', 'gmp', 'ssmpingd', 'frr', 'lib', 'nexthop-group', 'evpn', 'lsp',
];

const DEBUG: CommandDef[] = [
  cmd('debug', 'CONFIG', `debug <${DEBUG_TOPICS.join('|')}>$topic [LINE...$detail]`),
  // These daemons have no bare `debug <daemon>`: FRR calls it incomplete.
  cmd('debug', 'CONFIG', 'debug <bgp|bfd|zebra>$topic LINE...$detail'),
];

/** staticd's route syntax, with every nexthop option of 8.4 to 10.x in one optional set. */
const ROUTE_OPTIONS =
  '[{tag (1-4294967295)|(1-255)$distance|metric (0-4294967295)|vrf NAME$vrf|label WORD|table (1-4294967295)|' +
  'nexthop-vrf NAME$nexthop_vrf|weight (1-65535)|onlink|color (1-4294967295)|' +
  'bfd [{multi-hop|source <A.B.C.D|X:X::X:X>|profile BFDPROF$bfd_profile}]|' +
  'segments WORD [encap-behavior <H_Encaps|H_Encaps_Red>] [encap-source X:X::X:X]}]';
const NEXTHOP = '<A.B.C.D$gate|X:X::X:X$gate|INTERFACE$ifname|Null0$ifname|blackhole$flag|reject$flag> [INTERFACE$ifname]';

const ROUTING: CommandDef[] = [
  cmd('ip-route', ['CONFIG', 'VRF'], `ip route <A.B.C.D/M$prefix|A.B.C.D$prefix A.B.C.D$mask> ${NEXTHOP} ${ROUTE_OPTIONS}`),
  cmd('ipv6-route', ['CONFIG', 'VRF'], `ipv6 route X:X::X:X/M$prefix [from X:X::X:X/M$source] ${NEXTHOP} ${ROUTE_OPTIONS}`),
  cmd('ip-nht', ['CONFIG', 'VRF'], '<ip|ipv6>$afi nht resolve-via-default'),
  cmd('ip-nht', ['CONFIG', 'VRF'], '<ip|ipv6>$afi nht hide-backup-events'),
  cmd('ip-nht', ['CONFIG', 'VRF'], '<ip|ipv6>$afi nht WORD$proto ![route-map ROUTE-MAP$rmap]'),
  cmd('ip-protocol', ['CONFIG', 'VRF'], '<ip|ipv6>$afi protocol WORD$proto ![route-map ROUTE-MAP$rmap]'),
  cmd('ip-forwarding', 'CONFIG', '<ip|ipv6>$afi forwarding'),
  cmd('router-id', ['CONFIG', 'VRF'], 'router-id ![A.B.C.D$id [vrf NAME$vrf]]'),
  cmd('router-id', ['CONFIG', 'VRF'], 'ip router-id ![A.B.C.D$id [vrf NAME$vrf]]'),
  cmd('router-id', ['CONFIG', 'VRF'], 'ipv6 router-id ![X:X::X:X$id [vrf NAME$vrf]]'),
  cmd('ip-table-range', ['CONFIG', 'VRF'], 'ip table range ![(1-4294967295)$start (1-4294967295)$end]'),
  cmd('ip-import-table', 'CONFIG', '<ip|ipv6>$afi import-table (1-252)$table [mrib] [distance (1-255)] [route-map RMAP_NAME$rmap]'),
  cmd('ip-mroute', ['CONFIG', 'VRF'], 'ip mroute A.B.C.D/M$prefix <A.B.C.D|INTERFACE>$nexthop [LINE...]'),
  cmd('ip-multicast', ['CONFIG', 'VRF'], '<ip|ipv6> multicast rpf-lookup-mode ![WORD$mode]'),
  cmd('ip-multicast-routing', ['CONFIG', 'VRF'], '<ip|ipv6> multicast-routing'),
  // pimd's and pim6d's global settings: recognised, not modelled.
  cmd('ip-pim', ['CONFIG', 'VRF'], '<ip|ipv6> <pim|msdp|igmp|mld|ssmpingd|gmp>$daemon [LINE...]'),
  cmd('vni', ['CONFIG', 'VRF'], 'vni (1-16777215)$vni [prefix-routes-only]'),
];

/** zebra, MPLS and other daemons' single-line top-level settings: recognised, not modelled. */
const UNMODELLED_LINES: CommandDef[] = [
  cmd('zebra-setting', 'CONFIG', 'zebra LINE...'),
  cmd('mpls-setting', 'CONFIG', 'mpls <label|lsp|fec|label-binding>$kind LINE...'),
  cmd('allow-external-route-update', 'CONFIG', 'allow-external-route-update'),
  cmd('allow-reserved-ranges', 'CONFIG', 'allow-reserved-ranges'),
  cmd('ptm-enable', 'CONFIG', 'ptm-enable'),
  cmd('fpm-setting', 'CONFIG', 'fpm LINE...'),
  cmd('memory-release', 'CONFIG', 'memory release rate (0-100)'),
  cmd('dump-bgp', 'CONFIG', 'dump bgp <all|all-et|updates|updates-et|routes-mrt>$kind ![PATH$path [INTERVAL$interval]]'),
  cmd('configuration-setting', 'CONFIG', 'configuration database max-transactions (1-100)'),
  cmd('yang-setting', 'CONFIG', 'yang LINE...'),
  cmd('evpn-setting', 'CONFIG', 'evpn LINE...'),
  cmd('affinity-map', 'CONFIG', 'affinity-map NAME$name [bit-position (0-1023)$position]'),
  cmd('sharp-setting', 'CONFIG', 'sharp LINE...'),
];

const VTY: CommandDef[] = [
  cmd('line-vty', 'CONFIG', 'line vty', { enters: 'VTY', negatable: false }),
  cmd('vty-exec-timeout', 'VTY', 'exec-timeout (0-35791)$minutes [(0-2147483)$seconds]'),
  cmd('vty-access-class', 'VTY', '[ipv6] access-class WORD$name'),
  cmd('vty-login', 'VTY', 'login'),
];

/** Nodes where FRR accepts `exit`, `quit` and `end`: every node the tables model. */
export const MODELLED_NODES: NodeId[] = [
  'CONFIG',
  'RMAP',
  'BGP',
  ...BGP_ADDRESS_FAMILY_NODES,
  'BGP_EVPN_VNI',
  'VRF',
  'INTERFACE',
  'BFD',
  'BFD_PEER',
  'BFD_PROFILE',
  'VTY',
  'KEYCHAIN',
  'KEYCHAIN_KEY',
];

const EXITS: CommandDef[] = [
  cmd('exit', MODELLED_NODES, 'exit', { exitsTo: 'PARENT', negatable: false }),
  cmd('exit', MODELLED_NODES, 'quit', { exitsTo: 'PARENT', negatable: false }),
  // vtysh writes `end` itself and ignores it when reading a file (verified: the node stays).
  cmd('end', MODELLED_NODES, 'end', { negatable: false }),
];

export const CONFIG_COMMANDS: CommandDef[] = [...BASICS, ...LOG, ...DEBUG, ...ROUTING, ...UNMODELLED_LINES, ...VTY, ...EXITS];
