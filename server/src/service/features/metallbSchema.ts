/**
 * The fields of the MetalLB kinds, written from the MetalLB API documentation for completion:
 * names, types, enum values, and which other resources a value names. Only what completion needs;
 * validation stays with the webhook rules.
 */

export type RefKind = 'BFDProfile' | 'BGPPeer' | 'IPAddressPool' | 'Community';

export interface FieldSchema {
  type: 'string' | 'integer' | 'boolean' | 'object' | 'list' | 'map';
  doc: string;
  enum?: readonly string[];
  /** The value names a resource of this kind (for lists: each item does). */
  ref?: RefKind;
  fields?: Record<string, FieldSchema>;
  /** Schema of list items. */
  items?: FieldSchema;
}

const str = (doc: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'string', doc, ...extra });
const int = (doc: string): FieldSchema => ({ type: 'integer', doc });
const bool = (doc: string): FieldSchema => ({ type: 'boolean', doc, enum: ['true', 'false'] });
const obj = (doc: string, fields: Record<string, FieldSchema>): FieldSchema => ({ type: 'object', doc, fields });
const list = (doc: string, items: FieldSchema, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'list', doc, items, ...extra });
const map = (doc: string): FieldSchema => ({ type: 'map', doc });

const SELECTOR = obj('A Kubernetes label selector.', {
  matchLabels: map('Labels that must all be present with these values.'),
  matchExpressions: list(
    'Set-based requirements, all of which must hold.',
    obj('A requirement.', {
      key: str('The label key.'),
      operator: str('How the values apply.', { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }),
      values: list('Values for In / NotIn.', str('A label value.')),
    }),
  ),
});

const BFD_SETTINGS: Record<string, FieldSchema> = {
  receiveInterval: int('Minimum interval between received BFD control packets, ms (10-60000, default 300).'),
  transmitInterval: int('Minimum transmission interval of BFD control packets, ms (10-60000, default 300).'),
  detectMultiplier: int('Packets that may be lost before the session goes down (2-255, default 3).'),
  echoInterval: int('Minimum interval of echo packets, ms (10-60000, default 50).'),
  echoMode: bool('Send echo packets (IPv4 single-hop sessions only).'),
  passiveMode: bool('Wait for the peer to start the session.'),
  minimumTtl: int('Minimum expected TTL of incoming multi-hop packets (1-254, default 254).'),
};

const SPECS: Record<string, Record<string, FieldSchema>> = {
  BGPPeer: {
    myASN: int('AS number of the MetalLB speaker.'),
    peerASN: int('AS number of the peer (or use dynamicASN).'),
    dynamicASN: str('Peer AS detected at session setup: internal (iBGP) or external (eBGP).', { enum: ['internal', 'external'] }),
    localASN: int('AS number to present to the peer instead of myASN (FRR `local-as`).'),
    peerAddress: str('Address of the peer. MetalLB names its route-maps `<peerAddress>[-<vrf>]-in|-out` after it.'),
    interface: str('Interface for BGP unnumbered (instead of peerAddress).'),
    peerPort: int('TCP port of the peer (default 179).'),
    sourceAddress: str('Source address of the session.'),
    routerID: str('BGP router ID; all peers on a node must agree in FRR mode.'),
    holdTime: str('Hold time, a Go duration (`90s`); 0 or at least 3s.'),
    keepaliveTime: str('Keepalive time, a Go duration; below holdTime.'),
    connectTime: str('Time between connection attempts, a Go duration (1s-65535s).'),
    password: str('TCP MD5 password (or use passwordSecret).'),
    passwordSecret: obj('Secret holding the password (type kubernetes.io/basic-auth).', {
      name: str('Secret name.'),
      namespace: str('Secret namespace (MetalLB’s own).'),
    }),
    bfdProfile: str('BFDProfile monitoring the session.', { ref: 'BFDProfile' }),
    ebgpMultiHop: bool('The peer is more than one hop away (eBGP only).'),
    vrf: str('VRF of the session; neighbor IDs get a `-<vrf>` suffix.'),
    nodeSelectors: list('Nodes that peer (absent: every node).', SELECTOR),
    enableGracefulRestart: bool('BGP graceful restart (helper and restarting).'),
    disableMP: bool('Deprecated: separate sessions per address family.'),
    dualStackAddressFamily: bool('Activate both address families on this session.'),
  },
  IPAddressPool: {
    addresses: list('CIDRs or `first-last` ranges to allocate LoadBalancer IPs from.', str('A CIDR or range.')),
    autoAssign: bool('Allocate from this pool automatically (default true).'),
    avoidBuggyIPs: bool('Skip .0 and .255 addresses.'),
    serviceAllocation: obj('Which Services may get IPs from this pool.', {
      priority: int('Lower is preferred.'),
      namespaces: list('Namespaces allowed.', str('A namespace.')),
      namespaceSelectors: list('Namespaces allowed, by label.', SELECTOR),
      serviceSelectors: list('Services allowed, by label.', SELECTOR),
    }),
  },
  BGPAdvertisement: {
    ipAddressPools: list('Pools announced (by name).', str('An IPAddressPool name.', { ref: 'IPAddressPool' }), { ref: 'IPAddressPool' }),
    ipAddressPoolSelectors: list('Pools announced, by label.', SELECTOR),
    serviceSelectors: list('Services announced, by label.', SELECTOR),
    aggregationLength: int('Prefix length announced for IPv4 (default 32).'),
    aggregationLengthV6: int('Prefix length announced for IPv6 (default 128).'),
    localPref: int('LOCAL_PREF attached (iBGP).'),
    communities: list('Communities attached: `a:b`, `large:a:b:c`, or a Community alias name.', str('A community.', { ref: 'Community' }), {
      ref: 'Community',
    }),
    peers: list('BGPPeers to announce to (by name; absent: all).', str('A BGPPeer name.', { ref: 'BGPPeer' }), { ref: 'BGPPeer' }),
    nodeSelectors: list('Nodes that announce (absent: every node).', SELECTOR),
  },
  L2Advertisement: {
    ipAddressPools: list('Pools announced (by name).', str('An IPAddressPool name.', { ref: 'IPAddressPool' }), { ref: 'IPAddressPool' }),
    ipAddressPoolSelectors: list('Pools announced, by label.', SELECTOR),
    nodeSelectors: list('Nodes that announce.', SELECTOR),
    interfaces: list('Interfaces to answer ARP/NDP on.', str('An interface name.')),
  },
  Community: {
    communities: list(
      'Named community values BGPAdvertisements can refer to.',
      obj('An alias.', { name: str('Alias name.'), value: str('`a:b` or `large:a:b:c`.') }),
    ),
  },
  BFDProfile: BFD_SETTINGS,
};

const API_VERSIONS: Record<string, readonly string[]> = {
  BGPPeer: ['metallb.io/v1beta2', 'metallb.io/v1beta1'],
  IPAddressPool: ['metallb.io/v1beta1'],
  BGPAdvertisement: ['metallb.io/v1beta1'],
  L2Advertisement: ['metallb.io/v1beta1'],
  Community: ['metallb.io/v1beta1'],
  BFDProfile: ['metallb.io/v1beta1'],
};

export const METALLB_KINDS: readonly string[] = Object.keys(SPECS);

/** The schema of a whole object of `kind` (top-level fields). */
function objectSchema(kind: string | undefined): FieldSchema {
  const spec = kind ? SPECS[kind] : undefined;
  return obj(kind ?? 'object', {
    apiVersion: str('API group and version.', { enum: (kind && API_VERSIONS[kind]) || ['metallb.io/v1beta1', 'metallb.io/v1beta2', 'v1'] }),
    kind: str('Resource kind.', { enum: METALLB_KINDS }),
    metadata: obj('Object metadata.', {
      name: str('Name; MetalLB resources are referred to by it.'),
      namespace: str('MetalLB reads its resources only from its own namespace (metallb-system by default).'),
      labels: map('Labels.'),
      annotations: map('Annotations.'),
    }),
    ...(spec ? { spec: obj(`${kind} spec.`, spec) } : {}),
  });
}

/** The schema at a path of keys (`[]` steps into list items); undefined when the path leaves the schema. */
export function schemaAt(kind: string | undefined, path: readonly string[]): FieldSchema | undefined {
  let schema: FieldSchema | undefined = objectSchema(kind);
  for (const step of path) {
    if (!schema) return undefined;
    schema = step === '[]' ? schema.items : schema.fields?.[step];
  }
  return schema;
}
