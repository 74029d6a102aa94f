/**
 * MetalLB's internal configuration for one node in FRR mode: what the speaker hands to its FRR
 * backend (one entry per `bgp.SessionParameters` with the advertisements set on that session,
 * the BFD profiles, the `bgpextras` text). The JSON shape is the one of
 * `metallb-yaml-cases/<case>/internal.json`; absent fields are MetalLB's zero values.
 *
 * The resources → internal-config half builds these objects; the renderer turns them into frr.conf.
 */

/** `dynamicASN` of a BGPPeer: the peer ASN is not fixed but "internal"/"external" (FRR `remote-as`). */
export type DynamicASN = '' | 'internal' | 'external';

export interface InternalAdvertisement {
  /** CIDR as MetalLB formats it (`192.168.10.5/32`, `2001:db8::5/128`). */
  prefix: string;
  /** 0 means "not set": no local-preference entry is rendered. */
  localPref: number;
  /** Standard communities `a:b` and large ones `large:a:b:c`, as `community.BGPCommunity.String()` writes them. */
  communities: string[];
}

export interface InternalSession {
  peerAddress: string;
  /** Interface name for BGP unnumbered peers; `peerAddress` is then empty. */
  peerInterface: string;
  peerPort: number;
  myASN: number;
  peerASN: number;
  dynamicASN: DynamicASN;
  /** `local-as` override; 0 when unset. */
  localASN: number;
  routerID: string;
  sourceAddress: string;
  vrf: string;
  password: string;
  bfdProfile: string;
  ebgpMultiHop: boolean;
  gracefulRestart: boolean;
  dualStackAddressFamily: boolean;
  /** Before v0.15 only: activate the neighbor in its own address family only (later releases always do, unless dual-stack). */
  disableMP?: boolean;
  /** Seconds; `undefined` when the BGPPeer leaves it unset (MetalLB's nil pointer), 0 is a real value. */
  holdTime?: number;
  keepaliveTime?: number;
  /** Seconds; `undefined` when unset. */
  connectTime?: number;
  advertised: InternalAdvertisement[];
}

export interface InternalBfdProfile {
  name: string;
  receiveInterval?: number;
  transmitInterval?: number;
  detectMultiplier?: number;
  echoInterval?: number;
  echoMode: boolean;
  passiveMode: boolean;
  minimumTtl?: number;
}

export interface InternalConfig {
  hostname: string;
  /** FRR log level word written after `log stdout` / `log file …` (e.g. `informational`, `debugging`). */
  logLevel: string;
  sessions: InternalSession[];
  bfdProfiles: InternalBfdProfile[];
  /** `bgpextras` ConfigMap `extras` value, appended verbatim; empty when there is none. */
  extras: string;
}

export class InternalConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid MetalLB internal config: ${problems.join('; ')}`);
    this.name = 'InternalConfigError';
  }
}

export interface InternalConfigReadResult {
  config: InternalConfig;
  /** One message per field that was present with the wrong type or value (the default was used instead). */
  problems: string[];
}

/**
 * Lenient reader: never throws, replaces every missing or ill-typed field by MetalLB's zero value
 * and reports what it replaced (absent fields are normal and not reported).
 */
export function readInternalConfig(json: unknown): InternalConfigReadResult {
  const problems: string[] = [];
  const root = asObject(json, '$', problems);
  const reader = new FieldReader(problems);
  const config: InternalConfig = {
    hostname: reader.string(root, 'hostname', '$'),
    // Absent means the speaker's default level; an explicit "" is kept (older MetalLB tests rendered it).
    logLevel: root.logLevel === undefined ? 'informational' : reader.string(root, 'logLevel', '$'),
    sessions: reader.list(root, 'sessions', '$').map((item, i) => readSession(item, `$.sessions[${i}]`, reader)),
    bfdProfiles: reader
      .list(root, 'bfdProfiles', '$')
      .map((item, i) => readBfdProfile(item, `$.bfdProfiles[${i}]`, reader)),
    extras: reader.string(root, 'extras', '$'),
  };
  return { config, problems };
}

/** Strict reader: the defaults of `readInternalConfig`, but any reported problem is an `InternalConfigError`. */
export function parseInternalConfig(json: unknown): InternalConfig {
  const { config, problems } = readInternalConfig(json);
  if (problems.length > 0) throw new InternalConfigError(problems);
  return config;
}

function readSession(value: unknown, path: string, reader: FieldReader): InternalSession {
  const obj = asObject(value, path, reader.problems);
  const dynamicASN = reader.string(obj, 'dynamicASN', path);
  if (dynamicASN !== '' && dynamicASN !== 'internal' && dynamicASN !== 'external') {
    reader.problems.push(`${path}.dynamicASN: expected "", "internal" or "external", got ${JSON.stringify(dynamicASN)}`);
  }
  const session: InternalSession = {
    peerAddress: reader.string(obj, 'peerAddress', path),
    peerInterface: reader.string(obj, 'peerInterface', path),
    peerPort: reader.integer(obj, 'peerPort', path) ?? 0,
    myASN: reader.integer(obj, 'myASN', path) ?? 0,
    peerASN: reader.integer(obj, 'peerASN', path) ?? 0,
    dynamicASN: dynamicASN === 'internal' || dynamicASN === 'external' ? dynamicASN : '',
    localASN: reader.integer(obj, 'localASN', path) ?? 0,
    routerID: reader.string(obj, 'routerID', path),
    sourceAddress: reader.string(obj, 'sourceAddress', path),
    vrf: reader.string(obj, 'vrf', path),
    password: reader.string(obj, 'password', path),
    bfdProfile: reader.string(obj, 'bfdProfile', path),
    ebgpMultiHop: reader.boolean(obj, 'ebgpMultiHop', path),
    gracefulRestart: reader.boolean(obj, 'gracefulRestart', path),
    dualStackAddressFamily: reader.boolean(obj, 'dualStackAddressFamily', path),
    advertised: reader
      .list(obj, 'advertised', path)
      .map((item, i) => readAdvertisement(item, `${path}.advertised[${i}]`, reader)),
  };
  if (obj.disableMP !== undefined) session.disableMP = reader.boolean(obj, 'disableMP', path);
  const holdTime = reader.integer(obj, 'holdTime', path);
  const keepaliveTime = reader.integer(obj, 'keepaliveTime', path);
  const connectTime = reader.integer(obj, 'connectTime', path);
  if (holdTime !== undefined) session.holdTime = holdTime;
  if (keepaliveTime !== undefined) session.keepaliveTime = keepaliveTime;
  if (connectTime !== undefined) session.connectTime = connectTime;
  if (session.peerAddress === '' && session.peerInterface === '') {
    reader.problems.push(`${path}: one of peerAddress or peerInterface is required`);
  }
  return session;
}

function readAdvertisement(value: unknown, path: string, reader: FieldReader): InternalAdvertisement {
  const obj = asObject(value, path, reader.problems);
  const communities = reader.strings(obj, 'communities', path);
  // Some producers keep large communities apart; the renderer wants MetalLB's single list.
  for (const large of reader.strings(obj, 'largeCommunities', path)) {
    communities.push(large.startsWith('large:') ? large : `large:${large}`);
  }
  const prefix = reader.string(obj, 'prefix', path);
  if (prefix === '') reader.problems.push(`${path}.prefix: required`);
  return { prefix, localPref: reader.integer(obj, 'localPref', path) ?? 0, communities };
}

function readBfdProfile(value: unknown, path: string, reader: FieldReader): InternalBfdProfile {
  const obj = asObject(value, path, reader.problems);
  const profile: InternalBfdProfile = {
    name: reader.string(obj, 'name', path),
    echoMode: reader.boolean(obj, 'echoMode', path),
    passiveMode: reader.boolean(obj, 'passiveMode', path),
  };
  if (profile.name === '') reader.problems.push(`${path}.name: required`);
  for (const key of ['receiveInterval', 'transmitInterval', 'detectMultiplier', 'echoInterval', 'minimumTtl'] as const) {
    const n = reader.integer(obj, key, path);
    if (n !== undefined) profile[key] = n;
  }
  return profile;
}

type JsonObject = Record<string, unknown>;

function asObject(value: unknown, path: string, problems: string[]): JsonObject {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  problems.push(`${path}: expected an object`);
  return {};
}

/** Reads typed fields; `null` counts as absent, like Go's JSON decoding into zero values. */
class FieldReader {
  constructor(readonly problems: string[]) {}

  string(obj: JsonObject, key: string, path: string): string {
    const v = obj[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    this.problems.push(`${path}.${key}: expected a string`);
    return '';
  }

  boolean(obj: JsonObject, key: string, path: string): boolean {
    const v = obj[key];
    if (v === undefined || v === null) return false;
    if (typeof v === 'boolean') return v;
    this.problems.push(`${path}.${key}: expected a boolean`);
    return false;
  }

  /** Non-negative integers only: every numeric field of the model is an ASN, port, time or count. */
  integer(obj: JsonObject, key: string, path: string): number | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    this.problems.push(`${path}.${key}: expected a non-negative integer`);
    return undefined;
  }

  list(obj: JsonObject, key: string, path: string): unknown[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.problems.push(`${path}.${key}: expected an array`);
    return [];
  }

  strings(obj: JsonObject, key: string, path: string): string[] {
    return this.list(obj, key, path).filter((item, i) => {
      if (typeof item === 'string') return true;
      this.problems.push(`${path}.${key}[${i}]: expected a string`);
      return false;
    }) as string[];
  }
}
