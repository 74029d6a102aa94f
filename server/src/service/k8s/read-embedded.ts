/** Reads a string field that holds FRR text, keeping the exact offset map into the YAML source. */
import { isScalar, type Node } from 'yaml';
import { extractEmbeddedText, type ScalarStyle } from './embedded-text';
import type { EmbeddedText } from './embedded-text';
import type { Located } from './resources';
import type { YamlReader } from './yaml-read';

export function readEmbeddedScalar(
  r: YamlReader,
  source: string,
  node: Node | null | undefined,
  key: string,
  path: string,
): (Located<string> & { embedded: EmbeddedText }) | undefined {
  const located = r.string(node, key, path);
  const scalar = r.child(node, key);
  if (!located || !isScalar(scalar) || !scalar.range) return undefined;
  const style = (scalar.type ?? 'PLAIN') as ScalarStyle;
  const range = { start: scalar.range[0], end: scalar.range[1] };
  return { ...located, embedded: extractEmbeddedText(source, style, range, located.value) };
}
