/**
 * BGP command tables: `router bgp` and the global `bgp …` lines at top level, BGP_NODE, the
 * address-family nodes and the EVPN VNI node. Specs follow FRR's DEFUN strings (FRR-GRAMMAR.md §3),
 * with `$name` bindings named as commands/IDS.md requires.
 *
 * Version policy: a spec without `versions` exists in 8.4, 9.1 and 10.x. Where FRR changed a
 * command, the variants are separate defs: ASNUM (plain or asdot) arrived in 9.1, where 8.4 takes
 * `(1-4294967295)`; `remote-as auto` arrived in 10.1. Additions of the 9.x/10.x line whose exact
 * release is unclear are given to both 9.1 and 10.x: a missed error costs less than a false one.
 */
import type { NodeId } from '../syntax';
import type { CommandDef } from './types';
import { cmd, V84, V91_UP, type Version } from './define';

const V10: readonly Version[] = ['10.x'];

const PEER = '<A.B.C.D|X:X::X:X|WORD>$peer';
const RMAP = 'RMAP_NAME';
/** FRR's MULTIPATH_NUM is a build option; Debian and the upstream packages build with 256. */
const MULTIPATH = '(1-256)';

/** The AS number token per version: 8.4 has only the plain range, 9.1 brought asdot (`ASNUM`). */
const ASN_BY_VERSION: readonly { asn: string; versions: readonly Version[] }[] = [
  { asn: '(1-4294967295)', versions: V84 },
  { asn: 'ASNUM', versions: V91_UP },
];

const AF_IPV4: NodeId[] = ['BGP_IPV4', 'BGP_IPV4M', 'BGP_IPV4L'];
const AF_IPV6: NodeId[] = ['BGP_IPV6', 'BGP_IPV6M', 'BGP_IPV6L'];
const AF_IP: NodeId[] = [...AF_IPV4, ...AF_IPV6];
const AF_VPN: NodeId[] = ['BGP_VPNV4', 'BGP_VPNV6'];
const AF_FLOWSPEC: NodeId[] = ['BGP_FLOWSPECV4', 'BGP_FLOWSPECV6'];
/** Unicast-like families: where most per-family neighbor policy lives. */
const AF_UNI: NodeId[] = [...AF_IP, ...AF_VPN];
const AF_ALL: NodeId[] = [...AF_UNI, ...AF_FLOWSPEC, 'BGP_EVPN', 'BGP_OTHER_AF'];

/** One def per AS-number syntax; `{ASN}` in the spec is replaced by that version's token. */
function withAsn(id: string, node: NodeId | NodeId[], spec: string, versions?: readonly Version[]): CommandDef[] {
  return ASN_BY_VERSION.filter((v) => !versions || v.versions.some((x) => versions.includes(x))).map((v) =>
    cmd(id, node, spec.replaceAll('{ASN}', v.asn), {
      versions: versions ? v.versions.filter((x) => versions.includes(x)) : v.versions,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// CONFIG: entering BGP, and the global `bgp …` settings bgpd installs at top level.

const ROUTER_BGP: CommandDef[] = [
  cmd('router-bgp', 'CONFIG', 'router bgp [(1-4294967295)$asn [<view|vrf> VIEWVRFNAME$vrf]]', {
    enters: 'BGP',
    versions: V84,
  }),
  cmd('router-bgp', 'CONFIG', 'router bgp [ASNUM$asn [<view|vrf> VIEWVRFNAME$vrf] [as-notation <dot|dot+|plain>]]', {
    enters: 'BGP',
    versions: V91_UP,
  }),
];

const GLOBAL_BGP: CommandDef[] = [
  cmd('bgp-global-graceful-shutdown', 'CONFIG', 'bgp graceful-shutdown'),
  cmd('bgp-global-route-map-delay-timer', 'CONFIG', 'bgp route-map delay-timer (0-600)'),
  cmd('bgp-global-session-dscp', 'CONFIG', 'bgp session-dscp (0-63)'),
  cmd('bgp-global-update-delay', 'CONFIG', 'bgp update-delay (0-3600) [(1-3600)]'),
  cmd('bgp-global-no-rib', 'CONFIG', 'bgp no-rib'),
  cmd('bgp-global-send-extra-data', 'CONFIG', 'bgp send-extra-data zebra'),
  cmd('bgp-global-suppress-fib-pending', 'CONFIG', 'bgp suppress-fib-pending'),
  cmd('bgp-global-local-mac', 'CONFIG', 'bgp local-mac vni (1-16777215) mac WORD seq (0-4294967295)'),
  cmd('bgp-global-community-alias', 'CONFIG', 'bgp community alias WORD ALIAS_NAME'),
  cmd(
    'bgp-global-graceful-restart',
    'CONFIG',
    'bgp graceful-restart [<preserve-fw-state|restart-time (0-4095)|rib-stale-time (1-3600)|select-defer-time (0-3600)|stalepath-time (1-4095)>]',
    { versions: V10 },
  ),
  cmd('bgp-global-graceful-restart-disable', 'CONFIG', 'bgp graceful-restart-disable', { versions: V10 }),
  cmd('bgp-global-queue-limit', 'CONFIG', 'bgp <input-queue-limit|output-queue-limit> (1-4294967295)', {
    versions: V10,
  }),
  cmd('bgp-global-ipv6-auto-ra', 'CONFIG', 'bgp ipv6-auto-ra', { versions: V10 }),
];

// ---------------------------------------------------------------------------------------------
// BGP_NODE: instance settings.

const INSTANCE: CommandDef[] = [
  cmd('bgp-router-id', 'BGP', 'bgp router-id A.B.C.D$id'),
  cmd('bgp-router-id', 'BGP', 'no bgp router-id [A.B.C.D$id]'),
  cmd('timers-bgp', 'BGP', 'timers bgp (0-65535)$keepalive (0-65535)$hold'),
  cmd('timers-bgp', 'BGP', 'no timers bgp [(0-65535)$keepalive (0-65535)$hold]'),
  cmd('bgp-always-compare-med', 'BGP', 'bgp always-compare-med'),
  cmd('bgp-bestpath', 'BGP', 'bgp bestpath as-path <confed|ignore|multipath-relax [<as-set|no-as-set>]>'),
  cmd('bgp-bestpath', 'BGP', 'bgp bestpath bandwidth <ignore|skip-missing|default-weight-for-missing>'),
  cmd('bgp-bestpath', 'BGP', 'no bgp bestpath bandwidth'),
  cmd('bgp-bestpath', 'BGP', 'bgp bestpath compare-routerid'),
  cmd('bgp-bestpath', 'BGP', 'bgp bestpath med <confed [missing-as-worst]|missing-as-worst [confed]>'),
  cmd('bgp-bestpath', 'BGP', 'bgp bestpath peer-type multipath-relax'),
  cmd('bgp-bestpath', 'BGP', 'bgp bestpath aigp', { versions: V91_UP }),
  cmd('bgp-client-to-client-reflection', 'BGP', 'bgp client-to-client reflection'),
  cmd('bgp-cluster-id', 'BGP', 'bgp cluster-id <A.B.C.D|(1-4294967295)>'),
  cmd('bgp-cluster-id', 'BGP', 'no bgp cluster-id'),
  ...withAsn('bgp-confederation-identifier', 'BGP', 'bgp confederation identifier {ASN}'),
  cmd('bgp-confederation-identifier', 'BGP', 'no bgp confederation identifier'),
  ...withAsn('bgp-confederation-peers', 'BGP', 'bgp confederation peers {ASN}...'),
  cmd('bgp-dampening', ['BGP', ...AF_IP], 'bgp dampening [(1-45) [(1-20000) (1-50000) (1-255)]]'),
  cmd(
    'bgp-default-afi',
    'BGP',
    'bgp default <ipv4-unicast|ipv4-multicast|ipv4-vpn|ipv4-labeled-unicast|ipv4-flowspec|ipv6-unicast|ipv6-multicast|ipv6-vpn|ipv6-labeled-unicast|ipv6-flowspec|l2vpn-evpn>$afisafi',
  ),
  cmd('bgp-default-local-preference', 'BGP', 'bgp default local-preference (0-4294967295)'),
  cmd('bgp-default-local-preference', 'BGP', 'no bgp default local-preference'),
  cmd('bgp-default-show-hostname', 'BGP', 'bgp default <show-hostname|show-nexthop-hostname>'),
  cmd('bgp-default-shutdown', 'BGP', 'bgp default shutdown'),
  cmd('bgp-default-subgroup-pkt-queue-max', 'BGP', 'bgp default subgroup-pkt-queue-max (20-100)'),
  cmd('bgp-default-subgroup-pkt-queue-max', 'BGP', 'no bgp default subgroup-pkt-queue-max'),
  cmd('bgp-default-capability', 'BGP', 'bgp default <dynamic-capability|software-version-capability>', {
    versions: V91_UP,
  }),
  cmd('bgp-default-capability', 'BGP', 'bgp default link-local-capability', { versions: V10 }),
  cmd('bgp-default-originate-timer', 'BGP', 'bgp default-originate timer (0-65535)', { versions: V91_UP }),
  cmd('bgp-deterministic-med', 'BGP', 'bgp deterministic-med'),
  cmd('bgp-disable-ebgp-connected-route-check', 'BGP', 'bgp disable-ebgp-connected-route-check'),
  cmd('bgp-ebgp-requires-policy', 'BGP', 'bgp ebgp-requires-policy'),
  cmd('bgp-enforce-first-as', 'BGP', 'bgp enforce-first-as', { versions: V10 }),
  cmd('bgp-fast-convergence', 'BGP', 'bgp fast-convergence'),
  cmd('bgp-fast-external-failover', 'BGP', 'bgp fast-external-failover'),
  cmd('bgp-allow-martian-nexthop', 'BGP', 'bgp allow-martian-nexthop'),
  cmd('bgp-conditional-advertisement-timer', 'BGP', 'bgp conditional-advertisement timer (5-240)'),
  cmd(
    'bgp-graceful-restart',
    'BGP',
    'bgp graceful-restart [<preserve-fw-state|disable-eor|notification|restart-time (0-4095)|rib-stale-time (1-3600)|select-defer-time (0-3600)|stalepath-time (1-4095)>]',
  ),
  cmd('bgp-graceful-restart', 'BGP', 'no bgp graceful-restart <restart-time|rib-stale-time|select-defer-time|stalepath-time>'),
  cmd('bgp-graceful-restart-disable', 'BGP', 'bgp graceful-restart-disable'),
  cmd('bgp-graceful-shutdown', 'BGP', 'bgp graceful-shutdown'),
  cmd('bgp-hard-administrative-reset', 'BGP', 'bgp hard-administrative-reset'),
  cmd('bgp-ipv6-auto-ra', 'BGP', 'bgp ipv6-auto-ra', { versions: V10 }),
  cmd('bgp-labeled-unicast', 'BGP', 'bgp labeled-unicast <explicit-null|ipv4-explicit-null|ipv6-explicit-null>', {
    versions: V91_UP,
  }),
  cmd('bgp-listen-limit', 'BGP', 'bgp listen limit (1-65535)'),
  cmd('bgp-listen-limit', 'BGP', 'no bgp listen limit'),
  cmd('bgp-listen-range', 'BGP', 'bgp listen range <A.B.C.D/M|X:X::X:X/M> peer-group PGNAME$group'),
  cmd('bgp-log-neighbor-changes', 'BGP', 'bgp log-neighbor-changes'),
  cmd('bgp-llgr-stale-time', 'BGP', 'bgp long-lived-graceful-restart stale-time (1-4294967295)', { versions: V84 }),
  cmd('bgp-llgr-stale-time', 'BGP', 'bgp long-lived-graceful-restart stale-time (1-16777215)', {
    versions: V91_UP,
  }),
  cmd('bgp-llgr-stale-time', 'BGP', 'no bgp long-lived-graceful-restart stale-time'),
  cmd('bgp-max-med', 'BGP', 'bgp max-med administrative [(0-4294967295)]'),
  cmd('bgp-max-med', 'BGP', 'bgp max-med on-startup (5-86400) [(0-4294967295)]'),
  cmd('bgp-max-med', 'BGP', 'no bgp max-med on-startup'),
  cmd('bgp-minimum-holdtime', 'BGP', 'bgp minimum-holdtime (1-65535)'),
  cmd('bgp-minimum-holdtime', 'BGP', 'no bgp minimum-holdtime'),
  cmd('bgp-network-import-check', 'BGP', 'bgp network import-check'),
  cmd('bgp-network-import-check', 'BGP', 'bgp network import-check exact', { versions: V84 }),
  cmd('bgp-reject-as-sets', 'BGP', 'bgp reject-as-sets'),
  cmd('bgp-route-map-delay-timer', 'BGP', 'bgp route-map delay-timer (0-600)'),
  cmd('bgp-route-map-delay-timer', 'BGP', 'no bgp route-map delay-timer'),
  cmd('bgp-route-reflector-allow-outbound-policy', 'BGP', 'bgp route-reflector allow-outbound-policy'),
  cmd('bgp-shutdown', 'BGP', 'bgp shutdown [message MSG...]'),
  cmd('bgp-suppress-duplicates', 'BGP', 'bgp suppress-duplicates'),
  cmd('bgp-suppress-fib-pending', 'BGP', 'bgp suppress-fib-pending'),
  cmd('bgp-tcp-keepalive', 'BGP', 'bgp tcp-keepalive (1-65535) (1-65535) (1-30)', { versions: V91_UP }),
  cmd('bgp-tcp-keepalive', 'BGP', 'no bgp tcp-keepalive', { versions: V91_UP }),
  cmd('coalesce-time', 'BGP', 'coalesce-time (0-4294967295)'),
  cmd('update-delay', 'BGP', 'update-delay (0-3600) [(1-3600)]'),
  cmd('update-delay', 'BGP', 'no update-delay'),
  cmd('read-quanta', 'BGP', 'read-quanta (1-10)'),
  cmd('write-quanta', 'BGP', 'write-quanta (1-64)'),
  // Cisco habits FRR keeps as no-ops so that pasted configs load.
  cmd('auto-summary', 'BGP', 'no auto-summary', { negatable: false }),
  cmd('synchronization', 'BGP', 'no synchronization', { negatable: false }),
  cmd('bmp-mirror-buffer-limit', 'BGP', 'bmp mirror buffer-limit (0-4294967294)'),
  cmd('bmp-mirror-buffer-limit', 'BGP', 'no bmp mirror buffer-limit'),
  cmd('sid-vpn-per-vrf-export', 'BGP', 'sid vpn per-vrf export <(1-1048575)|auto|explicit X:X::X:X>', {
    versions: V91_UP,
  }),
  cmd('sid-vpn-per-vrf-export', 'BGP', 'no sid vpn per-vrf export', { versions: V91_UP }),
];

/**
 * Sub-contexts of `router bgp` that the project does not model (frr-reload.py's ctx_keywords):
 * recognised so the block structure stays right, contents left alone.
 */
const BGP_OPAQUE_CONTEXTS: CommandDef[] = [
  cmd('bmp-targets', 'BGP', 'bmp targets BMPTARGETS', { enters: 'OPAQUE' }),
  cmd('vnc-defaults', 'BGP', 'vnc defaults', { enters: 'OPAQUE', negatable: false }),
  cmd('vnc-nve-group', 'BGP', 'vnc nve-group NAME', { enters: 'OPAQUE' }),
  cmd('vnc-l2-group', 'BGP', 'vnc l2-group NAME', { enters: 'OPAQUE' }),
  cmd('vrf-policy', 'BGP', 'vrf-policy NAME', { enters: 'OPAQUE' }),
  cmd('segment-routing-srv6', 'BGP', 'segment-routing srv6', { enters: 'OPAQUE' }),
  // Single-line VNC settings of BGP_NODE.
  cmd('vnc-setting', 'BGP', 'vnc <advertise-un-method|export|redistribute> WORD...'),
];

// ---------------------------------------------------------------------------------------------
// BGP_NODE: neighbor session settings (per peer, every family).

const NEIGHBOR_SESSION: CommandDef[] = [
  ...withAsn('neighbor-remote-as', 'BGP', `neighbor ${PEER} remote-as <{ASN}|internal|external>$asn`),
  cmd('neighbor-remote-as', 'BGP', `neighbor ${PEER} remote-as auto$asn`, { versions: V10 }),
  ...withAsn(
    'neighbor-interface-remote-as',
    'BGP',
    'neighbor WORD$peer interface [v6only] remote-as <{ASN}|internal|external>$asn',
  ),
  cmd('neighbor-interface-remote-as', 'BGP', 'neighbor WORD$peer interface [v6only] remote-as auto$asn', {
    versions: V10,
  }),
  cmd('neighbor-interface', 'BGP', 'neighbor WORD$peer interface [v6only] [peer-group PGNAME$group]'),
  cmd('neighbor-interface', 'BGP', 'no neighbor WORD$peer interface [v6only] [peer-group PGNAME$group] [remote-as WORD]'),
  cmd('neighbor-peer-interface', 'BGP', 'neighbor <A.B.C.D|X:X::X:X>$peer interface WORD'),
  cmd('neighbor-delete', 'BGP', `no neighbor ${PEER}`, { negatable: false }),
  cmd('neighbor-peer-group', 'BGP', 'neighbor WORD$peer peer-group'),
  cmd('neighbor-peer-group-assign', ['BGP', ...AF_UNI, ...AF_FLOWSPEC], `neighbor ${PEER} peer-group PGNAME$group`),
  cmd('neighbor-description', 'BGP', `neighbor ${PEER} description LINE...$text`),
  cmd('neighbor-description', 'BGP', `no neighbor ${PEER} description`),
  cmd('neighbor-password', 'BGP', `neighbor ${PEER} password LINE$password`),
  cmd('neighbor-password', 'BGP', `no neighbor ${PEER} password`),
  cmd('neighbor-port', 'BGP', `neighbor ${PEER} port (0-65535)$port`),
  cmd('neighbor-port', 'BGP', `no neighbor ${PEER} port`),
  cmd('neighbor-timers', 'BGP', `neighbor ${PEER} timers (0-65535)$keepalive (0-65535)$hold`),
  cmd('neighbor-timers', 'BGP', `no neighbor ${PEER} timers`),
  cmd('neighbor-timers-connect', 'BGP', `neighbor ${PEER} timers connect (1-65535)$connect`),
  cmd('neighbor-timers-connect', 'BGP', `no neighbor ${PEER} timers connect`),
  cmd('neighbor-timers-delayopen', 'BGP', `neighbor ${PEER} timers delayopen (1-240)$interval`),
  cmd('neighbor-timers-delayopen', 'BGP', `no neighbor ${PEER} timers delayopen [(0-65535)]`),
  cmd('neighbor-advertisement-interval', 'BGP', `neighbor ${PEER} advertisement-interval (0-600)`),
  cmd('neighbor-advertisement-interval', 'BGP', `no neighbor ${PEER} advertisement-interval`),
  cmd('neighbor-ebgp-multihop', 'BGP', `neighbor ${PEER} ebgp-multihop [(1-255)$hops]`),
  cmd('neighbor-ttl-security', 'BGP', `neighbor ${PEER} ttl-security hops (1-254)$hops`),
  cmd('neighbor-connected-check', 'BGP', `neighbor ${PEER} <disable-connected-check|enforce-multihop>$kind`),
  ...withAsn('neighbor-local-as', 'BGP', `neighbor ${PEER} local-as {ASN}$asn [no-prepend [replace-as]]`),
  ...withAsn('neighbor-local-as', 'BGP', `neighbor ${PEER} local-as {ASN}$asn no-prepend replace-as dual-as`, V10),
  cmd('neighbor-local-as', 'BGP', `no neighbor ${PEER} local-as`),
  cmd('neighbor-update-source', 'BGP', `neighbor ${PEER} update-source <A.B.C.D|X:X::X:X|WORD>$source`),
  cmd('neighbor-update-source', 'BGP', `no neighbor ${PEER} update-source`),
  cmd('neighbor-shutdown', 'BGP', `neighbor ${PEER} shutdown [<message MSG...|rtt (1-65535) [count (1-255)]>]`),
  cmd('neighbor-shutdown', 'BGP', `no neighbor ${PEER} shutdown rtt`),
  cmd('neighbor-bfd', 'BGP', `neighbor ${PEER} bfd [(2-255) (50-60000) (50-60000)]`),
  cmd('neighbor-bfd-profile', 'BGP', `neighbor ${PEER} bfd profile BFDPROF$profile`),
  cmd('neighbor-bfd-profile', 'BGP', `no neighbor ${PEER} bfd profile`),
  cmd('neighbor-bfd-check-control-plane-failure', 'BGP', `neighbor ${PEER} bfd check-control-plane-failure`),
  cmd('neighbor-bfd-strict', 'BGP', `neighbor ${PEER} bfd strict [hold-time (1-4294967295)]`, { versions: V10 }),
  cmd('neighbor-capability', 'BGP', `neighbor ${PEER} capability <dynamic|extended-nexthop>$capability`),
  cmd('neighbor-capability', 'BGP', `neighbor ${PEER} capability <fqdn|software-version>$capability`, {
    versions: V91_UP,
  }),
  cmd('neighbor-capability', 'BGP', `neighbor ${PEER} capability link-local$capability`, { versions: V10 }),
  cmd('neighbor-passive', 'BGP', `neighbor ${PEER} passive`),
  cmd('neighbor-dont-capability-negotiate', 'BGP', `neighbor ${PEER} dont-capability-negotiate`),
  cmd('neighbor-strict-capability-match', 'BGP', `neighbor ${PEER} strict-capability-match`),
  cmd('neighbor-override-capability', 'BGP', `neighbor ${PEER} override-capability`),
  cmd('neighbor-extended-optional-parameters', 'BGP', `neighbor ${PEER} extended-optional-parameters`),
  cmd('neighbor-disable-link-bw-encoding-ieee', 'BGP', `neighbor ${PEER} disable-link-bw-encoding-ieee`),
  cmd('neighbor-enforce-first-as', 'BGP', `neighbor ${PEER} enforce-first-as`),
  cmd('neighbor-solo', 'BGP', `neighbor ${PEER} solo`),
  cmd('neighbor-sender-as-path-loop-detection', 'BGP', `neighbor ${PEER} sender-as-path-loop-detection`),
  cmd('neighbor-tcp-mss', 'BGP', `neighbor ${PEER} tcp-mss (1-65535)`),
  cmd('neighbor-tcp-mss', 'BGP', `no neighbor ${PEER} tcp-mss`),
  cmd('neighbor-graceful-restart', 'BGP', `neighbor ${PEER} <graceful-restart|graceful-restart-helper|graceful-restart-disable>$mode`),
  cmd('neighbor-local-role', 'BGP', `neighbor ${PEER} local-role <provider|rs-server|rs-client|customer|peer>$role [strict-mode]`),
  cmd('neighbor-aigp', 'BGP', `neighbor ${PEER} aigp`, { versions: V91_UP }),
  cmd('neighbor-oad', 'BGP', `neighbor ${PEER} oad`, { versions: V91_UP }),
  cmd('neighbor-path-attribute', 'BGP', `neighbor ${PEER} path-attribute <discard|treat-as-withdraw> (1-255)...`, {
    versions: V91_UP,
  }),
  cmd('neighbor-graceful-shutdown', 'BGP', `neighbor ${PEER} graceful-shutdown`, { versions: V10 }),
  cmd('neighbor-ip-transparent', 'BGP', `neighbor ${PEER} ip-transparent`, { versions: V10 }),
  cmd('neighbor-extended-link-bandwidth', 'BGP', `neighbor ${PEER} extended-link-bandwidth`, { versions: V10 }),
  cmd('neighbor-send-nexthop-characteristics', 'BGP', `neighbor ${PEER} send-nexthop-characteristics`, {
    versions: V10,
  }),
  cmd('neighbor-rpki-strict', 'BGP', `neighbor ${PEER} rpki strict`, { versions: V10 }),
];

// ---------------------------------------------------------------------------------------------
// Per-family neighbor policy. FRR also installs these in BGP_NODE (the legacy form, which means
// ipv4 unicast), so each carries 'BGP' among its nodes.

const NEIGHBOR_AF: CommandDef[] = [
  cmd('neighbor-activate', ['BGP', ...AF_ALL], `neighbor ${PEER} activate`),
  cmd('neighbor-route-map', ['BGP', ...AF_ALL], `neighbor ${PEER} route-map ${RMAP}$name <in|out>$direction`),
  cmd(
    'neighbor-prefix-list',
    ['BGP', ...AF_UNI, ...AF_FLOWSPEC],
    `neighbor ${PEER} prefix-list WORD$name <in|out>$direction`,
  ),
  cmd(
    'neighbor-filter-list',
    ['BGP', ...AF_UNI, ...AF_FLOWSPEC],
    `neighbor ${PEER} filter-list AS_PATH_FILTER_NAME$name <in|out>$direction`,
  ),
  cmd(
    'neighbor-distribute-list',
    ['BGP', ...AF_UNI],
    `neighbor ${PEER} distribute-list ACCESSLIST_NAME$name <in|out>$direction`,
  ),
  cmd('neighbor-unsuppress-map', ['BGP', ...AF_UNI], `neighbor ${PEER} unsuppress-map WORD$name`),
  cmd('neighbor-default-originate', ['BGP', ...AF_IP], `neighbor ${PEER} default-originate [route-map ${RMAP}$name]`),
  cmd(
    'neighbor-advertise-map',
    ['BGP', ...AF_UNI],
    `neighbor ${PEER} advertise-map ${RMAP}$name <exist-map|non-exist-map>$kind ${RMAP}$condition`,
  ),
  cmd('neighbor-soft-reconfiguration', ['BGP', ...AF_ALL], `neighbor ${PEER} soft-reconfiguration inbound`),
  cmd(
    'neighbor-allowas-in',
    ['BGP', ...AF_UNI, 'BGP_EVPN'],
    `neighbor ${PEER} allowas-in [<(1-10)$count|origin$origin>]`,
  ),
  cmd('neighbor-next-hop-self', ['BGP', ...AF_UNI, 'BGP_EVPN'], `neighbor ${PEER} next-hop-self [<force|all>]`),
  cmd('neighbor-nexthop-local-unchanged', 'BGP_IPV6', `neighbor ${PEER} nexthop-local unchanged`),
  cmd('neighbor-route-reflector-client', ['BGP', ...AF_ALL], `neighbor ${PEER} route-reflector-client`),
  cmd('neighbor-route-server-client', ['BGP', ...AF_ALL], `neighbor ${PEER} route-server-client`),
  cmd('neighbor-as-override', ['BGP', ...AF_UNI], `neighbor ${PEER} as-override`),
  cmd('neighbor-remove-private-as', ['BGP', ...AF_UNI], `neighbor ${PEER} remove-private-AS [all] [replace-AS]`),
  cmd(
    'neighbor-send-community',
    ['BGP', ...AF_UNI],
    `neighbor ${PEER} send-community [<both|all|extended|standard|large>$kind]`,
  ),
  cmd('neighbor-send-community-rpki', ['BGP', ...AF_UNI], `neighbor ${PEER} send-community extended rpki`, {
    versions: V10,
  }),
  cmd(
    'neighbor-maximum-prefix',
    ['BGP', ...AF_UNI],
    `neighbor ${PEER} maximum-prefix (1-4294967295)$max [(1-100)] [<restart (1-65535)|warning-only>] [force]`,
  ),
  cmd('neighbor-maximum-prefix', ['BGP', ...AF_UNI], `no neighbor ${PEER} maximum-prefix`),
  cmd('neighbor-maximum-prefix-out', ['BGP', ...AF_UNI], `neighbor ${PEER} maximum-prefix-out (1-4294967295)`),
  cmd('neighbor-maximum-prefix-out', ['BGP', ...AF_UNI], `no neighbor ${PEER} maximum-prefix-out`),
  cmd('neighbor-weight', ['BGP', ...AF_UNI], `neighbor ${PEER} weight (0-65535)$weight`),
  cmd('neighbor-weight', ['BGP', ...AF_UNI], `no neighbor ${PEER} weight`),
  cmd(
    'neighbor-attribute-unchanged',
    ['BGP', ...AF_ALL],
    `neighbor ${PEER} attribute-unchanged [{as-path|next-hop|med}]`,
  ),
  cmd('neighbor-addpath', ['BGP', ...AF_UNI], `neighbor ${PEER} <addpath-tx-all-paths|addpath-tx-bestpath-per-AS>$mode`),
  cmd('neighbor-addpath', ['BGP', ...AF_UNI], `neighbor ${PEER} addpath-tx-best-selected (1-6)`, {
    versions: V91_UP,
  }),
  cmd('neighbor-addpath-rx-paths-limit', ['BGP', ...AF_UNI], `neighbor ${PEER} addpath-rx-paths-limit (1-65535)`, {
    versions: V10,
  }),
  cmd('neighbor-disable-addpath-rx', AF_UNI, `neighbor ${PEER} disable-addpath-rx`),
  cmd(
    'neighbor-capability-orf',
    ['BGP', ...AF_IP],
    `neighbor ${PEER} capability orf prefix-list <both|send|receive>$mode`,
  ),
  cmd('neighbor-soo', [...AF_UNI, 'BGP_EVPN'], `neighbor ${PEER} soo ASN:NN_OR_IP-ADDRESS:NN$soo`),
  cmd('neighbor-soo', [...AF_UNI, 'BGP_EVPN'], `no neighbor ${PEER} soo`),
  // 10.x also installs the addpath and maximum-prefix family of commands in the EVPN family.
  cmd('neighbor-addpath', 'BGP_EVPN', `neighbor ${PEER} <addpath-tx-all-paths|addpath-tx-bestpath-per-AS>$mode`, {
    versions: V10,
  }),
  cmd('neighbor-addpath', 'BGP_EVPN', `neighbor ${PEER} addpath-tx-best-selected (1-6)`, { versions: V10 }),
  cmd('neighbor-addpath-rx-paths-limit', 'BGP_EVPN', `neighbor ${PEER} addpath-rx-paths-limit (1-65535)`, {
    versions: V10,
  }),
  cmd('neighbor-disable-addpath-rx', 'BGP_EVPN', `neighbor ${PEER} disable-addpath-rx`, { versions: V10 }),
  cmd(
    'neighbor-maximum-prefix',
    'BGP_EVPN',
    `neighbor ${PEER} maximum-prefix (1-4294967295)$max [(1-100)] [<restart (1-65535)|warning-only>] [force]`,
    { versions: V10 },
  ),
  cmd('neighbor-maximum-prefix', 'BGP_EVPN', `no neighbor ${PEER} maximum-prefix`, { versions: V10 }),
  cmd('neighbor-accept-own', AF_VPN, `neighbor ${PEER} accept-own`, { versions: V91_UP }),
  cmd('neighbor-encapsulation', AF_VPN, `neighbor ${PEER} <encapsulation-srv6|encapsulation-mpls>`, { versions: V10 }),
  cmd(
    'neighbor-dampening',
    ['BGP', ...AF_UNI],
    `neighbor ${PEER} dampening [(1-45) [(1-20000) (1-20000) (1-255)]]`,
    { versions: V91_UP },
  ),
];

// ---------------------------------------------------------------------------------------------
// Routes originated and imported: BGP_NODE (ipv4 unicast) and the families.

const REDIST_V4_84 = 'kernel|connected|static|rip|ospf|isis|eigrp|nhrp|table|vnc|vnc-direct|babel|openfabric';
const REDIST_V6_84 = 'kernel|connected|static|ripng|ospf6|isis|nhrp|table|vnc|vnc-direct|babel|openfabric';
const REDIST_OPTS = `[{metric (0-4294967295)|route-map ${RMAP}$rmap}]`;
const AGGREGATE_OPTS =
  `[{as-set|summary-only|route-map ${RMAP}$rmap|origin <egp|igp|incomplete>|matching-MED-only|suppress-map ${RMAP}$suppressmap}]`;

const MULTIPATH_NODES: NodeId[] = ['BGP', 'BGP_IPV4', 'BGP_IPV4L', 'BGP_IPV6', 'BGP_IPV6L'];

const ROUTES: CommandDef[] = [
  cmd(
    'network',
    ['BGP', ...AF_IPV4],
    `network <A.B.C.D/M$prefix|A.B.C.D$prefix [mask A.B.C.D]> [{route-map ${RMAP}$rmap|label-index (0-1048560)|backdoor}]`,
  ),
  cmd('network', AF_IPV6, `network X:X::X:X/M$prefix [{route-map ${RMAP}$rmap|label-index (0-1048560)}]`),
  cmd(
    'network',
    'BGP_VPNV4',
    `network A.B.C.D/M$prefix rd ASN:NN_OR_IP-ADDRESS:NN <tag|label> (0-1048575) [route-map ${RMAP}$rmap]`,
  ),
  cmd(
    'network',
    'BGP_VPNV6',
    `network X:X::X:X/M$prefix rd ASN:NN_OR_IP-ADDRESS:NN <tag|label> (0-1048575) [route-map ${RMAP}$rmap]`,
  ),
  cmd(
    'network',
    'BGP_EVPN',
    `network <A.B.C.D/M|X:X::X:X/M>$prefix rd ASN:NN_OR_IP-ADDRESS:NN ethtag WORD label WORD esi WORD gwip <A.B.C.D|X:X::X:X> [routermac WORD] [route-map ${RMAP}$rmap]`,
  ),
  cmd('aggregate-address', ['BGP', ...AF_IPV4], `aggregate-address <A.B.C.D/M$prefix|A.B.C.D$prefix A.B.C.D> ${AGGREGATE_OPTS}`),
  cmd('aggregate-address', AF_IPV6, `aggregate-address X:X::X:X/M$prefix ${AGGREGATE_OPTS}`),
  cmd('redistribute', ['BGP', 'BGP_IPV4'], `redistribute <${REDIST_V4_84}>$proto ${REDIST_OPTS}`),
  cmd('redistribute', ['BGP', 'BGP_IPV4'], `redistribute local$proto ${REDIST_OPTS}`, { versions: V10 }),
  cmd('redistribute', ['BGP', 'BGP_IPV4'], `redistribute <ospf|table>$proto (1-65535) ${REDIST_OPTS}`),
  cmd('redistribute', ['BGP', 'BGP_IPV4'], `redistribute table-direct$proto (1-65535) ${REDIST_OPTS}`, {
    versions: V10,
  }),
  cmd('redistribute', 'BGP_IPV6', `redistribute <${REDIST_V6_84}>$proto ${REDIST_OPTS}`),
  cmd('redistribute', 'BGP_IPV6', `redistribute local$proto ${REDIST_OPTS}`, { versions: V10 }),
  cmd('redistribute', 'BGP_IPV6', `redistribute table-direct$proto (1-65535) ${REDIST_OPTS}`, { versions: V10 }),
  cmd('maximum-paths', MULTIPATH_NODES, `maximum-paths ${MULTIPATH}`),
  cmd('maximum-paths-ibgp', MULTIPATH_NODES, `maximum-paths ibgp ${MULTIPATH} [equal-cluster-length]`),
  cmd('maximum-paths', MULTIPATH_NODES, 'no maximum-paths [ibgp]'),
  cmd('distance-bgp', ['BGP', 'BGP_IPV4', 'BGP_IPV4M', 'BGP_IPV6', 'BGP_IPV6M'], 'distance bgp (1-255) (1-255) (1-255)'),
  cmd('distance-bgp', ['BGP', 'BGP_IPV4', 'BGP_IPV4M', 'BGP_IPV6', 'BGP_IPV6M'], 'no distance bgp'),
  cmd('distance-prefix', ['BGP', 'BGP_IPV4', 'BGP_IPV4M'], 'distance (1-255) A.B.C.D/M [WORD]'),
  cmd('distance-prefix', ['BGP_IPV6', 'BGP_IPV6M'], 'distance (1-255) X:X::X:X/M [WORD]'),
  cmd('table-map', ['BGP', 'BGP_IPV4', 'BGP_IPV4M', 'BGP_IPV6'], 'table-map WORD$rmap'),
];

// ---------------------------------------------------------------------------------------------
// VRF route leaking and L3VPN (ipv4/ipv6 unicast only).

const LEAKING: CommandDef[] = [
  cmd('import-vrf-route-map', ['BGP_IPV4', 'BGP_IPV6'], 'import vrf route-map RMAP$rmap'),
  cmd('import-vrf-route-map', ['BGP_IPV4', 'BGP_IPV6'], 'no import vrf route-map'),
  cmd('import-vrf', ['BGP_IPV4', 'BGP_IPV6'], 'import vrf VIEWVRFNAME$vrf'),
  cmd('vpn-import-export', ['BGP_IPV4', 'BGP_IPV6'], '<import|export>$direction vpn'),
  cmd('rd-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'rd vpn export ASN:NN_OR_IP-ADDRESS:NN$rd'),
  cmd('rd-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'no rd vpn export'),
  cmd('rt-vpn', ['BGP_IPV4', 'BGP_IPV6'], '<rt|route-target> vpn <import|export|both>$direction RTLIST...'),
  cmd('rt-vpn', ['BGP_IPV4', 'BGP_IPV6'], 'no <rt|route-target> vpn <import|export|both>$direction'),
  cmd('rt-redirect-import', ['BGP_IPV4', 'BGP_IPV6'], '<rt|route-target|route-target6|rt6> redirect import RTLIST...'),
  cmd('label-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'label vpn export <(0-1048575)|auto>'),
  cmd('label-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'no label vpn export'),
  cmd('label-vpn-export-allocation-mode', ['BGP_IPV4', 'BGP_IPV6'], 'label vpn export allocation-mode <per-vrf|per-nexthop>', {
    versions: V91_UP,
  }),
  cmd('nexthop-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'nexthop vpn export [<A.B.C.D|X:X::X:X>]'),
  cmd('route-map-vpn', ['BGP_IPV4', 'BGP_IPV6'], `route-map vpn <import|export>$direction RMAP$rmap`),
  cmd('route-map-vpn', ['BGP_IPV4', 'BGP_IPV6'], 'no route-map vpn <import|export>$direction'),
  cmd('sid-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'sid vpn export <(1-255)|auto>', { versions: V84 }),
  cmd('sid-vpn-export', ['BGP_IPV4', 'BGP_IPV6'], 'sid vpn export <(1-1048575)|auto|explicit X:X::X:X>', {
    versions: V91_UP,
  }),
  cmd('bgp-retain-route-target', AF_VPN, 'bgp retain route-target all'),
  cmd('local-install', AF_FLOWSPEC, 'local-install INTERFACE'),
];

// ---------------------------------------------------------------------------------------------
// EVPN (address-family l2vpn evpn) and its `vni` sub-context. Only the common commands are
// modelled exactly; the rarer ones take their arguments loosely.

const EVPN_RD = 'ASN:NN_OR_IP-ADDRESS:NN';

const EVPN: CommandDef[] = [
  cmd('evpn-advertise-all-vni', 'BGP_EVPN', 'advertise-all-vni'),
  cmd('evpn-advertise', 'BGP_EVPN', `advertise <ipv4|ipv6>$afi <unicast|multicast|vpn> [gateway-ip] [route-map ${RMAP}$rmap]`),
  cmd('evpn-advertise-default-gw', ['BGP_EVPN', 'BGP_EVPN_VNI'], 'advertise-default-gw'),
  cmd('evpn-advertise-svi-ip', ['BGP_EVPN', 'BGP_EVPN_VNI'], 'advertise-svi-ip'),
  cmd('evpn-advertise-subnet', 'BGP_EVPN_VNI', 'advertise-subnet'),
  cmd('evpn-advertise-pip', 'BGP_EVPN', 'advertise-pip [ip A.B.C.D [mac <X:X:X:X:X:X|X:X:X:X:X:X/M>]]'),
  cmd('evpn-autort', 'BGP_EVPN', 'autort rfc8365-compatible'),
  cmd('evpn-default-originate', 'BGP_EVPN', 'default-originate <ipv4|ipv6>'),
  cmd('evpn-disable-ead-evi', 'BGP_EVPN', '<disable-ead-evi-rx|disable-ead-evi-tx>'),
  cmd('evpn-dup-addr-detection', 'BGP_EVPN', 'dup-addr-detection [max-moves (2-1000) time (2-1800)]'),
  cmd('evpn-dup-addr-detection', 'BGP_EVPN', 'dup-addr-detection freeze <permanent|(30-3600)>'),
  cmd('evpn-dup-addr-detection', 'BGP_EVPN', 'no dup-addr-detection [WORD...]'),
  cmd('evpn-ead-es-frag', 'BGP_EVPN', 'ead-es-frag evi-limit (1-1000)'),
  cmd('evpn-ead-es-route-target', 'BGP_EVPN', 'ead-es-route-target export RT'),
  cmd('evpn-enable-resolve-overlay-index', 'BGP_EVPN', 'enable-resolve-overlay-index'),
  cmd('evpn-flooding', 'BGP_EVPN', 'flooding <disable|head-end-replication>'),
  cmd('evpn-flooding', 'BGP_EVPN_VNI', 'flooding <disable|head-end-replication>', { versions: V10 }),
  cmd('evpn-mac-vrf-soo', 'BGP_EVPN', 'mac-vrf soo ASN:NN_OR_IP-ADDRESS:NN', { versions: V10 }),
  cmd('evpn-mac-vrf-soo', 'BGP_EVPN', 'no mac-vrf soo', { versions: V10 }),
  cmd('evpn-rd', 'BGP', 'no rd', { versions: V10 }),
  cmd('evpn-use-es-l3nhg', 'BGP_EVPN', 'use-es-l3nhg'),
  cmd('evpn-rd', ['BGP_EVPN', 'BGP_EVPN_VNI'], `rd ${EVPN_RD}$rd`),
  cmd('evpn-rd', ['BGP_EVPN', 'BGP_EVPN_VNI'], 'no rd'),
  cmd('evpn-route-target', ['BGP_EVPN', 'BGP_EVPN_VNI'], 'route-target <both|import|export>$direction RT$rt'),
  cmd('evpn-route-target', 'BGP_EVPN_VNI', 'no route-target <import|export>$direction'),
  cmd('evpn-vni', 'BGP_EVPN', 'vni (1-16777215)$vni', { enters: 'BGP_EVPN_VNI' }),
  cmd('evpn-test-es', 'BGP_EVPN', 'test es NAME [<state NAME|vni (1-16777215)>]'),
];

// ---------------------------------------------------------------------------------------------
// address-family entry and exit.

const AFI_SAFI_NODES: readonly { afi: string; safi: string; node: NodeId; optionalSafi?: boolean }[] = [
  { afi: 'ipv4', safi: 'unicast', node: 'BGP_IPV4', optionalSafi: true },
  { afi: 'ipv6', safi: 'unicast', node: 'BGP_IPV6', optionalSafi: true },
  { afi: 'ipv4', safi: 'multicast', node: 'BGP_IPV4M' },
  { afi: 'ipv6', safi: 'multicast', node: 'BGP_IPV6M' },
  { afi: 'ipv4', safi: 'labeled-unicast', node: 'BGP_IPV4L' },
  { afi: 'ipv6', safi: 'labeled-unicast', node: 'BGP_IPV6L' },
  { afi: 'ipv4', safi: 'vpn', node: 'BGP_VPNV4' },
  { afi: 'ipv6', safi: 'vpn', node: 'BGP_VPNV6' },
  { afi: 'vpnv4', safi: 'unicast', node: 'BGP_VPNV4', optionalSafi: true },
  { afi: 'vpnv6', safi: 'unicast', node: 'BGP_VPNV6', optionalSafi: true },
  { afi: 'ipv4', safi: 'flowspec', node: 'BGP_FLOWSPECV4' },
  { afi: 'ipv6', safi: 'flowspec', node: 'BGP_FLOWSPECV6' },
  { afi: 'l2vpn', safi: 'evpn', node: 'BGP_EVPN' },
];

const ADDRESS_FAMILY: CommandDef[] = [
  ...AFI_SAFI_NODES.map(({ afi, safi, node, optionalSafi }) =>
    cmd('address-family', 'BGP', `address-family ${afi}$afi ${optionalSafi ? `[${safi}$safi]` : `${safi}$safi`}`, {
      enters: node,
      negatable: false,
    }),
  ),
  // Families newer than 8.4 that the project does not model: recognised, contents accepted.
  cmd('address-family', 'BGP', 'address-family <ipv4|ipv6>$afi unreachability$safi', {
    enters: 'BGP_OTHER_AF',
    negatable: false,
    versions: V10,
  }),
  cmd('address-family', 'BGP', 'address-family link-state$afi [link-state$safi]', {
    enters: 'BGP_OTHER_AF',
    negatable: false,
    versions: V10,
  }),
  cmd('exit-address-family', [...AF_ALL], 'exit-address-family', { exitsTo: 'BGP', negatable: false }),
  cmd('exit-vni', 'BGP_EVPN_VNI', 'exit-vni', { exitsTo: 'BGP_EVPN', negatable: false }),
];

export const BGP_COMMANDS: CommandDef[] = [
  ...ROUTER_BGP,
  ...GLOBAL_BGP,
  ...INSTANCE,
  ...BGP_OPAQUE_CONTEXTS,
  ...NEIGHBOR_SESSION,
  ...NEIGHBOR_AF,
  ...ROUTES,
  ...LEAKING,
  ...EVPN,
  ...ADDRESS_FAMILY,
];
