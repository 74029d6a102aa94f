// Conformance: every YAML file of MetalLB's and frr-k8s's corpus parses without a throw, and
// MetalLB's own website examples and samples raise no `metallb/webhook` finding.
// Usage: node conformance/k8s-corpus.mjs [corpus-dir]   (default ../shared/corpus)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.argv[2] ?? process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const folders = ['metallb-yaml', 'metallb-crds', 'frrk8s', 'metallb-yaml-cases'];
for (const folder of folders) {
  if (!existsSync(join(corpus, folder))) {
    console.error(`FAIL: corpus folder missing: ${join(corpus, folder)}`);
    process.exit(2);
  }
}

const { parseManifests } = await tsImport('../server/src/service/k8s/parse.ts', import.meta.url);
const { validateResources } = await tsImport('../server/src/service/rules/metallb/webhook/index.ts', import.meta.url);

function yamlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

let crashes = 0;
let parsed = 0;
let resources = 0;
const parsedFiles = new Map();
for (const folder of folders) {
  for (const path of yamlFiles(join(corpus, folder))) {
    try {
      const file = parseManifests(readFileSync(path, 'utf8'), path);
      parsedFiles.set(path, file);
      resources += file.resources.length;
      parsed++;
    } catch (error) {
      crashes++;
      console.error(`CRASH ${relative(corpus, path)}: ${error?.stack ?? error}`);
    }
  }
}
console.log(`parsed ${parsed} YAML files (${resources} resources), ${crashes} crashes`);

// Examples that must be clean, each file on its own (the website's snippets are independent
// fragments: together they redefine the same pools and peers).
const examples = [...parsedFiles.keys()].filter((path) => /^metallb-yaml\/(website\/)?[^/]+$/.test(relative(corpus, path)));
let falseFindings = 0;
let unresolved = 0;
for (const path of examples) {
  const findings = validateResources([parsedFiles.get(path)]);
  unresolved += findings.filter((f) => f.code === 'metallb/unresolved-reference').length;
  for (const finding of findings.filter((f) => f.code === 'metallb/webhook')) {
    falseFindings++;
    console.error(`FALSE FINDING ${relative(corpus, path)} @${finding.range.start}: ${finding.message}`);
  }
}
console.log(`example files checked: ${examples.length}, metallb/webhook findings on them: ${falseFindings} (references to objects of other snippets: ${unresolved})`);

// Cases, one manifest set each: a valid configuration must produce no webhook finding either.
let caseFindings = 0;
const cases = [...parsedFiles.keys()].filter((p) => relative(corpus, p).startsWith('metallb-yaml-cases/'));
for (const path of cases) {
  for (const finding of validateResources([parsedFiles.get(path)]).filter((f) => f.code === 'metallb/webhook')) {
    caseFindings++;
    console.error(`FALSE FINDING ${relative(corpus, path)} @${finding.range.start}: ${finding.message}`);
  }
}
console.log(`yaml cases checked: ${cases.length}, metallb/webhook findings on them: ${caseFindings}`);

if (crashes > 0 || falseFindings > 0 || caseFindings > 0) {
  console.error('FAIL');
  process.exit(1);
}
console.log('OK');
