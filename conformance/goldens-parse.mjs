// Every frr.conf MetalLB and frr-k8s render (their goldens and the YAML cases' expected files)
// passes our FRR parser with zero frr/syntax errors: the foundation accepts what the renderers emit.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadParser, root } from './lib/our-parser.mjs';

const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const folders = ['metallb-golden', 'frrk8s/golden', 'metallb-yaml-cases'];
// Upstream keeps this one deliberately broken: it tests that a bad config fails to load.
const INVALID_ON_PURPOSE = new Set(['TestDockerTestfails.golden']);

for (const folder of folders) {
  if (!existsSync(join(corpus, folder))) {
    console.error(`goldens-parse: missing ${join(corpus, folder)}`);
    process.exit(2);
  }
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
let skipped = 0;
const dirty = [];
for (const folder of folders) {
  for (const path of collect(join(corpus, folder), [])) {
    const name = relative(corpus, path);
    if (INVALID_ON_PURPOSE.has(path.split('/').pop())) {
      skipped++;
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const errors = parseFrr(text, { frrVersion: 'any' }).findings.filter((f) => f.code === 'frr/syntax');
    if (errors.length === 0) clean++;
    else dirty.push({ name, errors: errors.map((e) => `${text.slice(0, e.range.start).split('\n').length}: ${e.message}`) });
  }
}
for (const { name, errors } of dirty) console.log(`FAIL ${name}\n  ${errors.slice(0, 5).join('\n  ')}`);
console.log(`goldens-parse: ${clean} passed, ${dirty.length} failed (rendered goldens with zero frr/syntax errors; ${skipped} invalid on purpose skipped)`);
process.exit(dirty.length === 0 ? 0 : 1);
