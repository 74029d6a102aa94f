/** Core Kubernetes objects MetalLB reads: Secret (peer passwords), Node (labels), Service (IPs). */
import { isSeq, type Node as YamlNode } from 'yaml';
import type { Located, Node, ResourceBase, Secret, Service } from './resources';
import type { YamlReader } from './yaml-read';

export function readSecret(r: YamlReader, header: ResourceBase, object: YamlNode): Secret {
  const values: Record<string, Located<string>> = {};
  for (const [key, located] of Object.entries(r.stringMap(r.child(object, 'data')))) {
    const decoded = decodeBase64(located.value);
    if (decoded !== undefined) values[key] = { ...located, value: decoded };
  }
  Object.assign(values, r.stringMap(r.child(object, 'stringData')));
  return { ...header, kind: 'Secret', type: r.string(object, 'type', 'type'), values };
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function readNode(header: ResourceBase): Node {
  return { ...header, kind: 'Node' };
}

const LOAD_BALANCER_IPS_ANNOTATIONS = ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs'];
const ADDRESS_POOL_ANNOTATIONS = ['metallb.io/address-pool', 'metallb.universe.tf/address-pool'];

export function readService(r: YamlReader, header: ResourceBase, object: YamlNode): Service {
  const spec = r.child(object, 'spec');
  const ingress = r.child(r.child(r.child(object, 'status'), 'loadBalancer'), 'ingress');
  const ingressIPs: Located<string>[] = [];
  if (isSeq(ingress)) {
    for (const item of ingress.items as YamlNode[]) {
      const ip = r.string(item, 'ip', 'status.loadBalancer.ingress.ip');
      ingressIPs.push(ip ?? { value: '', range: r.rangeOf(item) });
    }
  }
  const annotations = header.metadata.annotations;
  const ipsAnnotation = LOAD_BALANCER_IPS_ANNOTATIONS.map((key) => annotations[key]).find((a) => a !== undefined);
  const poolAnnotation = ADDRESS_POOL_ANNOTATIONS.map((key) => annotations[key]).find((a) => a !== undefined);
  return {
    ...header,
    kind: 'Service',
    spec: {
      type: r.string(spec, 'type', 'spec.type'),
      loadBalancerIP: r.string(spec, 'loadBalancerIP', 'spec.loadBalancerIP'),
      loadBalancerClass: r.string(spec, 'loadBalancerClass', 'spec.loadBalancerClass'),
      ipFamilies: r.stringList(spec, 'ipFamilies', 'spec.ipFamilies'),
      externalTrafficPolicy: r.string(spec, 'externalTrafficPolicy', 'spec.externalTrafficPolicy'),
    },
    ingressIPs,
    annotationIPs: ipsAnnotation ? splitAnnotationIPs(ipsAnnotation) : [],
    addressPool: poolAnnotation,
  };
}

/**
 * The comma-separated annotation value, split with each IP's own range. Ranges are exact only for
 * plain and single-line quoted values, which is how the annotation is written in practice.
 */
function splitAnnotationIPs(annotation: Located<string>): Located<string>[] {
  const out: Located<string>[] = [];
  const quoteShift = annotation.range.end - annotation.range.start === annotation.value.length ? 0 : 1;
  let offset = 0;
  for (const part of annotation.value.split(',')) {
    const trimmedStart = part.length - part.trimStart().length;
    const ip = part.trim();
    if (ip !== '') {
      const start = annotation.range.start + quoteShift + offset + trimmedStart;
      out.push({ value: ip, range: { start, end: start + ip.length } });
    }
    offset += part.length + 1;
  }
  return out;
}
