// `npm run demo`: builds the project and runs the linter over the sample MetalLB workspace in examples/,
// then prints the frr.conf MetalLB would render there for its node.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run(['scripts/build.mjs']) !== 0) process.exit(1);
console.log('\n$ frr-lint check examples/');
run(['bin/frr-lint.js', 'check', 'examples']);
console.log('\n$ frr-lint render examples/');
run(['bin/frr-lint.js', 'render', 'examples']);
