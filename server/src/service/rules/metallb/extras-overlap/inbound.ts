/**
 * Routes for MetalLB's own LoadBalancer IPs let in from a peer: a prefix-list entry that an
 * inbound (`<ID>-in`) route-map permits through, whose routes fall inside an IPAddressPool
 * MetalLB announces. A peer (or a leak upstream) announcing those addresses gets its route
 * installed on the node: the node's own traffic to those Services leaves towards the peer.
 */
import type { PrefixListEntry } from '../../../frr/model';
import { coveringSet, formatPrefix, maxLength, PrefixIndex, type PrefixRange } from '../../../frr/prefix';
import type { Finding, RelatedLocation, Severity } from '../../../types';
import { describeEntry } from '../../frr/prefixLists';
import type { BlockIndex, BlockOverlap } from './blockIndex';
import { findingAt, matchedLists, type EmbeddedFrrSource } from './source';
import { fileUnder } from '../../../grouping';

interface InboundUse {
  routeMap: string;
  seq: number;
}

/** Lists matched by permit entries of inbound route-maps, keyed `family|name`. */
function inboundLists(source: EmbeddedFrrSource): Map<string, InboundUse[]> {
  const uses = new Map<string, InboundUse[]>();
  for (const routeMap of source.model.routeMaps.values()) {
    if (!routeMap.name.endsWith('-in')) continue;
    for (const entry of routeMap.entries) {
      if (entry.action !== 'permit') continue;
      for (const { family, name } of matchedLists(entry)) {
        const key = `${family}|${name}`;
        fileUnder(uses, key, { routeMap: routeMap.name, seq: entry.seq });
      }
    }
  }
  return uses;
}

export function inboundPoolOverlaps(source: EmbeddedFrrSource, blocks: BlockIndex, code: string, severity: Severity = 'warning'): Finding[] {
  const findings: Finding[] = [];
  for (const [key, uses] of inboundLists(source)) {
    const [family, name] = key.split('|') as ['ipv4' | 'ipv6', string];
    const list = source.model.prefixLists[family].get(name);
    if (!list) continue;
    const earlier = new PrefixIndex<PrefixListEntry>();
    for (const entry of list.entries) {
      if (!entry.match) continue;
      if (entry.action === 'permit') {
        const reached = blocks
          .overlaps(entry.match)
          .filter((overlap) => !coveringSet(overlap.routes, earlier.containing(overlap.routes.prefix)));
        if (reached.length > 0) findings.push(toFinding(source, entry, uses, reached, code, severity));
      }
      earlier.add(entry.match, entry);
    }
  }
  return findings;
}

function lengths(routes: PrefixRange): string {
  return routes.min === routes.max ? `/${routes.min}` : `/${routes.min} to /${routes.max}`;
}

function toFinding(
  source: EmbeddedFrrSource,
  entry: PrefixListEntry,
  uses: InboundUse[],
  reached: BlockOverlap[],
  code: string,
  severity: Severity,
): Finding {
  const usedBy = uses.map((use) => `route-map ${use.routeMap} permit ${use.seq}`).join(', ');
  const parts = reached.map((overlap) => {
    const block = `IPAddressPool "${overlap.block.pool}" (${formatPrefix(overlap.block.prefix)})`;
    if (overlap.coversBlock) return `every route of ${block}`;
    const whole = overlap.routes.max === maxLength(overlap.routes.prefix.family) && overlap.routes.prefix.length === overlap.block.prefix.length;
    return whole ? `routes ${lengths(overlap.routes)} inside ${block}` : `routes ${formatPrefix(overlap.routes.prefix)} ${lengths(overlap.routes)} of ${block}`;
  });
  const related: RelatedLocation[] = reached.map((overlap) => {
    const location: RelatedLocation = {
      range: overlap.block.address.range,
      message: `IPAddressPool "${overlap.block.pool}" address ${overlap.block.address.value}, announced by MetalLB`,
    };
    if (overlap.block.uri !== undefined) location.uri = overlap.block.uri;
    return location;
  });
  return findingAt(source, entry.lineRange, {
    code,
    severity,
    message:
      `prefix-list ${entry.list} seq ${entry.seq} (${describeEntry(entry)}), matched by ${usedBy}, accepts ${parts.join(' and ')}, ` +
      `which MetalLB announces itself: if a peer advertises your own LoadBalancer IPs (a leak or a hijack), the node installs ` +
      `that route and sends its traffic for those Services to the peer (blackhole risk). Deny those prefixes before this entry or narrow it.`,
    related,
  });
}
