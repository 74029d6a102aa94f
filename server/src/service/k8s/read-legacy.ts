/**
 * The pre-0.13 ConfigMap `config`: its `config` key holds a YAML document of its own, which
 * MetalLB ≤ 0.12 read with yaml.v2 `UnmarshalStrict`. The inner document is parsed separately and
 * every range is mapped back through the embedded-text map, so findings land in the manifest.
 */
import { parseDocument, type Node } from 'yaml';
import type { OffsetRange } from '../types';
import type {
  BFDProfileSettings,
  LegacyAddressPool,
  LegacyBfdProfile,
  LegacyConfigMap,
  LegacyNodeSelector,
  LegacyPeer,
  LegacyUnknownKey,
  Located,
} from './resources';
import type { EmbeddedText } from './embedded-text';
import { readBfdSettings } from './read-metallb';
import { YamlReader } from './yaml-read';

/** The keys yaml.v2 accepts for each Go struct of v0.12.1's `configFile` (lower-cased field names or tags). */
const LEGACY_KEYS: Record<string, readonly string[]> = {
  'config.configFile': ['peers', 'bgp-communities', 'address-pools', 'bfd-profiles'],
  'config.peer': [
    'my-asn',
    'peer-asn',
    'peer-address',
    'source-address',
    'peer-port',
    'hold-time',
    'keepalive-time',
    'router-id',
    'node-selectors',
    'password',
    'bfd-profile',
    'ebgp-multihop',
  ],
  'config.nodeSelector': ['match-labels', 'match-expressions'],
  'config.selectorRequirements': ['key', 'operator', 'values'],
  'config.addressPool': ['protocol', 'name', 'addresses', 'avoid-buggy-ips', 'auto-assign', 'bgp-advertisements'],
  'config.bgpAdvertisement': ['aggregation-length', 'aggregation-length-v6', 'localpref', 'communities'],
  'config.bfdProfile': [
    'name',
    'receive-interval',
    'transmit-interval',
    'detect-multiplier',
    'echo-interval',
    'echo-mode',
    'passive-mode',
    'minimum-ttl',
  ],
};

const DASHED_BFD_KEYS: Record<keyof BFDProfileSettings, string> = {
  receiveInterval: 'receive-interval',
  transmitInterval: 'transmit-interval',
  detectMultiplier: 'detect-multiplier',
  echoInterval: 'echo-interval',
  echoMode: 'echo-mode',
  passiveMode: 'passive-mode',
  minimumTtl: 'minimum-ttl',
};

export interface LegacyConfigValue {
  located: Located<string>;
  embedded: EmbeddedText;
}

export function readLegacyConfig(outer: YamlReader, value: LegacyConfigValue): NonNullable<LegacyConfigMap['config']> {
  const embedded = value.embedded;
  const document = parseDocument(embedded.value, { uniqueKeys: false });
  const r = new YamlReader(outer.findings, (range: OffsetRange) => embedded.toSourceRange(range));
  for (const error of document.errors) {
    outer.findings.push({
      code: 'k8s/yaml',
      severity: 'error',
      range: embedded.toSourceRange({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }),
      message: `could not parse config: ${firstLine(error.message)}`,
    });
  }
  const unmapped = new YamlReader([]);
  const root = document.contents as Node | null;
  const unknownKeys: LegacyUnknownKey[] = [];
  const checkKeys = (node: Node | null | undefined, goType: string): void => {
    const known = LEGACY_KEYS[goType];
    const innerEntries = unmapped.entries(node);
    r.entries(node).forEach((entry, i) => {
      if (known.includes(entry.key)) return;
      const suggestion = kebabCase(entry.key);
      const unknown: LegacyUnknownKey = {
        key: { value: entry.key, range: entry.keyRange },
        goType,
        line: lineNumberAt(embedded.value, innerEntries[i].keyRange.start),
      };
      if (suggestion !== entry.key && known.includes(suggestion)) unknown.suggestion = suggestion;
      unknownKeys.push(unknown);
    });
  };
  checkKeys(root, 'config.configFile');

  const peers: LegacyPeer[] = r.objectList(root, 'peers', 'peers').map((peer) => {
    checkKeys(peer, 'config.peer');
    const nodeSelectors: LegacyNodeSelector[] = r.objectList(peer, 'node-selectors', 'node-selectors').map((selector) => {
      checkKeys(selector, 'config.nodeSelector');
      for (const expression of r.objectList(selector, 'match-expressions', 'match-expressions')) {
        checkKeys(expression, 'config.selectorRequirements');
      }
      return r.selector(selector, { matchLabels: 'match-labels', matchExpressions: 'match-expressions' }, 'node-selectors');
    });
    return {
      myASN: r.integer(peer, 'my-asn', 'my-asn'),
      peerASN: r.integer(peer, 'peer-asn', 'peer-asn'),
      peerAddress: r.string(peer, 'peer-address', 'peer-address'),
      sourceAddress: r.string(peer, 'source-address', 'source-address'),
      peerPort: r.integer(peer, 'peer-port', 'peer-port'),
      holdTime: r.string(peer, 'hold-time', 'hold-time'),
      keepaliveTime: r.string(peer, 'keepalive-time', 'keepalive-time'),
      routerID: r.string(peer, 'router-id', 'router-id'),
      nodeSelectors,
      password: r.string(peer, 'password', 'password'),
      bfdProfile: r.string(peer, 'bfd-profile', 'bfd-profile'),
      ebgpMultiHop: r.boolean(peer, 'ebgp-multihop', 'ebgp-multihop'),
      range: r.rangeOf(peer),
    };
  });

  const addressPools: LegacyAddressPool[] = r.objectList(root, 'address-pools', 'address-pools').map((pool) => {
    checkKeys(pool, 'config.addressPool');
    return {
      name: r.string(pool, 'name', 'name'),
      protocol: r.string(pool, 'protocol', 'protocol'),
      addresses: r.stringList(pool, 'addresses', 'addresses'),
      avoidBuggyIPs: r.boolean(pool, 'avoid-buggy-ips', 'avoid-buggy-ips'),
      autoAssign: r.boolean(pool, 'auto-assign', 'auto-assign'),
      bgpAdvertisements: r.objectList(pool, 'bgp-advertisements', 'bgp-advertisements').map((advertisement) => {
        checkKeys(advertisement, 'config.bgpAdvertisement');
        return {
          aggregationLength: r.integer(advertisement, 'aggregation-length', 'aggregation-length'),
          aggregationLengthV6: r.integer(advertisement, 'aggregation-length-v6', 'aggregation-length-v6'),
          localPref: r.integer(advertisement, 'localpref', 'localpref'),
          communities: r.stringList(advertisement, 'communities', 'communities'),
          range: r.rangeOf(advertisement),
        };
      }),
      range: r.rangeOf(pool),
    };
  });

  const bfdProfiles: LegacyBfdProfile[] = r.objectList(root, 'bfd-profiles', 'bfd-profiles').map((profile) => {
    checkKeys(profile, 'config.bfdProfile');
    return {
      ...readBfdSettings(r, profile, 'bfd-profiles', DASHED_BFD_KEYS),
      name: r.string(profile, 'name', 'name'),
      range: r.rangeOf(profile),
    };
  });

  return {
    peers,
    addressPools,
    bgpCommunities: r.stringMap(r.child(root, 'bgp-communities')),
    bfdProfiles,
    unknownKeys,
    range: value.located.range,
  };
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
}
