/**
 * The `interface` and `vrf` blocks (lib/if.c, lib/vrf.c, zebra) and `key chain` (lib/keychain.c).
 *
 * Interfaces also carry the per-interface settings of every routing daemon (`ip ospf …`,
 * `isis …`, `ip pim …`). Those are recognised by their leading keywords and accepted without
 * checks; they are specific enough that a top-level line such as `ip prefix-list …` after an
 * interface block still fails here and lands at top level, as it does in FRR.
 */
import { cmd, V91_UP } from './define';
import type { CommandDef } from './types';

const BLOCKS: CommandDef[] = [
  cmd('interface', 'CONFIG', 'interface IFNAME$name [vrf NAME$vrf]', { enters: 'INTERFACE' }),
  cmd('vrf', 'CONFIG', 'vrf NAME$name', { enters: 'VRF' }),
  cmd('exit-vrf', 'VRF', 'exit-vrf', { exitsTo: 'CONFIG', negatable: false }),
];

const ZEBRA_INTERFACE: CommandDef[] = [
  cmd('interface-description', 'INTERFACE', 'description LINE...$text'),
  cmd('interface-shutdown', 'INTERFACE', 'shutdown'),
  cmd('interface-ip-address', 'INTERFACE', 'ip address <A.B.C.D/M$prefix|A.B.C.D$address peer A.B.C.D/M$peer> [label LINE$label]'),
  cmd('interface-ipv6-address', 'INTERFACE', 'ipv6 address X:X::X:X/M$prefix'),
  cmd('interface-link-detect', 'INTERFACE', 'link-detect'),
  cmd('interface-bandwidth', 'INTERFACE', 'bandwidth ![(1-1000000)$bandwidth]'),
  cmd('interface-multicast', 'INTERFACE', 'multicast [<enable|disable>$state]'),
  cmd('interface-mpls', 'INTERFACE', 'mpls <enable|disable>$state'),
  cmd('interface-mpls-bgp', 'INTERFACE', 'mpls bgp <forwarding|l3vpn-multi-domain-switching>$setting'),
  cmd('interface-ptm-enable', 'INTERFACE', 'ptm-enable'),
  cmd('interface-evpn-mh', 'INTERFACE', 'evpn mh LINE...$setting'),
  cmd('interface-ipv6-nd', 'INTERFACE', 'ipv6 nd LINE...$setting'),
  cmd('interface-ip-irdp', 'INTERFACE', 'ip irdp [LINE...$setting]'),
];

/** Leading keywords of the other daemons' interface settings (ospfd, isisd, pimd, ripd, …). */
const DAEMON_IP_KEYWORDS = [
  'ospf', 'rip', 'pim', 'igmp', 'mroute', 'multicast', 'router', 'nhrp', 'mld', 'gmp', 'msdp', 'ssmpingd',
  'split-horizon', 'hello-interval', 'hold-time', 'bandwidth-percent', 'summary-address', 'authentication',
  'verify-unicast-source-reachable', 'eigrp', 'babel', 'poison-reverse', 'receive', 'send',
];
const DAEMON_IPV6_KEYWORDS = [
  'ospf6', 'ripng', 'pim', 'mld', 'mroute', 'multicast', 'router', 'nhrp', 'gmp', 'split-horizon', 'babel',
];
/** No `bfd` or `evpn` here: those start top-level lines that must still end an interface block. */
const DAEMON_KEYWORDS = ['isis', 'openfabric', 'babel', 'vrrp', 'vrrp6', 'pbr-policy', 'tunnel', 'delay'];

const DAEMON_INTERFACE: CommandDef[] = [
  cmd('interface-daemon-setting', 'INTERFACE', `ip <${DAEMON_IP_KEYWORDS.join('|')}>$daemon [LINE...$setting]`),
  cmd('interface-daemon-setting', 'INTERFACE', `ipv6 <${DAEMON_IPV6_KEYWORDS.join('|')}>$daemon [LINE...$setting]`),
  cmd('interface-daemon-setting', 'INTERFACE', `<${DAEMON_KEYWORDS.join('|')}>$daemon [LINE...$setting]`),
  cmd('link-params', 'INTERFACE', 'link-params', { enters: 'OPAQUE' }),
];

const VRF_NODE: CommandDef[] = [
  cmd('vrf-netns', 'VRF', 'netns ![NAME$netns]'),
  cmd('vrf-mpls-fec', 'VRF', 'mpls fec nexthop-resolution', { versions: V91_UP }),
  cmd('rpki', 'VRF', 'rpki', { enters: 'OPAQUE', versions: ['10.x'] }),
];

const KEYCHAIN: CommandDef[] = [
  cmd('key-chain', ['CONFIG', 'KEYCHAIN', 'KEYCHAIN_KEY'], 'key chain WORD$name', { enters: 'KEYCHAIN' }),
  cmd('key', ['KEYCHAIN', 'KEYCHAIN_KEY'], 'key (0-2147483647)$id', { enters: 'KEYCHAIN_KEY' }),
  cmd('key-string', 'KEYCHAIN_KEY', 'key-string LINE$secret'),
  cmd('key-cryptographic-algorithm', 'KEYCHAIN_KEY', 'cryptographic-algorithm <md5|hmac-sha-1|hmac-sha-256|hmac-sha-384|hmac-sha-512>$algorithm'),
  cmd(
    'key-lifetime',
    'KEYCHAIN_KEY',
    '<accept-lifetime|send-lifetime>$kind HH:MM:SS <(1-31) MONTH|MONTH (1-31)> (1993-2035) <HH:MM:SS <(1-31) MONTH|MONTH (1-31)> (1993-2035)|duration (1-2147483646)|infinite>',
  ),
];

export const INTERFACE_COMMANDS: CommandDef[] = [...BLOCKS, ...ZEBRA_INTERFACE, ...DAEMON_INTERFACE, ...VRF_NODE, ...KEYCHAIN];
