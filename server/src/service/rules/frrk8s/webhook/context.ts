/**
 * What the `frrk8s/webhook` checks share: the FRRConfiguration being checked with its file, the
 * finding constructor, and frr-k8s's names for routers and neighbors as its error messages print
 * them (`api_to_config.go` `neighborName`, `%d-%s` for a router).
 */
import type { FRRConfiguration, FrrK8sNeighbor, FrrK8sRouter, Located } from '../../../k8s/resources';
import { parseCIDR, parseIP } from '../../../metallb/build/ip';
import type { Finding, OffsetRange, Severity } from '../../../types';

export const WEBHOOK_CODE = 'frrk8s/webhook';

export interface PlacedConfiguration {
  resource: FRRConfiguration;
  uri?: string;
}

export function webhookFinding(at: PlacedConfiguration, range: OffsetRange, message: string, severity: Severity = 'error'): Finding {
  const finding: Finding = { code: WEBHOOK_CODE, severity, range, message };
  if (at.uri !== undefined) finding.uri = at.uri;
  return finding;
}

/** `asnFor`: the dynamic ASN when set, else the number (0 when missing). */
export function asnFor(n: FrrK8sNeighbor): string {
  return n.dynamicASN?.value || String(n.asn?.value ?? 0);
}

/** `neighborName`: `<asn>@<address>`, or `<asn>@<interface>` without an address. */
export function neighborName(n: FrrK8sNeighbor): string {
  return `${asnFor(n)}@${n.address?.value || (n.interface?.value ?? '')}`;
}

/** `router %d-%s`: ASN and VRF (empty for the default VRF). */
export function routerName(r: FrrK8sRouter): string {
  return `${r.asn?.value ?? 0}-${r.vrf?.value ?? ''}`;
}

/** The prefix of every error `routerToFRRConfig` returns for a neighbor. */
export function neighborContext(r: FrrK8sRouter, n: FrrK8sNeighbor): string {
  return `failed to process neighbor ${neighborName(n)} for router ${routerName(r)}: `;
}

/** Go's `%s` of a `[]string`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

/** `ipfamily.ForCIDRString`: undefined when `net.ParseCIDR` fails, else the family of the written address. */
export function cidrFamily(text: string): 'ipv4' | 'ipv6' | undefined {
  if (!parseCIDR(text)) return undefined;
  // Go asks the address (`To4`), so an IPv4-mapped IPv6 prefix counts as IPv4.
  return parseIP(text.slice(0, text.indexOf('/')))?.v6 ? 'ipv6' : 'ipv4';
}

/** Where a finding about a whole list item goes: its first field's key, in source order, or the item. */
export function itemAnchor(fields: readonly (Located<unknown> | undefined)[], item: OffsetRange): OffsetRange {
  const first = fields.filter((f): f is Located<unknown> => f !== undefined).sort((a, b) => a.range.start - b.range.start)[0];
  return first ? (first.keyRange ?? first.range) : item;
}
