/**
 * The warm check the language server repeats on every edit: the median of repeated checks of one
 * configuration in one process. Prints JSON {medianMs, runs, lines, findings}.
 */
import { readFileSync } from 'node:fs';
import { checkFrrText } from '../server/src/service/rules/frr/check';

const [file, runsArg] = process.argv.slice(2);
const text = readFileSync(file as string, 'utf8');
const runs = Number(runsArg ?? 5);
const times: number[] = [];
let findings = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  findings = checkFrrText(text).findings.length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    medianMs: times[Math.floor(times.length / 2)],
    runs,
    lines: text.split('\n').length,
    findings,
  }) + '\n',
);
