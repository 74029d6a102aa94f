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

/** Netmasks by length, per family: masking runs for every prefix-list entry and index probe. */
const NETMASKS: Record<Family, bigint[]> = { ipv4: [], ipv6: [] };

function netmask(family: Family, length: number): bigint {
  const known = NETMASKS[family] as bigint[] | undefined;
  const cached = known?.[length];
  if (cached !== undefined) return cached;
  const width = maxLength(family);
  const mask = allOnes(width) ^ allOnes(width - length);
  if (known && Number.isInteger(length) && length >= 0 && length <= width) known[length] = mask;
  return mask;
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/**
 * The dotted quad in text[from, to) as a number: four parts of 1-3 decimal digits (leading
 * zeros allowed), each ≤ 255; -1 otherwise. Scanned by hand: it runs for every neighbor and
 * prefix-list line.
 */
function ipv4Value(text: string, from: number, to: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255 || ++dots > 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
      part = part * 10 + (c - 48);
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1;
  return value * 256 + part;
}

function parseIpv4(text: string): bigint | undefined {
  const value = ipv4Value(text, 0, text.length);
  return value < 0 ? undefined : BigInt(value);
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
    // A dotted quad may only end the address, never come before the `::`.
    if (halves[0].includes('.')) return undefined;
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

/** `parseAddress(text) !== undefined`, without building the address. */
export function isAddress(text: string): boolean {
  if (text.includes(':')) return parseIpv6(text) !== undefined;
  return ipv4Value(text, 0, text.length) >= 0;
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
  const lengthDigits = text.length - slash - 1;
  if (lengthDigits < 1 || lengthDigits > 3) return undefined;
  let length = 0;
  for (let i = slash + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    length = length * 10 + (c - 48);
  }
  let family: Family;
  let address: bigint;
  const colon = text.indexOf(':');
  if (colon < 0 || colon > slash) {
    const value = ipv4Value(text, 0, slash);
    if (value < 0) return undefined;
    family = 'ipv4';
    address = BigInt(value);
  } else {
    const parsed = parseIpv6(text.slice(0, slash));
    if (parsed === undefined) return undefined;
    family = 'ipv6';
    address = parsed;
  }
  if (length > maxLength(family)) return undefined;
  return { family, address, length };
}

/** `prefix` with its host bits cleared; `prefix` itself when it has none (prefixes are never mutated). */
export function maskPrefix(prefix: Prefix): Prefix {
  const address = prefix.address & netmask(prefix.family, prefix.length);
  return address === prefix.address ? prefix : { ...prefix, address };
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
  /** Buckets by family, length and address (bigint keys compare by value). */
  private readonly buckets = new Map<string, Map<number, Map<bigint, { range: PrefixRange; value: T }[]>>>();
  private readonly lengths: number[] = [];

  add(range: PrefixRange, value: T): void {
    const { family, length, address } = range.prefix;
    let byLength = this.buckets.get(family);
    if (!byLength) {
      byLength = new Map();
      this.buckets.set(family, byLength);
    }
    let byAddress = byLength.get(length);
    if (!byAddress) {
      byAddress = new Map();
      byLength.set(length, byAddress);
    }
    let bucket = byAddress.get(address);
    if (!bucket) {
      bucket = [];
      byAddress.set(address, bucket);
      if (!this.lengths.includes(length)) {
        this.lengths.push(length);
        this.lengths.sort((a, b) => a - b);
      }
    }
    bucket.push({ range, value });
  }

  /** Stored entries whose prefix contains `prefix`, shortest prefix first, insertion order within one prefix. */
  containing(prefix: Prefix): { range: PrefixRange; value: T }[] {
    const out: { range: PrefixRange; value: T }[] = [];
    const byLength = this.buckets.get(prefix.family);
    if (!byLength) return out;
    for (const length of this.lengths) {
      if (length > prefix.length) break;
      const bucket = byLength.get(length)?.get(prefix.address & netmask(prefix.family, length));
      if (bucket) for (const stored of bucket) out.push(stored);
    }
    return out;
  }
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
