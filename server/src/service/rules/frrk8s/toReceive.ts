/**
 * frr-k8s `toReceive.allowed` of each FRRConfiguration neighbor: the `mode`, each prefix's
 * `ge`/`le` as frr-k8s validates them (its messages, `validateSelectorLengths`) and as FRR then
 * loads them (`le`/`ge` at most 32|128), and prefixes that let in routes for the IPAddressPools
 * MetalLB announces.
 */
import type { FrrK8sNeighbor, FrrK8sReceivePrefix, Located, ManifestFile } from '../../k8s/resources';
import { entryRange, formatPrefix, maxLength, parsePrefix } from '../../frr/prefix';
import type { Finding, OffsetRange, RelatedLocation } from '../../types';
import type { BlockIndex, BlockOverlap } from '../metallb/extras-overlap';

export const RANGE_CODE = 'frrk8s/to-receive-range';
export const MODE_CODE = 'frrk8s/to-receive-mode';
export const OVERLAP_CODE = 'frrk8s/to-receive-overlap';

interface NeighborAt {
  neighbor: FrrK8sNeighbor;
  uri?: string;
}

function at(where: NeighborAt, range: OffsetRange, finding: Omit<Finding, 'range' | 'uri'>): Finding {
  const placed: Finding = { ...finding, range };
  if (where.uri !== undefined) placed.uri = where.uri;
  return placed;
}

function neighborName(neighbor: FrrK8sNeighbor): string {
  return neighbor.address?.value ?? neighbor.interface?.value ?? '?';
}

export function checkToReceive(files: readonly ManifestFile[], blocks: BlockIndex): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    for (const resource of file.resources) {
      if (resource.kind !== 'FRRConfiguration') continue;
      for (const router of resource.spec.routers) {
        for (const neighbor of router.neighbors) {
          const allowed = neighbor.toReceive?.allowed;
          if (!allowed) continue;
          const where: NeighborAt = { neighbor, uri: resource.uri ?? file.uri };
          const mode = allowed.mode;
          if (mode && mode.value !== 'all' && mode.value !== 'filtered') {
            findings.push(at(where, mode.range, { code: MODE_CODE, severity: 'error', message: `toReceive.allowed.mode must be "all" or "filtered" (the CRD refuses "${mode.value}").` }));
          }
          if (mode?.value === 'all') {
            findings.push(...modeAll(where, mode, allowed.prefixes, blocks));
            continue;
          }
          for (const item of allowed.prefixes) findings.push(...checkPrefix(where, item, blocks));
        }
      }
    }
  }
  return findings;
}

function modeAll(where: NeighborAt, mode: Located<string>, prefixes: FrrK8sReceivePrefix[], blocks: BlockIndex): Finding[] {
  const out: Finding[] = [];
  if (prefixes.length > 0) {
    out.push(
      at(where, mode.range, {
        code: MODE_CODE,
        severity: 'warning',
        message: `mode: all accepts every route from ${neighborName(where.neighbor)}: the ${prefixes.length} prefix${prefixes.length === 1 ? ' listed is' : 'es listed are'} ignored.`,
        related: prefixes.map((p) => ({ range: (p.prefix ?? p).range, message: `ignored: ${describeItem(p)}`, ...(where.uri !== undefined ? { uri: where.uri } : {}) })),
      }),
    );
  }
  const pools = [...blocks.overlaps(entryRange({ family: 'ipv4', address: 0n, length: 0 }, undefined, 32)), ...blocks.overlaps(entryRange({ family: 'ipv6', address: 0n, length: 0 }, undefined, 128))];
  if (pools.length > 0) {
    out.push(
      at(where, mode.range, {
        code: OVERLAP_CODE,
        severity: 'information',
        message: `mode: all also accepts routes for ${describePools(pools)}, which MetalLB announces: a peer advertising your own LoadBalancer IPs would have them installed on the node.`,
        related: related(pools),
      }),
    );
  }
  return out;
}

/** An item as the user wrote it: `10.0.0.0/8 ge 16 le 24`. */
function describeItem(item: FrrK8sReceivePrefix): string {
  return `${item.prefix?.value ?? ''}${item.ge ? ` ge ${item.ge.value}` : ''}${item.le ? ` le ${item.le.value}` : ''}`;
}

function checkPrefix(where: NeighborAt, item: FrrK8sReceivePrefix, blocks: BlockIndex): Finding[] {
  if (!item.prefix) {
    // frr-k8s decodes the missing field as "", which fails to parse like any other bad CIDR.
    // The item's own range runs to the next line in block style: its first field is the anchor.
    const anchor = [item.ge, item.le].filter((l) => l !== undefined).sort((a, b) => a.range.start - b.range.start)[0];
    return [at(where, anchor?.keyRange ?? item.range, { code: RANGE_CODE, severity: 'error', message: 'toReceive item without a prefix: frr-k8s fails to parse the empty prefix and refuses the configuration.' })];
  }
  const range = item.prefix.range;
  const prefix = parsePrefix(item.prefix.value);
  if (!prefix) {
    return [at(where, range, { code: RANGE_CODE, severity: 'error', message: `failed to parse prefix ${item.prefix.value}: invalid CIDR address (frr-k8s refuses the configuration).` })];
  }
  const ge = item.ge?.value ?? 0;
  const le = item.le?.value ?? 0;
  const problem = lengthProblem(prefix.length, maxLength(prefix.family), ge, le);
  if (problem) {
    const on = problem.on === 'ge' ? item.ge : problem.on === 'le' ? item.le : undefined;
    return [at(where, on?.range ?? range, { code: RANGE_CODE, severity: 'error', message: problem.message })];
  }
  const reached = blocks.overlaps(entryRange(prefix, ge, le));
  if (reached.length === 0) return [];
  const shown = `${formatPrefix(prefix)}${ge ? ` ge ${ge}` : ''}${le ? ` le ${le}` : ''}`;
  return [
    at(where, range, {
      code: OVERLAP_CODE,
      severity: 'warning',
      message: `toReceive prefix ${shown} from ${neighborName(where.neighbor)} accepts routes for ${describePools(reached)}, which MetalLB announces: a peer advertising your own LoadBalancer IPs (a leak or a hijack) would have them installed on the node, sending its traffic for those Services to the peer.`,
      related: related(reached),
    }),
  ];
}

/** frr-k8s's `validateSelectorLengths` (its messages), then FRR's bound that frr-k8s does not check. */
function lengthProblem(mask: number, max: number, ge: number, le: number): { on: 'ge' | 'le' | 'prefix'; message: string } | undefined {
  if (ge === 0 && le === 0) return undefined;
  const refused = ' (frr-k8s refuses the configuration).';
  if (le > 0 && ge > le) return { on: 'ge', message: `invalid selector lengths: ge ${ge} is bigger than le ${le}${refused}` };
  if (le > 0 && mask > le) return { on: 'le', message: `invalid selector lengths: cidr mask ${mask} is bigger than le ${le}${refused}` };
  if (ge > 0 && mask > ge) return { on: 'ge', message: `invalid selector lengths: cidr mask ${mask} is bigger than ge ${ge}${refused}` };
  const tooLong = le > max ? { on: 'le' as const, value: le } : ge > max ? { on: 'ge' as const, value: ge } : undefined;
  if (tooLong) {
    return {
      on: tooLong.on,
      message: `${tooLong.on} ${tooLong.value} is longer than an ${max === 32 ? "IPv4" : "IPv6"} prefix (${max}): frr-k8s accepts it, but FRR rejects the prefix-list line, and the whole reload with it.`,
    };
  }
  return undefined;
}

function describePools(reached: BlockOverlap[]): string {
  const names = [...new Set(reached.map((o) => `IPAddressPool "${o.block.pool}" (${formatPrefix(o.block.prefix)})`))];
  return names.join(', ');
}

function related(reached: BlockOverlap[]): RelatedLocation[] {
  return reached.map((o) => ({
    range: o.block.address.range,
    message: `IPAddressPool "${o.block.pool}" address ${o.block.address.value}`,
    ...(o.block.uri !== undefined ? { uri: o.block.uri } : {}),
  }));
}
