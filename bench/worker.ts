/**
 * Measures one configuration in a process of its own, so that its peak RSS is ours alone:
 * prints JSON {medianMs, runs, maxRssMb, lines, findings}.
 */
import { readFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
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
    maxRssMb: resourceUsage().maxRSS / 1024,
    lines: text.split('\n').length,
    findings,
  }) + '\n',
);
