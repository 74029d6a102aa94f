// Generates FRR configurations shaped like MetalLB's rendered frr.conf plus a bgpextras block:
// many neighbors, per-neighbor prefix-lists and route-maps, and the extras' own lists and overrides.
function ip(n) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function generateConfig(targetLines) {
  const header = [
    'log stdout informational',
    'log timestamp precision 3',
    'hostname worker-1',
    'ip nht resolve-via-default',
    'ipv6 nht resolve-via-default',
  ];
  // Each neighbor costs about 28 lines across its filters, session and extras.
  const neighbors = Math.max(1, Math.round(targetLines / 28));
  const prefixesPerPeer = 4;
  const filters = [];
  const session = [];
  const families = [];
  const extras = [];
  for (let n = 0; n < neighbors; n++) {
    const id = ip(n + 1);
    filters.push(`route-map ${id}-in deny 20`, '', '');
    for (let p = 0; p < prefixesPerPeer; p++) {
      filters.push(`ip prefix-list ${id}-allowed-ipv4 seq ${p + 1} permit 192.168.${n % 250}.${p * 4}/30`);
    }
    filters.push('', '', `ipv6 prefix-list ${id}-allowed-ipv6 seq 1 deny any`, '');
    filters.push(`route-map ${id}-out permit 1`, `  match ip address prefix-list ${id}-allowed-ipv4`, '');
    filters.push(`route-map ${id}-out permit 2`, `  match ipv6 address prefix-list ${id}-allowed-ipv6`, '');
    session.push(`  neighbor ${id} remote-as ${64600 + (n % 100)}`, `  neighbor ${id} port 179`, `  neighbor ${id} timers 30 90`, '  ', '');
    families.push(
      `    neighbor ${id} activate`,
      `    neighbor ${id} route-map ${id}-in in`,
      `    neighbor ${id} route-map ${id}-out out`,
    );
    extras.push(
      `ip prefix-list receive-${n} seq 10 permit 172.${16 + (n % 16)}.${n % 250}.0/24 le 32`,
      `route-map ${id}-in permit 10`,
      `  match ip address prefix-list receive-${n}`,
    );
  }
  const lines = [
    ...header,
    ...filters,
    'router bgp 64512',
    '  no bgp ebgp-requires-policy',
    '  no bgp network import-check',
    '  no bgp default ipv4-unicast',
    '  bgp graceful-restart preserve-fw-state',
    '',
    ...session,
    '  address-family ipv4 unicast',
    ...families,
    '  exit-address-family',
    '',
    ...extras,
  ];
  return lines.join('\n') + '\n';
}
