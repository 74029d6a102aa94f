// `npm run package`: builds the bundles and packs them into a .vsix with @vscode/vsce, which is
// never allowed to prompt (stdin closed, bounded time). .vscodeignore keeps node_modules out.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = 1.5 * 1024 * 1024;

function runNode(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

/** Builds (unless `build` is false) and packages; returns the .vsix path and its size in bytes. */
export function packageExtension({ build = true } = {}) {
  if (build) runNode(['scripts/build.mjs'], 'build');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The README's screenshot ships inside the .vsix, so its relative link resolves where VS Code shows the README.
  runNode([vsce, 'package', '--no-dependencies', '--no-update-package-json', '--no-rewrite-relative-links', '--out', vsix], 'vsce package');
  return { vsix, bytes: statSync(vsix).size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { vsix, bytes } = packageExtension({ build: !process.argv.includes('--no-build') });
    const size = `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(`${relative(root, vsix)}: ${bytes} bytes (${size}); target ≤ 1.5 MiB: ${bytes <= TARGET_BYTES ? 'met' : 'EXCEEDED'}`);
    if (bytes > TARGET_BYTES) process.exitCode = 1;
  } catch (error) {
    console.error(`package failed: ${error.message}`);
    process.exit(1);
  }
}
