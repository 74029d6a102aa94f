/**
 * BGPAdvertisement checks of `bgpAdvertisementFromCR` and `validateBGPAdvPerPool`: duplicate
 * list entries, aggregation lengths (range, vs the pool's masks, vs serviceSelectors),
 * communities (literal or Community alias) and conflicting localPref on a shared pool.
 */
import type { Finding } from '../../../types';
import type { BGPAdvertisement, IPAddressPool, LabelSelector, Located } from '../../../k8s/resources';
import { plainLabels } from '../../../k8s/resources';
import { anySelectorMatches, selectorMatches } from '../../../k8s/selectors';
import { isCommunity, parseCommunity } from '../../../metallb/build/community';
import { communityAliases, wellKnownHint } from './community';
import { nameOf, objectRange, quote, unresolvedReference, webhookError, type WebhookContext } from './context';
import { poolAddresses } from './pools';

/** The pools an advertisement applies to: named, label-selected, or all when it names none. */
export function advertisementPools(advertisement: BGPAdvertisement, context: WebhookContext): IPAddressPool[] {
  const spec = advertisement.spec;
  if (spec.ipAddressPools.length === 0 && spec.ipAddressPoolSelectors.length === 0) return context.pools;
  const names = new Set(spec.ipAddressPools.map((p) => p.value));
  return context.pools.filter(
    (pool) =>
      names.has(nameOf(pool)) ||
      spec.ipAddressPoolSelectors.some((selector) => selectorMatches(selector, plainLabels(pool.metadata.labels))),
  );
}

export function checkBGPAdvertisements(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  const aliases = communityAliases(context);
  const accepted: BGPAdvertisement[] = [];
  for (const advertisement of context.advertisements) {
    const error = advertisementError(advertisement, aliases);
    if (error) {
      findings.push(error);
      continue;
    }
    const poolError = perPoolError(advertisement, accepted, context);
    if (poolError) findings.push(poolError);
    accepted.push(advertisement);
  }
  return findings;
}

function duplicateError(advertisement: BGPAdvertisement, items: Located<string>[], what: string): Finding | undefined {
  for (let i = 0; i < items.length; i++) {
    const repeat = items.slice(i + 1).find((other) => other.value === items[i].value);
    if (repeat) return webhookError(advertisement, repeat.range, `duplicate definition of ${what} ${quote(items[i].value)}`);
  }
  return undefined;
}

function selectorKey(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v.value}`).sort();
  const expressions = selector.matchExpressions.map((e) => `${e.key.value} ${e.operator.value} ${e.values.map((v) => v.value).sort().join(',')}`);
  return JSON.stringify([labels, expressions]);
}

function duplicateSelectorError(advertisement: BGPAdvertisement, selectors: LabelSelector[], what: string): Finding | undefined {
  const keys = selectors.map(selectorKey);
  const repeat = keys.findIndex((key, i) => keys.indexOf(key) !== i);
  if (repeat < 0) return undefined;
  return webhookError(advertisement, selectors[repeat].range, `duplicate definition of ${what}`);
}

function advertisementError(advertisement: BGPAdvertisement, aliases: Set<string>): Finding | undefined {
  const spec = advertisement.spec;
  const duplicate =
    duplicateError(advertisement, spec.ipAddressPools, 'ipAddressPools') ??
    duplicateError(advertisement, spec.communities, 'community') ??
    duplicateError(advertisement, spec.peers, 'peers') ??
    duplicateSelectorError(advertisement, spec.ipAddressPoolSelectors, 'ipAddressPoolSelectors') ??
    duplicateSelectorError(advertisement, spec.nodeSelectors, 'nodeSelectors') ??
    duplicateSelectorError(advertisement, spec.serviceSelectors, 'serviceSelectors');
  if (duplicate) return duplicate;
  const name = nameOf(advertisement);
  if (spec.serviceSelectors.length > 0) {
    if (spec.aggregationLength && spec.aggregationLength.value !== 32) {
      return webhookError(advertisement, spec.aggregationLength.range, `serviceSelectors and aggregationLength are mutually exclusive, both cannot be set in ${name}`);
    }
    if (spec.aggregationLengthV6 && spec.aggregationLengthV6.value !== 128) {
      return webhookError(advertisement, spec.aggregationLengthV6.range, `serviceSelectors and aggregationLengthV6 are mutually exclusive, both cannot be set in ${name}`);
    }
  }
  if (spec.aggregationLength && spec.aggregationLength.value > 32) {
    return webhookError(advertisement, spec.aggregationLength.range, `invalid aggregation length ${spec.aggregationLength.value} for IPv4`);
  }
  if (spec.aggregationLengthV6 && spec.aggregationLengthV6.value > 128) {
    return webhookError(advertisement, spec.aggregationLengthV6.range, `invalid aggregation length ${spec.aggregationLengthV6.value} for IPv6`);
  }
  for (const community of spec.communities) {
    if (aliases.has(community.value)) continue;
    const parsed = parseCommunity(community.value);
    if (!isCommunity(parsed)) {
      // A string that is not community-shaped may name a Community not created yet: MetalLB
      // treats that as transient, a malformed value as a rejection.
      const report = parsed.badFormat ? unresolvedReference : webhookError;
      return report(
        advertisement,
        community.range,
        `${parsed.error}${wellKnownHint(community.value)}\ninvalid community ${quote(community.value)} in BGP advertisement`,
      );
    }
  }
  return undefined;
}

function aggregation(advertisement: BGPAdvertisement): { v4: number; v6: number } {
  return { v4: advertisement.spec.aggregationLength?.value ?? 32, v6: advertisement.spec.aggregationLengthV6?.value ?? 128 };
}

function perPoolError(advertisement: BGPAdvertisement, accepted: BGPAdvertisement[], context: WebhookContext): Finding | undefined {
  const lengths = aggregation(advertisement);
  for (const pool of advertisementPools(advertisement, context)) {
    const addresses = poolAddresses(pool);
    for (const { address, cidrs } of addresses) {
      if (cidrs.length === 0) continue;
      const maxLength = cidrs[0].ip.v6 ? lengths.v6 : lengths.v4;
      const lowest = Math.min(...cidrs.map((c) => c.length));
      if (maxLength < lowest) {
        const range = (cidrs[0].ip.v6 ? advertisement.spec.aggregationLengthV6 : advertisement.spec.aggregationLength)?.range ?? address.range;
        return webhookError(
          advertisement,
          range,
          `invalid aggregation length ${lengths.v4}: prefix ${lowest} in this pool is more specific than the aggregation length for addresses ${address.value}`,
        );
      }
    }
    if (advertisement.spec.serviceSelectors.length > 0) continue;
    const hasV4 = addresses.some(({ cidrs }) => cidrs.length > 0 && !cidrs[0].ip.v6);
    const hasV6 = addresses.some(({ cidrs }) => cidrs.length > 0 && cidrs[0].ip.v6);
    for (const other of accepted) {
      if (other.spec.serviceSelectors.length > 0 || !advertisementPools(other, context).includes(pool)) continue;
      if (compatibleLocalPref(advertisement, other, hasV4, hasV6, context)) continue;
      const localPref = advertisement.spec.localPref?.value ?? 0;
      return webhookError(
        advertisement,
        advertisement.spec.localPref?.range ?? objectRange(advertisement),
        `invalid local preference ${localPref}: local preferernce ${other.spec.localPref?.value ?? 0} was already set for the same type of BGP update. Check existing BGP advertisements with common pools and aggregation lengths`,
      );
    }
  }
  return undefined;
}

/** `BGPAdvertisementsHaveCompatibleLocalPref`; without Node objects every advertisement is taken to reach some common node. */
function compatibleLocalPref(a: BGPAdvertisement, b: BGPAdvertisement, hasV4: boolean, hasV6: boolean, context: WebhookContext): boolean {
  if ((a.spec.localPref?.value ?? 0) === (b.spec.localPref?.value ?? 0)) return true;
  const la = aggregation(a);
  const lb = aggregation(b);
  if (!hasV4 && !hasV6) return true;
  if (la.v4 !== lb.v4 && !hasV6) return true;
  if (la.v6 !== lb.v6 && !hasV4) return true;
  if (la.v4 !== lb.v4 && la.v6 !== lb.v6) return true;
  const peersA = a.spec.peers.map((p) => p.value);
  const peersB = b.spec.peers.map((p) => p.value);
  if (peersA.length > 0 && peersB.length > 0 && !peersA.some((p) => peersB.includes(p))) return true;
  if (context.nodes.length === 0) return false;
  return !context.nodes.some((node) => {
    const labels = plainLabels(node.metadata.labels);
    return anySelectorMatches(a.spec.nodeSelectors, labels) && anySelectorMatches(b.spec.nodeSelectors, labels);
  });
}
