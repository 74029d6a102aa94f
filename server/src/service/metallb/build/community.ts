/**
 * BGP communities as MetalLB's `internal/bgp/community` package reads, orders and prints them:
 * standard `a:b` (16-bit halves) and large `large:a:b:c` (32-bit parts).
 */

export interface BGPCommunity {
  large: boolean;
  /** Standard: [upper, lower]; large: [global administrator, local data 1, local data 2]. */
  parts: number[];
}

export type CommunityError = { error: string; badFormat: boolean };

/** Go's `%q`, close enough for the ASCII text communities are made of. */
function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** Go's `strconv.ParseUint(text, 10, bits)`: the number, or its error text. */
function parseUint(text: string, bits: 16 | 32): number | string {
  if (!/^[0-9]+$/.test(text)) return `strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`;
  if (BigInt(text) > (1n << BigInt(bits)) - 1n) return `strconv.ParseUint: parsing ${goQuote(text)}: value out of range`;
  return Number(text);
}

/**
 * `community.New`, with MetalLB's error texts. `badFormat` marks text that is not community-shaped
 * at all, which MetalLB may take for the name of a Community alias not created yet.
 */
export function parseCommunity(text: string): BGPCommunity | CommunityError {
  const fields = text.split(':');
  if (fields.length !== 2 && fields.length !== 4) {
    return { error: `invalid community format: ${text}`, badFormat: true };
  }
  const large = fields.length === 4;
  if (large && fields[0] !== 'large') {
    return {
      error: `invalid community value: invalid marker for large community, expected community to be of format large:<uint32>:<uint32>:<uint32> but got ${goQuote(text)} instead`,
      badFormat: false,
    };
  }
  const parts: number[] = [];
  for (const field of large ? fields.slice(1) : fields) {
    const parsed = parseUint(field, large ? 32 : 16);
    if (typeof parsed === 'string') {
      return {
        error: `invalid community value: invalid section ${goQuote(field)} of community ${goQuote(text)}, err: ${goQuote(parsed)}`,
        badFormat: false,
      };
    }
    parts.push(parsed);
  }
  return { large, parts };
}

export function isCommunity(value: BGPCommunity | CommunityError): value is BGPCommunity {
  return 'parts' in value;
}

/** The text the internal config carries (`InternalAdvertisement.communities`). */
export function formatCommunity(c: BGPCommunity): string {
  return c.large ? `large:${c.parts.join(':')}` : c.parts.join(':');
}

/** MetalLB's `LessThan`: a standard community compares as the large community `<a*65536+b>:0:0`. */
export function compareCommunities(a: BGPCommunity, b: BGPCommunity): number {
  const key = (c: BGPCommunity) => (c.large ? c.parts : [c.parts[0] * 65536 + c.parts[1], 0, 0]);
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}
