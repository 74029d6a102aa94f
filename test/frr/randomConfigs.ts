/**
 * Random FRR configurations and random edits for the property tests of everything kept across
 * edits (the re-read, the live model, the live check): every modelled context, unmodelled blocks
 * with nested sub-contexts, errors, escapes, CRLF, over-long lines.
 */
/** Well-formed stanzas, so that `exit` lines close what they should. */
export const STANZAS: string[][] = [
  ['frr version 8.4.4', 'hostname leaf-1', 'log stdout informational'],
  ['ip prefix-list PL seq 5 permit 10.0.0.0/8 le 24', 'ip prefix-list PL permit 192.168.0.0/16', 'ipv6 prefix-list PL6 seq 1 deny any'],
  ['route-map RM-in permit 10', ' match ip address prefix-list PL', ' set local-preference 200', ' on-match goto 20', 'exit'],
  ['route-map RM-in deny 20', 'route-map RM-out permit 1', ' match ipv6 address prefix-list PL6'],
  [
    'router bgp 64512',
    ' bgp router-id 10.0.0.1',
    ' neighbor 10.0.0.2 remote-as 64513',
    ' neighbor 10.0.0.2 timers 3 9',
    ' neighbor PG peer-group',
    ' address-family ipv4 unicast',
    '  neighbor 10.0.0.2 activate',
    '  neighbor 10.0.0.2 route-map RM-in in',
    '  network 10.1.0.0/16',
    ' exit-address-family',
    ' address-family ipv6 unicast',
    '  network 10.0.0.0/8',
    ' exit-address-family',
    ' address-family l2vpn evpn',
    '  advertise-all-vni',
    ' exit-address-family',
    'exit',
  ],
  ['router bgp 64512 vrf red', ' neighbor 10.0.0.3 remote-as external', 'exit'],
  ['vrf red', 'exit-vrf'],
  ['interface eth0', ' description uplink', 'exit'],
  ['bfd', ' profile fast', '  receive-interval 300', ' peer 10.0.0.2', '  profile fast', ' exit', 'exit'],
  ['router ospf', ' network 10.0.0.0/8 area 0', 'exit'],
  ['segment-routing', ' traffic-eng', '  segment-list SL', '   index 10 mpls label 100', '  exit', ' exit', 'exit'],
  ['router isis CORE', ' segment-routing srv6', '  node-msd', '  exit', ' exit', 'exit'],
  ['line vty', 'exit'],
  ['no route-map RM-in permit 10', 'no ip prefix-list PL seq 5', 'no ip prefix-list PL6'],
  ['bgp community-list standard CL permit 65000:1', 'route-map RM-out permit 1', ' match community CL', ' set community 65000:70000', ' continue 5', ' set local-preference 10', ' set local-preference 20'],
  [
    'router bgp 64512',
    ' timers bgp 3 1',
    ' neighbor PG remote-as 1',
    ' neighbor 10.0.0.4 peer-group PG',
    ' neighbor PG route-map RM-out out',
    ' neighbor 10.0.0.5 route-map RM-in in',
    ' neighbor eth1 interface peer-group PG',
    ' address-family ipv6 unicast',
    '  neighbor 10.0.0.4 prefix-list PL6 in',
    '  neighbor 10.0.0.4 prefix-list PL in',
    ' exit-address-family',
    'exit',
  ],
  ['router bgp 65000', ' neighbor 10.0.0.2 remote-as 1', 'exit'],
  ['ipv6 prefix-list PL permit 2001:db8::/32', 'ip prefix-list PL6 permit 2001:db8::/48', 'ip prefix-list PL seq 10 permit 10.0.0.0/8 le 24'],
];

/** Lines that fit anywhere or nowhere: errors, escapes, comments, blanks. */
const LINES = [
  'no such command',
  'route-map',
  'neighbor 10.0.0.9 remote-as 1',
  ' network 10.2.0.0/16',
  'ip prefix-list PL seq 5 permit 10.0.0.1/8',
  '!',
  '! comment',
  '# hash comment',
  '',
  '   ',
  '\t neighbor 10.0.0.3 remote-as external',
  ' neighbor PG peer-group',
  ' neighbor 10.0.0.2 timers 1 3',
  ' match ip address prefix-list PL',
  'no neighbor 10.0.0.2 remote-as 64513',
  'ip prefix-list PL seq 5 deny 10.0.0.0/8 le 24',
];

/** mulberry32: a small seeded generator, so a failure can be replayed. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

export function document(next: () => number): string {
  const count = 3 + Math.floor(next() * 30);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.03) out.push(`description ${'x'.repeat(4100)}`);
    // A top-level `exit` ends the reading (nothing after it resumes): rare, so most chains resume.
    else if (r < 0.05) out.push('exit');
    else if (r < 0.3) out.push(pick(next, LINES));
    else out.push(...pick(next, STANZAS));
  }
  const eol = next() < 0.15 ? '\r\n' : '\n';
  return out.join(eol) + (next() < 0.8 ? eol : '');
}

const SNIPPETS = ['\n', ' ', 'x', '!', 'exit\n', '\r', '\r\n', 'route-map A permit 5\n', ' neighbor 10.0.0.2 remote-as 1\n', 'router ospf\n', 'exit-address-family\n', ' address-family ipv4 unicast\n'];

export function edit(next: () => number, text: string): string {
  const at = Math.floor(next() * (text.length + 1));
  const removed = next() < 0.5 ? Math.floor(next() * Math.min(60, text.length - at + 1)) : 0;
  const inserted = next() < 0.3 ? '' : next() < 0.5 ? pick(next, SNIPPETS) : `${pick(next, pick(next, STANZAS))}\n`;
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

