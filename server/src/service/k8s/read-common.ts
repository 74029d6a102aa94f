/** The parts every Kubernetes object shares: apiVersion, kind and metadata, with their ranges. */
import type { Node } from 'yaml';
import type { OffsetRange } from '../types';
import type { ObjectMeta } from './resources';
import type { YamlReader } from './yaml-read';

export interface ResourceHeader {
  apiVersion: string;
  document: number;
  range: OffsetRange;
  kindRange: OffsetRange;
  metadata: ObjectMeta;
  uri?: string;
}

export function readHeader(r: YamlReader, object: Node, apiVersion: string, document: number, uri?: string): ResourceHeader {
  const metadata = r.child(object, 'metadata');
  const kindEntry = r.entry(object, 'kind');
  const range = r.rangeOf(object);
  const header: ResourceHeader = {
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
