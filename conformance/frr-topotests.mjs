// Parser vs real FRR on every topotest config of the shared corpus.
//   node conformance/frr-topotests.mjs [--corpus DIR] [--version 8.4] [--notes] [--all]
// Accepted by FRR → we must report no `frr/syntax` error (exit 1 otherwise).
// Rejected by FRR → do we flag the same lines? (reported, not enforced).
// --notes rewrites the generated part of conformance/PARSER-NOTES.md with the false errors
// outside BGP (BGP ones are fixed in commands/bgp.ts instead).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWithFrr, frrVersion, mapLimit } from './lib/frr-oracle.mjs';
import { loadParser, root, syntaxErrors } from './lib/our-parser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const corpus = option('--corpus', join(process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus'), 'frr-topotests'));
const ourVersion = option('--version', '8.4');
const writeNotes = args.includes('--notes');
const listAll = args.includes('--all');

function fail(message) {
  console.error(`frr-topotests: ${message}`);
  process.exit(2);
}

if (!existsSync(corpus)) fail(`corpus not found: ${corpus}`);
let frr;
let parseFrr;
try {
  frr = frrVersion();
  parseFrr = await loadParser();
} catch (e) {
  fail(e.message);
}
const files = readdirSync(corpus).filter((f) => !f.startsWith('.')).sort();
if (files.length === 0) fail(`no configs in ${corpus}`);

const started = Date.now();
const results = await mapLimit(files, 2, async (name) => {
  const text = readFileSync(join(corpus, name), 'utf8');
  const oracle = await checkWithFrr(text, frr);
  const parse = parseFrr(text, { frrVersion: ourVersion });
  const ours = syntaxErrors(parse);
  const lines = text.split(/\r\n|\r|\n/);
  const earlyExit = parse.findings.find((f) => f.code === 'frr/early-exit');
  const earlyExitLine = earlyExit ? text.slice(0, earlyExit.range.start).split(/\r\n|\r|\n/).length : undefined;
  const opaqueLines = new Set(parse.lines.filter((l) => l.kind === 'opaque').map((l) => l.line + 1));
  return { name, oracle, ours, lines, earlyExitLine, opaqueLines };
});

// vtysh exits 0 after a top-level `exit` even when the lines after it fail (it has dropped to
// ENABLE_NODE): a config is accepted only when it exits 0 and reports no failing line.
const isAccepted = (r) => r.oracle.exitCode === 0 && r.oracle.errors.length === 0;
const accepted = results.filter(isAccepted);
const rejected = results.filter((r) => !isAccepted(r));
const exitZeroWithErrors = results.filter((r) => r.oracle.exitCode === 0 && r.oracle.errors.length > 0).length;
const offenders = accepted.filter((r) => r.ours.length > 0);

console.log(`FRR ${frr} (vtysh -C) vs parseFrr(frrVersion '${ourVersion}') on ${files.length} configs`);
console.log(`accepted by FRR: ${accepted.length}; rejected: ${rejected.length} (${exitZeroWithErrors} of them exit 0 but report failing lines)`);
console.log(`accepted and clean (no frr/syntax error): ${accepted.length - offenders.length}/${accepted.length}`);

const falseErrors = [];
for (const r of offenders) {
  for (const e of r.ours) {
    falseErrors.push({ file: r.name, line: e.line, text: (r.lines[e.line - 1] ?? '').trim(), message: e.message, node: e.node });
  }
}
if (falseErrors.length > 0) {
  console.log(`\nfalse errors on FRR-accepted configs (${falseErrors.length}):`);
  for (const e of falseErrors) console.log(`  ${e.file}:${e.line} [${e.node}] ${e.text}\n      → ${e.message}`);
}

// Rejected configs: line agreement. In 8.4 a top-level `exit` drops vtysh to ENABLE_NODE and every
// later line fails with node [3]; our parser reports that once, as frr/early-exit.
let frrLines = 0;
let flaggedSame = 0;
let extraOurs = 0;
const missed = [];
const extra = [];
for (const r of rejected) {
  const ourLines = new Set(r.ours.map((e) => e.line));
  const frrSet = new Set();
  for (const e of r.oracle.errors) {
    if (r.earlyExitLine !== undefined && e.line > r.earlyExitLine && e.node === 3) continue;
    frrSet.add(e.line);
  }
  frrLines += frrSet.size;
  for (const line of frrSet) {
    if (ourLines.has(line)) flaggedSame++;
    else
      missed.push({
        file: r.name,
        line,
        text: (r.lines[line - 1] ?? '').trim(),
        frr: r.oracle.errors.find((e) => e.line === line)?.message,
        opaque: r.opaqueLines.has(line),
      });
  }
  for (const e of r.ours) {
    if (frrSet.has(e.line)) continue;
    extraOurs++;
    extra.push({ file: r.name, line: e.line, text: (r.lines[e.line - 1] ?? '').trim(), message: e.message, node: e.node });
  }
}
console.log(`\nrejected configs: FRR flags ${frrLines} lines; we flag ${flaggedSame} of them (${pct(flaggedSame, frrLines)}), plus ${extraOurs} other lines`);
if (missed.length > 0) {
  const inOpaque = missed.filter((m) => m.opaque).length;
  console.log(`lines FRR rejects that we accept (${missed.length}; ${inOpaque} of them inside unmodelled blocks, accepted by design):`);
  const shown = listAll ? missed : missed.slice(0, 60);
  for (const m of shown) console.log(`  ${m.file}:${m.line}${m.opaque ? ' (opaque)' : ''} ${m.text}\n      FRR: ${m.frr}`);
  if (missed.length > shown.length) console.log(`  … ${missed.length - shown.length} more (--all lists them)`);
}
if (extra.length > 0) {
  console.log(`lines we flag that FRR accepts, in rejected configs (${extra.length}):`);
  for (const e of extra) console.log(`  ${e.file}:${e.line} [${e.node}] ${e.text}\n      → ${e.message}`);
}
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);

if (writeNotes) writeParserNotes(falseErrors.filter((e) => !e.node.startsWith('BGP')));

function pct(a, b) {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

function writeParserNotes(entries) {
  const path = join(root, 'conformance', 'PARSER-NOTES.md');
  const marker = '<!-- generated by frr-topotests.mjs --notes -->';
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const head = previous.includes(marker)
    ? previous.slice(0, previous.indexOf(marker))
    : previous.trim()
      ? `${previous.trimEnd()}\n\n`
      : '# Parser notes\n\n';
  const rows = entries.map(
    (e) => `| ${e.file} | ${e.line} | \`${e.text.replaceAll('|', '\\|')}\` | ${e.node} | ${e.message.replaceAll('|', '\\|')} |`,
  );
  const table = [
    marker,
    `## False errors outside BGP on configs FRR ${frr} accepts (${entries.length})`,
    '',
    '| file | line | text | node | our message |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path, head + table);
  console.log(`wrote ${entries.length} entries to ${path}`);
}

process.exit(offenders.length > 0 ? 1 : 0);
