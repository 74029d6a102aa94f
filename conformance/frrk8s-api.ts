/**
 * Conformance: frr-k8s's API conversion and webhook against upstream data in ../shared/corpus.
 *   (1) FRRConfigurations equivalent to the internal configs of frr-k8s renderer goldens merge and
 *       render byte for byte like frrk8s/golden/TestX.golden: the conversion gives a neighbor only
 *       its own address families (both with dualStackAddressFamily), as api_to_config.go does, and
 *       carries localASN, toAdvertise.nextHop, addressFamilies and the router's evpn section.
 *       (TestEVPNFull is not among them: its internal config lists VRF red before blue, an order
 *       frr-k8s's conversion, which sorts routers by VRF, never produces.)
 *   (2) frr-k8s's samples and demo templates, and MetalLB's examples, are objects upstream applies:
 *       each manifest set alone gets no frrk8s/webhook error and no frrk8s/merge-conflict.
 *   (3) the EVPN examples of frr-k8s's README (`spec:` snippets) get no error either.
 * Run: node --import tsx conformance/frrk8s-api.ts
 * Exit 2 when the corpus is missing, 1 when a golden renders otherwise or a sample or README example is refused.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../server/src/service/k8s/parse';
import { buildExtrasContext } from '../server/src/service/metallb/extras/context';
import type { FrrConfigurationSpec, NeighborSpec } from '../server/src/service/metallb/frrk8s/api';
import { MERGE_CONFLICT, mergeFrrConfigurations } from '../server/src/service/metallb/frrk8s/merge';
import { renderFrrK8s } from '../server/src/service/metallb/frrk8s/render';
import { frrk8sWebhook, WEBHOOK_CODE } from '../server/src/service/rules/frrk8s/webhook';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const goldens = join(corpus, 'frrk8s', 'golden');
const sampleFolders = ['frrk8s/samples', 'frrk8s/demo-templates', 'metallb-yaml'].map((folder) => join(corpus, folder));
const readme = join(corpus, 'frrk8s', 'docs', 'README.md');
for (const needed of [goldens, ...sampleFolders, readme]) {
  if (!existsSync(needed)) {
    console.error(`frrk8s-api: missing ${needed} (set FRR_METALLB_CORPUS to the corpus folder)`);
    process.exit(2);
  }
}

/** frr_test.go's router of both tests: one IPv4 and one IPv6 neighbor, one prefix per family. */
function oneV4AndOneV6(v4: NeighborSpec, v6: NeighborSpec): FrrConfigurationSpec {
  return {
    bgp: {
      routers: [{
        asn: 65000,
        prefixes: ['192.169.1.0/24', '2001:db8:abcd::/48'],
        neighbors: [
          { asn: 65001, address: '192.168.1.2', ...v4 },
          { asn: 65002, address: '2001:db8::1', ebgpMultiHop: true, ...v6 },
        ],
      }],
    },
  };
}

const API_GOLDENS: Record<string, FrrConfigurationSpec> = {
  // `mode: all` on both: each neighbor must still advertise only its own family.
  TestMultipleNeighborsOneV4AndOneV6: oneV4AndOneV6(
    { sourceaddress: '192.168.1.50', toAdvertise: { allowed: { mode: 'all' } } },
    { toAdvertise: { allowed: { mode: 'all' } } },
  ),
  TestMultipleNeighborsOneV4AndOneV6DualStackIPFamily: oneV4AndOneV6(
    { dualStackAddressFamily: true, toAdvertise: { allowed: { prefixes: ['192.169.1.0/24'] } } },
    { dualStackAddressFamily: true, toAdvertise: { allowed: { prefixes: ['2001:db8:abcd::/48'] } } },
  ),
  TestSingleSessionWithLocalASN: { bgp: { routers: [{ asn: 65000, neighbors: [{ asn: 65001, address: '192.168.1.2', localASN: 65410 }] }] } },
  TestSingleSessionWithNextHopV4: {
    bgp: {
      routers: [{
        asn: 65000,
        prefixes: ['192.169.1.0/24', '192.170.1.0/22'],
        neighbors: [{ asn: 65001, address: '192.168.1.2', port: 4567, toAdvertise: { allowed: { mode: 'all' }, nextHop: { ipv4: '192.168.1.1' } } }],
      }],
    },
  },
  TestSingleSessionWithNextHopV6: {
    bgp: {
      routers: [{
        asn: 65000,
        prefixes: ['2001:db8:abcd::/48'],
        neighbors: [{ asn: 65001, address: '2001:db8::1', toAdvertise: { allowed: { mode: 'all' }, nextHop: { ipv6: '2001:db8::2' } } }],
      }],
    },
  },
  TestEVPNNeighborOnlyEVPN: {
    bgp: { routers: [{ asn: 65000, neighbors: [{ asn: 65001, address: '192.168.1.2', addressFamilies: ['evpn'] }], evpn: { advertiseVNIs: 'All', advertiseSVI: true } }] },
  },
  TestEVPNWithL2VNIs: {
    bgp: {
      routers: [{
        asn: 65000,
        prefixes: ['192.169.1.0/24'],
        neighbors: [{ asn: 65001, address: '192.168.1.2', addressFamilies: ['unicast', 'evpn'], toAdvertise: { allowed: { mode: 'all' } } }],
        evpn: { advertiseVNIs: 'All', l2vnis: [{ vni: 2000 }, { vni: 1000, rd: '65000:1000', importRTs: ['65000:1000'], exportRTs: ['65000:1000'] }] },
      }],
    },
  },
  TestEVPNWithL3VNI: {
    bgp: {
      routers: [{
        asn: 65000,
        vrf: 'red',
        evpn: { l3vni: { vni: 3000, rd: '65000:3000', importRTs: ['65000:3000'], exportRTs: ['65000:3000'], advertisePrefixes: ['unicast'] } },
      }],
    },
  },
};

const renderFailures: string[] = [];
for (const [name, spec] of Object.entries(API_GOLDENS)) {
  const expected = readFileSync(join(goldens, `${name}.golden`), 'utf8');
  const { config, conflicts } = mergeFrrConfigurations([{ name, spec }], { hostname: 'dummyhostname' });
  const actual = renderFrrK8s(config);
  if (actual === expected && conflicts.length === 0) continue;
  renderFailures.push(name);
  const a = expected.split('\n');
  const b = actual.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  console.error(`  ${name}: line ${at + 1}: expected ${JSON.stringify(a[at])}, got ${JSON.stringify(b[at])}${conflicts.map((c) => `; ${c.message}`).join('')}`);
}
const renderTotal = Object.keys(API_GOLDENS).length;
console.log(`(1) FRRConfiguration input vs frrk8s/golden: ${renderTotal - renderFailures.length}/${renderTotal} byte-identical`);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** The demo templates' NEIGHBOR_IP placeholder, filled with a neighbor address of frr-k8s's samples. */
const DEMO_NEIGHBOR = '172.18.0.5';
let samples = 0;
const refused: string[] = [];
for (const path of sampleFolders.flatMap(yamlFiles)) {
  const text = readFileSync(path, 'utf8').replaceAll('NEIGHBOR_IP', DEMO_NEIGHBOR);
  if (!text.includes('FRRConfiguration')) continue;
  samples++;
  const ctx = buildExtrasContext([parseManifests(text, `file:///${relative(corpus, path)}`)], { metallbVersion: '0.16', mode: 'frr-k8s' });
  const denied = frrk8sWebhook(ctx).filter((f) => f.severity === 'error' && (f.code === WEBHOOK_CODE || f.code === MERGE_CONFLICT));
  for (const finding of denied) console.error(`  ${relative(corpus, path)}: ${finding.code} ${finding.message}`);
  if (denied.length > 0) refused.push(relative(corpus, path));
}
console.log(`(2) upstream FRRConfiguration samples the webhook admits: ${samples - refused.length}/${samples}`);

// frr-k8s's README shows EVPN as `spec:` snippets: each, made an FRRConfiguration, is admitted too.
const snippets = [...readFileSync(readme, 'utf8').matchAll(/```yaml\n(spec:\n[\s\S]*?)```/g)].map((m) => m[1]).filter((spec) => spec.includes('evpn:'));
let evpnRefused = 0;
for (const [i, spec] of snippets.entries()) {
  const text = `apiVersion: frrk8s.metallb.io/v1beta1\nkind: FRRConfiguration\nmetadata:\n  name: readme-evpn-${i + 1}\n  namespace: frr-k8s-system\n${spec}`;
  const ctx = buildExtrasContext([parseManifests(text, `file:///readme-evpn-${i + 1}.yaml`)], { metallbVersion: '0.16', mode: 'frr-k8s' });
  const denied = frrk8sWebhook(ctx).filter((f) => f.severity === 'error');
  for (const finding of denied) console.error(`  README EVPN example ${i + 1}: ${finding.code} ${finding.message}`);
  if (denied.length > 0) evpnRefused++;
}
console.log(`(3) frr-k8s README EVPN examples the webhook admits: ${snippets.length - evpnRefused}/${snippets.length}`);
process.exit(renderFailures.length + refused.length + evpnRefused > 0 || snippets.length === 0 ? 1 : 0);
