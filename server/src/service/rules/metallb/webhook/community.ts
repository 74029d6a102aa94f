/**
 * The Community CR checks of `communitiesFromCrs` (aliases must hold valid values, names unique).
 */
import type { Finding } from '../../../types';
import { isCommunity, parseCommunity } from '../../../metallb/build/community';
import { objectRange, quote, webhookError, type WebhookContext } from './context';

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
      const parsed = parseCommunity(value);
      if (!isCommunity(parsed)) {
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
      if (alias.name && alias.value && isCommunity(parseCommunity(alias.value.value))) names.add(alias.name.value);
    }
  }
  return names;
}
