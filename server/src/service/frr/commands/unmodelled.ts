/**
 * Contexts the project recognises but does not model (OSPF, IS-IS, PIM, segment-routing, …): the
 * top-level lines that open them, and their nested sub-contexts as tools/frr-reload.py knows them
 * (`ctx_keywords`), so that an `exit` inside a nested sub-context ends only that sub-context.
 */
import { cmd } from './define';
import type { CommandDef } from './types';

const ROUTING_DAEMONS = 'ospf|ospf6|isis|rip|ripng|eigrp|babel|openfabric';

export const UNMODELLED_OPENERS: CommandDef[] = [
  cmd('router-other', 'CONFIG', `router <${ROUTING_DAEMONS}>$protocol [LINE...$args]`, { enters: 'OPAQUE' }),
  // pimd moved its global settings into `router pim` in 10.0; 8.4 writes them as top-level `ip pim …`.
  cmd('router-other', 'CONFIG', 'router <pim|pim6>$protocol [vrf NAME$vrf]', { enters: 'OPAQUE', versions: ['10.x'] }),
  cmd('segment-routing', 'CONFIG', 'segment-routing', { enters: 'OPAQUE' }),
  cmd('mpls-ldp', 'CONFIG', 'mpls ldp', { enters: 'OPAQUE' }),
  cmd('nexthop-group', 'CONFIG', 'nexthop-group NHGNAME$name', { enters: 'OPAQUE' }),
  cmd('pbr-map', 'CONFIG', 'pbr-map PBRMAP$name [seq (1-700)$seq]', { enters: 'OPAQUE' }),
  cmd('rpki', 'CONFIG', 'rpki', { enters: 'OPAQUE' }),
  cmd('l2vpn', 'CONFIG', 'l2vpn WORD$name type vpls', { enters: 'OPAQUE' }),
  cmd('pseudowire', 'CONFIG', 'pseudowire IFNAME$name', { enters: 'OPAQUE' }),
  cmd('log-extended-syslog', 'CONFIG', 'log extended-syslog WORD$name', { enters: 'OPAQUE' }),
  cmd('srv6', 'CONFIG', 'srv6', { enters: 'OPAQUE' }),
];

/**
 * A sub-context key as frr-reload.py writes it: a trailing space means the key needs an argument
 * (`segment-list NAME`); without one the line must be the key itself or start with it and a space.
 */
export interface OpaqueContext {
  readonly children: Readonly<Record<string, OpaqueContext>>;
}

const LEAF: OpaqueContext = { children: {} };

function ctx(children: Record<string, OpaqueContext> = {}): OpaqueContext {
  return { children };
}

/** Keyed by the block's label: its leading keywords, e.g. `router isis`, `segment-routing`. */
export const OPAQUE_TREE: Readonly<Record<string, OpaqueContext>> = {
  'router isis': ctx({ 'segment-routing srv6': ctx({ 'node-msd': LEAF }), 'flex-algo ': LEAF }),
  'router ospf': ctx(),
  'mpls ldp': ctx({ 'address-family ': ctx({ 'interface ': LEAF }) }),
  l2vpn: ctx({ 'member pseudowire ': LEAF }),
  'segment-routing': ctx({
    'traffic-eng': ctx({
      'segment-list ': LEAF,
      'policy ': ctx({ 'candidate-path ': LEAF }),
      'pcep': ctx({ 'pcc': LEAF, 'pce ': LEAF, 'pce-config ': LEAF }),
    }),
    srv6: ctx({
      locators: ctx({ 'locator ': LEAF }),
      'static-sids': LEAF,
      encapsulation: LEAF,
      formats: ctx({ 'format ': LEAF }),
    }),
  }),
  srv6: ctx({ locators: ctx({ 'locator ': LEAF }), 'static-sids': LEAF, encapsulation: LEAF, formats: ctx({ 'format ': LEAF }) }),
  rpki: ctx(),
};

/** The sub-context `line` (words joined by single spaces) opens inside `context`, if any. */
export function openedSubContext(context: OpaqueContext, line: string): OpaqueContext | undefined {
  for (const key in context.children) {
    const child = context.children[key]!;
    if (key.endsWith(' ')) {
      if (line.startsWith(key) && line.length > key.length) return child;
    } else if (line === key || line.startsWith(`${key} `)) {
      return child;
    }
  }
  return undefined;
}
