/**
 * The checks of frr-k8s `neighborToFRR` on one neighbor, with its messages: address vs interface,
 * the address family, the BFD profile (looked up in the same FRRConfiguration only), ASN vs
 * dynamicASN, `parseTimers`, and cleartext password vs secret. Also what stops the object before
 * the webhook: a duration Go cannot parse, and the CRD's CEL rules on `connectTime`.
 */
import type { FrrK8sNeighbor, FrrK8sRouter, Located } from '../../../k8s/resources';
import { parseGoDuration } from '../../../k8s/duration';
import { parseIP } from '../../../metallb/build/ip';
import type { IPFamily } from '../../../metallb/frrk8s/model';
import type { Finding, OffsetRange } from '../../../types';
import { formatGoDuration } from '../../metallb/webhook/bgppeer';
import { asnFor, itemAnchor, neighborContext, neighborName, webhookFinding, type PlacedConfiguration } from './context';

export interface NeighborAt {
  at: PlacedConfiguration;
  router: FrrK8sRouter;
  neighbor: FrrK8sNeighbor;
  /** `spec.bgp.routers[i].neighbors[j]`, as the API server names the field. */
  path: string;
}

/**
 * The families the neighbor carries (both when dual-stack or unnumbered), or undefined when
 * frr-k8s stops before looking at what it advertises (no usable address or interface).
 */
export function neighborFamilies(n: FrrK8sNeighbor): IPFamily[] | undefined {
  const address = n.address?.value ?? '';
  const iface = n.interface?.value ?? '';
  if ((address === '') === (iface === '')) return undefined;
  const ip = address === '' ? undefined : parseIP(address);
  if (address !== '' && !ip) return undefined;
  if (iface !== '' || n.dualStackAddressFamily?.value === true) return ['ipv4', 'ipv6'];
  return [ip?.v6 ? 'ipv6' : 'ipv4'];
}

export function checkNeighbor(where: NeighborAt, bfdProfiles: ReadonlySet<string>): Finding[] {
  const { neighbor: n } = where;
  const findings: Finding[] = [];
  const refuse = (range: OffsetRange, message: string) => findings.push(webhookFinding(where.at, range, `${neighborContext(where.router, n)}${message}`));
  const anchor = itemAnchor([n.asn, n.dynamicASN, n.address, n.interface], n.range);
  const name = neighborName(n);

  const address = n.address?.value ?? '';
  const iface = n.interface?.value ?? '';
  if (address === '' && iface === '') refuse(anchor, `neighbor with ASN ${asnFor(n)} has no address and no interface`);
  else if (address !== '' && iface !== '') refuse(n.interface?.range ?? anchor, `neighbor ${name} has both Address and Interface specified`);
  else if (address !== '' && !parseIP(address)) {
    refuse(n.address?.range ?? anchor, `failed to find ipfamily for ${address}, IPFamilyForAddresses: Invalid address [${JSON.stringify(address)}]`);
  }

  const profile = n.bfdProfile?.value ?? '';
  if (profile !== '' && !bfdProfiles.has(profile)) {
    refuse(n.bfdProfile?.range ?? anchor, `neighbor ${name} referencing non existing BFDProfile ${profile} (frr-k8s looks for it in this FRRConfiguration's bfdProfiles only)`);
  }

  const asn = n.asn?.value ?? 0;
  const dynamic = n.dynamicASN?.value ?? '';
  if (asn === 0 && dynamic === '') refuse(n.asn?.range ?? anchor, `neighbor ${name} has no ASN or DynamicASN specified`);
  else if (asn !== 0 && dynamic !== '') refuse(n.dynamicASN?.range ?? anchor, `neighbor ${name} has both ASN and DynamicASN specified`);
  else if (dynamic !== '' && dynamic !== 'internal' && dynamic !== 'external') {
    refuse(n.dynamicASN?.range ?? anchor, `neighbor ${name} has invalid DynamicASN ${dynamic} specified, must be one of internal,external`);
  }

  findings.push(...timerFindings(where));

  if ((n.password?.value ?? '') !== '' && (n.passwordSecret?.name?.value ?? '') !== '') {
    refuse(
      n.passwordSecret?.name?.range ?? anchor,
      `neighbor ${name} specifies both cleartext password and secret ref (the webhook admits it, as it ignores secret references, but frr-k8s then refuses the configuration and keeps the node's previous one)`,
    );
  }
  return findings;
}

/** A duration field Go could parse. */
interface Duration {
  field: Located<string>;
  nanoseconds: number;
}

/** Go's `%q` of a `*metav1.Duration`. */
function quoted(d: Duration): string {
  return JSON.stringify(formatGoDuration(d.nanoseconds));
}

function timerFindings(where: NeighborAt): Finding[] {
  const { neighbor: n } = where;
  // A duration Go cannot parse fails the decoding of the object, before any validation.
  const unparsable: Finding[] = [];
  const read = (field: Located<string> | undefined): Duration | undefined => {
    if (!field) return undefined;
    const parsed = parseGoDuration(field.value);
    if (parsed.ok) return { field, nanoseconds: parsed.nanoseconds };
    unparsable.push(webhookFinding(where.at, field.range, parsed.error));
    return undefined;
  };
  const hold = read(n.holdTime);
  const keepalive = read(n.keepaliveTime);
  const connect = read(n.connectTime);
  if (unparsable.length > 0) return unparsable;

  const findings = connect ? connectTimeRules(where, connect) : [];
  const refuse = (range: OffsetRange, message: string) =>
    findings.push(webhookFinding(where.at, range, `${neighborContext(where.router, n)}invalid timers for neighbor ${neighborName(n)}, err: ${message}`));
  if (hold && keepalive) {
    const roundedSeconds = Math.trunc(hold.nanoseconds / 1e9);
    if (roundedSeconds !== 0 && roundedSeconds < 3) refuse(hold.field.range, `invalid hold time ${quoted(hold)}: must be 0 or >=3s`);
    else if (keepalive.nanoseconds > hold.nanoseconds) {
      refuse(keepalive.field.range, `invalid keepaliveTime ${quoted(keepalive)}, must be lower than holdTime ${quoted(hold)}`);
    }
  } else {
    const alone = hold ?? keepalive;
    if (alone) refuse(alone.field.range, 'one of KeepaliveTime/HoldTime specified, both must be set or none');
  }
  return findings;
}

/** The CRD's CEL rules on `connectTime` (the API server reports every failing rule). */
function connectTimeRules(where: NeighborAt, connect: Duration): Finding[] {
  const field = `${where.path}.connectTime`;
  const findings: Finding[] = [];
  const seconds = Math.trunc(connect.nanoseconds / 1e9);
  if (seconds < 1 || seconds > 65535) {
    findings.push(webhookFinding(where.at, connect.field.range, `${field}: Invalid value: "string": connect time should be between 1 seconds to 65535`));
  }
  if (Math.trunc(connect.nanoseconds / 1e6) % 1000 !== 0) {
    findings.push(webhookFinding(where.at, connect.field.range, `${field}: Invalid value: "string": connect time should contain a whole number of seconds`));
  }
  return findings;
}
