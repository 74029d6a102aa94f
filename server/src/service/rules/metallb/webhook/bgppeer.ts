/**
 * BGPPeer checks of MetalLB's `peerFromCR` and `parseTimers` (run by the BGPPeer webhook for
 * every peer), plus the CRD's CEL rules on `connectTime`. Messages carry MetalLB's
 * "parsing peer <name> " prefix, as `kubectl apply` prints them.
 */
import type { Finding, OffsetRange } from '../../../types';
import type { BGPPeer, Located } from '../../../k8s/resources';
import { parseGoDuration, type DurationResult } from '../../../k8s/duration';
import { parseIP } from '../../../metallb/build/ip';
import { nameOf, objectRange, quote, unresolvedReference, webhookError, type WebhookContext } from './context';

export function checkBGPPeers(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const profileNames = new Set(context.bfdProfiles.map(nameOf));
  for (const peer of context.peers) {
    const error = peerError(peer);
    if (error) findings.push(webhookError(peer, error.range, `parsing peer ${nameOf(peer)} ${error.message}`));
    const profile = peer.spec.bfdProfile;
    if (!error && profile && profile.value !== '' && !profileNames.has(profile.value)) {
      findings.push(
        unresolvedReference(peer, profile.range, `peer ${nameOf(peer)} referencing non existing bfd profile ${profile.value}`),
      );
    }
    findings.push(...connectTimeErrors(peer));
  }
  return findings;
}

interface PeerError {
  range: OffsetRange;
  message: string;
}

/** The first error `peerFromCR` returns, in its order of checks. */
function peerError(peer: BGPPeer): PeerError | undefined {
  const spec = peer.spec;
  const anchor = objectRange(peer);
  const myASN = spec.myASN?.value ?? 0;
  const peerASN = spec.peerASN?.value ?? 0;
  const dynamicASN = spec.dynamicASN?.value ?? '';
  const qualified = `${quote(peer.metadata.namespace?.value ?? '')}/${quote(nameOf(peer))}`;
  if (myASN === 0) return { range: spec.myASN?.range ?? anchor, message: 'missing local ASN' };
  if (peerASN === 0 && dynamicASN === '') {
    return { range: spec.peerASN?.range ?? anchor, message: 'missing peer ASN and dynamicASN' };
  }
  if (peerASN !== 0 && dynamicASN !== '') {
    return { range: spec.dynamicASN?.range ?? anchor, message: 'both peer ASN and dynamicASN specified' };
  }
  if (dynamicASN !== '' && dynamicASN !== 'internal' && dynamicASN !== 'external') {
    return { range: spec.dynamicASN?.range ?? anchor, message: `invalid dynamicASN ${dynamicASN}` };
  }
  if (peerASN === myASN && spec.ebgpMultiHop?.value === true) {
    return { range: spec.ebgpMultiHop.range, message: 'invalid ebgp-multihop parameter set for an ibgp peer' };
  }
  const address = spec.peerAddress?.value ?? '';
  const iface = spec.interface?.value ?? '';
  if (address === '' && iface === '') return { range: anchor, message: 'peer has no Address or Interface specified' };
  if (address !== '' && iface !== '') {
    return { range: spec.interface?.range ?? anchor, message: 'peer has both Address and Interface specified' };
  }
  if (/[\n\r]/.test(iface)) {
    return { range: spec.interface?.range ?? anchor, message: `interface for peer ${qualified} contains invalid characters` };
  }
  const timers = timersError(spec.holdTime, spec.keepaliveTime);
  if (timers) return { range: timers.range, message: `invalid BGPPeer timers: ${timers.message}` };
  if (address !== '' && !parseIP(address)) {
    return { range: spec.peerAddress?.range ?? anchor, message: `invalid BGPPeer address ${quote(address)}` };
  }
  const routerID = spec.routerID?.value ?? '';
  if (routerID !== '' && !parseIP(routerID)) {
    return { range: spec.routerID?.range ?? anchor, message: `invalid router ID ${quote(routerID)}` };
  }
  const source = spec.sourceAddress?.value ?? '';
  if (source !== '' && !parseIP(source)) {
    return { range: spec.sourceAddress?.range ?? anchor, message: `invalid source IP ${quote(source)}` };
  }
  const secretName = spec.passwordSecret?.name?.value ?? '';
  if ((spec.password?.value ?? '') !== '' && secretName !== '') {
    return {
      range: spec.passwordSecret?.range ?? anchor,
      message: `can not have both password and secret ref set in peer config ${qualified}`,
    };
  }
  if (/[\n\r]/.test(spec.password?.value ?? '')) {
    return { range: spec.password?.range ?? anchor, message: `password for peer ${qualified} contains invalid characters` };
  }
  if (/[\n\r]/.test(spec.vrf?.value ?? '')) {
    return { range: spec.vrf?.range ?? anchor, message: `VRF name for peer ${qualified} contains invalid characters` };
  }
  return undefined;
}

/** Go's `%q` of a `*metav1.Duration`: the duration printed back, or `<nil>` when absent. */
function goDurationQuote(parsed: DurationResult | undefined): string {
  if (!parsed || !parsed.ok) return '<nil>';
  return quote(formatGoDuration(parsed.nanoseconds));
}

/** `time.Duration.String()` for whole milliseconds and above, which is what users write. */
export function formatGoDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0s';
  const sign = nanoseconds < 0 ? '-' : '';
  let rest = Math.abs(nanoseconds);
  if (rest < 1e9) {
    if (rest >= 1e6) return `${sign}${trimZeros(rest / 1e6)}ms`;
    if (rest >= 1e3) return `${sign}${trimZeros(rest / 1e3)}µs`;
    return `${sign}${rest}ns`;
  }
  const hours = Math.floor(rest / 3600e9);
  rest -= hours * 3600e9;
  const minutes = Math.floor(rest / 60e9);
  rest -= minutes * 60e9;
  const seconds = `${trimZeros(rest / 1e9)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function trimZeros(value: number): string {
  return String(Number(value.toFixed(9)));
}

/** `parseTimers`: hold time 0 or ≥ 3 s (after rounding down to seconds), keepalive ≤ hold. */
function timersError(hold?: Located<string>, keepalive?: Located<string>): PeerError | undefined {
  if (!hold && !keepalive) return undefined;
  const holdParsed = hold ? parseGoDuration(hold.value) : undefined;
  const keepaliveParsed = keepalive ? parseGoDuration(keepalive.value) : undefined;
  if (hold && holdParsed && !holdParsed.ok) return { range: hold.range, message: holdParsed.error };
  if (keepalive && keepaliveParsed && !keepaliveParsed.ok) return { range: keepalive.range, message: keepaliveParsed.error };
  const holdNs = holdParsed?.ok ? holdParsed.nanoseconds : undefined;
  const keepaliveNs = keepaliveParsed?.ok ? keepaliveParsed.nanoseconds : undefined;
  const effectiveHold = holdNs ?? (keepaliveNs ?? 0) * 3;
  const effectiveKeepalive = keepaliveNs ?? Math.trunc((holdNs ?? 0) / 3);
  const roundedSeconds = Math.trunc(effectiveHold / 1e9);
  if (roundedSeconds !== 0 && roundedSeconds < 3) {
    return {
      range: (hold ?? keepalive)!.range,
      message: `invalid hold time ${goDurationQuote(holdParsed)}: must be 0 or >=3s`,
    };
  }
  if (effectiveKeepalive > effectiveHold) {
    return {
      range: (keepalive ?? hold)!.range,
      message: `invalid keepaliveTime ${goDurationQuote(keepaliveParsed)}, must be lower than holdTime ${goDurationQuote(holdParsed)}`,
    };
  }
  return undefined;
}

/** The CRD's CEL rules on `connectTime` (the API server reports every failing rule). */
function connectTimeErrors(peer: BGPPeer): Finding[] {
  const connectTime = peer.spec.connectTime;
  if (!connectTime) return [];
  const parsed = parseGoDuration(connectTime.value);
  const field = 'spec.connectTime';
  if (!parsed.ok) {
    return [webhookError(peer, connectTime.range, `${field}: Invalid value: "${connectTime.value}": ${field} in body must be of type duration: "${connectTime.value}"`)];
  }
  const findings: Finding[] = [];
  const seconds = Math.trunc(parsed.nanoseconds / 1e9);
  if (seconds < 1 || seconds > 65535) {
    findings.push(webhookError(peer, connectTime.range, `${field}: Invalid value: "string": connect time should be between 1 seconds to 65535`));
  }
  if (Math.trunc(parsed.nanoseconds / 1e6) % 1000 !== 0) {
    findings.push(webhookError(peer, connectTime.range, `${field}: Invalid value: "string": connect time should contain a whole number of seconds`));
  }
  return findings;
}
