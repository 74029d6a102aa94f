/**
 * IP addresses and prefixes the way Go's `net` package reads and prints them, because MetalLB's
 * output (peer IDs, prefix-list entries) is `net.IP.String()` / `net.IPNet.String()` text.
 * The address syntax itself is FRR's (frr/prefix); what Go does differently is handled here.
 */
import { formatAddress, parseAddress } from '../../frr/prefix';

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

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/**
 * Whether a dotted quad (alone or as an IPv6 tail) has an octet with a leading zero, which Go ≥ 1.17
 * rejects (such octets used to mean octal to some parsers) while FRR's inet_pton-style parsing accepts them.
 */
function hasLeadingZeroOctet(text: string): boolean {
  const quad = text.slice(text.lastIndexOf(':') + 1);
  return quad.includes('.') && quad.split('.').some((octet) => octet.length > 1 && octet.startsWith('0'));
}

/** `net.ParseIP`: undefined for anything Go would return nil for. */
export function parseIP(text: string): IP | undefined {
  if (hasLeadingZeroOctet(text)) return undefined;
  const parsed = parseAddress(text);
  if (!parsed) return undefined;
  if (parsed.family === 'ipv6' && parsed.address >> 32n === 0xffffn) return { v6: false, value: parsed.address & 0xffffffffn };
  return { v6: parsed.family === 'ipv6', value: parsed.address };
}

/** `net.IP.String()`: dotted quad, or RFC 5952 text (Go and FRR print IPv6 the same way). */
export function formatIP(ip: IP): string {
  return formatAddress(ip.v6 ? 'ipv6' : 'ipv4', ip.value);
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

/** The 16-byte form Go's `net.ParseIP` returns, which `bytes.Compare` orders. */
function sixteenByteValue(ip: IP): bigint {
  return ip.v6 ? ip.value : ip.value | V4_MAPPED_PREFIX;
}

/**
 * One entry of `IPAddressPool.spec.addresses` (`config.ParseCIDR`, with its error texts): a CIDR
 * or an `a-b` range, summarised into CIDRs. A string describing the problem when it is invalid.
 */
export function parsePoolAddresses(text: string): CIDR[] | string {
  const quote = (s: string) => JSON.stringify(s);
  const dash = text.indexOf('-');
  if (dash < 0) {
    const cidr = parseCIDR(text);
    return cidr ? [cidr] : `invalid CIDR ${quote(text)}`;
  }
  const startText = text.slice(0, dash);
  const endText = text.slice(dash + 1);
  const start = parseIP(startText.trim());
  if (!start) return `invalid IP range ${quote(text)}: invalid start IP ${quote(startText)}`;
  const end = parseIP(endText.trim());
  if (!end) return `invalid IP range ${quote(text)}: invalid end IP ${quote(endText)}`;
  // MetalLB compares the 16-byte forms, so any IPv4 address sorts after `::1` and before `ffff::`.
  if (sixteenByteValue(start) > sixteenByteValue(end)) {
    return `invalid IP range ${quote(text)}: start IP ${quote(formatIP(start))} is after the end IP ${quote(formatIP(end))}`;
  }
  // ipaddr.Summarize: an IPv4 start needs an IPv4 end (else no prefixes at all); an IPv6 start
  // summarises in IPv6 space, an IPv4 end included.
  if (!start.v6) return end.v6 ? [] : summarizeRange(start, end);
  return summarizeRange(start, { v6: true, value: sixteenByteValue(end) });
}
