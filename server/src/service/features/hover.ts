/**
 * Hover, in FRR documents and embedded FRR: on a route-map or prefix-list name, its entries as
 * FRR ends up with them (from every text of the scope); on a name derived from a neighbor
 * (`<ID>-in`, `<ID>-allowed-ipv4`, a neighbor address), the BGPPeer behind it and, in frr-k8s mode,
 * the FRRConfigurations declaring it and what frr-k8s renders the list from; elsewhere on a
 * command, its syntax and meaning.
 */
import { occurrenceAt, type SymbolKind } from '../frr/model';
import type { ParseResult } from '../frr/syntax';
import type { OffsetRange } from '../types';
import { commandDescription, defsOf, readableSpec } from './commandDocs';
import { lineIndexAt } from './grammarCursor';
import { peerOfName, type PeerName } from './peerNames';
import { frrViewAt, toDocumentRange, viewsInScope, type FrrView, type WorkspaceIndex } from './workspaceIndex';
import { yamlFieldHover } from './yamlHover';

export interface Hover {
  /** Markdown. */
  contents: string;
  /** Document range the hover is about. */
  range: OffsetRange;
}

/** Entries listed per structure before the hover says "… and N more". */
const MAX_LINES = 40;

export function hover(index: WorkspaceIndex, uri: string, offset: number): Hover | undefined {
  const doc = index.byUri.get(uri);
  if (!doc) return undefined;
  const at = frrViewAt(doc, offset);
  if (!at) return doc.kind === 'yaml' ? yamlFieldHover(doc.text, offset) : undefined;
  const { view } = at;
  const occurrence = occurrenceAt(view.model, at.offset);
  if (occurrence) {
    const contents = symbolHover(index, view, occurrence.kind, occurrence.name);
    if (contents) return { contents, range: toDocumentRange(view, occurrence.range) };
  }
  return commandHover(view, at.offset);
}

function symbolHover(index: WorkspaceIndex, view: FrrView, kind: SymbolKind, name: string): string | undefined {
  const parts: string[] = [];
  const peer = peerOfName(index, name, kind);
  if (kind === 'route-map') parts.push(structureText(`route-map ${name}`, routeMapLines(index, view, name)));
  else if (kind === 'ip-prefix-list' || kind === 'ipv6-prefix-list') parts.push(structureText(`${kind.replace('-', ' ')} ${name}`, prefixListLines(index, view, kind, name)));
  else if (kind !== 'neighbor' || !peer) return undefined;
  if (peer) parts.push(peerText(peer));
  return parts.join('\n\n---\n\n');
}

function structureText(title: string, lines: string[]): string {
  if (lines.length === 0) return `**${title}**: not defined in this configuration.`;
  const shown = lines.slice(0, MAX_LINES);
  const more = lines.length > MAX_LINES ? `\n… and ${lines.length - MAX_LINES} more lines` : '';
  return `**${title}**\n\n\`\`\`frr\n${shown.join('\n')}\n\`\`\`${more}`;
}

function routeMapLines(index: WorkspaceIndex, view: FrrView, name: string): string[] {
  const out: string[] = [];
  for (const other of viewsInScope(index, view.scope)) {
    const map = other.model.routeMaps.get(name);
    if (!map) continue;
    // The entries' own blocks, in text order: a config holds thousands of blocks besides them.
    const headers = [...new Set(map.entries.flatMap((entry) => entry.headers.map((h) => h.line)))].sort((a, b) => a - b);
    for (const header of headers) {
      const block = other.parse.blocks[other.parse.lines[header]?.block ?? -1];
      if (block?.header !== header) continue;
      for (let i = block.header; i <= block.last; i++) {
        const text = lineText(other.parse, i);
        if (text !== '') out.push(i === block.header ? text : ` ${text}`);
      }
    }
  }
  return out;
}

function prefixListLines(index: WorkspaceIndex, view: FrrView, kind: 'ip-prefix-list' | 'ipv6-prefix-list', name: string): string[] {
  const family = kind === 'ip-prefix-list' ? 'ipv4' : 'ipv6';
  const out: string[] = [];
  for (const other of viewsInScope(index, view.scope)) {
    for (const entry of other.model.prefixLists[family].get(name)?.entries ?? []) {
      const text = lineText(other.parse, entry.line);
      out.push(entry.seqExplicit ? text : `${text}    ! seq ${entry.seq}`);
    }
  }
  return out;
}

function lineText(parse: ParseResult, index: number): string {
  const line = parse.lines[index];
  return line ? line.tokens.map((t) => t.text).join(' ') : '';
}

/** The BGPPeer and, in frr-k8s mode, the FRRConfigurations declaring the neighbor a name belongs to. */
function peerText({ id, identity: peer, configured, role, origin }: PeerName): string {
  const configurations = configured.map(({ neighbor }) => `**FRRConfiguration ${neighbor.name || '(unnamed)'}**${fileOf(neighbor.uri)}`);
  const renderedFrom = origin ? `\n\nfrr-k8s renders it from ${origin}.` : '';
  if (!peer) return `${configurations.join(' and ')}: ${role} neighbor \`${id}\`${renderedFrom}`;
  const spec = peer.peer.spec;
  const asn = spec.peerASN?.value ?? spec.dynamicASN?.value ?? '?';
  const facts = [
    `peer ${peer.stem}${peer.vrf ? ` in VRF ${peer.vrf}` : ''}, AS ${asn}`,
    spec.myASN ? `local AS ${spec.myASN.value}` : '',
    spec.bfdProfile ? `BFD profile ${spec.bfdProfile.value}` : '',
    spec.nodeSelectors && spec.nodeSelectors.length > 0 ? 'on selected nodes' : 'on every node',
  ].filter((f) => f !== '');
  // frr-k8s merges the neighbor of MetalLB's generated FRRConfiguration with the user's of the same ID.
  const mergedWith = configurations.length > 0 ? `\n\nfrr-k8s merges it with the neighbor of ${configurations.join(' and ')}.` : '';
  return `**BGPPeer ${peer.name}**${fileOf(peer.uri)}: ${role} neighbor \`${peer.id}\`\n\n${facts.join(' · ')}${mergedWith}${renderedFrom}`;
}

function fileOf(uri: string): string {
  return uri ? ` (${uri.slice(uri.lastIndexOf('/') + 1)})` : '';
}

function commandHover(view: FrrView, offset: number): Hover | undefined {
  const index = lineIndexAt(view.parse, offset);
  const line = index >= 0 ? view.parse.lines[index] : undefined;
  const command = line?.command;
  // `tokens` builds the token objects on every read: read it once.
  const tokens = line?.tokens ?? [];
  if (!line || !command || tokens.length === 0) return undefined;
  const token = tokens.find((t) => t.start <= offset && offset <= t.end);
  if (!token) return undefined;
  const specs = [...new Set(defsOf(command.id).map((def) => readableSpec(def.spec)))];
  const description = commandDescription(command.id);
  const syntax = specs.length > 0 ? `\`\`\`\n${specs.join('\n')}\n\`\`\`` : '';
  const contents = [syntax, description ?? ''].filter((p) => p !== '').join('\n\n');
  if (contents === '') return undefined;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return { contents, range: toDocumentRange(view, { start: first.start, end: last.end }) };
}
