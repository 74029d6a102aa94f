/**
 * The text half of the renderer: prints a `RenderModel` exactly as MetalLB's Go templates do,
 * including the whitespace the templates leave behind (empty and two-space lines, the four-space
 * line closing each BFD profile). Each function returns the fragment its template emits, with the
 * same leading newline convention, so that the pieces concatenate to the byte-identical file.
 */
import type { InternalBfdProfile } from '../internal';
import type { RenderedNeighbor, RenderedPrefixList, RenderedRouter, RenderModel } from './model';
import { versionTraits, type VersionTraits } from './version';

/** What both MetalLB's and frr-k8s's templates write at log level debugging. */
export const DEBUG_LINES = [
  'debug zebra events',
  'debug zebra nht',
  'debug zebra kernel',
  'debug zebra rib',
  'debug zebra nexthop',
  'debug bgp neighbor-events',
  'debug bgp updates',
  'debug bgp keepalives',
  'debug bgp nht',
  'debug bgp zebra',
  'debug bfd network',
  'debug bfd peer',
  'debug bfd zebra',
];

export function renderModelText(model: RenderModel): string {
  const traits = versionTraits(model.version);
  let out = traits.logToStdout ? `log stdout ${model.logLevel}\n` : `log file /etc/frr/frr.log ${model.logLevel}\n`;
  out += 'log timestamp precision 3\n';
  if (model.logLevel === 'debugging') out += DEBUG_LINES.map((line) => `${line}\n`).join('');
  out += `hostname ${model.hostname}\nip nht resolve-via-default\nipv6 nht resolve-via-default`;
  for (const neighbor of model.neighbors) {
    out += '\n' + (neighbor.legacyFilterText ?? neighborFilters(neighbor));
  }
  out += '\n\n';
  for (const router of model.routers) out += routerBlock(router, traits);
  if (model.bfdProfiles.length > 0) out += '\nbfd' + model.bfdProfiles.map((p) => bfdProfile(p, traits)).join('');
  if (model.extras !== '') out += '\n' + model.extras;
  return out + '\n';
}

function prefixListLines(list: RenderedPrefixList): string {
  return list.entries
    .map((e) => `\n${list.family} prefix-list ${list.name}${e.seq === undefined ? '' : ` seq ${e.seq}`} ${e.action} ${e.prefix}`)
    .join('');
}

/** `prefixfilters.tmpl` (v0.15+): property lists each followed by their `-out` entry, then the allowed lists. */
function neighborFilters(neighbor: RenderedNeighbor): string {
  let out = `route-map ${neighbor.inRouteMap.name} deny 20`;
  const lists = new Map(neighbor.prefixLists.map((l) => [l.name, l]));
  const allowedEntries = neighbor.outEntries.filter((e) => e.role === 'allowed');
  for (const entry of neighbor.outEntries) {
    if (entry.role === 'allowed') continue;
    out += prefixListLines(lists.get(entry.prefixList)!);
    out += `\n\nroute-map ${neighbor.outRouteMap} permit ${entry.seq}\n  match ${entry.matchFamily} address prefix-list ${entry.prefixList}\n  ${entry.set}\n  on-match next\n`;
  }
  const [v4, v6] = allowedEntries;
  out += '\n\n' + prefixListLines(lists.get(v4.prefixList)!);
  out += '\n\n' + prefixListLines(lists.get(v6.prefixList)!);
  for (const entry of allowedEntries) {
    out += `\n\nroute-map ${neighbor.outRouteMap} permit ${entry.seq}\n  match ${entry.matchFamily} address prefix-list ${entry.prefixList}`;
  }
  return out;
}

function routerBlock(router: RenderedRouter, traits: VersionTraits): string {
  let out = `router bgp ${router.asn}${router.vrf !== '' ? ` vrf ${router.vrf}` : ''}\n`;
  out += '  no bgp ebgp-requires-policy\n  no bgp network import-check\n  no bgp default ipv4-unicast\n';
  if (traits.gracefulRestartPreserveFwState) out += '  bgp graceful-restart preserve-fw-state\n';
  if (router.routerID !== '') out += `\n  bgp router-id ${router.routerID}`;
  for (const neighbor of router.neighbors) out += neighborSession(neighbor, traits);
  for (const neighbor of router.neighbors) out += '\n' + neighborFamilies(neighbor);
  out += networkBlock('ipv4', router.ipv4Prefixes) + networkBlock('ipv6', router.ipv6Prefixes);
  return out + '\n';
}

/** `neighborsession.tmpl`: port, password and update-source leave a two-space line when absent. */
function neighborSession(neighbor: RenderedNeighbor, traits: VersionTraits): string {
  const s = neighbor.session;
  const peer = neighbor.peer;
  let out =
    neighbor.interface !== ''
      ? `\n  neighbor ${neighbor.interface} interface remote-as ${neighbor.remoteAS}`
      : `\n  neighbor ${neighbor.address} remote-as ${neighbor.remoteAS}`;
  if (s.localASN !== 0) out += `\n  neighbor ${peer} local-as ${s.localASN} no-prepend replace-as`;
  if (s.ebgpMultiHop) out += `\n  neighbor ${peer} ebgp-multihop`;
  out += '\n  ' + (s.peerPort !== 0 ? `neighbor ${peer} port ${s.peerPort}` : '');
  if (s.keepaliveTime !== undefined && s.holdTime !== undefined) out += `\n  neighbor ${peer} timers ${s.keepaliveTime} ${s.holdTime}`;
  if (traits.connectTime && s.connectTime !== undefined && s.connectTime !== 0) {
    out += `\n  neighbor ${peer} timers connect ${s.connectTime}`;
  }
  out += '\n  ' + (s.password !== '' ? `neighbor ${peer} password ${s.password}` : '');
  out += '\n  ' + (s.sourceAddress !== '' ? `neighbor ${peer} update-source ${s.sourceAddress}` : '');
  if (s.gracefulRestart) out += `\n  neighbor ${peer} graceful-restart`;
  if (s.bfdProfile !== '') {
    if (traits.bfdEnableLine) out += `\n  neighbor ${peer} bfd`;
    out += `\n  neighbor ${peer} bfd profile ${s.bfdProfile}`;
  }
  if (neighbor.disableConnectedCheck) out += `\n  neighbor ${neighbor.address} disable-connected-check`;
  return out;
}

function neighborFamilies(neighbor: RenderedNeighbor): string {
  return neighbor.activatedFamilies
    .map(
      (family) =>
        `\n  address-family ${family} unicast\n    neighbor ${neighbor.peer} activate\n    neighbor ${neighbor.peer} route-map ${neighbor.inRouteMap.name} in\n    neighbor ${neighbor.peer} route-map ${neighbor.outRouteMap} out\n  exit-address-family`,
    )
    .join('');
}

function networkBlock(family: 'ipv4' | 'ipv6', prefixes: string[]): string {
  if (prefixes.length === 0) return '';
  return `\n  address-family ${family} unicast${prefixes.map((p) => `\n    network ${p}`).join('')}\n  exit-address-family\n`;
}

/** `bfdprofile.tmpl`: every present field is followed by a four-space indent, so the last leaves a blank-looking line. */
function bfdProfile(profile: InternalBfdProfile, traits: VersionTraits): string {
  let out = `\n  profile ${profile.name}\n    `;
  if (profile.receiveInterval) out += `receive-interval ${profile.receiveInterval}\n    `;
  if (profile.transmitInterval) out += `transmit-interval ${profile.transmitInterval}\n    `;
  if (profile.detectMultiplier) out += `detect-multiplier ${profile.detectMultiplier}\n    `;
  if (profile.echoMode) out += 'echo-mode\n    ';
  if (profile.echoInterval) {
    out += traits.splitEchoInterval
      ? `echo receive-interval ${profile.echoInterval}\n    echo transmit-interval ${profile.echoInterval}\n    `
      : `echo-interval ${profile.echoInterval}\n    `;
  }
  if (profile.passiveMode) out += 'passive-mode\n    ';
  if (profile.minimumTtl) out += `minimum-ttl ${profile.minimumTtl}\n    `;
  return out;
}
