/**
 * The prefix-lists frr-k8s generates for a neighbor, recognised by name: `<ID>-inpl-<family>`
 * (toReceive), `<ID>-denied-inpl-<family>` (its `--always-block` setting), `<ID>-allowed-<ipv4|ipv6>`
 * (toAdvertise), and the modifier lists named after `<asn>@<address>[@<vrf>]`:
 * `<stem>-<localPref>-<ip|ipv6>-localpref-prefixes` (withLocalPref) and
 * `<stem>-[large:]<community>-<ip|ipv6>-community-prefixes` (withCommunity). What a rule may tell
 * the user to do instead depends on which of them a name is.
 */
import type { RawContext } from './rawContext';

export type GeneratedList =
  | { kind: 'to-receive' | 'always-block' | 'to-advertise'; id: string }
  | { kind: 'local-pref'; id: string; localPref: number }
  | { kind: 'community'; id: string; community: string };

const PER_ID = /^(?:(allowed)-(?:ipv4|ipv6)|(denied-)?inpl-(?:ipv4|ipv6|dual))$/;
const LOCAL_PREF = /^(\d+)-(?:ip|ipv6)-localpref-prefixes$/;
const COMMUNITY = /^((?:large:)?\S+)-(?:ip|ipv6)-community-prefixes$/;

/** The neighbor and kind of the list frr-k8s would generate under `name`, if any. */
export function generatedListOf(rctx: RawContext, name: string): GeneratedList | undefined {
  const ids = new Set([...rctx.owners.keys(), ...rctx.nodes.flatMap((view) => [...view.neighborIds])]);
  // The longest ID first: `10.0.0.1-red-inpl-ipv4` belongs to `10.0.0.1-red`, not to `10.0.0.1`.
  for (const id of [...ids].sort((a, b) => b.length - a.length)) {
    if (!name.startsWith(`${id}-`)) continue;
    const match = PER_ID.exec(name.slice(id.length + 1));
    if (match) return { kind: match[1] ? 'to-advertise' : match[2] ? 'always-block' : 'to-receive', id };
  }
  for (const [id, stems] of rctx.listOwners) {
    for (const stem of stems) {
      if (!name.startsWith(`${stem}-`)) continue;
      const rest = name.slice(stem.length + 1);
      const localPref = LOCAL_PREF.exec(rest);
      if (localPref) return { kind: 'local-pref', id, localPref: Number(localPref[1]) };
      const community = COMMUNITY.exec(rest);
      if (community) return { kind: 'community', id, community: community[1] };
    }
  }
  return undefined;
}

/** A neighbor only BGPPeers declare: MetalLB (in frr-k8s mode) generates its FRRConfiguration. */
export function declaredByMetalLBOnly(rctx: RawContext, id: string): boolean {
  const owners = rctx.owners.get(id) ?? [];
  return owners.length > 0 && owners.every((owner) => owner.kind === 'BGPPeer');
}
