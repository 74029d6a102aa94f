/**
 * BGP communities as MetalLB's `internal/bgp/community` package reads, orders and prints them:
 * standard `a:b` (16-bit halves) and large `large:a:b:c` (32-bit parts).
 */

export interface BGPCommunity {
  large: boolean;
  /** Standard: [upper, lower]; large: [global administrator, local data 1, local data 2]. */
  parts: number[];
}

const UINT = /^[0-9]+$/;

function parseUint(text: string, max: number): number | undefined {
  if (!UINT.test(text) || text.length > 10) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** `community.New`; a string saying what is wrong when the text is not a community. */
export function parseCommunity(text: string): BGPCommunity | { error: string; badFormat: boolean } {
  const fields = text.split(':');
  if (fields.length === 2) {
    const parts = fields.map((f) => parseUint(f, 0xffff));
    if (parts.some((p) => p === undefined)) {
      return { error: `invalid community value: "${text}" (each half must be 0-65535)`, badFormat: false };
    }
    return { large: false, parts: parts as number[] };
  }
  if (fields.length === 4) {
    if (fields[0] !== 'large') {
      return {
        error: `invalid community value: expected format large:<uint32>:<uint32>:<uint32> but got "${text}"`,
        badFormat: false,
      };
    }
    const parts = fields.slice(1).map((f) => parseUint(f, 0xffffffff));
    if (parts.some((p) => p === undefined)) {
      return { error: `invalid community value: "${text}" (each part must be 0-4294967295)`, badFormat: false };
    }
    return { large: true, parts: parts as number[] };
  }
  return { error: `invalid community format: ${text}`, badFormat: true };
}

export function isCommunity(value: ReturnType<typeof parseCommunity>): value is BGPCommunity {
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
