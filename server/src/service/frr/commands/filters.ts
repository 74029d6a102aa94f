/**
 * Top-level filter lists: prefix-lists and access-lists (lib/filter_cli.c), BGP community,
 * large-community, extended-community and as-path lists (bgpd/bgp_vty.c, bgp_filter.c).
 */
import type { CommandMatch } from '../syntax';
import { cmd } from './define';
import type { CommandDef } from './types';

const SEQ = '[seq (1-4294967295)$seq]';
const ACTION = '<deny|permit>$action';

const PREFIX_LISTS: CommandDef[] = [
  cmd('prefix-list', 'CONFIG', `ip prefix-list WORD$name ${SEQ} ${ACTION} <any$any|A.B.C.D/M$prefix [{ge (0-32)$ge|le (0-32)$le}]>`),
  cmd('prefix-list', 'CONFIG', 'no ip prefix-list WORD$name [seq (1-4294967295)$seq]'),
  cmd('prefix-list-description', 'CONFIG', 'ip prefix-list WORD$name description LINE...$text'),
  cmd('ipv6-prefix-list', 'CONFIG', `ipv6 prefix-list WORD$name ${SEQ} ${ACTION} <any$any|X:X::X:X/M$prefix [{ge (0-128)$ge|le (0-128)$le}]>`),
  cmd('ipv6-prefix-list', 'CONFIG', 'no ipv6 prefix-list WORD$name [seq (1-4294967295)$seq]'),
  cmd('ipv6-prefix-list-description', 'CONFIG', 'ipv6 prefix-list WORD$name description LINE...$text'),
];

const ACCESS_LISTS: CommandDef[] = [
  cmd('access-list', 'CONFIG', `access-list WORD$name ${SEQ} ${ACTION} <A.B.C.D/M$prefix [exact-match$exact]|any$any>`),
  cmd('access-list', 'CONFIG', `access-list WORD$name ${SEQ} ${ACTION} <[host] A.B.C.D$host|A.B.C.D$host A.B.C.D$mask>`),
  cmd(
    'access-list',
    'CONFIG',
    `access-list WORD$name ${SEQ} ${ACTION} ip <A.B.C.D$src A.B.C.D$src_mask|host A.B.C.D$src|any> <A.B.C.D$dst A.B.C.D$dst_mask|host A.B.C.D$dst|any>`,
  ),
  cmd('access-list', 'CONFIG', 'access-list WORD$name remark LINE...$text'),
  cmd('access-list', 'CONFIG', 'no access-list WORD$name'),
  cmd('ipv6-access-list', 'CONFIG', `ipv6 access-list WORD$name ${SEQ} ${ACTION} <X:X::X:X/M$prefix [exact-match$exact]|any$any>`),
  cmd('ipv6-access-list', 'CONFIG', `ipv6 access-list WORD$name ${SEQ} ${ACTION} <X:X::X:X$dst X:X::X:X$dst_mask|[host] X:X::X:X$dst>`, {
    versions: ['10.x'],
  }),
  cmd(
    'ipv6-access-list',
    'CONFIG',
    `ipv6 access-list WORD$name ${SEQ} ${ACTION} ipv6 <X:X::X:X$src X:X::X:X$src_mask|host X:X::X:X$src|any> <X:X::X:X$dst X:X::X:X$dst_mask|host X:X::X:X$dst|any>`,
    { versions: ['10.x'] },
  ),
  cmd('ipv6-access-list', 'CONFIG', 'ipv6 access-list WORD$name remark LINE...$text'),
  cmd('ipv6-access-list', 'CONFIG', 'no ipv6 access-list WORD$name'),
  cmd('mac-access-list', 'CONFIG', `mac access-list WORD$name ${SEQ} ${ACTION} <X:X:X:X:X:X$mac|any$any>`),
  cmd('mac-access-list', 'CONFIG', 'mac access-list WORD$name remark LINE...$text'),
  cmd('mac-access-list', 'CONFIG', 'no mac access-list WORD$name'),
];

const LIST_SEQ = '[seq (0-4294967295)$seq]';

const COMMUNITY_LISTS: CommandDef[] = [
  cmd('community-list', 'CONFIG', `bgp community-list <(1-99)$name|standard$kind WORD$name> ${LIST_SEQ} ${ACTION} AA:NN...$values`),
  cmd('community-list', 'CONFIG', `bgp community-list <(100-500)$name|expanded$kind WORD$name> ${LIST_SEQ} ${ACTION} LINE...$values`),
  cmd('community-list', 'CONFIG', 'no bgp community-list <(1-99)|(100-500)|standard$kind WORD|expanded$kind WORD>$name'),
  cmd('large-community-list', 'CONFIG', `bgp large-community-list <(1-99)$name|standard$kind WORD$name> ${LIST_SEQ} ${ACTION} AA:BB:CC...$values`),
  cmd('large-community-list', 'CONFIG', `bgp large-community-list <(100-500)$name|expanded$kind WORD$name> ${LIST_SEQ} ${ACTION} LINE...$values`),
  cmd('large-community-list', 'CONFIG', 'no bgp large-community-list <(1-99)|(100-500)|standard$kind WORD|expanded$kind WORD>$name'),
  cmd('extcommunity-list', 'CONFIG', `bgp extcommunity-list <(1-99)$name|standard$kind WORD$name> ${LIST_SEQ} ${ACTION} LINE...$values`),
  cmd('extcommunity-list', 'CONFIG', `bgp extcommunity-list <(100-500)$name|expanded$kind WORD$name> ${LIST_SEQ} ${ACTION} LINE...$values`),
  cmd('extcommunity-list', 'CONFIG', 'no bgp extcommunity-list <(1-99)|(100-500)|standard$kind WORD|expanded$kind WORD>$name'),
  cmd('as-path-access-list', 'CONFIG', `bgp as-path access-list WORD$name ${LIST_SEQ} ${ACTION} LINE...$regex`),
  cmd('as-path-access-list', 'CONFIG', 'no bgp as-path access-list WORD$name'),
];

export const FILTER_COMMANDS: CommandDef[] = [...PREFIX_LISTS, ...ACCESS_LISTS, ...COMMUNITY_LISTS];

const LISTS_WITH_KIND = new Set(['community-list', 'large-community-list', 'extcommunity-list']);

/**
 * Numbered community lists carry their kind in the number: 1-99 standard, 100-500 expanded. The
 * model reads `kind` either way, so it is filled in from the number here.
 */
export function deriveListKind(command: CommandMatch): void {
  if (!LISTS_WITH_KIND.has(command.id) || command.args.kind) return;
  const name = command.args.name;
  if (!name) return;
  const value = Number(name.value);
  if (!Number.isInteger(value)) return;
  command.args.kind = { value: value <= 99 ? 'standard' : 'expanded', tokens: name.tokens };
}
