/**
 * Manifest files → typed resources. Multi-document YAML is read with the `yaml` package (ranges
 * kept); objects of kinds MetalLB, frr-k8s or the speaker read are typed, everything else is
 * ignored. A file with none of those kinds yields no finding at all: generic Kubernetes YAML is the
 * YAML extension's business, not ours.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { Finding } from '../types';
import { readHeader } from './read-common';
import { readNode, readSecret, readService } from './read-core';
import { readEmbeddedScalar } from './read-embedded';
import { readFRRConfiguration } from './read-frrk8s';
import { readLegacyConfig } from './read-legacy';
import {
  readBFDProfile,
  readBGPAdvertisement,
  readBGPPeer,
  readCommunity,
  readIPAddressPool,
  readL2Advertisement,
} from './read-metallb';
import { FRRK8S_API_GROUP, METALLB_API_GROUP, type ManifestFile, type Resource } from './resources';
import { YamlReader } from './yaml-read';

const LEGACY_CONFIG_KEYS = ['peers', 'address-pools', 'bgp-communities', 'bfd-profiles'];

export function parseManifests(text: string, uri?: string): ManifestFile {
  const file: ManifestFile = { text, resources: [], findings: [] };
  if (uri !== undefined) file.uri = uri;
  if (looksBinary(text)) {
    file.skipped = 'not-yaml';
    return file;
  }
  const template = templateAction(text);
  if (template) {
    file.skipped = 'not-yaml';
    if (mentionsMetalLB(text)) {
      file.findings.push({
        code: 'k8s/not-yaml',
        severity: 'information',
        range: template,
        message: 'This file is a template (Helm / Go template `{{ … }}`), not YAML: MetalLB resources in it are not checked. Check the rendered output (`helm template …`) instead.',
      });
    }
    return file;
  }

  const reader = new YamlReader([]);
  const yamlFindings: Finding[] = [];
  const documents = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  list.forEach((document, index) => {
    for (const error of document.errors) {
      const start = Math.min(error.pos[0], text.length);
      yamlFindings.push({
        code: 'k8s/yaml',
        severity: 'error',
        range: { start, end: Math.min(Math.max(error.pos[1], start + 1), text.length) },
        message: error.message.split('\n')[0],
      });
    }
    collectObjects(document.contents as Node | null).forEach((object) => {
      const resource = readObject(reader, text, object, index, uri);
      if (resource) file.resources.push(resource);
    });
  });
  if (file.resources.some(isMetalLBOrFrrK8s)) file.findings.push(...yamlFindings, ...reader.findings);
  return file;
}

/** A document's object, or the items of a `kind: List`. */
function collectObjects(contents: Node | null): Node[] {
  if (!isMap(contents)) return [];
  const kind = contents.get('kind');
  const items = contents.get('items', true);
  if (kind === 'List' || (typeof kind === 'string' && kind.endsWith('List') && isSeq(items))) {
    return isSeq(items) ? (items.items as Node[]).filter((item) => isMap(item)) : [];
  }
  return [contents];
}

function readObject(r: YamlReader, text: string, object: Node, document: number, uri?: string): Resource | undefined {
  const apiVersionNode = r.child(object, 'apiVersion');
  const kindNode = r.child(object, 'kind');
  if (!isScalar(apiVersionNode) || !isScalar(kindNode)) return undefined;
  const apiVersion = String(apiVersionNode.value);
  const kind = String(kindNode.value);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const header = () => readHeader(r, object, apiVersion, document, uri);

  if (group === METALLB_API_GROUP) {
    switch (kind) {
      case 'BGPPeer':
        return readBGPPeer(r, header(), object);
      case 'IPAddressPool':
        return readIPAddressPool(r, header(), object);
      case 'BGPAdvertisement':
        return readBGPAdvertisement(r, header(), object);
      case 'L2Advertisement':
        return readL2Advertisement(r, header(), object);
      case 'Community':
        return readCommunity(r, header(), object);
      case 'BFDProfile':
        return readBFDProfile(r, header(), object);
    }
    return undefined;
  }
  if (group === FRRK8S_API_GROUP) {
    return kind === 'FRRConfiguration' ? readFRRConfiguration(r, text, header(), object) : undefined;
  }
  if (apiVersion !== 'v1') return undefined;
  switch (kind) {
    case 'Secret':
      return readSecret(r, header(), object);
    case 'Node':
      return readNode(header());
    case 'Service':
      return readService(r, header(), object);
    case 'ConfigMap':
      return readConfigMap(r, text, object, header);
  }
  return undefined;
}

function readConfigMap(r: YamlReader, text: string, object: Node, header: () => ReturnType<typeof readHeader>): Resource | undefined {
  const name = r.child(r.child(object, 'metadata'), 'name');
  const data = r.child(object, 'data');
  if (!isScalar(name)) return undefined;
  if (name.value === 'bgpextras') {
    const extras = readEmbeddedScalar(r, text, data, 'extras', 'data.extras');
    return { ...header(), kind: 'ConfigMap', configMap: 'bgpextras', ...(extras ? { extras } : {}) };
  }
  if (name.value !== 'config') return undefined;
  // `config` is a common ConfigMap name: only one whose `config` key holds MetalLB's legacy
  // sections is taken as MetalLB's, so other applications' ConfigMaps get no findings.
  const probe = new YamlReader([]);
  const value = readEmbeddedScalar(probe, text, data, 'config', 'data.config');
  if (!value || !LEGACY_CONFIG_KEYS.some((key) => hasTopLevelKey(value.value, key))) return undefined;
  return {
    ...header(),
    kind: 'ConfigMap',
    configMap: 'config',
    config: readLegacyConfig(r, { located: value, embedded: value.embedded }),
  };
}

function hasTopLevelKey(yamlText: string, key: string): boolean {
  return yamlText.split(/\r?\n/).some((line) => line.startsWith(`${key}:`));
}

function isMetalLBOrFrrK8s(resource: Resource): boolean {
  return !['Secret', 'Node', 'Service'].includes(resource.kind);
}

/** Text with NUL or many other control characters is not a manifest (binary file, wrong encoding). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control++;
  }
  return control > 8 && control * 20 > sample.length;
}

/** The first Go-template action (`{{ … }}`) outside a comment line, if any. */
function templateAction(text: string): { start: number; end: number } | undefined {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (!line.trimStart().startsWith('#')) {
      const open = line.indexOf('{{');
      const close = open < 0 ? -1 : line.indexOf('}}', open + 2);
      if (close >= 0) return { start: lineStart + open, end: lineStart + close + 2 };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function mentionsMetalLB(text: string): boolean {
  return text.includes(METALLB_API_GROUP) || text.includes('bgpextras');
}
