/**
 * Hover on a field of a MetalLB manifest: its type, allowed values and meaning from the schema
 * table completion uses. The path to the key comes from the `yaml` package's AST, so flow and
 * block styles, comments and odd indentation all resolve the same way.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { OffsetRange } from '../types';
import { METALLB_KINDS, schemaAt, type FieldSchema } from './metallbSchema';

export interface FieldHover {
  contents: string;
  range: OffsetRange;
}

interface KeyHit {
  path: string[];
  range: OffsetRange;
}

function findKey(node: Node | null | undefined, offset: number, path: string[]): KeyHit | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
      const name = String(item.key.value);
      const [start, end] = item.key.range;
      if (offset >= start && offset <= end) return { path: [...path, name], range: { start, end } };
      const inner = findKey(item.value as Node | null, offset, [...path, name]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findKey(item as Node | null, offset, [...path, '[]']);
      if (inner) return inner;
    }
  }
  return undefined;
}

function describe(name: string, schema: FieldSchema): string {
  const type = schema.type === 'list' && schema.items ? `list of ${schema.items.type}` : schema.type;
  const values = schema.enum ? `\n\nValues: ${schema.enum.map((value) => `\`${value}\``).join(', ')}` : '';
  const ref = schema.ref ?? schema.items?.ref;
  const names = ref ? `\n\nNames a ${ref}.` : '';
  return `**${name}** (${type})\n\n${schema.doc}${values}${names}`;
}

export function yamlFieldHover(text: string, offset: number): FieldHover | undefined {
  for (const document of parseAllDocuments(text)) {
    if (!('contents' in document) || !document.range || offset < document.range[0] || offset > document.range[2]) continue;
    const kind = isMap(document.contents) ? document.contents.get('kind') : undefined;
    if (typeof kind !== 'string' || !METALLB_KINDS.includes(kind)) return undefined;
    const hit = findKey(document.contents, offset, []);
    if (!hit) return undefined;
    const schema = schemaAt(kind, hit.path);
    const name = hit.path[hit.path.length - 1] ?? '';
    return schema ? { contents: describe(name, schema), range: hit.range } : undefined;
  }
  return undefined;
}
