/**
 * IPAddressPool checks of `poolsFor` / `addressPoolFromCR`: addresses present and parseable
 * (CIDRs and `a-b` ranges), no duplicate pool names, no CIDR overlapping another anywhere.
 */
import type { Finding } from '../../../types';
import type { IPAddressPool, Located } from '../../../k8s/resources';
import { cidrsOverlap, formatCIDR, parsePoolAddresses, type CIDR } from '../../../metallb/build/ip';
import { nameOf, objectRange, quote, webhookError, type WebhookContext } from './context';

export interface ParsedPoolAddress {
  address: Located<string>;
  cidrs: CIDR[];
}

/** Every pool's parsed addresses (invalid entries left out), for the advertisement checks. */
export function poolAddresses(pool: IPAddressPool): ParsedPoolAddress[] {
  const out: ParsedPoolAddress[] = [];
  for (const address of pool.spec.addresses) {
    const cidrs = parsePoolAddresses(address.value);
    if (typeof cidrs !== 'string') out.push({ address, cidrs });
  }
  return out;
}

export function checkPools(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const allCIDRs: { cidr: CIDR; pool: IPAddressPool }[] = [];
  for (const pool of context.pools) {
    const name = nameOf(pool);
    const prefix = `parsing address pool ${name}: `;
    if (name === '') {
      findings.push(webhookError(pool, objectRange(pool), `${prefix}missing pool name`));
      continue;
    }
    if (pool.spec.addresses.length === 0) {
      findings.push(webhookError(pool, pool.specRange ?? objectRange(pool), `${prefix}pool has no prefixes defined`));
      continue;
    }
    let invalid = false;
    for (const address of pool.spec.addresses) {
      const parsed = parsePoolAddresses(address.value);
      if (typeof parsed === 'string') {
        findings.push(webhookError(pool, address.range, `${prefix}invalid CIDR ${quote(address.value)} in pool ${quote(name)}: ${parsed}`));
        invalid = true;
      }
    }
    if (invalid) continue;
    if (seen.has(name)) {
      findings.push(webhookError(pool, objectRange(pool), `duplicate definition of pool ${quote(name)}`));
      continue;
    }
    seen.add(name);
    for (const { address, cidrs } of poolAddresses(pool)) {
      for (const cidr of cidrs) {
        const clash = allCIDRs.find((other) => cidrsOverlap(cidr, other.cidr));
        if (clash) {
          findings.push(
            webhookError(
              pool,
              address.range,
              `CIDR ${quote(formatCIDR(cidr))} in pool ${quote(name)} overlaps with already defined CIDR ${quote(formatCIDR(clash.cidr))}`,
            ),
          );
          break;
        }
        allCIDRs.push({ cidr, pool });
      }
    }
  }
  return findings;
}
