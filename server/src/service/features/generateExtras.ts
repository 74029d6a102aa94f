/**
 * Source action "Generate bgpextras for all peers": a complete `bgpextras` ConfigMap that lets
 * in the routes of the chosen CIDRs from every MetalLB neighbor. Written the way DESIGN.md §5
 * shows is stable across reloads: explicit prefix-list seqs, and `route-map <ID>-in permit`
 * entries below MetalLB's `deny 20` (10 for IPv4, 15 for IPv6), one per family the neighbor carries.
 */
import { formatPrefix, maskPrefix, maxLength, parsePrefix, type Family, type Prefix } from '../frr/prefix';
import type { ExtrasContext } from '../metallb/extras/context';
import type { OffsetRange, TextEdit } from '../types';

export interface GenerateExtrasOptions {
  /** IPv4 and/or IPv6 CIDRs whose routes (any length inside them) the neighbors may send. */
  cidrs: string[];
  /** Stem of the prefix-list names; `-ipv4` / `-ipv6` is appended. */
  listName?: string;
}

const DEFAULT_LIST_NAME = 'extras-received';
const SEQ_BY_FAMILY: Record<Family, number> = { ipv4: 10, ipv6: 15 };

/** Neighbor IDs with the families they carry, from every BGPPeer and every rendered node. */
function neighborFamilies(ctx: ExtrasContext): Map<string, Set<Family>> {
  const out = new Map<string, Set<Family>>();
  const add = (id: string, families: Family[]) => {
    const set = out.get(id) ?? new Set<Family>();
    for (const family of families) set.add(family);
    out.set(id, set);
  };
  for (const [id, refs] of ctx.peersById) {
    for (const ref of refs) add(id, ref.family === 'dual' ? ['ipv4', 'ipv6'] : [ref.family]);
  }
  for (const view of ctx.nodes) {
    for (const neighbor of view.render.neighbors) add(neighbor.id, neighbor.family === 'dual' ? ['ipv4', 'ipv6'] : [neighbor.family]);
  }
  return out;
}

interface ParsedCidrs {
  /** Masked, de-duplicated, in the order given. */
  prefixes: Record<Family, Prefix[]>;
  /** The entries that are not a CIDR, as given. */
  invalid: string[];
}

function parseCidrs(cidrs: readonly string[]): ParsedCidrs {
  const prefixes: Record<Family, Prefix[]> = { ipv4: [], ipv6: [] };
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const text of cidrs) {
    const parsed = parsePrefix(text.trim());
    if (!parsed) {
      invalid.push(text);
      continue;
    }
    const prefix = maskPrefix(parsed);
    const key = formatPrefix(prefix);
    if (seen.has(key)) continue;
    seen.add(key);
    prefixes[prefix.family].push(prefix);
  }
  return { prefixes, invalid };
}

/** The FRR text of the extras (no YAML). */
export function generateExtrasText(ctx: ExtrasContext, options: GenerateExtrasOptions): string {
  const stem = options.listName?.trim() || DEFAULT_LIST_NAME;
  const { prefixes } = parseCidrs(options.cidrs);
  const lines: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const word = family === 'ipv4' ? 'ip' : 'ipv6';
    prefixes[family].forEach((prefix, i) => {
      lines.push(`${word} prefix-list ${stem}-${family} seq ${(i + 1) * 5} permit ${formatPrefix(prefix)} le ${maxLength(family)}`);
    });
  }
  const ids = [...neighborFamilies(ctx).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, families] of ids) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      if (!families.has(family) || prefixes[family].length === 0) continue;
      const word = family === 'ipv4' ? 'ip' : 'ipv6';
      lines.push(`route-map ${id}-in permit ${SEQ_BY_FAMILY[family]}`, `  match ${word} address prefix-list ${stem}-${family}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

function indentBlock(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join('\n');
}

/** A complete bgpextras ConfigMap manifest. */
export function generateBgpExtras(ctx: ExtrasContext, options: GenerateExtrasOptions): string {
  const extras = generateExtrasText(ctx, options);
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: bgpextras',
    `  namespace: ${ctx.options.namespace}`,
    'data:',
    `  extras: |\n${indentBlock(extras, '    ')}`,
  ].join('\n');
}

export interface GeneratedExtrasEdit {
  /** Replaces the `extras` value of the ConfigMap MetalLB reads, or writes the new file. */
  edits: TextEdit[];
  /** Set when the edit creates a file (at `newFileUri`). */
  createsFile: boolean;
  /** The given CIDRs that do not parse; they are left out of the generated text. */
  invalid: string[];
}

/**
 * The workspace edit of the source action: the existing `extras` value is replaced (as a `|` block
 * at the key's indentation + 2), or a new file `newFileUri` is written when there is no bgpextras.
 * Without a single valid CIDR there is no edit: an empty result would wipe the user's extras.
 */
export function generateExtrasEdit(ctx: ExtrasContext, options: GenerateExtrasOptions, newFileUri = 'bgpextras.yaml'): GeneratedExtrasEdit {
  const { prefixes, invalid } = parseCidrs(options.cidrs);
  if (prefixes.ipv4.length === 0 && prefixes.ipv6.length === 0) return { edits: [], createsFile: false, invalid };
  const source = ctx.extras;
  if (!source) return { edits: [{ uri: newFileUri, range: { start: 0, end: 0 }, newText: generateBgpExtras(ctx, options) }], createsFile: true, invalid };
  const text = source.file.text;
  const key = source.configMap.extras?.keyRange ?? source.anchor;
  const column = key.start - (text.lastIndexOf('\n', key.start - 1) + 1);
  const value = source.embedded.range;
  const body = indentBlock(generateExtrasText(ctx, options), ' '.repeat(column + 2));
  const range: OffsetRange = { start: value.start, end: blockEnd(text, value) };
  const edit: TextEdit = { range, newText: `|\n${body.replace(/\n$/, '')}` };
  if (source.uri !== undefined) edit.uri = source.uri;
  return { edits: [edit], createsFile: false, invalid };
}

/** End of the scalar's last content line (its line break excluded, so the next key stays put). */
function blockEnd(text: string, range: OffsetRange): number {
  let end = range.end;
  while (end > range.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}
