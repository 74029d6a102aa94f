/**
 * Completion in MetalLB manifests: field names and enum values from our schema table, and the
 * names of the resources a field refers to (BFD profiles, Community aliases, BGPPeers, pools).
 * The YAML under the cursor is usually half typed, so the path to it is read from indentation
 * (the lines above with smaller indentation are its parents), not from a YAML parse.
 */
import type { Resource } from '../k8s/resources';
import { resourceName } from '../k8s/resources';
import type { CompletionItem } from './completion';
import { METALLB_KINDS, schemaAt, type RefKind } from './metallbSchema';
import type { WorkspaceDocument, WorkspaceIndex } from './workspaceIndex';

interface YamlLine {
  start: number;
  text: string;
}

interface CursorPlace {
  /** Keys from the document root to the mapping (key completion) or field (value completion). */
  path: string[];
  mode: 'key' | 'value';
  partial: string;
  replaceStart: number;
  replaceEnd: number;
  /** Keys already present beside the cursor (key completion). */
  siblings: Set<string>;
}

const KEY_LINE = /^(\s*)(- +)?([A-Za-z0-9_.\-/]+):(?:\s|$)/;

export function yamlCompletions(index: WorkspaceIndex, doc: WorkspaceDocument, offset: number): CompletionItem[] {
  const lines = documentLines(doc.text, offset);
  if (lines.length === 0) return [];
  const kind = kindOf(lines);
  const place = cursorPlace(lines, offset, kind);
  if (!place) return [];
  const range = { start: place.replaceStart, end: place.replaceEnd };
  const items: CompletionItem[] = [];
  if (place.mode === 'key') {
    for (const [name, field] of Object.entries(schemaAt(kind, place.path)?.fields ?? {})) {
      if (place.siblings.has(name) || !name.startsWith(place.partial)) continue;
      const nested = field.type === 'object' || field.type === 'list' || field.type === 'map';
      items.push({ label: name, kind: 'property', detail: field.type, documentation: field.doc, insertText: nested ? `${name}:` : `${name}: `, sortText: `0${name}`, range });
    }
    return items;
  }
  const field = schemaAt(kind, place.path);
  if (!field) return [];
  const values = new Map<string, string>();
  for (const value of field.enum ?? []) values.set(value, field.doc);
  if (field.ref) for (const [name, detail] of referenceNames(index.resources, field.ref)) values.set(name, detail);
  for (const [value, detail] of values) {
    if (!value.startsWith(place.partial)) continue;
    items.push({ label: value, kind: field.enum ? 'enum' : 'reference', detail, insertText: value, sortText: `0${value}`, range });
  }
  return items;
}

/** The lines of the YAML document (`---`-separated) holding the cursor. */
function documentLines(text: string, offset: number): YamlLine[] {
  let lines: YamlLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (/^---(\s|$)/.test(line)) {
      if (start > offset) break;
      lines = [];
    } else {
      lines.push({ start, text: line });
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  return lines;
}

function kindOf(lines: readonly YamlLine[]): string | undefined {
  for (const line of lines) {
    const m = /^kind:\s*["']?([A-Za-z]+)/.exec(line.text);
    if (m && METALLB_KINDS.includes(m[1]!)) return m[1];
  }
  return undefined;
}

function cursorPlace(lines: readonly YamlLine[], offset: number, kind: string | undefined): CursorPlace | undefined {
  const at = lines.findIndex((line) => line.start <= offset && offset <= line.start + line.text.length);
  if (at < 0) return undefined;
  const line = lines[at]!;
  const column = offset - line.start;
  const before = line.text.slice(0, column);
  const replaceEnd = offset + (/^[^\s:"']*/.exec(line.text.slice(column))?.[0].length ?? 0);
  const place = (path: string[], mode: CursorPlace['mode'], partial: string, siblings = new Set<string>()): CursorPlace => ({
    path,
    mode,
    partial,
    replaceStart: offset - partial.length,
    replaceEnd,
    siblings,
  });

  const item = /^(\s*)- +["']?([^\s"':]*)$/.exec(before);
  if (item) {
    const path = parentPath(lines, at, item[1]!.length, true);
    const itemSchema = schemaAt(kind, path);
    return place(path, itemSchema?.type === 'object' ? 'key' : 'value', item[2]!);
  }
  const key = /^(\s*)([A-Za-z0-9_.\-/]*)$/.exec(before);
  if (key) {
    const keyColumn = key[1]!.length;
    return place(parentPath(lines, at, keyColumn, false), 'key', key[2]!, siblingKeys(lines, at, keyColumn));
  }
  const value = /^(\s*)(- +)?([A-Za-z0-9_.\-/]+):\s+["']?([^\s"']*)$/.exec(before);
  if (value) {
    const keyColumn = value[1]!.length + (value[2]?.length ?? 0);
    const path = value[2] ? parentPath(lines, at, value[1]!.length, true) : parentPath(lines, at, keyColumn, false);
    return place([...path, value[3]!], 'value', value[4]!);
  }
  return undefined;
}

/**
 * Keys from the root down to the mapping holding a key at `column` on line `at` (with
 * `startsItem`, `column` is the dash of a list item the line starts). `[]` steps into list items:
 * a `- key:` line whose key sits at the target column starts the item, and the key owning the
 * list sits left of its dash, or at the dash's column (YAML allows both); sibling items' keys sit
 * right of it.
 */
function parentPath(lines: readonly YamlLine[], at: number, column: number, startsItem: boolean): string[] {
  const path: string[] = [];
  let target = column;
  let owner = startsItem;
  if (startsItem) path.push('[]');
  for (let i = at - 1; i >= 0; i--) {
    if (!owner && target === 0) break;
    const m = KEY_LINE.exec(lines[i]!.text);
    if (!m) continue;
    const dashColumn = m[1]!.length;
    const hasDash = m[2] !== undefined;
    const keyColumn = dashColumn + (m[2]?.length ?? 0);
    let takes = false;
    if (owner) {
      takes = keyColumn <= target;
    } else if (hasDash && keyColumn === target && dashColumn < target) {
      path.push('[]');
      target = dashColumn;
      owner = true;
      continue;
    } else {
      takes = keyColumn < target;
    }
    if (!takes) continue;
    path.push(m[3]!);
    if (hasDash) {
      path.push('[]');
      target = dashColumn;
      owner = true;
    } else {
      target = keyColumn;
      owner = false;
    }
  }
  return path.reverse();
}

/** Keys already written in the mapping that line `at` continues (its key column is `column`). */
function siblingKeys(lines: readonly YamlLine[], at: number, column: number): Set<string> {
  const keys = new Set<string>();
  const contentColumn = (text: string) => /^\s*/.exec(text)![0].length;
  for (let i = at - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const m = KEY_LINE.exec(text);
    const keyColumn = m ? m[1]!.length + (m[2]?.length ?? 0) : contentColumn(text);
    if (m && keyColumn === column) keys.add(m[3]!);
    if (contentColumn(text) < column) break;
  }
  for (let i = at + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    if (contentColumn(text) < column) break;
    const m = KEY_LINE.exec(text);
    if (m && !m[2] && m[1]!.length === column) keys.add(m[3]!);
  }
  return keys;
}

function referenceNames(resources: readonly Resource[], kind: RefKind): Map<string, string> {
  const names = new Map<string, string>();
  for (const resource of resources) {
    if (kind === 'Community' && resource.kind === 'Community') {
      for (const alias of resource.spec.communities) {
        if (alias.name) names.set(alias.name.value, `Community ${resourceName(resource)}: ${alias.value?.value ?? ''}`);
      }
      continue;
    }
    if (resource.kind !== kind) continue;
    const name = resourceName(resource);
    if (name !== '') names.set(name, describe(resource));
  }
  return names;
}

function describe(resource: Resource): string {
  if (resource.kind === 'BGPPeer') {
    const where = resource.spec.peerAddress?.value ?? resource.spec.interface?.value ?? '';
    return `BGPPeer ${where} AS ${resource.spec.peerASN?.value ?? resource.spec.dynamicASN?.value ?? '?'}`;
  }
  if (resource.kind === 'IPAddressPool') return `IPAddressPool ${resource.spec.addresses.map((a) => a.value).join(', ')}`;
  return resource.kind;
}

