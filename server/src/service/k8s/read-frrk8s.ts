/** frr-k8s `FRRConfiguration` (`frrk8s.metallb.io/v1beta1`). */
import { isSeq, type Node } from 'yaml';
import type {
  FRRConfiguration,
  FrrK8sAdvertiseSelector,
  FrrK8sEvpn,
  FrrK8sNeighbor,
  FrrK8sReceiveSelector,
  FrrK8sRouter,
  FrrK8sVni,
  ResourceBase,
} from './resources';
import { readBfdSettings } from './read-metallb';
import { readEmbeddedScalar } from './read-embedded';
import type { YamlReader } from './yaml-read';

export function readFRRConfiguration(r: YamlReader, source: string, header: ResourceBase, object: Node): FRRConfiguration {
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
    evpn: readEvpn(r, r.child(router, 'evpn'), `${path}.evpn`),
    range: r.rangeOf(router),
  };
}

function readEvpn(r: YamlReader, node: Node | null | undefined, path: string): FrrK8sEvpn | undefined {
  if (!node) return undefined;
  const l3vni = r.child(node, 'l3vni');
  return {
    advertiseVNIs: r.string(node, 'advertiseVNIs', `${path}.advertiseVNIs`),
    advertiseSVI: r.boolean(node, 'advertiseSVI', `${path}.advertiseSVI`),
    l2vnis: r.objectList(node, 'l2vnis', `${path}.l2vnis`).map((item) => readVni(r, item, `${path}.l2vnis`)),
    l3vni: l3vni
      ? { ...readVni(r, l3vni, `${path}.l3vni`), advertisePrefixes: r.stringList(l3vni, 'advertisePrefixes', `${path}.l3vni.advertisePrefixes`) }
      : undefined,
    range: r.rangeOf(node),
  };
}

function readVni(r: YamlReader, node: Node, path: string): FrrK8sVni {
  return {
    vni: r.integer(node, 'vni', `${path}.vni`),
    rd: r.string(node, 'rd', `${path}.rd`),
    importRTs: r.stringList(node, 'importRTs', `${path}.importRTs`),
    exportRTs: r.stringList(node, 'exportRTs', `${path}.exportRTs`),
    range: r.rangeOf(node),
  };
}

function readNeighbor(r: YamlReader, neighbor: Node): FrrK8sNeighbor {
  const path = 'spec.bgp.routers.neighbors';
  const at = (field: string) => `${path}.${field}`;
  const toReceive = r.child(neighbor, 'toReceive');
  const toAdvertise = r.child(neighbor, 'toAdvertise');
  const addressFamilies = r.stringList(neighbor, 'addressFamilies', at('addressFamilies'));
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
    localASN: r.integer(neighbor, 'localASN', at('localASN')),
    // Only a list overrides the API server's default; anything else is absent (or a schema error).
    addressFamilies: isSeq(r.child(neighbor, 'addressFamilies')) ? addressFamilies : undefined,
    toReceive: toReceive
      ? { allowed: readReceiveSelector(r, r.child(toReceive, 'allowed'), at('toReceive.allowed')), range: r.rangeOf(toReceive) }
      : undefined,
    toAdvertise: toAdvertise ? readToAdvertise(r, toAdvertise, at('toAdvertise')) : undefined,
    range: r.rangeOf(neighbor),
  };
}

/**
 * `toReceive.allowed`: the CRD's prefixes are objects (`prefix`, `ge`, `le`). A plain CIDR item, as
 * frr-k8s's own older samples write them, is refused by the API server: `objectList` reports it,
 * and it is read as absent.
 */
function readReceiveSelector(r: YamlReader, node: Node | null | undefined, path: string): FrrK8sReceiveSelector | undefined {
  if (!node) return undefined;
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
  const nextHop = r.child(node, 'nextHop');
  const advertised: FrrK8sAdvertiseSelector | undefined = allowed
    ? {
        mode: r.string(allowed, 'mode', `${path}.allowed.mode`),
        prefixes: r.stringList(allowed, 'prefixes', `${path}.allowed.prefixes`),
        range: r.rangeOf(allowed),
      }
    : undefined;
  return {
    allowed: advertised,
    nextHop: nextHop
      ? { ipv4: r.string(nextHop, 'ipv4', `${path}.nextHop.ipv4`), ipv6: r.string(nextHop, 'ipv6', `${path}.nextHop.ipv6`), range: r.rangeOf(nextHop) }
      : undefined,
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
