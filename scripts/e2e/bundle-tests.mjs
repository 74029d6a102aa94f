// Bundles the extension-host tests (test/e2e/suite/*.test.ts, every one found, in name order) and
// mocha into one CommonJS file whose `run()` VS Code calls as the payload's extensionTestsPath.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './install.mjs';

export const testsBundle = join(root, 'out', 'e2e', 'extension-tests.js');

export async function bundleExtensionTests() {
  const suiteDir = join(root, 'test', 'e2e', 'suite');
  const files = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts')).sort();
  if (files.length === 0) throw new Error(`no extension tests in ${suiteDir}`);
  // The suites are required inside run(), after mocha has filled in suite()/test().
  const entry = [
    "import { runMocha } from './test/e2e/support/runner';",
    'export function run() {',
    '  return runMocha(() => {',
    ...files.map((name) => `    require(${JSON.stringify(`./test/e2e/suite/${name}`)});`),
    '  });',
    '}',
  ].join('\n');
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'extension-tests-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    outfile: testsBundle,
    logLevel: 'warning',
    // Only mocha's parallel mode, never used in the extension host, reaches those require.resolve calls.
    logOverride: { 'require-resolve-not-external': 'silent' },
    absWorkingDir: root,
  });
  return { bundle: testsBundle, files };
}
