/**
 * metallb/name-collision: an extras prefix-list reusing a name MetalLB generates. Its entries merge
 * into MetalLB's list: equal seqs flip on reload, equal prefixes under another seq never apply, and
 * what MetalLB advertises changes. Names of the selected version's scheme that MetalLB renders now
 * are errors; the scheme's other names and other versions' names are warnings (they collide once
 * an advertisement or an upgrade makes MetalLB generate them). The fix renames the list in the extras.
 */
import type { Finding } from '../../../types';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { METALLB_VERSIONS, versionTraits } from '../../../metallb/render';
import { extrasFinding, nodeClause, peerRelated, peerWords } from './shared';

export const CODE = 'metallb/name-collision';

const LIST_KINDS = ['ip-prefix-list', 'ipv6-prefix-list'] as const;

export function nameCollision(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const renderedOn = new Map<string, string[]>();
  for (const view of ctx.nodes) {
    for (const neighbor of view.render.neighbors) {
      for (const list of neighbor.prefixLists) {
        const nodes = renderedOn.get(list.name) ?? [];
        if (!nodes.includes(view.node)) nodes.push(view.node);
        renderedOn.set(list.name, nodes);
      }
    }
  }
  const ids = new Set([...ctx.peersById.keys(), ...ctx.nodes.flatMap((view) => [...view.neighborIds])]);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const symbol of source.model.symbols.values()) {
    if (!(LIST_KINDS as readonly string[]).includes(symbol.kind) || symbol.definitions.length === 0 || seen.has(symbol.name)) continue;
    const name = symbol.name;
    const owner = [...ids].find((id) => name.startsWith(`${id}-`));
    if (owner === undefined) continue;
    const rest = name.slice(owner.length + 1);
    const nodes = renderedOn.get(name);
    const scheme = nodes ? undefined : schemeOf(rest, ctx.options.metallbVersion);
    if (!nodes && !scheme) continue;
    seen.add(name);
    const occurrences = LIST_KINDS.flatMap((kind) => {
      const entry = source.model.symbols.get(`${kind}||${name}`);
      return [...(entry?.definitions ?? []), ...(entry?.references ?? [])];
    });
    const renamed = freshName(`${name}-extras`, source.model.symbols);
    const where = nodes && nodes.length < ctx.nodes.length && !ctx.nodes.every((v) => v.synthetic) ? ` ${nodeClause(nodes)}` : '';
    const message = nodes
      ? `prefix-list ${name} is a list MetalLB generates for ${peerWords(ctx, owner)}${where}: these entries merge into it ` +
        '(equal seqs flip on reload, an equal prefix under another seq never applies) and change what MetalLB advertises. Give the extras list its own name.'
      : `prefix-list ${name} follows MetalLB's naming for ${peerWords(ctx, owner)} (${scheme}): ` +
        'it collides as soon as MetalLB generates that list. Give the extras list its own name.';
    findings.push(
      extrasFinding(ctx, {
        code: CODE,
        severity: nodes ? 'error' : 'warning',
        range: symbol.definitions[0].range,
        message,
        related: peerRelated(ctx, owner),
        fixes: [{ title: `Rename prefix-list ${name} to ${renamed} in the extras`, safe: true, edits: occurrences.map((o) => ({ range: o.range, newText: renamed })) }],
      }),
    );
  }
  return findings;
}

/** Which MetalLB scheme generates `<ID>-<rest>`: the selected version's, another version's, or none. */
function schemeOf(rest: string, selected: (typeof METALLB_VERSIONS)[number]): string | undefined {
  const matching = METALLB_VERSIONS.filter((version) => generates(rest, version));
  if (matching.length === 0) return undefined;
  if (matching.includes(selected)) return `MetalLB ${selected} generates it when an advertisement needs it`;
  return `the naming of MetalLB ${matching.join(', ')}: a collision after an upgrade or downgrade`;
}

function generates(rest: string, version: (typeof METALLB_VERSIONS)[number]): boolean {
  const traits = versionTraits(version);
  const families = traits.propertyListFamilyIsFrrWord ? '(ip|ipv6)' : '(ipv4|ipv6|dual)';
  const allowed = traits.allowedListPerFamily ? /^allowed-(ipv4|ipv6)$/ : /^pl-(ipv4|ipv6|dual)$/;
  const property = new RegExp(`^(\\d+-${families}-localpref-prefixes|(large:)?[^\\s]+-${families}-community-prefixes)$`);
  return allowed.test(rest) || property.test(rest);
}

function freshName(base: string, symbols: ReadonlyMap<string, unknown>): string {
  const taken = (name: string) => LIST_KINDS.some((kind) => symbols.has(`${kind}||${name}`));
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}-${i}`;
  return name;
}
