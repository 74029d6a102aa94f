// Conformance: MetalLB manifests + node → internal config → frr.conf, against the YAML-level golden
// cases in ../shared/corpus/metallb-yaml-cases (an independent transcription of MetalLB v0.16 / HEAD).
//   1. manifests.yaml + node.txt → buildInternalConfig deep-equals internal.json (absent = zero value);
//   2. when the renderer exports `renderFrrConf`, its text is byte-identical to expected.frr.conf.
// Usage: node conformance/metallb-build.mjs [--corpus DIR] [--require-render] [case-substring…]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const corpusFlag = args.indexOf('--corpus');
const corpus = resolve(
  corpusFlag >= 0 ? args[corpusFlag + 1] : join(process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus'), 'metallb-yaml-cases'),
);
const requireRender = args.includes('--require-render');
const filters = args.filter((a, i) => !a.startsWith('--') && (corpusFlag < 0 || i !== corpusFlag + 1));
const METALLB_VERSION = 'v0.16.1';
const RENDER_VERSION = '0.16';

function fail(message) {
  console.error(`metallb-build conformance: ${message}`);
  process.exit(2);
}

if (!existsSync(corpus)) fail(`corpus not found: ${corpus}`);
const cases = readdirSync(corpus)
  .filter((name) => /^\d\d-/.test(name) && existsSync(join(corpus, name, 'manifests.yaml')))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
if (cases.length === 0) fail(`no NN-*/manifests.yaml cases under ${corpus}`);

const load = (rel) => tsImport(join(root, rel), import.meta.url);
const { parseManifests } = await load('server/src/service/k8s/parse.ts');
const { buildInternalConfig } = await load('server/src/service/metallb/build/index.ts');
const { readInternalConfig } = await load('server/src/service/metallb/internal.ts');
const renderFrrConf = await findRenderer();

async function findRenderer() {
  const dir = join(root, 'server/src/service/metallb/render');
  if (!existsSync(dir)) return undefined;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = await load(join('server/src/service/metallb/render', file));
    if (typeof mod.renderFrrConf === 'function') return mod.renderFrrConf;
  }
  return undefined;
}

/** Absent and zero values compare equal: both sides go through the same lenient reader. */
function normalise(json) {
  return JSON.parse(JSON.stringify(readInternalConfig(json).config));
}

function firstDifference(actual, expected, path = '$') {
  if (typeof actual !== typeof expected || Array.isArray(actual) !== Array.isArray(expected)) {
    return `${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
  }
  if (actual && typeof actual === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) {
      const diff = firstDifference(actual[key], expected[key], Array.isArray(actual) ? `${path}[${key}]` : `${path}.${key}`);
      if (diff) return diff;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

function lineDiff(actual, expected) {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const out = [];
  for (let i = 0; i < Math.max(a.length, e.length) && out.length < 12; i++) {
    if (a[i] !== e[i]) out.push(`  line ${i + 1}: got ${JSON.stringify(a[i])}, expected ${JSON.stringify(e[i])}`);
  }
  return out.join('\n');
}

let internalPass = 0;
let renderPass = 0;
let failures = 0;
for (const name of cases) {
  const dir = join(corpus, name);
  const text = readFileSync(join(dir, 'manifests.yaml'), 'utf8');
  const nodeName = readFileSync(join(dir, 'node.txt'), 'utf8').trim();
  const expectedJson = JSON.parse(readFileSync(join(dir, 'internal.json'), 'utf8'));
  const file = parseManifests(text, `file://${join(dir, 'manifests.yaml')}`);
  const result = buildInternalConfig(file.resources, nodeName, { metallbVersion: METALLB_VERSION });
  const diff = firstDifference(normalise(result.config), normalise(expectedJson));
  if (diff || result.errors.length > 0) {
    failures++;
    console.log(`FAIL internal ${name}\n  ${diff ?? ''}${result.errors.map((e) => `\n  error: ${e}`).join('')}`);
  } else {
    internalPass++;
    console.log(`ok   internal ${name}`);
  }
  if (!renderFrrConf) continue;
  const expectedText = readFileSync(join(dir, 'expected.frr.conf'), 'utf8');
  const rendered = renderFrrConf(result.config, RENDER_VERSION);
  const renderedText = typeof rendered === 'string' ? rendered : rendered.text;
  if (renderedText === expectedText) {
    renderPass++;
    console.log(`ok   render   ${name}`);
  } else {
    failures++;
    console.log(`FAIL render   ${name}\n${lineDiff(renderedText ?? '', expectedText)}`);
  }
}

console.log(`\ninternal config: ${internalPass}/${cases.length} cases equal internal.json`);
if (renderFrrConf) {
  console.log(`rendered frr.conf: ${renderPass}/${cases.length} cases byte-identical to expected.frr.conf`);
} else {
  console.log('rendered frr.conf: SKIPPED, no renderFrrConf exported under server/src/service/metallb/render/');
  if (requireRender) fail('--require-render given and the renderer is missing');
}
process.exit(failures === 0 ? 0 : 1);
