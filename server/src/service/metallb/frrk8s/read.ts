/**
 * Lenient reader of frr-k8s internal-config JSON (the fixture format of the renderer goldens,
 * which conformance/frrk8s-render.ts replays): absent fields take frr-k8s's zero values and
 * ill-typed ones are replaced by them, so any JSON value yields a config without throwing.
 */
import type {
  AddressFamily,
  BfdProfileConfig,
  EvpnConfig,
  FrrK8sConfig,
  IPFamily,
  IncomingFilter,
  ModifierPrefixList,
  NeighborConfig,
  NeighborFamily,
  RouterConfig,
  VniProperties,
} from './model';
import { emptyNeighbor } from './model';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strs = (v: unknown): string[] => list(v).filter((s): s is string => typeof s === 'string');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean => v === true;
const ipFamily = (v: unknown): IPFamily => (v === 'ipv6' ? 'ipv6' : 'ipv4');

export function readFrrK8sConfig(json: unknown): FrrK8sConfig {
  const root = obj(json);
  return {
    logLevel: str(root.logLevel, 'informational'),
    hostname: str(root.hostname, 'dummyhostname'),
    routers: list(root.routers).map(readRouter),
    bfdProfiles: list(root.bfdProfiles).map(readBfdProfile),
    extraConfig: str(root.extraConfig),
  };
}

function readRouter(value: unknown): RouterConfig {
  const r = obj(value);
  const vrf = str(r.vrf);
  const router: RouterConfig = {
    asn: num(r.asn) ?? 0,
    routerID: str(r.routerID),
    vrf,
    neighbors: list(r.neighbors).map(readNeighbor),
    ipv4Prefixes: strs(r.ipv4Prefixes),
    ipv6Prefixes: strs(r.ipv6Prefixes),
    importVRFs: strs(r.importVRFs),
  };
  if (r.evpn !== undefined) router.evpn = readEvpn(r.evpn);
  return router;
}

function readNeighbor(value: unknown): NeighborConfig {
  const n = obj(value);
  const out = obj(n.outgoing);
  const inc = obj(n.incoming);
  const family: NeighborFamily = n.family === 'ipv6' || n.family === 'dual' ? n.family : 'ipv4';
  const neighbor = emptyNeighbor({
    family,
    asn: typeof n.asn === 'number' ? String(n.asn) : str(n.asn),
    addr: str(n.addr),
    iface: str(n.iface),
    vrf: str(n.vrf),
    srcAddr: str(n.srcAddr),
    password: str(n.password),
    bfdProfile: str(n.bfdProfile),
    gracefulRestart: bool(n.gracefulRestart),
    ebgpMultiHop: bool(n.ebgpMultiHop),
    localASN: num(n.localASN) ?? 0,
    addressFamilies: strs(n.addressFamilies).filter((f): f is AddressFamily => f === 'unicast' || f === 'evpn'),
    outgoing: {
      prefixesV4: strs(out.prefixesV4),
      prefixesV6: strs(out.prefixesV6),
      modifiers: list(out.modifiers).map(readModifier),
      nextHopV4: str(out.nextHopV4),
      nextHopV6: str(out.nextHopV6),
    },
    incoming: { all: bool(inc.all), prefixesV4: list(inc.prefixesV4).map(readFilter), prefixesV6: list(inc.prefixesV6).map(readFilter) },
    alwaysBlock: list(n.alwaysBlock).map(readFilter),
  });
  for (const key of ['port', 'holdTime', 'keepaliveTime', 'connectTime'] as const) {
    const v = num(n[key]);
    if (v !== undefined) neighbor[key] = v;
  }
  return neighbor;
}

function readFilter(value: unknown): IncomingFilter {
  const f = obj(value);
  return { family: ipFamily(f.family), prefix: str(f.prefix), le: num(f.le) ?? 0, ge: num(f.ge) ?? 0 };
}

function readModifier(value: unknown): ModifierPrefixList {
  const m = obj(value);
  const modifier: ModifierPrefixList = { name: str(m.name), family: ipFamily(m.family), prefixes: strs(m.prefixes) };
  if (typeof m.community === 'string') modifier.community = m.community;
  else modifier.localPref = num(m.localPref) ?? 0;
  return modifier;
}

function readVni(value: unknown): VniProperties {
  const v = obj(value);
  return { vni: num(v.vni) ?? 0, rd: str(v.rd), importRTs: strs(v.importRTs), exportRTs: strs(v.exportRTs) };
}

function readEvpn(value: unknown): EvpnConfig {
  const e = obj(value);
  const evpn: EvpnConfig = {
    advertiseAllVni: bool(e.advertiseAllVni),
    advertiseSvi: bool(e.advertiseSvi),
    l2vnis: list(e.l2vnis).map(readVni),
  };
  if (e.l3vni !== undefined) evpn.l3vni = { ...readVni(e.l3vni), advertiseUnicast: bool(obj(e.l3vni).advertiseUnicast) };
  return evpn;
}

function readBfdProfile(value: unknown): BfdProfileConfig {
  const p = obj(value);
  const profile: BfdProfileConfig = { name: str(p.name), echoMode: bool(p.echoMode), passiveMode: bool(p.passiveMode) };
  for (const key of ['receiveInterval', 'transmitInterval', 'detectMultiplier', 'echoInterval', 'minimumTtl'] as const) {
    const v = num(p[key]);
    if (v !== undefined) profile[key] = v;
  }
  return profile;
}
