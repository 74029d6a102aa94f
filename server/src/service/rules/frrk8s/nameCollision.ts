/**
 * frrk8s/name-collision: a rawConfig prefix-list reusing a name frr-k8s generates for a neighbor
 * (`<ID>-allowed-<ipv4|ipv6>`, `<ID>-inpl-<family>`, `<ID>-denied-inpl-<family>`, and the
 * community / local-preference lists named after `<asn>@<address>[@<vrf>]`). The raw config is
 * appended after frr-k8s's lines, so its entries merge into frr-k8s's list: an equal seq replaces
 * frr-k8s's entry and flips on reload, and what frr-k8s's route-maps accept or advertise changes.
 * A list frr-k8s renders on a node the raw config reaches is an error; a name of the scheme it does
 * not render now is a warning (it collides once an advertisement or a filter makes frr-k8s render
 * it). Route-maps are left to frrk8s/seq-collision: `<ID>-in`/`-out` are the names raw configs are
 * meant to extend. The fix renames the list inside the raw config.
 */
import { symbolKey, type SymbolEntry } from '../../frr/model';
import type { Family } from '../../frr/prefix';
import type { ExtrasContext } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { nodeClause } from '../metallb/extras/shared';
import { rawContext, type RawContext, type RawSource } from './rawContext';
import { neighborRelated, neighborWords, occurrenceRanges, rawFinding, rawWords } from './rawShared';

export const NAME_COLLISION_CODE = 'frrk8s/name-collision';

const LIST_KINDS = { 'ip-prefix-list': 'ipv4', 'ipv6-prefix-list': 'ipv6' } as const satisfies Record<string, Family>;
type ListKind = keyof typeof LIST_KINDS;

const PER_ID = /^(allowed-(ipv4|ipv6)|(denied-)?inpl-(ipv4|ipv6|dual))$/;
const PER_STEM = /^(\d+-(ip|ipv6)-localpref-prefixes|(large:)?\S+-(ip|ipv6)-community-prefixes)$/;

export function nameCollision(ctx: ExtrasContext): Finding[] {
  const rctx = rawContext(ctx);
  const findings: Finding[] = [];
  for (const raw of rctx.raws) {
    const seen = new Set<string>();
    for (const symbol of raw.model.symbols.values()) {
      if (!(symbol.kind in LIST_KINDS) || symbol.definitions.length === 0 || seen.has(symbol.name)) continue;
      const owner = ownerOf(rctx, symbol.name);
      if (!owner) continue;
      const family = LIST_KINDS[symbol.kind as ListKind];
      const renderedOn = raw.nodes.filter((view) => view.rendered.prefixLists[family].has(symbol.name)).map((view) => view.node);
      if (renderedOn.length === 0 && !owner.scheme) continue;
      seen.add(symbol.name);
      findings.push(collision(rctx, raw, symbol, owner.id, renderedOn, shadowingDenyAny(raw, family, symbol.name)));
    }
  }
  return findings;
}

/** The neighbor whose generated names `name` follows, and whether the rest of the name is frr-k8s's scheme. */
function ownerOf(rctx: RawContext, name: string): { id: string; scheme: boolean } | undefined {
  const ids = new Set([...rctx.owners.keys(), ...rctx.nodes.flatMap((view) => [...view.neighborIds])]);
  for (const id of ids) {
    if (name.startsWith(`${id}-`) && PER_ID.test(name.slice(id.length + 1))) return { id, scheme: true };
  }
  for (const [id, stems] of rctx.listOwners) {
    for (const stem of stems) if (name.startsWith(`${stem}-`) && PER_STEM.test(name.slice(stem.length + 1))) return { id, scheme: true };
  }
  return undefined;
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

function collision(rctx: RawContext, raw: RawSource, symbol: SymbolEntry, id: string, renderedOn: string[], denyAnySeq: number | undefined): Finding {
  const name = symbol.name;
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
        ' Give the list its own name (to accept more routes, use toReceive.allowed.prefixes).'
      : `${rawWords(raw)} defines prefix-list ${name}, which follows frr-k8s's naming for ${neighborWords(rctx, id)}: ` +
        'it merges into that list as soon as frr-k8s generates it (an advertisement, a community or a local preference for the neighbor). Give the list its own name.';
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

function freshName(raw: RawSource, base: string): string {
  const taken = (name: string) => Object.keys(LIST_KINDS).some((kind) => raw.model.symbols.has(symbolKey({ kind: kind as ListKind, scope: '', name })));
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}-${i}`;
  return name;
}
