/**
 * IP addresses and prefixes the way Go's `net` package reads and prints them, because MetalLB's
 * output (peer IDs, prefix-list entries) is `net.IP.String()` / `net.IPNet.String()` text.
 */

export interface IP {
  /** IPv4 (including IPv4-mapped IPv6, which Go's `To4()` treats as IPv4) or IPv6. */
  v6: boolean;
  value: bigint;
}

export interface CIDR {
  ip: IP;
  length: number;
}

export function bitsOf(ip: IP): number {
  return ip.v6 ? 128 : 32;
}

const V4_PART = /^(0|[1-9][0-9]{0,2})$/;

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Go ≥ 1.17 rejects leading zeros (they used to mean octal to some parsers).
    if (!V4_PART.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseV6(text: string): bigint | undefined {
  if (text.length > 64) return undefined;
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): string[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':');
    return groups.every((g) => HEX_GROUP.test(g)) ? groups : undefined;
  };
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!left || !right) return undefined;
  const total = left.length + right.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const groups = [...left, ...Array<string>(8 - total).fill('0'), ...right];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/** `net.ParseIP`: undefined for anything Go would return nil for. */
export function parseIP(text: string): IP | undefined {
  if (text.includes(':')) {
    const value = parseV6(text);
    if (value === undefined) return undefined;
    if (value >> 32n === 0xffffn) return { v6: false, value: value & 0xffffffffn };
    return { v6: true, value };
  }
  const value = parseV4(text);
  return value === undefined ? undefined : { v6: false, value };
}

/** `net.IP.String()`: dotted quad, or RFC 5952 (lower case, longest zero run of ≥ 2 groups compressed). */
export function formatIP(ip: IP): string {
  if (!ip.v6) {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
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
  const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** Canonical text of an address, or undefined when it is not an IP. */
export function canonicalIP(text: string): string | undefined {
  const ip = parseIP(text);
  return ip && formatIP(ip);
}

function maskOf(length: number, bits: number): bigint {
  if (length <= 0) return 0n;
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - length)) - 1n);
}

/** `ip.Mask(net.CIDRMask(length, bits))`. */
export function maskIP(ip: IP, length: number): IP {
  return { v6: ip.v6, value: ip.value & maskOf(length, bitsOf(ip)) };
}

/** `net.ParseCIDR`: the network (host bits cleared) and its length. */
export function parseCIDR(text: string): CIDR | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(lengthText)) return undefined;
  // Go keeps the written family: "::ffff:1.2.3.4/120" is an IPv6 prefix, which our To4 folding would lose.
  const v6 = text.slice(0, slash).includes(':');
  const length = Number(lengthText);
  const family: IP = v6 && !ip.v6 ? { v6: true, value: ip.value | V4_MAPPED_PREFIX } : ip;
  if (length > bitsOf(family)) return undefined;
  return { ip: maskIP(family, length), length };
}

/** `net.IPNet.String()`. */
export function formatCIDR(cidr: CIDR): string {
  return `${formatIP(cidr.ip)}/${cidr.length}`;
}

/** `net.IPNet.Contains`: an IPv4 address is also found in an IPv4-mapped IPv6 network. */
export function cidrContains(cidr: CIDR, ip: IP): boolean {
  let value = ip.value;
  if (cidr.ip.v6 && !ip.v6) value |= V4_MAPPED_PREFIX;
  else if (cidr.ip.v6 !== ip.v6) return false;
  const mask = maskOf(cidr.length, bitsOf(cidr.ip));
  return (value & mask) === cidr.ip.value;
}

export function cidrsOverlap(a: CIDR, b: CIDR): boolean {
  if (a.ip.v6 !== b.ip.v6) return false;
  return a.length <= b.length ? cidrContains(a, b.ip) : cidrContains(b, a.ip);
}

/** The CIDRs covering `start`..`end` exactly (github.com/mikioh/ipaddr `Summarize`). */
export function summarizeRange(start: IP, end: IP): CIDR[] {
  const bits = bitsOf(start);
  const out: CIDR[] = [];
  let current = start.value;
  // Bounded by 2 * bits iterations: each step at least halves the remaining span's alignment problem.
  while (current <= end.value && out.length < 2 * bits + 2) {
    let length = bits;
    while (length > 0) {
      const size = 1n << BigInt(bits - length + 1);
      if (current % size !== 0n || current + size - 1n > end.value) break;
      length--;
    }
    out.push({ ip: { v6: start.v6, value: current }, length });
    current += 1n << BigInt(bits - length);
  }
  return out;
}

/**
 * One entry of `IPAddressPool.spec.addresses` (`config.ParseCIDR`): a CIDR or an `a-b` range,
 * summarised into CIDRs. A string describing the problem when it is invalid.
 */
export function parsePoolAddresses(text: string): CIDR[] | string {
  if (!text.includes('-')) return parseCIDR(text) ? [parseCIDR(text) as CIDR] : `invalid CIDR "${text}"`;
  const dash = text.indexOf('-');
  const start = parseIP(text.slice(0, dash).trim());
  const end = parseIP(text.slice(dash + 1).trim());
  if (!start) return `invalid IP range "${text}": invalid start IP "${text.slice(0, dash)}"`;
  if (!end) return `invalid IP range "${text}": invalid end IP "${text.slice(dash + 1)}"`;
  if (start.v6 !== end.v6) return `invalid IP range "${text}": start and end are of different families`;
  if (start.value > end.value) return `invalid IP range "${text}": start IP is after the end IP`;
  return summarizeRange(start, end);
}
