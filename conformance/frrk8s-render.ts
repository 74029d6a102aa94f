/**
 * Conformance: frr-k8s mode against upstream goldens in ../shared/corpus.
 *   (1) test/metallb/fixtures/frrk8s/golden-inputs/TestX.json (frr-k8s internal configs transcribed from
 *       frr-k8s's frr_test.go / frr_bfd_test.go) → frrk8s/golden/TestX.golden, byte for byte.
 *   (2) test/metallb/fixtures/golden-inputs/TestX.json (MetalLB internal configs) → the FRRConfiguration
 *       MetalLB generates, metallb-golden/frrk8s-backend/TestX.golden, byte for byte.
 * Run: node --import tsx conformance/frrk8s-render.ts
 * Exit 2 when the corpus is missing, 1 when a supported case regresses; unsupported cases are only counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frrConfigurationFromInternal, frrConfigurationJson } from '../server/src/service/metallb/frrk8s/fromInternal';
import { readFrrK8sConfig } from '../server/src/service/metallb/frrk8s/read';
import { renderFrrK8s } from '../server/src/service/metallb/frrk8s/render';
import { readInternalConfig } from '../server/src/service/metallb/internal';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const rendererGoldens = join(corpus, 'frrk8s', 'golden');
const backendGoldens = join(corpus, 'metallb-golden', 'frrk8s-backend');
const rendererInputs = join(root, 'test', 'metallb', 'fixtures', 'frrk8s', 'golden-inputs');
const backendInputs = join(root, 'test', 'metallb', 'fixtures', 'golden-inputs');

for (const needed of [rendererGoldens, backendGoldens, rendererInputs, backendInputs]) {
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

const render: Tally = { pass: [], fail: [], unsupportedPass: [], unsupported: [] };
for (const file of readdirSync(rendererGoldens).filter((f) => f.endsWith('.golden')).sort()) {
  const name = file.slice(0, -'.golden'.length);
  const inputFile = join(rendererInputs, `${name}.json`);
  if (!existsSync(inputFile)) {
    record(render, name, SUPPORTED_RENDER.has(name), false);
    continue;
  }
  const expected = readFileSync(join(rendererGoldens, file), 'utf8');
  const actual = renderFrrK8s(readFrrK8sConfig(JSON.parse(readFileSync(inputFile, 'utf8'))));
  record(render, name, SUPPORTED_RENDER.has(name), actual === expected);
  if (actual !== expected && SUPPORTED_RENDER.has(name)) console.error(`  ${name}: ${firstDifference(expected, actual)}`);
}

const backend: Tally = { pass: [], fail: [], unsupportedPass: [], unsupported: [] };
for (const file of readdirSync(backendGoldens).filter((f) => f.endsWith('.golden')).sort()) {
  const name = file.slice(0, -'.golden'.length);
  const inputFile = join(backendInputs, `${name}.json`);
  if (!existsSync(inputFile)) {
    record(backend, name, SUPPORTED_BACKEND.has(name), false);
    continue;
  }
  const json = JSON.parse(readFileSync(inputFile, 'utf8'));
  const { config } = readInternalConfig(json.config ?? json);
  const actual = frrConfigurationJson(frrConfigurationFromInternal(config, { node: 'testnodename', namespace: 'testnamespace' }));
  const expected = readFileSync(join(backendGoldens, file), 'utf8');
  record(backend, name, SUPPORTED_BACKEND.has(name), actual === expected);
  if (actual !== expected && SUPPORTED_BACKEND.has(name)) console.error(`  ${name}: ${firstDifference(expected, actual)}`);
}

function report(label: string, tally: Tally, total: number): void {
  console.log(`${label}: ${tally.pass.length + tally.unsupportedPass.length}/${total} byte-identical`
    + ` (supported ${tally.pass.length}/${tally.pass.length + tally.fail.length}, unsupported ${tally.unsupported.length})`);
  if (tally.fail.length > 0) console.log(`  REGRESSED: ${tally.fail.join(', ')}`);
  if (tally.unsupportedPass.length > 0) console.log(`  now passing, add to the supported list: ${tally.unsupportedPass.join(', ')}`);
  for (const name of tally.unsupported) console.log(`  unsupported: ${name}${RENDER_UNSUPPORTED_REASONS[name] ? ` (${RENDER_UNSUPPORTED_REASONS[name]})` : ''}`);
}

report('(1) frr-k8s renderer vs frrk8s/golden', render, render.pass.length + render.fail.length + render.unsupported.length + render.unsupportedPass.length);
report('(2) MetalLB FRRConfiguration vs metallb-golden/frrk8s-backend', backend, backend.pass.length + backend.fail.length + backend.unsupported.length + backend.unsupportedPass.length);
console.log('  (2) unsupported goldens have no transcribed input, or MetalLB\'s frr-k8s backend test uses other inputs than its FRR-mode test (connect time, password secret, ASN)');
process.exit(render.fail.length + backend.fail.length > 0 ? 1 : 0);
