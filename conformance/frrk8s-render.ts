/**
 * Conformance: frr-k8s mode against upstream goldens in ../shared/corpus.
 *   (1) test/metallb/fixtures/frrk8s/golden-inputs/TestX.json (frr-k8s internal configs transcribed from
 *       frr-k8s's frr_test.go / frr_bfd_test.go) → frrk8s/golden/TestX.golden, byte for byte.
 *   (2) test/metallb/fixtures/golden-inputs/TestX.json (MetalLB internal configs) → the FRRConfiguration
 *       MetalLB generates, metallb-golden/frrk8s-backend/TestX.golden, byte for byte.
 *   (3) FRRConfigurations read from YAML (frr-k8s's samples and demo templates, MetalLB's examples, and
 *       the frrk8s-backend goldens, whose JSON is YAML too) merge and render byte for byte like the same
 *       objects given as JSON: the YAML reader carries every field the renderer takes.
 * Run: node --import tsx conformance/frrk8s-render.ts
 * Exit 2 when the corpus is missing, 1 when a supported case regresses or a YAML set renders otherwise than its
 * JSON; unsupported cases are only counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { parseManifests } from '../server/src/service/k8s/parse';
import type { FRRConfiguration } from '../server/src/service/k8s/resources';
import type { FrrConfigurationObject } from '../server/src/service/metallb/frrk8s/api';
import { frrConfigurationFromInternal, frrConfigurationJson } from '../server/src/service/metallb/frrk8s/fromInternal';
import { frrConfigurationInput } from '../server/src/service/metallb/frrk8s/fromResource';
import { mergeFrrConfigurations, type FrrConfigurationInput } from '../server/src/service/metallb/frrk8s/merge';
import { readFrrK8sConfig } from '../server/src/service/metallb/frrk8s/read';
import { renderFrrK8s } from '../server/src/service/metallb/frrk8s/render';
import { readInternalConfig } from '../server/src/service/metallb/internal';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const rendererGoldens = join(corpus, 'frrk8s', 'golden');
const backendGoldens = join(corpus, 'metallb-golden', 'frrk8s-backend');
const rendererInputs = join(root, 'test', 'metallb', 'fixtures', 'frrk8s', 'golden-inputs');
const backendInputs = join(root, 'test', 'metallb', 'fixtures', 'golden-inputs');

const yamlFolders = ['frrk8s/samples', 'frrk8s/demo-templates', 'metallb-yaml'].map((folder) => join(corpus, folder));

for (const needed of [rendererGoldens, backendGoldens, rendererInputs, backendInputs, ...yamlFolders]) {
  if (!existsSync(needed)) {
    console.error(`frrk8s-render: missing ${needed} (set FRR_METALLB_CORPUS to the corpus folder)`);
    process.exit(2);
  }
}

/** Renderer goldens we reproduce byte for byte; any other golden is counted as unsupported. */
const SUPPORTED_RENDER = new Set([
  'TestEVPNFull', 'TestEVPNNeighborOnlyEVPN', 'TestEVPNWithL2VNIs', 'TestEVPNWithL3VNI', 'TestLogLevelDebugging',
  'TestMultipleNeighborsOneV4AndOneV6', 'TestMultipleNeighborsOneV4AndOneV6DualStackIPFamily', 'TestMultipleRoutersImportVRFs',
  'TestMultipleRoutersMultipleNeighs', 'TestSingleSession', 'TestSingleSessionBFD', 'TestSingleSessionExplicitRouterID',
  'TestSingleSessionIPv6OnlyNode', 'TestSingleSessionWithAlwaysBlock', 'TestSingleSessionWithEBGPMultihop',
  'TestSingleSessionWithEBGPMultihopAndExtras', 'TestSingleSessionWithExternalASN', 'TestSingleSessionWithGracefulRestart',
  'TestSingleSessionWithIPv6SingleHop', 'TestSingleSessionWithInternalASN', 'TestSingleSessionWithLocalASN',
  'TestSingleSessionWithNextHopV4', 'TestSingleSessionWithNextHopV6', 'TestSingleUnnumberedSession', 'TestTwoRoutersTwoNeighbors',
  'TestTwoRoutersTwoNeighborsBFD', 'TestTwoSessionsAcceptAll', 'TestTwoSessionsAcceptSomeV4', 'TestTwoSessionsAcceptV4AndV6',
]);

/** Why the remaining renderer goldens are not reproduced. */
const RENDER_UNSUPPORTED_REASONS: Record<string, string> = {
  TestDockerTestfails: 'hand-written invalid config used by the docker validity test, not a renderer output',
  TestMultipleNeighborsOneV4AndOneV6AdvertiseDualStack: 'stale golden of an older template (`log file`, `-pl-` lists); no test renders it',
  TestMultipleNeighborsOneV4AndOneV6DisableMP: 'stale golden of an older template (`log file`, `-pl-` lists); no test renders it',
};

/** MetalLB frr-k8s backend goldens whose FRR-mode transcribed inputs match the backend test's inputs. */
const SUPPORTED_BACKEND = new Set([
  'TestBFDProfileNoSessions', 'TestLargeCommunities', 'TestSingleAdvertisementChange', 'TestSingleAdvertisementNoRouterID',
  'TestSingleAdvertisementStop', 'TestSingleAdvertisementVRF', 'TestSingleEBGPSessionMultiHop', 'TestSingleEBGPSessionOneHop',
  'TestSingleIBGPSession', 'TestSingleIPv6EBGPSessionOneHop', 'TestSingleSessionClose', 'TestSingleSessionWithNoTimers',
  'TestSingleSessionWithZeroTimers', 'TestSingleVRFIBGPSession', 'TestTwoAdvertisements', 'TestTwoIPv6Sessions',
  'TestTwoSessionsDuplicate', 'TestTwoSessionsDuplicateRouter', 'TestTwoSessionsOneVRF',
]);

interface Tally {
  pass: string[];
  fail: string[];
  unsupportedPass: string[];
  unsupported: string[];
}

function record(tally: Tally, name: string, supported: boolean, ok: boolean): void {
  if (supported) (ok ? tally.pass : tally.fail).push(name);
  else (ok ? tally.unsupportedPass : tally.unsupported).push(name);
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}: expected ${JSON.stringify(a[at])}, got ${JSON.stringify(b[at])}`;
}

/**
 * Each `.golden` of `goldens` against what `produce` makes of the same-named JSON in `inputs`; a golden
 * without an input fails. A supported case that differs prints its first differing line.
 */
function compareGoldens(goldens: string, inputs: string, supported: ReadonlySet<string>, produce: (json: any) => string): Tally {
  const tally: Tally = { pass: [], fail: [], unsupportedPass: [], unsupported: [] };
  for (const file of readdirSync(goldens).filter((f) => f.endsWith('.golden')).sort()) {
    const name = file.slice(0, -'.golden'.length);
    const inputFile = join(inputs, `${name}.json`);
    if (!existsSync(inputFile)) {
      record(tally, name, supported.has(name), false);
      continue;
    }
    const actual = produce(JSON.parse(readFileSync(inputFile, 'utf8')));
    const expected = readFileSync(join(goldens, file), 'utf8');
    record(tally, name, supported.has(name), actual === expected);
    if (actual !== expected && supported.has(name)) console.error(`  ${name}: ${firstDifference(expected, actual)}`);
  }
  return tally;
}

const render = compareGoldens(rendererGoldens, rendererInputs, SUPPORTED_RENDER, (json) => renderFrrK8s(readFrrK8sConfig(json)));
const backend = compareGoldens(backendGoldens, backendInputs, SUPPORTED_BACKEND, (json) => {
  const { config } = readInternalConfig(json.config ?? json);
  return frrConfigurationJson(frrConfigurationFromInternal(config, { node: 'testnodename', namespace: 'testnamespace' }));
});

/** Fills the demo templates' NEIGHBOR_IP placeholder (a neighbor address of frr-k8s's samples). */
const DEMO_NEIGHBOR = '172.18.0.5';
const API_VERSION = 'frrk8s.metallb.io/v1beta1';
const FIELDS_ONCE_DROPPED = /withLocalPref|withCommunity|imports|\bge\b|\ble\b|localASN|addressFamilies|nextHop|evpn/;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Each manifest set to check, as YAML text: corpus manifests, and the backend goldens with their type added. */
function yamlSources(): { name: string; text: string }[] {
  const manifests = yamlFolders
    .flatMap(yamlFiles)
    .map((path) => ({ name: relative(corpus, path), text: readFileSync(path, 'utf8').replaceAll('NEIGHBOR_IP', DEMO_NEIGHBOR) }));
  const goldens = readdirSync(backendGoldens).filter((f) => f.endsWith('.golden')).sort().map((file) => {
    const json = readFileSync(join(backendGoldens, file), 'utf8');
    const open = json.indexOf('{') + 1;
    return { name: `metallb-golden/frrk8s-backend/${file}`, text: `${json.slice(0, open)}"apiVersion": "${API_VERSION}", "kind": "FRRConfiguration",${json.slice(open)}` };
  });
  return [...manifests, ...goldens].filter((source) => source.text.includes('FRRConfiguration'));
}

function renderInputs(inputs: FrrConfigurationInput[]): string {
  const { config, conflicts } = mergeFrrConfigurations(inputs, { hostname: 'node' });
  return `${renderFrrK8s(config)}${conflicts.map((c) => `conflict: ${c.message}\n`).join('')}`;
}

const roundTrip = { pass: [] as string[], fail: [] as string[], refused: [] as string[], usingDroppedFields: 0 };
for (const { name, text } of yamlSources()) {
  const file = parseManifests(text);
  // What the API server refuses has no JSON counterpart to compare with.
  if (file.findings.some((f) => f.code === 'k8s/schema')) {
    roundTrip.refused.push(name);
    continue;
  }
  const fromYaml = file.resources.filter((r): r is FRRConfiguration => r.kind === 'FRRConfiguration').map(frrConfigurationInput);
  type Typed = FrrConfigurationObject & { apiVersion?: unknown; kind?: unknown };
  const fromJson = parseAllDocuments(text)
    .map((document) => document.toJS() as Typed | null)
    .filter((object): object is Typed => object?.apiVersion === API_VERSION && object.kind === 'FRRConfiguration')
    .map((object) => ({ name: object.metadata.name, spec: object.spec }));
  if (fromJson.length === 0) continue;
  if (FIELDS_ONCE_DROPPED.test(text)) roundTrip.usingDroppedFields++;
  const expected = renderInputs(fromJson);
  const actual = renderInputs(fromYaml);
  (actual === expected ? roundTrip.pass : roundTrip.fail).push(name);
  if (actual !== expected) console.error(`  ${name}: ${firstDifference(expected, actual)}`);
}

function report(label: string, tally: Tally): void {
  const total = tally.pass.length + tally.fail.length + tally.unsupported.length + tally.unsupportedPass.length;
  console.log(`${label}: ${tally.pass.length + tally.unsupportedPass.length}/${total} byte-identical`
    + ` (supported ${tally.pass.length}/${tally.pass.length + tally.fail.length}, unsupported ${tally.unsupported.length})`);
  if (tally.fail.length > 0) console.log(`  REGRESSED: ${tally.fail.join(', ')}`);
  if (tally.unsupportedPass.length > 0) console.log(`  now passing, add to the supported list: ${tally.unsupportedPass.join(', ')}`);
  for (const name of tally.unsupported) console.log(`  unsupported: ${name}${RENDER_UNSUPPORTED_REASONS[name] ? ` (${RENDER_UNSUPPORTED_REASONS[name]})` : ''}`);
}

report('(1) frr-k8s renderer vs frrk8s/golden', render);
report('(2) MetalLB FRRConfiguration vs metallb-golden/frrk8s-backend', backend);
console.log('  (2) unsupported goldens have no transcribed input, or MetalLB\'s frr-k8s backend test uses other inputs than its FRR-mode test (connect time, password secret, ASN)');
console.log(`(3) FRRConfigurations read from YAML vs the same objects as JSON: ${roundTrip.pass.length}/${roundTrip.pass.length + roundTrip.fail.length} manifest sets render byte-identical`
  + ` (${roundTrip.usingDroppedFields} use withLocalPref, withCommunity, imports, ge/le, localASN, addressFamilies, nextHop or evpn;`
  + ` ${roundTrip.refused.length} not compared: the API server refuses them)`);
if (roundTrip.fail.length > 0) console.log(`  DIFFERENT: ${roundTrip.fail.join(', ')}`);
for (const name of roundTrip.refused) console.log(`  refused (k8s/schema): ${name}`);
process.exit(render.fail.length + backend.fail.length + roundTrip.fail.length > 0 ? 1 : 0);
