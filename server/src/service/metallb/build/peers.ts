/**
 * BGPPeer → session parameters (MetalLB `peerFromCR` + the speaker's `syncPeers`): the checks that
 * make MetalLB refuse a peer, password resolution from Secrets, timer derivation, and whether the
 * peer's nodeSelectors pick the node.
 */
import type { InternalSession } from '../internal';
import { parseGoDuration } from '../../k8s/duration';
import { anySelectorMatches, selectorError } from '../../k8s/selectors';
import type { MetallbInputs, PeerInput } from './inputs';
import { formatIP, parseIP } from './ip';
import { deriveTimers, wholeSeconds } from './timers';

export type SessionWithoutAds = Omit<InternalSession, 'advertised'>;

export interface PeerSession {
  peer: PeerInput;
  session: SessionWithoutAds;
}

const BASIC_AUTH = 'kubernetes.io/basic-auth';

function secretPassword(peer: PeerInput, inputs: MetallbInputs): string | { error: string } {
  const secret = inputs.secrets.get(peer.passwordSecret);
  if (!secret) return { error: `secret ref not found for peer config "${peer.name}"` };
  if (secret.type !== BASIC_AUTH) {
    return { error: `secret type mismatch on "${peer.passwordSecret}", type "${BASIC_AUTH}" is expected` };
  }
  if (!Object.prototype.hasOwnProperty.call(secret.values, 'password')) {
    return { error: `password not specified in the secret "${peer.passwordSecret}"` };
  }
  return secret.values.password;
}

/** The session a peer yields, or the reason MetalLB rejects the peer (and with it the whole configuration). */
export function sessionForPeer(peer: PeerInput, inputs: MetallbInputs): SessionWithoutAds | { error: string } {
  const fail = (message: string) => ({ error: `parsing peer ${peer.name}: ${message}` });
  if (peer.myASN === 0) return fail('missing local ASN');
  if (peer.peerASN === 0 && peer.dynamicASN === '') return fail('missing peer ASN and dynamicASN');
  if (peer.peerASN !== 0 && peer.dynamicASN !== '') return fail('both peer ASN and dynamicASN specified');
  if (peer.dynamicASN !== '' && peer.dynamicASN !== 'internal' && peer.dynamicASN !== 'external') {
    return fail(`invalid dynamicASN ${peer.dynamicASN}`);
  }
  if (peer.peerASN === peer.myASN && peer.ebgpMultiHop) {
    return fail('invalid ebgp-multihop parameter set for an ibgp peer');
  }
  if (peer.address === '' && peer.iface === '') return fail('peer has no Address or Interface specified');
  if (peer.address !== '' && peer.iface !== '') return fail('peer has both Address and Interface specified');
  if (/[\r\n]/.test(peer.iface)) return fail('interface contains invalid characters');

  // MetalLB's conversion webhook turns a v1beta1 peer's value-typed timers into set pointers, unset meaning 0s.
  const timers =
    peer.apiVersion === 'v1beta1'
      ? deriveTimers(peer.holdTime ?? '0s', peer.keepaliveTime ?? '0s')
      : deriveTimers(peer.holdTime, peer.keepaliveTime);
  if (typeof timers === 'string') return fail(`invalid BGPPeer timers: ${timers}`);

  const address = peer.address === '' ? undefined : parseIP(peer.address);
  if (peer.address !== '' && !address) return fail(`invalid BGPPeer address "${peer.address}"`);
  const routerID = peer.routerID === '' ? undefined : parseIP(peer.routerID);
  if (peer.routerID !== '' && !routerID) return fail(`invalid router ID "${peer.routerID}"`);
  const source = peer.sourceAddress === '' ? undefined : parseIP(peer.sourceAddress);
  if (peer.sourceAddress !== '' && !source) return fail(`invalid source IP "${peer.sourceAddress}"`);
  for (const selector of peer.nodeSelectors) {
    const problem = selectorError(selector);
    if (problem) return fail(`failed to convert node selector: ${problem}`);
  }
  if (peer.password !== '' && peer.passwordSecret !== '') {
    return fail('can not have both password and secret ref set in peer config');
  }
  if (/[\r\n]/.test(peer.password)) return fail('password contains invalid characters');
  let password = peer.password;
  if (peer.passwordSecret !== '') {
    const fromSecret = secretPassword(peer, inputs);
    if (typeof fromSecret !== 'string') return fail(fromSecret.error);
    if (/[\r\n]/.test(fromSecret)) return fail('password secret contains invalid characters');
    password = fromSecret;
  }
  if (/[\r\n]/.test(peer.vrf)) return fail('VRF name contains invalid characters');
  if (peer.bfdProfile !== '' && !inputs.bfdProfiles.some((p) => p.name === peer.bfdProfile)) {
    return fail(`peer ${peer.name} referencing non existing bfd profile ${peer.bfdProfile}`);
  }
  let connectTime: number | undefined;
  if (peer.connectTime !== undefined) {
    const parsed = parseGoDuration(peer.connectTime);
    if (!parsed.ok) return fail(`invalid connectTime "${peer.connectTime}": ${parsed.error}`);
    connectTime = wholeSeconds(parsed.nanoseconds);
  }

  const session: SessionWithoutAds = {
    peerAddress: address ? formatIP(address) : '',
    peerInterface: peer.iface,
    peerPort: peer.port,
    myASN: peer.myASN,
    peerASN: peer.peerASN,
    dynamicASN: peer.dynamicASN === 'internal' || peer.dynamicASN === 'external' ? peer.dynamicASN : '',
    localASN: peer.localASN,
    routerID: routerID ? formatIP(routerID) : '',
    sourceAddress: source ? formatIP(source) : '',
    vrf: peer.vrf,
    password,
    bfdProfile: peer.bfdProfile,
    ebgpMultiHop: peer.ebgpMultiHop,
    gracefulRestart: peer.gracefulRestart,
    dualStackAddressFamily: peer.dualStackAddressFamily,
  };
  if (timers.holdTime !== undefined) session.holdTime = timers.holdTime;
  if (timers.keepaliveTime !== undefined) session.keepaliveTime = timers.keepaliveTime;
  if (connectTime !== undefined) session.connectTime = connectTime;
  return session;
}

/** `syncPeers`: a peer runs on the node when one of its nodeSelectors matches (none = every node). */
export function peerSelectsNode(peer: PeerInput, nodeLabels: Record<string, string>): boolean {
  return anySelectorMatches(peer.nodeSelectors, nodeLabels);
}
