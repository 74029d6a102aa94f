// Every frr.conf MetalLB and frr-k8s render (their goldens and the YAML cases' expected files)
// passes our FRR parser with zero frr/syntax errors: the foundation accepts what the renderers emit.
// Upstream keeps a few goldens broken on purpose (tests that a bad config fails to load): real FRR
// decides which, and for those we must flag what FRR flags.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkWithFrr, frrVersion } from './lib/frr-oracle.mjs';
import { loadParser, root } from './lib/our-parser.mjs';

const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const folders = ['metallb-golden', 'frrk8s/golden', 'metallb-yaml-cases'];

for (const folder of folders) {
  if (!existsSync(join(corpus, folder))) {
    console.error(`goldens-parse: missing ${join(corpus, folder)}`);
    process.exit(2);
  }
}
let version;
try {
  version = frrVersion();
} catch (error) {
  console.error(`goldens-parse: ${error.message}`);
  process.exit(2);
}
const parseFrr = await loadParser();

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'frrk8s-backend') collect(path, out);
    } else if (name.endsWith('.golden') || name === 'expected.frr.conf') out.push(path);
  }
  return out;
}

let clean = 0;
let brokenAgreed = 0;
const failures = [];
for (const folder of folders) {
  for (const path of collect(join(corpus, folder), [])) {
    const name = relative(corpus, path);
    const text = readFileSync(path, 'utf8');
    const ours = parseFrr(text, { frrVersion: 'any' }).findings.filter((f) => f.code === 'frr/syntax');
    const ourLines = new Set(ours.map((e) => text.slice(0, e.range.start).split('\n').length));
    const frr = await checkWithFrr(text, version);
    if (frr.errors.length === 0) {
      if (ours.length === 0) clean++;
      else failures.push({ name, why: `FRR accepts it, we flag lines ${[...ourLines].join(', ')}: ${ours[0].message}` });
    } else {
      const missed = frr.errors.filter((e) => !ourLines.has(e.line));
      if (missed.length === 0) brokenAgreed++;
      else failures.push({ name, why: `FRR rejects line ${missed[0].line} (${missed[0].message}), we do not` });
    }
  }
}
for (const { name, why } of failures) console.log(`FAIL ${name}: ${why}`);
console.log(`goldens accepted by FRR ${version} with zero frr/syntax errors from us: ${clean}; broken on purpose and flagged alike: ${brokenAgreed}`);
console.log(`goldens-parse: ${clean + brokenAgreed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
