/** The parts every Kubernetes object shares: apiVersion, kind and metadata, with their ranges. */
import type { Node } from 'yaml';
import type { ResourceBase } from './resources';
import type { YamlReader } from './yaml-read';

export function readHeader(r: YamlReader, object: Node, apiVersion: string, document: number, uri?: string): ResourceBase {
  const metadata = r.child(object, 'metadata');
  const kindEntry = r.entry(object, 'kind');
  const range = r.rangeOf(object);
  const header: ResourceBase = {
    apiVersion,
    document,
    range,
    kindRange: kindEntry ? kindEntry.valueRange : range,
    metadata: {
      name: r.string(metadata, 'name', 'metadata.name'),
      namespace: r.string(metadata, 'namespace', 'metadata.namespace'),
      labels: r.stringMap(r.child(metadata, 'labels')),
      annotations: r.stringMap(r.child(metadata, 'annotations')),
    },
  };
  if (uri !== undefined) header.uri = uri;
  return header;
}
