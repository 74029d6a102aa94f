/**
 * frrk8s/name-collision: a rawConfig prefix-list reusing a name frr-k8s generates for a neighbor
 * (`<ID>-allowed-<ipv4|ipv6>`, `<ID>-inpl-<family>`, `<ID>-denied-inpl-<family>`, and the
 * `<ID>-…-localpref-prefixes` / `<ID>-…-community-prefixes` lists). The raw config is
 * appended after frr-k8s's lines, so its entries merge into frr-k8s's list: an equal seq replaces
 * frr-k8s's entry and flips on reload, and what frr-k8s's route-maps accept or advertise changes.
 * A list frr-k8s renders on a node the raw config reaches is an error; a name of the scheme it does
 * not render now is a warning (it collides once an advertisement or a filter makes frr-k8s render
 * it). Route-maps are left to frrk8s/seq-collision: `<ID>-in`/`-out` are the names raw configs are
 * meant to extend. The fix renames the list inside the raw config; the message says where what the
 * list was probably meant for belongs instead, which depends on the generated list it hits.
 */
import { symbolKey, type SymbolEntry } from '../../frr/model';
import type { Family } from '../../frr/prefix';
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { nodeClause } from '../metallb/extras/shared';
import { declaredByMetalLBOnly, generatedListOf, type GeneratedList } from './generatedLists';
import { neighborWords, rawContext, type RawContext, type RawSource } from '../../metallb/extras/rawContext';
import { neighborRelated, occurrenceRanges, rawFinding, rawWords } from './rawShared';

export const NAME_COLLISION_CODE = 'frrk8s/name-collision';

const LIST_KINDS = { 'ip-prefix-list': 'ipv4', 'ipv6-prefix-list': 'ipv6' } as const satisfies Record<string, Family>;
type ListKind = keyof typeof LIST_KINDS;

export function nameCollision(ctx: ExtrasContext): Finding[] {
  const rctx = rawContext(ctx);
  const findings: Finding[] = [];
  for (const raw of rctx.raws) {
    const seen = new Set<string>();
    for (const symbol of raw.model.symbols.values()) {
      if (!(symbol.kind in LIST_KINDS) || symbol.definitions.length === 0 || seen.has(symbol.name)) continue;
      const generated = generatedListOf(rctx, symbol.name);
      if (!generated) continue;
      const family = LIST_KINDS[symbol.kind as ListKind];
      const renderedOn = raw.nodes.filter((view) => view.rendered.prefixLists[family].has(symbol.name)).map((view) => view.node);
      seen.add(symbol.name);
      findings.push(collision(rctx, raw, symbol, generated, renderedOn, shadowingDenyAny(raw, family, symbol.name)));
    }
  }
  return findings;
}

/**
 * frr-k8s's `seq N deny any` placeholder (a neighbor with nothing to accept or advertise) when it
 * comes before every entry of the raw config's list: those entries are then never reached.
 */
function shadowingDenyAny(raw: RawSource, family: Family, name: string): number | undefined {
  const own = raw.model.prefixLists[family].get(name)?.entries ?? [];
  if (own.length === 0) return undefined;
  const first = Math.min(...own.map((entry) => entry.seq));
  const seqs = raw.nodes.flatMap((view) =>
    (view.rendered.prefixLists[family].get(name)?.entries ?? []).filter((entry) => entry.any && entry.action === 'deny' && entry.seq < first).map((entry) => entry.seq),
  );
  return seqs.length > 0 ? Math.min(...seqs) : undefined;
}

function collision(rctx: RawContext, raw: RawSource, symbol: SymbolEntry, generated: GeneratedList, renderedOn: string[], denyAnySeq: number | undefined): Finding {
  const name = symbol.name;
  const id = generated.id;
  const keys = Object.keys(LIST_KINDS).map((kind) => symbolKey({ kind: kind as ListKind, scope: '', name }));
  const renamed = freshName(raw, `${name}-raw`);
  const usedHere = keys.some((key) => (raw.model.symbols.get(key)?.references ?? []).some((ref) => !ref.weak));
  const partial = renderedOn.length > 0 && renderedOn.length < rctx.nodes.length && !rctx.nodes.every((view) => view.synthetic);
  const message =
    renderedOn.length > 0
      ? `${rawWords(raw)} defines prefix-list ${name}, a list frr-k8s generates for ${neighborWords(rctx, id)}${partial ? ` ${nodeClause(renderedOn)}` : ''}. ` +
        "The raw config is appended after frr-k8s's lines, so these entries merge into frr-k8s's list: an equal seq replaces frr-k8s's entry and flips on reload, " +
        "and what frr-k8s's route-maps accept or advertise changes." +
        (denyAnySeq !== undefined ? ` frr-k8s's \`seq ${denyAnySeq} deny any\` comes first, so these entries are never reached.` : '') +
        ` Give the list its own name; ${advice(rctx, generated)}.`
      : `${rawWords(raw)} defines prefix-list ${name}, which follows frr-k8s's naming for ${neighborWords(rctx, id)}: ` +
        `it merges into that list as soon as frr-k8s generates it (${generatedWhen(generated)}). Give the list its own name; ${advice(rctx, generated)}.`;
  return rawFinding(raw, {
    code: NAME_COLLISION_CODE,
    severity: renderedOn.length > 0 ? 'error' : 'warning',
    range: symbol.definitions[0].range,
    message,
    related: neighborRelated(rctx, id),
    fixes: [
      {
        // Renaming a list only frr-k8s's route-maps use would detach it: a choice the user has to make.
        title: `Rename prefix-list ${name} to ${renamed} in the rawConfig`,
        safe: usedHere,
        edits: occurrenceRanges(raw, keys).map((range) => ({ range, newText: renamed })),
      },
    ],
  });
}

/** When frr-k8s generates the list (it does not on the nodes the raw config reaches yet). */
function generatedWhen(generated: GeneratedList): string {
  switch (generated.kind) {
    case 'to-receive':
    case 'to-advertise':
      return 'on every node that runs the neighbor';
    case 'always-block':
      return 'when frr-k8s runs with --always-block';
    case 'local-pref':
      return `once the neighbor advertises a prefix with local preference ${generated.localPref}`;
    case 'community':
      return `once the neighbor advertises a prefix with community ${generated.community}`;
  }
}

/**
 * What the supported API offers for what the list hits: the neighbor's FRRConfiguration fields, or
 * for a neighbor MetalLB declares (a BGPPeer), MetalLB's own resources.
 */
function advice(rctx: RawContext, generated: GeneratedList): string {
  const metallb = declaredByMetalLBOnly(rctx, generated.id);
  switch (generated.kind) {
    case 'to-receive':
      return metallb
        ? 'to accept more routes from the neighbor, list them in toReceive.allowed.prefixes of an FRRConfiguration for the same neighbor (frr-k8s merges it with the one MetalLB generates)'
        : 'to accept more routes from the neighbor, list them in its toReceive.allowed.prefixes';
    case 'always-block':
      return (
        `to refuse prefixes from this neighbor only, match a list of your own in a deny entry of route-map ${generated.id}-in before frr-k8s's entries ` +
        "(frr-k8s's list holds its --always-block prefixes, refused from every neighbor)"
      );
    case 'to-advertise':
      return metallb
        ? 'to advertise more prefixes to the neighbor, announce them from an IPAddressPool with a BGPAdvertisement'
        : "to advertise more prefixes to the neighbor, list them in its toAdvertise.allowed.prefixes (and in the router's prefixes)";
    case 'local-pref':
      return metallb
        ? `to advertise more prefixes with local preference ${generated.localPref}, set localPref: ${generated.localPref} on the BGPAdvertisement that announces them`
        : `to advertise more prefixes with local preference ${generated.localPref}, list them in the neighbor's toAdvertise.withLocalPref item for ${generated.localPref} (each must be in toAdvertise.allowed too)`;
    case 'community':
      return metallb
        ? `to advertise more prefixes with community ${generated.community}, add it to the communities of the BGPAdvertisement that announces them`
        : `to advertise more prefixes with community ${generated.community}, list them in the neighbor's toAdvertise.withCommunity item for ${generated.community} (each must be in toAdvertise.allowed too)`;
  }
}

function freshName(raw: RawSource, base: string): string {
  const taken = (name: string) => Object.keys(LIST_KINDS).some((kind) => raw.model.symbols.has(symbolKey({ kind: kind as ListKind, scope: '', name })));
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}-${i}`;
  return name;
}
