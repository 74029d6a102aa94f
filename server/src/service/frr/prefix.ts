/**
 * IPv4 and IPv6 prefixes as FRR's prefix-lists see them: parsing (host bits kept so rules can
 * point at them), masking, formatting, containment, and the length ranges `ge`/`le` select.
 * Addresses are bigints so both families share one code path.
 */

export type Family = 'ipv4' | 'ipv6';

export interface Prefix {
  family: Family;
  address: bigint;
  length: number;
}

/** The routes one prefix-list entry matches: inside `prefix`, with a length in [min, max]. */
export interface PrefixRange {
  prefix: Prefix;
  min: number;
  max: number;
}

export function maxLength(family: Family): number {
  return family === 'ipv4' ? 32 : 128;
}

function allOnes(bits: number): bigint {
  return (1n << BigInt(bits)) - 1n;
}

function netmask(family: Family, length: number): bigint {
  const width = maxLength(family);
  return allOnes(width) ^ allOnes(width - length);
}

const DECIMAL = /^\d{1,3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseHextets(groups: string[]): bigint[] | undefined {
  const out: bigint[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else {
      if (!HEXTET.test(group)) return undefined;
      out.push(BigInt(parseInt(group, 16)));
    }
  }
  return out;
}

function parseIpv6(text: string): bigint | undefined {
  if (text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let hextets: bigint[];
  if (halves.length === 2) {
    const head = halves[0] === '' ? [] : parseHextets(halves[0].split(':'));
    const tail = halves[1] === '' ? [] : parseHextets(halves[1].split(':'));
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    hextets = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    const all = parseHextets(text.split(':'));
    if (!all || all.length !== 8) return undefined;
    hextets = all;
  }
  return hextets.reduce((acc, h) => (acc << 16n) | h, 0n);
}

export function parseAddress(text: string): { family: Family; address: bigint } | undefined {
  if (text.includes(':')) {
    const address = parseIpv6(text);
    return address === undefined ? undefined : { family: 'ipv6', address };
  }
  const address = parseIpv4(text);
  return address === undefined ? undefined : { family: 'ipv4', address };
}

/** Parses `A.B.C.D/M` or `X:X::X:X/M`, keeping host bits as written. */
export function parsePrefix(text: string): Prefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const lengthText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText)) return undefined;
  const parsed = parseAddress(text.slice(0, slash));
  if (!parsed) return undefined;
  const length = Number(lengthText);
  if (length > maxLength(parsed.family)) return undefined;
  return { family: parsed.family, address: parsed.address, length };
}

export function maskPrefix(prefix: Prefix): Prefix {
  return { ...prefix, address: prefix.address & netmask(prefix.family, prefix.length) };
}

export function hasHostBits(prefix: Prefix): boolean {
  return (prefix.address & netmask(prefix.family, prefix.length)) !== prefix.address;
}

function formatIpv4(address: bigint): string {
  const octets: number[] = [];
  for (let shift = 24n; shift >= 0n; shift -= 8n) octets.push(Number((address >> shift) & 0xffn));
  return octets.join('.');
}

/** RFC 5952 text: lowercase, the longest run (≥ 2) of zero groups compressed. */
function formatIpv6(address: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((address >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function formatAddress(family: Family, address: bigint): string {
  return family === 'ipv4' ? formatIpv4(address) : formatIpv6(address);
}

export function formatPrefix(prefix: Prefix): string {
  return `${formatAddress(prefix.family, prefix.address)}/${prefix.length}`;
}

export function samePrefix(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.length === b.length && a.address === b.address;
}

/** Every address of `inner` lies in `outer` (both compared masked). */
export function prefixContains(outer: Prefix, inner: Prefix): boolean {
  if (outer.family !== inner.family || outer.length > inner.length) return false;
  const mask = netmask(outer.family, outer.length);
  return (outer.address & mask) === (inner.address & mask);
}

export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return prefixContains(a, b) || prefixContains(b, a);
}

/**
 * The routes a prefix-list entry matches (lib/plist.c `prefix_list_entry_match`): without ge/le
 * only the exact length; `le` alone spans [len, le]; `ge` alone spans [ge, max]. FRR stores an
 * absent bound as 0, so `ge 0` / `le 0` count as absent.
 */
export function entryRange(prefix: Prefix, ge?: number, le?: number): PrefixRange {
  const masked = maskPrefix(prefix);
  const hasGe = ge !== undefined && ge !== 0;
  const hasLe = le !== undefined && le !== 0;
  if (!hasGe && !hasLe) return { prefix: masked, min: masked.length, max: masked.length };
  return {
    prefix: masked,
    min: hasGe ? ge : masked.length,
    max: hasLe ? le : maxLength(masked.family),
  };
}

/** `permit any`: every route of the family. */
export function anyRange(family: Family): PrefixRange {
  return { prefix: { family, address: 0n, length: 0 }, min: 0, max: maxLength(family) };
}

/** Every route `inner` matches is matched by `outer`. */
export function rangeCovers(outer: PrefixRange, inner: PrefixRange): boolean {
  return prefixContains(outer.prefix, inner.prefix) && outer.min <= inner.min && inner.max <= outer.max;
}

/**
 * Ranges indexed by their prefix, answering "which stored ranges contain this prefix" with one
 * hash lookup per distinct stored prefix length (at most 33 or 129, usually a handful) instead
 * of comparing against every stored range.
 */
export class PrefixIndex<T> {
  private readonly byKey = new Map<string, { range: PrefixRange; value: T }[]>();
  private readonly lengths: number[] = [];

  add(range: PrefixRange, value: T): void {
    const key = indexKey(range.prefix);
    let bucket = this.byKey.get(key);
    if (!bucket) {
      bucket = [];
      this.byKey.set(key, bucket);
      if (!this.lengths.includes(range.prefix.length)) {
        this.lengths.push(range.prefix.length);
        this.lengths.sort((a, b) => a - b);
      }
    }
    bucket.push({ range, value });
  }

  /** Stored entries whose prefix contains `prefix`, shortest prefix first, insertion order within one prefix. */
  containing(prefix: Prefix): { range: PrefixRange; value: T }[] {
    const out: { range: PrefixRange; value: T }[] = [];
    for (const length of this.lengths) {
      if (length > prefix.length) break;
      const bucket = this.byKey.get(indexKey(maskPrefix({ ...prefix, length })));
      if (bucket) for (const stored of bucket) out.push(stored);
    }
    return out;
  }
}

function indexKey(prefix: Prefix): string {
  return `${prefix.family}|${prefix.length}|${prefix.address.toString(16)}`;
}

/**
 * Whether the union of `covers` matches every route of `target`. Only ranges whose prefix
 * contains the target's prefix can be combined (they then slice it by length); returns the
 * ranges used, or undefined when some length of the target stays uncovered.
 */
export function coveringSet<T>(target: PrefixRange, covers: { range: PrefixRange; value: T }[]): T[] | undefined {
  const single = covers.find((c) => rangeCovers(c.range, target));
  if (single) return [single.value];
  const useful = covers
    .filter((c) => prefixContains(c.range.prefix, target.prefix) && c.range.max >= target.min && c.range.min <= target.max)
    .sort((a, b) => a.range.min - b.range.min);
  const used: T[] = [];
  let next = target.min;
  for (const c of useful) {
    if (c.range.min > next) break;
    if (c.range.max >= next) {
      used.push(c.value);
      next = c.range.max + 1;
      if (next > target.max) return used;
    }
  }
  return undefined;
}
