/**
 * Community strings as MetalLB's `community.New` reads them, with its error texts, and the
 * Community CR checks of `communitiesFromCrs` (aliases must hold valid values, names unique).
 */
import type { Finding } from '../../../types';
import { objectRange, quote, webhookError, type WebhookContext } from './context';

export type CommunityParse = { ok: true } | { ok: false; error: string; badFormat: boolean };

/** FRR's well-known community names, which MetalLB does not accept (only numbers or aliases). */
const WELL_KNOWN: Record<string, string> = {
  'no-export': '65535:65281',
  'no-advertise': '65535:65282',
  'local-as': '65535:65283',
  'no-peer': '65535:65284',
  'graceful-shutdown': '65535:0',
  'accept-own': '65535:1',
  blackhole: '65535:666',
  'llgr-stale': '65535:6',
  'no-llgr': '65535:7',
  internet: '0:0',
};

/** Go's `strconv.ParseUint(text, 10, bits)` error, or undefined when it parses. */
function parseUintError(text: string, bits: 16 | 32): string | undefined {
  if (!/^[0-9]+$/.test(text)) return `strconv.ParseUint: parsing ${quote(text)}: invalid syntax`;
  if (BigInt(text) > (1n << BigInt(bits)) - 1n) return `strconv.ParseUint: parsing ${quote(text)}: value out of range`;
  return undefined;
}

export function parseCommunityValue(text: string): CommunityParse {
  const fields = text.split(':');
  if (fields.length === 2 || fields.length === 4) {
    if (fields.length === 4 && fields[0] !== 'large') {
      return {
        ok: false,
        badFormat: false,
        error: `invalid community value: invalid marker for large community, expected community to be of format large:<uint32>:<uint32>:<uint32> but got ${quote(text)} instead`,
      };
    }
    const numbers = fields.length === 2 ? fields : fields.slice(1);
    for (const field of numbers) {
      const error = parseUintError(field, fields.length === 2 ? 16 : 32);
      if (error) {
        return {
          ok: false,
          badFormat: false,
          error: `invalid community value: invalid section ${quote(field)} of community ${quote(text)}, err: ${quote(error)}`,
        };
      }
    }
    return { ok: true };
  }
  return { ok: false, badFormat: true, error: `invalid community format: ${text}` };
}

/** A hint for well-known names, which users write as in FRR. */
export function wellKnownHint(text: string): string {
  const value = WELL_KNOWN[text.toLowerCase()];
  return value ? ` (MetalLB does not know FRR's well-known community names: write ${value} or define a Community alias)` : '';
}

export function checkCommunities(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const resource of context.communities) {
    for (const alias of resource.spec.communities) {
      const name = alias.name?.value ?? '';
      const value = alias.value?.value ?? '';
      const parsed = parseCommunityValue(value);
      if (!parsed.ok) {
        findings.push(
          webhookError(resource, alias.value?.range ?? alias.range, `parsing community ${quote(name)}: ${parsed.error}${wellKnownHint(value)}`),
        );
        continue;
      }
      if (seen.has(name)) {
        findings.push(webhookError(resource, alias.name?.range ?? objectRange(resource), `duplicate definition of community ${quote(name)}`));
      }
      seen.add(name);
    }
  }
  return findings;
}

/** Alias names defined by valid Community CRs. */
export function communityAliases(context: WebhookContext): Set<string> {
  const names = new Set<string>();
  for (const resource of context.communities) {
    for (const alias of resource.spec.communities) {
      if (alias.name && alias.value && parseCommunityValue(alias.value.value).ok) names.add(alias.name.value);
    }
  }
  return names;
}
