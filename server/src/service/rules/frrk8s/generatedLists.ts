/**
 * The prefix-lists frr-k8s generates for a neighbor, recognised by name. All are named after the
 * neighbor's ID (`<interface|address>[-<vrf>]`): `<ID>-inpl-<family>` (toReceive),
 * `<ID>-denied-inpl-<family>` (its `--always-block` setting), `<ID>-allowed-<ipv4|ipv6>`
 * (toAdvertise), `<ID>-<localPref>-<ip|ipv6>-localpref-prefixes` (withLocalPref) and
 * `<ID>-[large:]<community>-<ip|ipv6>-community-prefixes` (withCommunity, the community as frr-k8s
 * prints it). What a rule may tell the user to do instead depends on which of them a name is.
 */
import { formatCommunity, isCommunity, parseCommunity } from '../../metallb/build/community';
import type { RawContext } from '../../metallb/extras/rawContext';

export type GeneratedList =
  | { kind: 'to-receive' | 'always-block' | 'to-advertise'; id: string }
  | { kind: 'local-pref'; id: string; localPref: number }
  | { kind: 'community'; id: string; community: string };

const PER_ID = /^(?:(allowed)-(?:ipv4|ipv6)|(denied-)?inpl-(?:ipv4|ipv6|dual))$/;
const LOCAL_PREF = /^(0|[1-9]\d*)-(?:ip|ipv6)-localpref-prefixes$/;
const COMMUNITY = /^(\S+)-(?:ip|ipv6)-community-prefixes$/;

/** The neighbor and kind of the list frr-k8s would generate under `name`, if any. */
export function generatedListOf(rctx: RawContext, name: string): GeneratedList | undefined {
  const ids = new Set([...rctx.owners.keys(), ...rctx.nodes.flatMap((view) => [...view.neighborIds])]);
  // The longest ID first: `10.0.0.1-red-inpl-ipv4` belongs to `10.0.0.1-red`, not to `10.0.0.1`.
  for (const id of [...ids].sort((a, b) => b.length - a.length)) {
    if (!name.startsWith(`${id}-`)) continue;
    const list = listAfterID(id, name.slice(id.length + 1));
    if (list) return list;
  }
  return undefined;
}

function listAfterID(id: string, rest: string): GeneratedList | undefined {
  const perID = PER_ID.exec(rest);
  if (perID) return { kind: perID[1] ? 'to-advertise' : perID[2] ? 'always-block' : 'to-receive', id };
  const localPref = LOCAL_PREF.exec(rest);
  if (localPref) return { kind: 'local-pref', id, localPref: Number(localPref[1]) };
  const community = COMMUNITY.exec(rest);
  // Only a community in frr-k8s's own spelling: `10.0.0.1-red-10:1-…` is no list of neighbor 10.0.0.1.
  if (community && printedByFrrK8s(community[1])) return { kind: 'community', id, community: community[1] };
  return undefined;
}

function printedByFrrK8s(community: string): boolean {
  const parsed = parseCommunity(community);
  return isCommunity(parsed) && formatCommunity(parsed) === community;
}

/** A neighbor only BGPPeers declare: MetalLB (in frr-k8s mode) generates its FRRConfiguration. */
export function declaredByMetalLBOnly(rctx: RawContext, id: string): boolean {
  const owners = rctx.owners.get(id) ?? [];
  return owners.length > 0 && owners.every((owner) => owner.kind === 'BGPPeer');
}
