/**
 * frr-k8s's frr.conf renderer, byte-exact against frr-k8s's golden files. The output keeps the
 * template's whitespace (blank lines, lines of two spaces where optional neighbor lines are
 * absent): frr-reload.py ignores it, but byte equality is what proves the transcription.
 */
import type {
  BfdProfileConfig,
  EvpnConfig,
  FrrK8sConfig,
  IPFamily,
  IncomingFilter,
  ModifierPrefixList,
  NeighborConfig,
  RouterConfig,
  VniProperties,
} from './model';
import { neighborID } from './model';
import { DEBUG_LINES } from '../render/text';

/** Sequence numbers continue per name across the whole file, like the template's `counter`. */
class Counters {
  private readonly next = new Map<string, number>();
  take(name: string): number {
    const n = (this.next.get(name) ?? 0) + 1;
    this.next.set(name, n);
    return n;
  }
}

export function renderFrrK8s(config: FrrK8sConfig): string {
  const counters = new Counters();
  let out = `log stdout ${config.logLevel}\nlog timestamp precision 3`;
  if (config.logLevel === 'debugging') out += DEBUG_LINES.map((line) => `\n${line}`).join('');
  out += `\nhostname ${config.hostname}\nip nht resolve-via-default\nipv6 nht resolve-via-default`;
  for (const router of config.routers) {
    for (const neighbor of router.neighbors) out += `\n${neighborFilters(neighbor, counters)}`;
  }
  out += '\n\n';
  for (const router of config.routers) {
    if (router.evpn?.l3vni) out += `vrf ${router.vrf}\n  vni ${router.evpn.l3vni.vni}\nexit-vrf\n\n`;
  }
  for (const router of config.routers) out += routerBlock(router);
  if (config.bfdProfiles.length > 0) out += `\nbfd${config.bfdProfiles.map(bfdProfile).join('')}`;
  if (config.extraConfig !== '') out += `\n${config.extraConfig}`;
  return `${out}\n`;
}

function frrFamily(family: IPFamily): 'ip' | 'ipv6' {
  return family === 'ipv6' ? 'ipv6' : 'ip';
}

function matcher(filter: IncomingFilter): string {
  return (filter.le > 0 ? ` le ${filter.le}` : '') + (filter.ge > 0 ? ` ge ${filter.ge}` : '');
}

function setStatement(list: ModifierPrefixList): string {
  if (list.community !== undefined) {
    return list.community.startsWith('large:')
      ? `set large-community ${list.community.slice('large:'.length)} additive`
      : `set community ${list.community} additive`;
  }
  return `set local-preference ${list.localPref ?? 0}`;
}

function neighborFilters(n: NeighborConfig, counters: Counters): string {
  const id = neighborID(n);
  let out = '';
  for (const list of [...n.outgoing.modifiers].sort((a, b) => compare(a.name, b.name))) {
    const fam = frrFamily(list.family);
    for (const prefix of [...new Set(list.prefixes)].sort(compare)) {
      out += `\n${fam} prefix-list ${list.name} seq ${counters.take(list.name)} permit ${prefix}`;
    }
    out += `\n\nroute-map ${id}-out permit ${counters.take(id)}\n  match ${fam} address prefix-list ${list.name}`;
    out += `\n  ${setStatement(list)}\n  on-match next\n`;
  }

  const v4 = `${id}-allowed-ipv4`;
  const v6 = `${id}-allowed-ipv6`;
  out += '\n\n';
  out += allowedLines('ip', v4, n.outgoing.prefixesV4, counters);
  out += '\n\n';
  out += allowedLines('ipv6', v6, n.outgoing.prefixesV6, counters);
  out += `\n\nroute-map ${id}-out permit ${counters.take(id)}\n  match ip address prefix-list ${v4}`;
  if (n.outgoing.nextHopV4 !== '') out += `\n  set ip next-hop ${n.outgoing.nextHopV4}`;
  out += `\n\nroute-map ${id}-out permit ${counters.take(id)}\n  match ipv6 address prefix-list ${v6}`;
  if (n.outgoing.nextHopV6 !== '') out += `\n  set ipv6 next-hop global ${n.outgoing.nextHopV6}`;

  // frr-k8s names the incoming lists after the neighbor's family, even the IPv6 ones of an IPv4 neighbor.
  const inList = `${id}-inpl-${n.family}`;
  out += '\n\n\n\n';
  for (const filter of [...n.incoming.prefixesV4, ...n.incoming.prefixesV6]) {
    out += `\n${frrFamily(filter.family)} prefix-list ${inList} seq ${counters.take(inList)} permit ${filter.prefix}${matcher(filter)}`;
  }
  if (n.incoming.all) {
    out += `\nip prefix-list ${inList} seq ${counters.take(inList)} permit any`;
    out += `\nipv6 prefix-list ${inList} seq ${counters.take(inList)} permit any\n`;
  } else {
    out += '\n';
    if (n.incoming.prefixesV4.length === 0) out += `\nip prefix-list ${inList} seq ${counters.take(inList)} deny any`;
    out += '\n';
    if (n.incoming.prefixesV6.length === 0) out += `\nipv6 prefix-list ${inList} seq ${counters.take(inList)} deny any`;
  }
  if (n.alwaysBlock.length > 0) {
    const denied = `${id}-denied-inpl-${n.family}`;
    out += '\n\n';
    for (const filter of n.alwaysBlock) {
      out += `\n${frrFamily(filter.family)} prefix-list ${denied} seq ${counters.take(denied)} permit ${filter.prefix}${matcher(filter)}`;
    }
    out += `\n\nroute-map ${id}-in deny ${counters.take(id)}\n  match ip address prefix-list ${denied}`;
    out += `\nroute-map ${id}-in deny ${counters.take(id)}\n  match ipv6 address prefix-list ${denied}`;
  }
  out += `\nroute-map ${id}-in permit ${counters.take(id)}\n  match ip address prefix-list ${inList}`;
  out += `\nroute-map ${id}-in permit ${counters.take(id)}\n  match ipv6 address prefix-list ${inList}`;
  return out;
}

function allowedLines(fam: 'ip' | 'ipv6', name: string, prefixes: string[], counters: Counters): string {
  if (prefixes.length === 0) return `\n${fam} prefix-list ${name} seq ${counters.take(name)} deny any`;
  return prefixes.map((prefix) => `\n${fam} prefix-list ${name} seq ${counters.take(name)} permit ${prefix}`).join('');
}

function routerBlock(r: RouterConfig): string {
  let out = `router bgp ${r.asn}${r.vrf !== '' ? ` vrf ${r.vrf}` : ''}`;
  out += '\n  no bgp ebgp-requires-policy\n  no bgp network import-check\n  no bgp default ipv4-unicast';
  out += '\n  bgp graceful-restart preserve-fw-state\n';
  if (r.routerID !== '') out += `\n  bgp router-id ${r.routerID}`;
  if (r.importVRFs.length > 0) {
    for (const family of ['ipv4', 'ipv6']) {
      out += `\n  address-family ${family} unicast${r.importVRFs.map((vrf) => `\n    import vrf ${vrf}`).join('')}\n  exit-address-family`;
    }
  }
  for (const n of r.neighbors) out += neighborSession(n, r.asn);
  for (const n of r.neighbors) out += `\n${neighborAddressFamilies(n)}`;
  if (r.ipv4Prefixes.length > 0) out += networks('ipv4', r.ipv4Prefixes);
  if (r.ipv6Prefixes.length > 0) out += networks('ipv6', r.ipv6Prefixes);
  if (r.evpn) out += evpnBlock(r.evpn, r.neighbors);
  return `${out}\n`;
}

function networks(family: IPFamily, prefixes: string[]): string {
  return `\n  address-family ${family} unicast${prefixes.map((p) => `\n    network ${p}`).join('')}\n  exit-address-family\n`;
}

function neighborSession(n: NeighborConfig, routerASN: number): string {
  const peer = n.iface !== '' ? n.iface : n.addr;
  const line = (rest: string) => `\n  neighbor ${peer} ${rest}`;
  let out = line(`${n.iface !== '' ? 'interface ' : ''}remote-as ${n.asn}`);
  if (n.localASN > 0) out += line(`local-as ${n.localASN} no-prepend replace-as`);
  if (n.ebgpMultiHop) out += line('ebgp-multihop');
  out += '\n  ';
  if (n.port !== undefined && n.port > 0) out += `neighbor ${peer} port ${n.port}`;
  out += '\n  ';
  if (n.keepaliveTime !== undefined && n.holdTime !== undefined) out += line(`timers ${n.keepaliveTime} ${n.holdTime}`);
  if (n.connectTime !== undefined) out += line(`timers connect ${n.connectTime}`);
  out += '\n  ';
  if (n.password !== '') out += `neighbor ${peer} password ${n.password}`;
  out += '\n  ';
  if (n.srcAddr !== '') out += `neighbor ${peer} update-source ${n.srcAddr}`;
  if (n.gracefulRestart) out += line('graceful-restart');
  if (n.bfdProfile !== '') out += line('bfd') + line(`bfd profile ${n.bfdProfile}`);
  if (mustDisableConnectedCheck(n, routerASN)) out += line('disable-connected-check');
  return out;
}

/** Single-hop eBGP over IPv6 (link-local next hops) needs FRR's connected check off. */
function mustDisableConnectedCheck(n: NeighborConfig, routerASN: number): boolean {
  if (n.family !== 'ipv6' || n.ebgpMultiHop) return false;
  if (n.iface !== '') return true;
  if (n.asn === 'internal') return false;
  if (n.asn === 'external') return true;
  return n.asn !== String(routerASN);
}

function hasUnicast(n: NeighborConfig): boolean {
  return n.addressFamilies.length === 0 || n.addressFamilies.includes('unicast');
}

function neighborAddressFamilies(n: NeighborConfig): string {
  if (!hasUnicast(n)) return '';
  const peer = n.iface !== '' ? n.iface : n.addr;
  const id = neighborID(n);
  let out = '';
  for (const family of ['ipv4', 'ipv6'] as const) {
    if (n.family !== family && n.family !== 'dual') continue;
    out += `\n  address-family ${family} unicast\n    neighbor ${peer} activate`;
    out += `\n    neighbor ${peer} route-map ${id}-in in\n    neighbor ${peer} route-map ${id}-out out\n  exit-address-family`;
  }
  return out;
}

function evpnBlock(evpn: EvpnConfig, neighbors: NeighborConfig[]): string {
  let out = '\n  address-family l2vpn evpn';
  for (const n of neighbors) {
    if (n.addressFamilies.includes('evpn')) out += `\n    neighbor ${n.iface !== '' ? n.iface : n.addr} activate`;
  }
  if (evpn.advertiseAllVni) out += '\n    advertise-all-vni';
  if (evpn.advertiseSvi) out += '\n    advertise-svi-ip';
  for (const l2 of evpn.l2vnis) {
    if (l2.rd === '' && l2.importRTs.length === 0 && l2.exportRTs.length === 0) continue;
    out += `\n    vni ${l2.vni}${vniProperties(l2, '      ')}\n    exit-vni`;
  }
  if (evpn.l3vni) {
    if (evpn.l3vni.advertiseUnicast) out += '\n    advertise ipv4 unicast\n    advertise ipv6 unicast';
    out += vniProperties(evpn.l3vni, '    ');
  }
  return `${out}\n  exit-address-family\n`;
}

function vniProperties(p: VniProperties, indent: string): string {
  let out = p.rd !== '' ? `\n${indent}rd ${p.rd}` : '';
  for (const rt of p.importRTs) out += `\n${indent}route-target import ${rt}`;
  for (const rt of p.exportRTs) out += `\n${indent}route-target export ${rt}`;
  return out;
}

function bfdProfile(p: BfdProfileConfig): string {
  let out = `\n  profile ${p.name}\n    `;
  const add = (text: string) => {
    out += `${text}\n    `;
  };
  if (p.receiveInterval) add(`receive-interval ${p.receiveInterval}`);
  if (p.transmitInterval) add(`transmit-interval ${p.transmitInterval}`);
  if (p.detectMultiplier) add(`detect-multiplier ${p.detectMultiplier}`);
  if (p.echoMode) add('echo-mode');
  if (p.echoInterval) add(`echo transmit-interval ${p.echoInterval}\n    echo receive-interval ${p.echoInterval}`);
  if (p.passiveMode) add('passive-mode');
  if (p.minimumTtl) add(`minimum-ttl ${p.minimumTtl}`);
  return out;
}

/** Go's sort.Strings order (code units), independent of the locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
