/**
 * frr-k8s `nextHopToFRR`: `toAdvertise.nextHop.ipv4` must be an IPv4 address (Go's `To4()`, so an
 * IPv4-mapped IPv6 address counts) and `ipv6` an IPv6 one, each for a family the neighbor carries
 * (its address's, or both when dual-stack or unnumbered; `addressFamilies` plays no part).
 */
import type { Located } from '../../../k8s/resources';
import { parseIP } from '../../../metallb/build/ip';
import type { IPFamily } from '../../../metallb/frrk8s/model';
import type { Finding } from '../../../types';
import { neighborContext, neighborName, webhookFinding } from './context';
import type { NeighborAt } from './neighbor';

/** `families`: the neighbor's, or undefined when frr-k8s stops before its toAdvertise. */
export function checkNextHop(where: NeighborAt, families: readonly IPFamily[] | undefined): Finding[] {
  const nextHop = where.neighbor.toAdvertise?.nextHop;
  if (!nextHop || !families) return [];
  return [...check(where, families, 'ipv4', nextHop.ipv4), ...check(where, families, 'ipv6', nextHop.ipv6)];
}

function check(where: NeighborAt, families: readonly IPFamily[], family: IPFamily, field: Located<string> | undefined): Finding[] {
  if (!field || field.value === '') return [];
  const name = neighborName(where.neighbor);
  const refuse = (message: string) => [webhookFinding(where.at, field.range, `${neighborContext(where.router, where.neighbor)}${message}`)];
  const ip = parseIP(field.value);
  if (!ip || ip.v6 !== (family === 'ipv6')) return refuse(`invalid ${family} next hop ${JSON.stringify(field.value)} for neighbor ${name}`);
  if (!families.includes(family)) {
    const other = family === 'ipv4' ? 'IPv6' : 'IPv4';
    return refuse(
      `${family} next hop ${JSON.stringify(field.value)} set for neighbor ${name} without an ${family} address family ` +
        `(the ${other} neighbor carries ${other} only: remove nextHop.${family}, or set dualStackAddressFamily: true)`,
    );
  }
  return [];
}
