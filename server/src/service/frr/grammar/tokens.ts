/**
 * The typed argument tokens of FRR's command grammar and how an input word matches each
 * (lib/command_match.c). Hand-written scanners: these run for every argument of every line, so
 * they avoid regular expressions and allocation.
 */

export type MatchLevel = 0 | 1 | 2; // none, partly (keyword abbreviation), exact
export const NO_MATCH: MatchLevel = 0;
export const PARTLY: MatchLevel = 1;
export const EXACT: MatchLevel = 2;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** A decimal number in [from, to) without leading zeros, or -1. */
function decimalNoLeadingZero(s: string, from: number, to: number, maxDigits: number): number {
  const n = to - from;
  if (n < 1 || n > maxDigits) return -1;
  if (n > 1 && s.charCodeAt(from) === 48) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** Dotted quad in [from, to): four octets ≤ 255 without leading zeros (inet_pton). */
export function isIpv4(s: string, from = 0, to = s.length): boolean {
  let octets = 0;
  let partStart = from;
  for (let i = from; i <= to; i++) {
    if (i === to || s.charCodeAt(i) === 46) {
      const v = decimalNoLeadingZero(s, partStart, i, 3);
      if (v < 0 || v > 255) return false;
      octets++;
      if (octets > 4) return false;
      partStart = i + 1;
    }
  }
  return octets === 4;
}

/** An IPv6 address as inet_pton(AF_INET6) accepts it, including `::` and an embedded IPv4 tail. */
export function isIpv6(s: string, from = 0, to = s.length): boolean {
  if (to - from < 2 || to - from > 45) return false;
  let groups = 0;
  let doubleColon = false;
  let i = from;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return false;
    doubleColon = true;
    i += 2;
    if (i === to) return true;
  }
  while (i < to) {
    let j = i;
    let digits = 0;
    while (j < to && hexValue(s.charCodeAt(j)) >= 0 && digits < 5) {
      j++;
      digits++;
    }
    if (j < to && s.charCodeAt(j) === 46) {
      // IPv4 tail: takes two groups and must end the address.
      if (!isIpv4(s, i, to)) return false;
      groups += 2;
      i = to;
      break;
    }
    if (digits === 0 || digits > 4) return false;
    groups++;
    if (j === to) {
      i = j;
      break;
    }
    if (s.charCodeAt(j) !== 58) return false;
    if (s.charCodeAt(j + 1) === 58) {
      if (doubleColon) return false;
      doubleColon = true;
      i = j + 2;
      if (i === to) break;
    } else {
      i = j + 1;
      if (i === to) return false;
    }
  }
  return doubleColon ? groups <= 7 : groups === 8;
}

function prefixLength(s: string, slash: number, max: number, maxDigits: number): boolean {
  const n = s.length - slash - 1;
  if (n < 1 || n > maxDigits) return false;
  let v = 0;
  for (let i = slash + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return false;
    v = v * 10 + (c - 48);
  }
  return v <= max;
}

export function isIpv4Prefix(s: string): boolean {
  const slash = s.indexOf('/');
  return slash > 0 && isIpv4(s, 0, slash) && prefixLength(s, slash, 32, 2);
}

export function isIpv6Prefix(s: string): boolean {
  const slash = s.indexOf('/');
  return slash > 0 && isIpv6(s, 0, slash) && prefixLength(s, slash, 128, 3);
}

/** `X:X:X:X:X:X`: six groups of one or two hex digits. */
export function isMac(s: string, from = 0, to = s.length): boolean {
  let groups = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (digits === 0) return false;
      groups++;
      digits = 0;
    } else if (hexValue(c) >= 0) {
      if (++digits > 2) return false;
    } else {
      return false;
    }
  }
  return digits > 0 && groups === 5;
}

export function isMacPrefix(s: string): boolean {
  const slash = s.indexOf('/');
  return slash > 0 && isMac(s, 0, slash) && prefixLength(s, slash, 48, 2);
}

/**
 * The number a `(a-b)` range token reads, as strtoll does: an optional sign, decimal digits,
 * nothing else (leading zeros and `+5` are accepted, verified with vtysh 8.4). NaN for anything
 * else, so it compares false with every bound.
 */
export function rangeValue(s: string): number {
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 43 || first === 45) {
    negative = first === 45;
    i = 1;
  }
  if (i >= s.length) return NaN;
  let v = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return NaN;
    v = v * 10 + (c - 48);
    // Anything this large is out of every range FRR declares; stop before precision runs out.
    if (v > 1e17) return NaN;
  }
  return negative ? -v : v;
}

export function inRange(s: string, min: number, max: number): boolean {
  const v = rangeValue(s);
  return v >= min && v <= max;
}

/** FRR ≥ 9.1 `ASNUM`: plain 1..4294967295, or asdot `H.L` (each ≤ 65535, not 0.0), no leading zeros. */
export function isAsnum(s: string): boolean {
  const dot = s.indexOf('.');
  if (dot < 0) {
    const v = decimalNoLeadingZero(s, 0, s.length, 10);
    return v >= 1 && v <= 4294967295;
  }
  const high = decimalNoLeadingZero(s, 0, dot, 5);
  const low = decimalNoLeadingZero(s, dot + 1, s.length, 5);
  return high >= 0 && low >= 0 && high <= 65535 && low <= 65535 && high + low > 0;
}
