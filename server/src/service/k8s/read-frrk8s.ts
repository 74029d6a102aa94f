/** frr-k8s `FRRConfiguration` (`frrk8s.metallb.io/v1beta1`). */
import { isMap, isSeq, type Node } from 'yaml';
import type {
  FRRConfiguration,
  FrrK8sAdvertiseSelector,
  FrrK8sNeighbor,
  FrrK8sReceiveSelector,
  FrrK8sRouter,
} from './resources';
import type { ResourceHeader } from './read-common';
import { readBfdSettings } from './read-metallb';
import { readEmbeddedScalar } from './read-embedded';
import type { YamlReader } from './yaml-read';

export function readFRRConfiguration(r: YamlReader, source: string, header: ResourceHeader, object: Node): FRRConfiguration {
  const spec = r.child(object, 'spec');
  const bgp = r.child(spec, 'bgp');
  const raw = r.child(spec, 'raw');
  const nodeSelector = r.child(spec, 'nodeSelector');
  return {
    ...header,
    kind: 'FRRConfiguration',
    spec: {
      routers: r.objectList(bgp, 'routers', 'spec.bgp.routers').map((router) => readRouter(r, router)),
      bfdProfiles: r.objectList(bgp, 'bfdProfiles', 'spec.bgp.bfdProfiles').map((profile) => ({
        ...readBfdSettings(r, profile, 'spec.bgp.bfdProfiles'),
        name: r.string(profile, 'name', 'spec.bgp.bfdProfiles.name'),
        range: r.rangeOf(profile),
      })),
      raw: raw
        ? {
            rawConfig: readEmbeddedScalar(r, source, raw, 'rawConfig', 'spec.raw.rawConfig'),
            priority: r.integer(raw, 'priority', 'spec.raw.priority'),
            range: r.rangeOf(raw),
          }
        : undefined,
      nodeSelector: nodeSelector
        ? r.selector(nodeSelector, { matchLabels: 'matchLabels', matchExpressions: 'matchExpressions' }, 'spec.nodeSelector')
        : undefined,
    },
  };
}

function readRouter(r: YamlReader, router: Node): FrrK8sRouter {
  const path = 'spec.bgp.routers';
  return {
    asn: r.integer(router, 'asn', `${path}.asn`),
    id: r.string(router, 'id', `${path}.id`),
    vrf: r.string(router, 'vrf', `${path}.vrf`),
    neighbors: r.objectList(router, 'neighbors', `${path}.neighbors`).map((neighbor) => readNeighbor(r, neighbor)),
    prefixes: r.stringList(router, 'prefixes', `${path}.prefixes`),
    imports: r.objectList(router, 'imports', `${path}.imports`).map((item) => ({
      vrf: r.string(item, 'vrf', `${path}.imports.vrf`),
      range: r.rangeOf(item),
    })),
    range: r.rangeOf(router),
  };
}

function readNeighbor(r: YamlReader, neighbor: Node): FrrK8sNeighbor {
  const path = 'spec.bgp.routers.neighbors';
  const at = (field: string) => `${path}.${field}`;
  const toReceive = r.child(neighbor, 'toReceive');
  const toAdvertise = r.child(neighbor, 'toAdvertise');
  return {
    asn: r.integer(neighbor, 'asn', at('asn')),
    dynamicASN: r.string(neighbor, 'dynamicASN', at('dynamicASN')),
    address: r.string(neighbor, 'address', at('address')),
    interface: r.string(neighbor, 'interface', at('interface')),
    port: r.integer(neighbor, 'port', at('port')),
    sourceaddress: r.string(neighbor, 'sourceaddress', at('sourceaddress')),
    password: r.string(neighbor, 'password', at('password')),
    passwordSecret: r.secretReference(neighbor, 'passwordSecret', at('passwordSecret')),
    holdTime: r.string(neighbor, 'holdTime', at('holdTime')),
    keepaliveTime: r.string(neighbor, 'keepaliveTime', at('keepaliveTime')),
    connectTime: r.string(neighbor, 'connectTime', at('connectTime')),
    bfdProfile: r.string(neighbor, 'bfdProfile', at('bfdProfile')),
    ebgpMultiHop: r.boolean(neighbor, 'ebgpMultiHop', at('ebgpMultiHop')),
    enableGracefulRestart: r.boolean(neighbor, 'enableGracefulRestart', at('enableGracefulRestart')),
    disableMP: r.boolean(neighbor, 'disableMP', at('disableMP')),
    dualStackAddressFamily: r.boolean(neighbor, 'dualStackAddressFamily', at('dualStackAddressFamily')),
    toReceive: toReceive
      ? { allowed: readReceiveSelector(r, r.child(toReceive, 'allowed'), at('toReceive.allowed')), range: r.rangeOf(toReceive) }
      : undefined,
    toAdvertise: toAdvertise ? readToAdvertise(r, toAdvertise, at('toAdvertise')) : undefined,
    range: r.rangeOf(neighbor),
  };
}

/**
 * `toReceive.allowed`: the CRD's prefixes are objects (`prefix`, `ge`, `le`). A plain CIDR item, as
 * frr-k8s's own older samples write them, is refused by the API server: reported, and read as absent.
 */
function readReceiveSelector(r: YamlReader, node: Node | null | undefined, path: string): FrrK8sReceiveSelector | undefined {
  if (!node) return undefined;
  const list = r.entry(node, 'prefixes');
  if (list && isSeq(list.value)) {
    for (const item of list.value.items as (Node | null)[]) {
      if (isMap(item)) continue;
      const range = r.rangeOf(item, list.valueRange);
      r.typeError(`${path}.prefixes`, 'object', { key: 'prefixes', keyRange: range, value: item, valueRange: range });
    }
  }
  const prefixes = r.objectList(node, 'prefixes', `${path}.prefixes`).map((item) => ({
    prefix: r.string(item, 'prefix', `${path}.prefixes.prefix`),
    ge: r.integer(item, 'ge', `${path}.prefixes.ge`),
    le: r.integer(item, 'le', `${path}.prefixes.le`),
    range: r.rangeOf(item),
  }));
  return { mode: r.string(node, 'mode', `${path}.mode`), prefixes, range: r.rangeOf(node) };
}

function readToAdvertise(r: YamlReader, node: Node, path: string): NonNullable<FrrK8sNeighbor['toAdvertise']> {
  const allowed = r.child(node, 'allowed');
  const advertised: FrrK8sAdvertiseSelector | undefined = allowed
    ? {
        mode: r.string(allowed, 'mode', `${path}.allowed.mode`),
        prefixes: r.stringList(allowed, 'prefixes', `${path}.allowed.prefixes`),
        range: r.rangeOf(allowed),
      }
    : undefined;
  return {
    allowed: advertised,
    withLocalPref: r.objectList(node, 'withLocalPref', `${path}.withLocalPref`).map((item) => ({
      localPref: r.integer(item, 'localPref', `${path}.withLocalPref.localPref`),
      prefixes: r.stringList(item, 'prefixes', `${path}.withLocalPref.prefixes`),
      range: r.rangeOf(item),
    })),
    withCommunity: r.objectList(node, 'withCommunity', `${path}.withCommunity`).map((item) => ({
      community: r.string(item, 'community', `${path}.withCommunity.community`),
      prefixes: r.stringList(item, 'prefixes', `${path}.withCommunity.prefixes`),
      range: r.rangeOf(item),
    })),
    range: r.rangeOf(node),
  };
}
