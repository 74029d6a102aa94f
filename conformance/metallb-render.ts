/**
 * Conformance: our MetalLB renderer against upstream-derived expectations in ../shared/corpus.
 *   (a) metallb-yaml-cases/<case>/internal.json → expected.frr.conf (v0.16)
 *   (b) test/metallb/fixtures/golden-inputs/TestX.json (inputs transcribed from MetalLB's frr_test.go)
 *       → metallb-golden/TestX.golden and the v0.15.3 / v0.14.9 / v0.13.12 variants
 *   (c) frr-k8s goldens: counted and reported.
 * Run: node --import tsx conformance/metallb-render.ts   (exit 1 on any failure of (a) or (b)).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInternalConfig } from '../server/src/service/metallb/internal';
import { renderFrrConf, type MetalLBVersion } from '../server/src/service/metallb/render';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const casesDir = join(corpus, 'metallb-yaml-cases');
const goldenDir = join(corpus, 'metallb-golden');
const inputsDir = join(root, 'test', 'metallb', 'fixtures', 'golden-inputs');

function fail(message: string): never {
  console.error(`metallb-render: ${message}`);
  process.exit(2);
}

for (const needed of [casesDir, goldenDir, inputsDir]) {
  if (!existsSync(needed)) fail(`missing ${needed} (set FRR_METALLB_CORPUS to the corpus folder)`);
}

/** Minimal line diff (LCS) in unified style, enough to see where the bytes differ. */
function unifiedDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: string[] = ['--- expected', '+++ actual'];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${JSON.stringify(a[i])}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+ ${JSON.stringify(b[j++])}`);
    } else {
      out.push(`- ${JSON.stringify(a[i++])}`);
    }
  }
  return out.join('\n');
}

interface Group {
  name: string;
  passed: number;
  failed: string[];
  mustPass: boolean;
}

function check(group: Group, label: string, expected: string, render: () => string): void {
  let actual: string;
  try {
    actual = render();
  } catch (error) {
    group.failed.push(label);
    console.log(`FAIL ${group.name} ${label}: ${(error as Error).message}`);
    return;
  }
  if (actual === expected) {
    group.passed++;
    return;
  }
  group.failed.push(label);
  console.log(`FAIL ${group.name} ${label}\n${unifiedDiff(expected, actual)}\n`);
}

const groups: Group[] = [];

const yamlCases: Group = { name: '(a) yaml-cases', passed: 0, failed: [], mustPass: true };
groups.push(yamlCases);
for (const name of readdirSync(casesDir).sort()) {
  const dir = join(casesDir, name);
  if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'internal.json'))) continue;
  const expected = readFileSync(join(dir, 'expected.frr.conf'), 'utf8');
  const input = JSON.parse(readFileSync(join(dir, 'internal.json'), 'utf8'));
  check(yamlCases, name, expected, () => renderFrrConf(parseInternalConfig(input), '0.16'));
}

const GOLDEN_VARIANTS: { version: MetalLBVersion; folder: string }[] = [
  { version: '0.16', folder: '' },
  { version: '0.15', folder: 'v0.15.3' },
  { version: '0.14', folder: 'v0.14.9' },
  { version: '0.13', folder: 'v0.13.12' },
];

/**
 * A fixture is the internal config of the HEAD test; `versions` holds top-level overrides for a
 * release whose test used other inputs (e.g. the log level the test's session manager had).
 */
interface GoldenFixture {
  config: unknown;
  versions?: Partial<Record<MetalLBVersion, Record<string, unknown>>>;
}

for (const { version, folder } of GOLDEN_VARIANTS) {
  const group: Group = { name: `(b) goldens ${folder || 'HEAD'}`, passed: 0, failed: [], mustPass: true };
  groups.push(group);
  for (const file of readdirSync(inputsDir).sort()) {
    if (!file.endsWith('.json')) continue;
    const test = file.slice(0, -'.json'.length);
    const goldenPath = join(goldenDir, folder, `${test}.golden`);
    if (!existsSync(goldenPath)) continue;
    const fixture = JSON.parse(readFileSync(join(inputsDir, file), 'utf8')) as GoldenFixture;
    const overrides = fixture.versions?.[version];
    if (overrides === null) continue;
    const input = { ...(fixture.config as object), ...(overrides ?? {}) };
    check(group, test, readFileSync(goldenPath, 'utf8'), () => renderFrrConf(parseInternalConfig(input), version));
  }
}

const frrk8sGoldens = join(corpus, 'frrk8s', 'golden');
const frrk8sCount = existsSync(frrk8sGoldens) ? readdirSync(frrk8sGoldens).length : 0;

console.log('\nmetallb-render conformance');
for (const g of groups) console.log(`  ${g.name}: ${g.passed}/${g.passed + g.failed.length} passed${g.failed.length ? ` (failed: ${g.failed.join(', ')})` : ''}`);
console.log(`  (c) frr-k8s goldens: ${frrk8sCount} files in corpus, rendered by conformance/frrk8s-render.ts`);
const failed = groups.some((g) => g.mustPass && g.failed.length > 0);
process.exit(failed ? 1 : 0);
