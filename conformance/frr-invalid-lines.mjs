// Invalid and near-valid lines, each in a small config of its context, judged by real FRR
// (`vtysh -C`) and compared with our `frr/syntax` findings on that line.
//   node conformance/frr-invalid-lines.mjs [--seed N] [--version 8.4] [--verbose]
// Prints the agreement and every disagreement; exits 1 below 95 %.
import { checkWithFrr, frrVersion } from './lib/frr-oracle.mjs';
import { loadParser, syntaxErrors } from './lib/our-parser.mjs';
import { generateCases, CONTEXT_PREAMBLES, RESET_LINE } from './lib/invalid-cases.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const seed = Number(option('--seed', '20240611'));
const ourVersion = option('--version', '8.4');
const verbose = args.includes('--verbose');
const TARGET = 0.95;
const BATCH = 250;

let frr;
let parseFrr;
try {
  frr = frrVersion();
  parseFrr = await loadParser();
} catch (e) {
  console.error(`frr-invalid-lines: ${e.message}`);
  process.exit(2);
}

const cases = generateCases(seed);

/**
 * One config per batch: each case starts from top level (RESET_LINE is valid only there, so it
 * walks out of whatever the previous case entered), re-enters its context, then the case line.
 * vtysh reports every failing line and keeps going, so each error maps back to one case.
 */
function buildBatch(batch) {
  const lines = [];
  const caseLine = new Map();
  for (const c of batch) {
    lines.push(RESET_LINE);
    lines.push(...CONTEXT_PREAMBLES[c.context]);
    lines.push(c.line);
    caseLine.set(lines.length, c);
  }
  return { text: lines.join('\n') + '\n', caseLine };
}

const verdicts = [];
const harnessErrors = [];
for (let i = 0; i < cases.length; i += BATCH) {
  const { text, caseLine } = buildBatch(cases.slice(i, i + BATCH));
  const oracle = await checkWithFrr(text, frr);
  const frrBad = new Map(oracle.errors.map((e) => [e.line, e.message]));
  for (const line of frrBad.keys()) {
    if (!caseLine.has(line)) harnessErrors.push(`FRR rejected scaffolding line ${line}: ${text.split('\n')[line - 1]}`);
  }
  const parse = parseFrr(text, { frrVersion: ourVersion });
  const ourBad = new Map(syntaxErrors(parse).map((e) => [e.line, e.message]));
  for (const line of ourBad.keys()) {
    if (!caseLine.has(line)) harnessErrors.push(`we flag scaffolding line ${line}: ${text.split('\n')[line - 1]}: ${ourBad.get(line)}`);
  }
  for (const [line, c] of caseLine) {
    verdicts.push({ ...c, frrInvalid: frrBad.has(line), frrMessage: frrBad.get(line), ourInvalid: ourBad.has(line), ourMessage: ourBad.get(line) });
  }
}

const agree = verdicts.filter((v) => v.frrInvalid === v.ourInvalid);
const invalid = verdicts.filter((v) => v.frrInvalid);
const byKind = new Map();
for (const v of verdicts) {
  const k = byKind.get(v.kind) ?? { total: 0, agree: 0, invalid: 0 };
  k.total++;
  if (v.frrInvalid === v.ourInvalid) k.agree++;
  if (v.frrInvalid) k.invalid++;
  byKind.set(v.kind, k);
}

console.log(`FRR ${frr} (vtysh -C) vs parseFrr(frrVersion '${ourVersion}'), seed ${seed}`);
console.log(`${verdicts.length} cases (${invalid.length} invalid per FRR); agreement ${agree.length}/${verdicts.length} = ${pct(agree.length, verdicts.length)}`);
for (const [kind, k] of [...byKind].sort()) {
  console.log(`  ${kind.padEnd(18)} ${String(k.agree).padStart(4)}/${String(k.total).padEnd(4)} agree  (${k.invalid} invalid per FRR)`);
}
const missed = verdicts.filter((v) => v.frrInvalid && !v.ourInvalid);
const falseFlags = verdicts.filter((v) => !v.frrInvalid && v.ourInvalid);
if (missed.length) {
  console.log(`\nFRR rejects, we accept (${missed.length}):`);
  for (const v of missed) console.log(`  [${v.context}] ${v.line.trim()}    (${v.kind}; FRR: ${v.frrMessage})`);
}
if (falseFlags.length) {
  console.log(`\nFRR accepts, we flag (${falseFlags.length}):`);
  for (const v of falseFlags) console.log(`  [${v.context}] ${v.line.trim()}    (${v.kind}; ours: ${v.ourMessage})`);
}
if (verbose) {
  console.log('\nall cases:');
  for (const v of verdicts) console.log(`  ${v.frrInvalid ? 'BAD' : 'ok '} ${v.ourInvalid ? 'BAD' : 'ok '} [${v.context}] ${v.line.trim()}`);
}
if (harnessErrors.length) {
  console.log(`\nharness problems (${harnessErrors.length}):`);
  for (const h of harnessErrors) console.log(`  ${h}`);
}

function pct(a, b) {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

process.exit(agree.length / verdicts.length >= TARGET && harnessErrors.length === 0 ? 0 : 1);
