/**
 * frr-k8s's checks of a neighbor's `toAdvertise`: `validateOutgoingPrefixes` (every allowed prefix
 * is one the router may advertise, prefix families, one local preference per prefix) and, per
 * address family of the neighbor, `prefixesWithLocalPrefToFRR` / `prefixesWithCommunityToFRR`
 * (every local-pref or community prefix of that family is advertised to the neighbor, no property
 * declared twice). A prefix of a family the neighbor does not carry is ignored there, as upstream.
 */
import type { Located } from '../../../k8s/resources';
import { isCommunity, parseCommunity } from '../../../metallb/build/community';
import type { IPFamily } from '../../../metallb/frrk8s/model';
import type { Finding, OffsetRange } from '../../../types';
import { cidrFamily, goList, itemAnchor, neighborContext, neighborName, webhookFinding } from './context';
import type { NeighborAt } from './neighbor';

/**
 * `allPrefixes`: the router's prefixes and those of the VRFs it imports; `families`: the neighbor's.
 */
export function checkAdvertise(where: NeighborAt, allPrefixes: readonly string[], families: readonly IPFamily[] | undefined): Finding[] {
  const advertise = where.neighbor.toAdvertise;
  if (!advertise) return [];
  const findings = validateOutgoingPrefixes(where, new Set(allPrefixes));
  if (!families) return findings;
  const all = advertise.allowed?.mode?.value === 'all';
  const allowed = all ? allPrefixes : (advertise.allowed?.prefixes ?? []).map((p) => p.value);
  for (const family of families) {
    const advertised = new Set(allowed.filter((p) => cidrFamily(p) === family));
    findings.push(...localPrefFindings(where, family, advertised), ...communityFindings(where, family, advertised));
  }
  return findings;
}

function validateOutgoingPrefixes(where: NeighborAt, allPrefixes: ReadonlySet<string>): Finding[] {
  const advertise = where.neighbor.toAdvertise;
  // frr-k8s skips the whole neighbor when it advertises everything.
  if (!advertise || advertise.allowed?.mode?.value === 'all') return [];
  const findings: Finding[] = [];
  const refuse = (range: OffsetRange, message: string) => findings.push(webhookFinding(where.at, range, message));
  for (const prefix of advertise.allowed?.prefixes ?? []) {
    if (!allPrefixes.has(prefix.value)) {
      refuse(
        prefix.range,
        `trying to advertise non configured prefix ${prefix.value} to neighbor ${neighborName(where.neighbor)}, vrf ${where.router.vrf?.value ?? ''} (add it to the router's prefixes or to a VRF the router imports)`,
      );
    }
  }
  const localPrefOf = new Map<string, number>();
  for (const item of advertise.withLocalPref) {
    const localPref = item.localPref?.value ?? 0;
    for (const prefix of item.prefixes) {
      if (!cidrFamily(prefix.value)) {
        refuse(prefix.range, `unknown ipfamily for prefix ${prefix.value} associated to localpref ${localPref}`);
        continue;
      }
      const existing = localPrefOf.get(prefix.value);
      if (existing !== undefined && existing !== localPref) {
        refuse(
          prefix.range,
          `prefix ${goList(item.prefixes.map((p) => p.value))} is configured with both local preference ${existing} and ${localPref} (${prefix.value} is in both withLocalPref items)`,
        );
      }
      localPrefOf.set(prefix.value, localPref);
    }
  }
  for (const item of advertise.withCommunity) {
    const bad = item.prefixes.find((p) => !cidrFamily(p.value));
    if (bad) {
      refuse(bad.range, `invalid prefixes ${goList(item.prefixes.map((p) => p.value))} for community ${item.community?.value ?? ''}, err: unknown ipfamily for ${bad.value}`);
    }
  }
  return findings;
}

/** The prefix every `toAdvertiseToFRR` error of the neighbor gets (upstream says "local pref" for communities too). */
function advertiseContext(where: NeighborAt): string {
  return `${neighborContext(where.router, where.neighbor)}failed to process local pref for neighbor ${neighborName(where.neighbor)}, err: `;
}

/** Prefixes of `family` in an item, each with whether an earlier one of the item repeats it. */
function itemPrefixes(prefixes: readonly Located<string>[], family: IPFamily): { prefix: Located<string>; repeated: boolean }[] {
  const seen = new Set<string>();
  return prefixes
    .filter((p) => cidrFamily(p.value) === family)
    .map((prefix) => {
      const repeated = seen.has(prefix.value);
      seen.add(prefix.value);
      return { prefix, repeated };
    });
}

function localPrefFindings(where: NeighborAt, family: IPFamily, advertised: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const refuse = (range: OffsetRange, message: string) => findings.push(webhookFinding(where.at, range, `${advertiseContext(where)}${message}`));
  const declared = new Set<number>();
  for (const item of where.neighbor.toAdvertise?.withLocalPref ?? []) {
    const localPref = item.localPref?.value ?? 0;
    if (declared.has(localPref)) {
      refuse(item.localPref?.range ?? itemAnchor(item.prefixes, item.range), `local preference ${localPref} is already defined (list all its prefixes in one withLocalPref item)`);
      continue;
    }
    declared.add(localPref);
    for (const { prefix, repeated } of itemPrefixes(item.prefixes, family)) {
      if (!advertised.has(prefix.value)) refuse(prefix.range, `localPref ${localPref} associated to non existing prefix ${prefix.value} (the neighbor does not advertise it)`);
      else if (repeated) refuse(prefix.range, `prefix ${prefix.value} is already defined for local preference ${localPref}`);
    }
  }
  return findings;
}

function communityFindings(where: NeighborAt, family: IPFamily, advertised: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const refuse = (range: OffsetRange, message: string) => findings.push(webhookFinding(where.at, range, `${advertiseContext(where)}${message}`));
  const declared = new Set<string>();
  for (const item of where.neighbor.toAdvertise?.withCommunity ?? []) {
    const text = item.community?.value ?? '';
    const range = item.community?.range ?? itemAnchor(item.prefixes, item.range);
    const parsed = parseCommunity(text);
    if (!isCommunity(parsed)) {
      refuse(range, `invalid community ${text}, err: ${parsed.error}`);
      continue;
    }
    // `BGPCommunity.String()`: a large community prints without its `large:` marker.
    const shown = parsed.parts.join(':');
    const key = `${parsed.large}:${shown}`;
    if (declared.has(key)) {
      refuse(range, `community ${text} is already defined (list all its prefixes in one withCommunity item)`);
      continue;
    }
    declared.add(key);
    for (const { prefix, repeated } of itemPrefixes(item.prefixes, family)) {
      if (!advertised.has(prefix.value)) {
        refuse(prefix.range, `prefix ${prefix.value} is advertised for community ${shown} but it's not in the advertisement list of the neighbor`);
      } else if (repeated) refuse(prefix.range, `prefix ${prefix.value} is already defined for community ${shown}`);
    }
  }
  return findings;
}
