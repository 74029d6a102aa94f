/**
 * Announced blocks searchable from a prefix-list entry in both directions: blocks that contain the
 * entry's prefix (a PrefixIndex lookup per stored length) and blocks inside it (a binary search
 * over blocks sorted by address), so checking n entries against m blocks costs O((n + k) log m)
 * rather than n × m.
 */
import { maxLength, PrefixIndex, type Prefix, type PrefixRange } from '../../../frr/prefix';
import { partitionPoint } from '../../../frr/bisect';
import type { AnnouncedBlock } from './pools';

/** The part of an entry's routes that lies inside a block, and whether it is all of the block's routes. */
export interface BlockOverlap {
  block: AnnouncedBlock;
  routes: PrefixRange;
  coversBlock: boolean;
}

export class BlockIndex {
  private readonly containing = new PrefixIndex<AnnouncedBlock>();
  private readonly sorted: AnnouncedBlock[];

  constructor(blocks: readonly AnnouncedBlock[]) {
    for (const block of blocks) this.containing.add({ prefix: block.prefix, min: block.prefix.length, max: block.prefix.length }, block);
    this.sorted = [...blocks].sort((a, b) => compareBlocks(a.prefix, b.prefix));
  }

  /** Every block some route of `range` falls inside. */
  overlaps(range: PrefixRange): BlockOverlap[] {
    const out: BlockOverlap[] = [];
    const seen = new Set<AnnouncedBlock>();
    for (const { value: block } of this.containing.containing(range.prefix)) {
      seen.add(block);
      // The entry's prefix lies inside the block: every route it matches is one of the block's.
      out.push({ block, routes: range, coversBlock: block.prefix.length === range.prefix.length && range.min <= block.prefix.length && range.max === maxLength(range.prefix.family) });
    }
    for (const block of this.within(range.prefix)) {
      if (seen.has(block)) continue;
      const min = Math.max(range.min, block.prefix.length);
      if (range.max < min) continue;
      out.push({
        block,
        routes: { prefix: block.prefix, min, max: range.max },
        coversBlock: range.min <= block.prefix.length && range.max === maxLength(block.prefix.family),
      });
    }
    return out;
  }

  /** Blocks whose prefix lies inside `prefix` (longer or equal length, same network bits). */
  private within(prefix: Prefix): AnnouncedBlock[] {
    const width = BigInt(maxLength(prefix.family) - prefix.length);
    const first = (prefix.address >> width) << width;
    const last = first + (1n << width) - 1n;
    const start = { family: prefix.family, address: first, length: 0 };
    const lo = partitionPoint(0, this.sorted.length, (i) => compareBlocks(this.sorted[i].prefix, start) < 0);
    const out: AnnouncedBlock[] = [];
    for (let i = lo; i < this.sorted.length; i++) {
      const candidate = this.sorted[i].prefix;
      if (candidate.family !== prefix.family || candidate.address > last) break;
      if (candidate.length >= prefix.length) out.push(this.sorted[i]);
    }
    return out;
  }
}

function compareBlocks(a: Prefix, b: Prefix): number {
  if (a.family !== b.family) return a.family === 'ipv4' ? -1 : 1;
  if (a.address !== b.address) return a.address < b.address ? -1 : 1;
  return a.length - b.length;
}
