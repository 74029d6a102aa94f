/**
 * bfdd (bfdd/bfdd_cli.c): the `bfd` block, its profiles and peers. 8.4 and 10.x differ in the
 * timer ranges (8.4: 10-60000 ms, 10.x: 10-4294967 ms) and the detect multiplier (2-255 vs 1-255).
 */
import type { NodeId } from '../syntax';
import { cmd, perVersion } from './define';
import type { CommandDef } from './types';

const SESSION: NodeId[] = ['BFD_PEER', 'BFD_PROFILE'];
const ADDRESS = '<A.B.C.D|X:X::X:X>';

const BLOCKS: CommandDef[] = [
  cmd('bfd', 'CONFIG', 'bfd', { enters: 'BFD' }),
  cmd('bfd-profile', 'BFD', 'profile BFDPROF$name', { enters: 'BFD_PROFILE' }),
  cmd('bfd-peer', 'BFD', `peer ${ADDRESS}$peer [{multihop$multihop|local-address ${ADDRESS}$local|interface IFNAME$ifname|vrf NAME$vrf}]`, {
    enters: 'BFD_PEER',
  }),
  cmd(
    'bfd-peer',
    'BFD',
    `peer ${ADDRESS}$peer bfd-mode <sbfd-echo|sbfd-init>$mode bfd-name BFDNAME$bfdname [multihop$multihop] local-address ${ADDRESS}$local [vrf NAME$vrf] [remote-discr (1-4294967295)$discr] [srv6-source-ipv6 X:X::X:X srv6-encap-data X:X::X:X...]`,
    { enters: 'BFD_PEER', versions: ['10.x'] },
  ),
  cmd('bfd-sbfd-reflector', 'BFD', 'sbfd reflector source-address X:X::X:X$source discriminator WORD...$discriminators', {
    versions: ['10.x'],
  }),
];

const TIMERS: CommandDef[] = [
  ...perVersion('bfd-detect-multiplier', SESSION, 'detect-multiplier (2-255)$multiplier', 'detect-multiplier ![(1-255)$multiplier]'),
  ...perVersion('bfd-receive-interval', SESSION, 'receive-interval (10-60000)$interval', 'receive-interval ![(10-4294967)$interval]'),
  ...perVersion('bfd-transmit-interval', SESSION, 'transmit-interval (10-60000)$interval', 'transmit-interval ![(10-4294967)$interval]'),
  ...perVersion(
    'bfd-echo-receive-interval',
    SESSION,
    'echo receive-interval <disabled|(10-60000)>$interval',
    'echo receive-interval ![<disabled|(10-4294967)>$interval]',
  ),
  ...perVersion(
    'bfd-echo-transmit-interval',
    SESSION,
    'echo transmit-interval (10-60000)$interval',
    'echo transmit-interval ![(10-4294967)$interval]',
  ),
  ...perVersion('bfd-echo-interval', SESSION, 'echo-interval (10-60000)$interval', 'echo-interval ![(10-4294967)$interval]'),
];

const FLAGS: CommandDef[] = [
  cmd('bfd-echo-mode', SESSION, 'echo-mode'),
  cmd('bfd-passive-mode', SESSION, 'passive-mode'),
  cmd('bfd-minimum-ttl', SESSION, 'minimum-ttl (1-254)$ttl'),
  cmd('bfd-shutdown', SESSION, 'shutdown'),
  cmd('bfd-log-session-changes', SESSION, 'log-session-changes', { versions: ['10.x'] }),
  cmd('bfd-peer-profile', 'BFD_PEER', 'profile BFDPROF$name'),
];

export const BFD_COMMANDS: CommandDef[] = [...BLOCKS, ...TIMERS, ...FLAGS];
