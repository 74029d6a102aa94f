/** MetalLB custom resources (`metallb.io/*`) from their YAML objects. */
import type { Node } from 'yaml';
import type {
  BFDProfile,
  BFDProfileSettings,
  BGPAdvertisement,
  BGPPeer,
  Community,
  IPAddressPool,
  L2Advertisement,
  ResourceBase,
} from './resources';
import type { YamlReader } from './yaml-read';

export function readBGPPeer(r: YamlReader, header: ResourceBase, object: Node): BGPPeer {
  const specEntry = r.entry(object, 'spec');
  const spec = specEntry?.value;
  const at = (field: string) => `spec.${field}`;
  return {
    ...header,
    kind: 'BGPPeer',
    version: header.apiVersion.split('/')[1] ?? '',
    specRange: specEntry ? specEntry.valueRange : undefined,
    spec: {
      myASN: r.integer(spec, 'myASN', at('myASN')),
      peerASN: r.integer(spec, 'peerASN', at('peerASN')),
      dynamicASN: r.string(spec, 'dynamicASN', at('dynamicASN')),
      localASN: r.integer(spec, 'localASN', at('localASN')),
      peerAddress: r.string(spec, 'peerAddress', at('peerAddress')),
      interface: r.string(spec, 'interface', at('interface')),
      peerPort: r.integer(spec, 'peerPort', at('peerPort')),
      sourceAddress: r.string(spec, 'sourceAddress', at('sourceAddress')),
      routerID: r.string(spec, 'routerID', at('routerID')),
      holdTime: r.string(spec, 'holdTime', at('holdTime')),
      keepaliveTime: r.string(spec, 'keepaliveTime', at('keepaliveTime')),
      connectTime: r.string(spec, 'connectTime', at('connectTime')),
      password: r.string(spec, 'password', at('password')),
      passwordSecret: r.secretReference(spec, 'passwordSecret', at('passwordSecret')),
      bfdProfile: r.string(spec, 'bfdProfile', at('bfdProfile')),
      ebgpMultiHop: r.boolean(spec, 'ebgpMultiHop', at('ebgpMultiHop')),
      vrf: r.string(spec, 'vrf', at('vrf')),
      nodeSelectors: r.entry(spec, 'nodeSelectors') ? r.selectorList(spec, 'nodeSelectors', at('nodeSelectors')) : undefined,
      enableGracefulRestart: r.boolean(spec, 'enableGracefulRestart', at('enableGracefulRestart')),
      disableMP: r.boolean(spec, 'disableMP', at('disableMP')),
      dualStackAddressFamily: r.boolean(spec, 'dualStackAddressFamily', at('dualStackAddressFamily')),
    },
  };
}

export function readIPAddressPool(r: YamlReader, header: ResourceBase, object: Node): IPAddressPool {
  const specEntry = r.entry(object, 'spec');
  const spec = specEntry?.value;
  const allocation = r.child(spec, 'serviceAllocation');
  return {
    ...header,
    kind: 'IPAddressPool',
    specRange: specEntry ? specEntry.valueRange : undefined,
    spec: {
      addresses: r.stringList(spec, 'addresses', 'spec.addresses'),
      autoAssign: r.boolean(spec, 'autoAssign', 'spec.autoAssign'),
      avoidBuggyIPs: r.boolean(spec, 'avoidBuggyIPs', 'spec.avoidBuggyIPs'),
      serviceAllocation: allocation
        ? {
            priority: r.integer(allocation, 'priority', 'spec.serviceAllocation.priority'),
            namespaces: r.stringList(allocation, 'namespaces', 'spec.serviceAllocation.namespaces'),
            namespaceSelectors: r.selectorList(allocation, 'namespaceSelectors', 'spec.serviceAllocation.namespaceSelectors'),
            serviceSelectors: r.selectorList(allocation, 'serviceSelectors', 'spec.serviceAllocation.serviceSelectors'),
            range: r.rangeOf(allocation),
          }
        : undefined,
    },
  };
}

export function readBGPAdvertisement(r: YamlReader, header: ResourceBase, object: Node): BGPAdvertisement {
  const specEntry = r.entry(object, 'spec');
  const spec = specEntry?.value;
  return {
    ...header,
    kind: 'BGPAdvertisement',
    specRange: specEntry ? specEntry.valueRange : undefined,
    spec: {
      ipAddressPools: r.stringList(spec, 'ipAddressPools', 'spec.ipAddressPools'),
      ipAddressPoolSelectors: r.selectorList(spec, 'ipAddressPoolSelectors', 'spec.ipAddressPoolSelectors'),
      serviceSelectors: r.selectorList(spec, 'serviceSelectors', 'spec.serviceSelectors'),
      aggregationLength: r.integer(spec, 'aggregationLength', 'spec.aggregationLength'),
      aggregationLengthV6: r.integer(spec, 'aggregationLengthV6', 'spec.aggregationLengthV6'),
      localPref: r.integer(spec, 'localPref', 'spec.localPref'),
      communities: r.stringList(spec, 'communities', 'spec.communities'),
      peers: r.stringList(spec, 'peers', 'spec.peers'),
      nodeSelectors: r.selectorList(spec, 'nodeSelectors', 'spec.nodeSelectors'),
    },
  };
}

export function readL2Advertisement(r: YamlReader, header: ResourceBase, object: Node): L2Advertisement {
  const spec = r.child(object, 'spec');
  return {
    ...header,
    kind: 'L2Advertisement',
    spec: {
      ipAddressPools: r.stringList(spec, 'ipAddressPools', 'spec.ipAddressPools'),
      ipAddressPoolSelectors: r.selectorList(spec, 'ipAddressPoolSelectors', 'spec.ipAddressPoolSelectors'),
      nodeSelectors: r.selectorList(spec, 'nodeSelectors', 'spec.nodeSelectors'),
      interfaces: r.stringList(spec, 'interfaces', 'spec.interfaces'),
    },
  };
}

export function readCommunity(r: YamlReader, header: ResourceBase, object: Node): Community {
  const spec = r.child(object, 'spec');
  return {
    ...header,
    kind: 'Community',
    spec: {
      communities: r.objectList(spec, 'communities', 'spec.communities').map((item) => ({
        name: r.string(item, 'name', 'spec.communities.name'),
        value: r.string(item, 'value', 'spec.communities.value'),
        range: r.rangeOf(item),
      })),
    },
  };
}

/** The BFD settings shared by BFDProfile, frr-k8s profiles and (with dashed keys) the legacy config. */
export function readBfdSettings(
  r: YamlReader,
  node: Node | null | undefined,
  path: string,
  keys: Record<keyof BFDProfileSettings, string> = CAMEL_BFD_KEYS,
): BFDProfileSettings {
  const at = (field: string) => `${path}.${field}`;
  return {
    receiveInterval: r.integer(node, keys.receiveInterval, at(keys.receiveInterval)),
    transmitInterval: r.integer(node, keys.transmitInterval, at(keys.transmitInterval)),
    detectMultiplier: r.integer(node, keys.detectMultiplier, at(keys.detectMultiplier)),
    echoInterval: r.integer(node, keys.echoInterval, at(keys.echoInterval)),
    echoMode: r.boolean(node, keys.echoMode, at(keys.echoMode)),
    passiveMode: r.boolean(node, keys.passiveMode, at(keys.passiveMode)),
    minimumTtl: r.integer(node, keys.minimumTtl, at(keys.minimumTtl)),
  };
}

const CAMEL_BFD_KEYS: Record<keyof BFDProfileSettings, string> = {
  receiveInterval: 'receiveInterval',
  transmitInterval: 'transmitInterval',
  detectMultiplier: 'detectMultiplier',
  echoInterval: 'echoInterval',
  echoMode: 'echoMode',
  passiveMode: 'passiveMode',
  minimumTtl: 'minimumTtl',
};

export function readBFDProfile(r: YamlReader, header: ResourceBase, object: Node): BFDProfile {
  return { ...header, kind: 'BFDProfile', spec: readBfdSettings(r, r.child(object, 'spec'), 'spec') };
}
