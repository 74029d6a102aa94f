/**
 * Runs the bundled extension tests with mocha inside the extension host and records every outcome
 * as JSON in the file named by FRR_E2E_RESULTS (set through the workbench payload's
 * `extensionEnvironment`), so the driver outside the browser can report per test.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { tddContext } from './harness';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function runMocha(loadSuites: () => void): Promise<void> {
  // Failures then point at test/e2e/*.ts lines instead of the bundle's.
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', tddContext, 'extension-tests', mocha);
  loadSuites();
  const outcomes: TestOutcome[] = [];
  const resultsFile = process.env.FRR_E2E_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify(outcomes, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => outcomes.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, error) => outcomes.push({ title: t.fullTitle(), state: 'failed', error: describeError(error) }));
  });
}
