// Deterministic generator of invalid and near-valid FRR lines for frr-invalid-lines.mjs.
// Valid template lines per context are mutated (typos, abbreviations, out-of-range numbers,
// missing or extra arguments, bad prefixes, wrong case), moved to the wrong context, or written
// in syntax only newer FRR accepts. Real FRR decides which results are invalid; names are
// upper-case so that every lower-case alphabetic token of a template is a keyword.

/** Lines that re-enter each context from top level. */
export const CONTEXT_PREAMBLES = {
  top: [],
  bgp: ['router bgp 65000'],
  af4: ['router bgp 65000', ' address-family ipv4 unicast'],
  af6: ['router bgp 65000', ' address-family ipv6 unicast'],
  vpnv4: ['router bgp 65000', ' address-family ipv4 vpn'],
  evpn: ['router bgp 65000', ' address-family l2vpn evpn'],
  vni: ['router bgp 65000', ' address-family l2vpn evpn', '  vni 100'],
  rmap: ['route-map RM permit 10'],
  bfdprof: ['bfd', ' profile FAST'],
};

/** Valid only at top level, so it walks out of whatever context the previous case left open. */
export const RESET_LINE = 'hostname CONFORMANCE';

const TEMPLATES = {
  top: [
    'ip prefix-list PL1 seq 5 permit 10.0.0.0/8 le 24',
    'ip prefix-list PL1 permit 10.0.0.0/8 ge 16 le 24',
    'ip prefix-list PL1 deny any',
    'ipv6 prefix-list PL6 seq 10 deny 2001:db8::/32 le 64',
    'route-map RM deny 20',
    'bgp community-list standard CL permit 65000:100',
    'bgp large-community-list standard LCL permit 65000:1:1',
    'bgp as-path access-list AP seq 5 permit ^65000_',
    'access-list ACL seq 5 permit 10.0.0.0/8',
    'router bgp 65000 vrf RED',
    'ip route 10.0.0.0/8 192.168.0.1',
    'log stdout informational',
    'ip nht resolve-via-default',
    'debug bgp neighbor-events',
    'bgp graceful-shutdown',
  ],
  bgp: [
    'bgp router-id 10.0.0.1',
    'neighbor 192.168.1.1 remote-as 65001',
    'neighbor 2001:db8::1 remote-as external',
    'neighbor PG peer-group',
    'neighbor 192.168.1.1 peer-group PG',
    'neighbor eth0 interface remote-as internal',
    'neighbor eth0 interface v6only peer-group PG',
    'neighbor 192.168.1.1 timers 30 90',
    'neighbor 192.168.1.1 timers connect 10',
    'neighbor 192.168.1.1 timers delayopen 30',
    'neighbor 192.168.1.1 ebgp-multihop 2',
    'neighbor 192.168.1.1 password SECRET',
    'neighbor 192.168.1.1 description uplink to core',
    'neighbor 192.168.1.1 bfd',
    'neighbor 192.168.1.1 bfd profile FAST',
    'neighbor 192.168.1.1 local-as 65100 no-prepend replace-as',
    'neighbor 192.168.1.1 update-source 10.0.0.1',
    'neighbor 192.168.1.1 port 179',
    'neighbor 192.168.1.1 ttl-security hops 5',
    'neighbor 192.168.1.1 shutdown',
    'neighbor 192.168.1.1 capability extended-nexthop',
    'neighbor 192.168.1.1 graceful-restart-helper',
    'neighbor 192.168.1.1 advertisement-interval 5',
    'neighbor 192.168.1.1 disable-connected-check',
    'neighbor 192.168.1.1 route-map RM in',
    'neighbor 192.168.1.1 activate',
    'timers bgp 10 30',
    'bgp bestpath as-path multipath-relax',
    'no bgp ebgp-requires-policy',
    'no bgp default ipv4-unicast',
    'bgp graceful-restart preserve-fw-state',
    'bgp log-neighbor-changes',
    'bgp cluster-id 10.0.0.1',
    'bgp confederation identifier 65000',
    'maximum-paths 8',
    'distance bgp 20 200 200',
    'network 10.0.0.0/8 route-map RM',
    'aggregate-address 10.0.0.0/8 summary-only',
    'redistribute connected route-map RM',
    'address-family ipv4 unicast',
    'address-family ipv6 labeled-unicast',
    'address-family l2vpn evpn',
  ],
  af4: [
    'neighbor 192.168.1.1 activate',
    'neighbor 192.168.1.1 route-map RM in',
    'neighbor 192.168.1.1 prefix-list PL1 out',
    'neighbor 192.168.1.1 filter-list AP in',
    'neighbor 192.168.1.1 soft-reconfiguration inbound',
    'neighbor 192.168.1.1 allowas-in 3',
    'neighbor 192.168.1.1 next-hop-self force',
    'neighbor 192.168.1.1 route-reflector-client',
    'neighbor 192.168.1.1 remove-private-AS all replace-AS',
    'neighbor 192.168.1.1 send-community large',
    'neighbor 192.168.1.1 default-originate route-map RM',
    'neighbor 192.168.1.1 maximum-prefix 1000 80 restart 5',
    'neighbor 192.168.1.1 weight 100',
    'neighbor 192.168.1.1 attribute-unchanged as-path med',
    'neighbor 192.168.1.1 addpath-tx-all-paths',
    'neighbor 192.168.1.1 unsuppress-map RM',
    'network 10.1.0.0/16',
    'network 10.1.0.0 mask 255.255.0.0',
    'aggregate-address 10.0.0.0/8 as-set summary-only',
    'redistribute static metric 100',
    'redistribute ospf 2 route-map RM',
    'maximum-paths ibgp 4',
    'table-map RM',
    'import vrf RED',
    'import vrf route-map RM',
    'rd vpn export 65000:1',
    'rt vpn both 65000:1',
    'label vpn export auto',
    'export vpn',
    'exit-address-family',
  ],
  af6: [
    'neighbor 2001:db8::1 activate',
    'neighbor 2001:db8::1 route-map RM out',
    'neighbor 2001:db8::1 nexthop-local unchanged',
    'network 2001:db8:1::/48',
    'aggregate-address 2001:db8::/32 summary-only',
    'redistribute connected',
    'redistribute ospf6 route-map RM',
    'exit-address-family',
  ],
  vpnv4: ['neighbor 192.168.1.1 activate', 'network 10.0.0.0/8 rd 65000:1 label 100', 'exit-address-family'],
  evpn: [
    'advertise-all-vni',
    'advertise ipv4 unicast',
    'advertise ipv6 unicast route-map RM',
    'advertise-default-gw',
    'neighbor PG activate',
    'neighbor PG route-map RM in',
    'vni 100',
    'rd 10.0.0.1:1',
    'route-target import 65000:1',
    'flooding head-end-replication',
    'exit-address-family',
  ],
  vni: ['rd 10.0.0.1:100', 'route-target both 65000:100', 'advertise-subnet', 'exit-vni'],
  rmap: [
    'match ip address prefix-list PL1',
    'match ipv6 address prefix-list PL6',
    'match community CL exact-match',
    'match as-path AP',
    'match metric 100',
    'match tag 5',
    'set local-preference 200',
    'set community 65000:1 additive',
    'set large-community 65000:1:1',
    'set metric +10',
    'set weight 100',
    'set as-path prepend 65000 65000',
    'set ip next-hop 10.0.0.1',
    'set ipv6 next-hop global 2001:db8::1',
    'set origin igp',
    'on-match next',
    'on-match goto 20',
    'continue 30',
    'call OTHER',
    'description allow routes',
  ],
  bfdprof: [
    'detect-multiplier 3',
    'receive-interval 300',
    'transmit-interval 300',
    'echo-mode',
    'echo receive-interval 50',
    'passive-mode',
    'minimum-ttl 254',
  ],
};

/** Syntax that newer FRR accepts and 8.4 does not (or the reverse). */
const VERSION_SPECIFIC = [
  ['bgp', 'neighbor 192.168.1.1 remote-as auto'],
  ['bgp', 'neighbor 192.168.1.1 remote-as 1.10'],
  ['bgp', 'neighbor eth0 interface remote-as auto'],
  ['top', 'router bgp 1.10'],
  ['top', 'router bgp 65000 as-notation dot'],
  ['bgp', 'neighbor 192.168.1.1 local-as 65100 no-prepend replace-as dual-as'],
  ['bgp', 'bgp confederation identifier 1.5'],
  ['bgp', 'bgp tcp-keepalive 10 10 5'],
  ['bgp', 'neighbor 192.168.1.1 bfd strict'],
  ['bgp', 'address-family link-state'],
  ['bgp', 'bgp network import-check exact'],
  ['af4', 'neighbor 192.168.1.1 addpath-tx-best-selected 2'],
  ['af4', 'redistribute table-direct 5'],
  ['af4', 'redistribute local'],
  ['rmap', 'match community CL any'],
  ['bfdprof', 'receive-interval 100000'],
  ['bfdprof', 'detect-multiplier 1'],
];

/** Lines tried in a context they do not belong to. */
const MISPLACED_INTO = {
  top: ['bgp', 'af4', 'rmap', 'evpn'],
  bgp: ['rmap', 'evpn', 'af6', 'vni'],
  af4: ['rmap', 'af6', 'evpn'],
  af6: ['af4', 'rmap'],
  evpn: ['af4', 'rmap', 'vni'],
  rmap: ['bgp', 'af4', 'top'],
  vni: ['evpn'],
  bfdprof: ['rmap'],
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isKeyword = (t) => /^[a-z][a-z0-9-]*$/.test(t);
const isNumber = (t) => /^[+-]?\d+$/.test(t);

const BAD_NUMBERS = ['0', '-1', '256', '65536', '4294967296', '99999999999', 'x5', '1.5'];
const BAD_V4_PREFIXES = ['10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', '10.0.0.0', '10.0.0.0/', '010.0.0.0/8'];
const BAD_V6_PREFIXES = ['2001:db8::/129', '2001:db8::g/32', '2001:db8::', '2001:db8:::/32'];
const BAD_ADDRESSES = ['192.168.1.256', '192.168.1', '2001:db8::1::2', '10.0.0.01'];

function mutations(tokens, rnd) {
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const indexes = (pred) => tokens.map((t, i) => (pred(t) ? i : -1)).filter((i) => i >= 0);
  const replaced = (i, value) => tokens.map((t, j) => (j === i ? value : t)).join(' ');
  const out = [];
  const keywords = indexes(isKeyword);
  if (keywords.length) {
    const i = pick(keywords);
    const k = tokens[i];
    const typo =
      k.length > 3 && rnd() < 0.5 ? k.slice(0, 1) + k.slice(2) : rnd() < 0.5 ? `${k}x` : k.slice(0, -1) + 'q';
    out.push(['wrong-keyword', replaced(i, typo)]);
    const j = pick(keywords);
    if (tokens[j].length > 1) {
      out.push(['abbreviation', replaced(j, tokens[j].slice(0, 1 + Math.floor(rnd() * (tokens[j].length - 1))))]);
    }
    out.push(['wrong-case', replaced(0, tokens[0][0].toUpperCase() + tokens[0].slice(1))]);
  }
  const numbers = indexes(isNumber);
  if (numbers.length) out.push(['out-of-range', replaced(pick(numbers), pick(BAD_NUMBERS))]);
  const v4 = indexes((t) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(t));
  if (v4.length) out.push(['bad-prefix', replaced(pick(v4), pick(BAD_V4_PREFIXES))]);
  const v6 = indexes((t) => t.includes(':') && t.includes('/'));
  if (v6.length) out.push(['bad-prefix', replaced(pick(v6), pick(BAD_V6_PREFIXES))]);
  const addresses = indexes((t) => /^(\d+\.\d+\.\d+\.\d+|[0-9a-f:]+::[0-9a-f]*)$/.test(t));
  if (addresses.length) out.push(['bad-address', replaced(pick(addresses), pick(BAD_ADDRESSES))]);
  if (tokens.length > 1) {
    out.push(['missing-argument', tokens.slice(0, -1).join(' ')]);
    if (tokens.length > 2) out.push(['missing-argument', tokens.slice(0, -2).join(' ')]);
  }
  out.push(['extra-argument', `${tokens.join(' ')} ${pick(['EXTRA', '100', '! trailing comment', 'in'])}`]);
  return out;
}

/** A line that would end the whole configuration at top level would hide every later case. */
function endsConfig(line) {
  const first = line.trim().split(/\s+/)[0] ?? '';
  return ['exit', 'end', 'quit'].some((w) => w.startsWith(first) && first.length > 0);
}

/** `{ context, line, kind }` cases; the same seed always yields the same list. */
export function generateCases(seed) {
  const rnd = mulberry32(seed);
  const cases = [];
  const seen = new Set();
  const add = (context, line, kind) => {
    const key = `${context}\u0000${line}`;
    if (seen.has(key)) return;
    if (endsConfig(line)) return;
    seen.add(key);
    const indent = context === 'top' ? '' : context === 'vni' ? '   ' : context.startsWith('af') || context === 'evpn' || context === 'vpnv4' || context === 'bfdprof' ? '  ' : ' ';
    cases.push({ context, line: indent + line, kind });
  };
  for (const [context, lines] of Object.entries(TEMPLATES)) {
    for (const line of lines) {
      add(context, line, 'valid-template');
      const all = mutations(line.split(' '), rnd);
      // Value mutations are rare (few templates have numbers or prefixes), so all of them are
      // kept; the rest of the four per template are chosen by the seed.
      const valueKinds = ['out-of-range', 'bad-prefix', 'bad-address'];
      const chosen = all.filter(([kind]) => valueKinds.includes(kind));
      const others = all.filter(([kind]) => !valueKinds.includes(kind));
      while (chosen.length < 4 && others.length) chosen.push(others.splice(Math.floor(rnd() * others.length), 1)[0]);
      for (const [kind, mutated] of chosen) add(context, mutated, kind);
    }
  }
  for (const [from, targets] of Object.entries(MISPLACED_INTO)) {
    for (const to of targets) {
      const lines = TEMPLATES[from];
      for (let n = 0; n < 3; n++) add(to, lines[Math.floor(rnd() * lines.length)], 'misplaced');
    }
  }
  for (const [context, line] of VERSION_SPECIFIC) add(context, line, 'version-specific');
  return cases;
}
