// Child processes with a bound on every wait: a hung vtysh or ip must fail the run, never stall CI.
import { spawn } from 'node:child_process';

/** Runs a command to completion; kills it (by its own pid) when it outlives `timeoutMs`. */
export function run(command, args, { timeoutMs = 20_000, input } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, timedOut });
    });
  });
}

/** Like `run`, but a non-zero exit is an error carrying what the command said. */
export async function runOk(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut ? `timed out after ${options?.timeoutMs ?? 20_000} ms` : `exit ${result.code}`;
    throw new Error(`${command} ${args.join(' ')}: ${why}\n${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until `done(value)` holds or `timeoutMs` passes; returns the last value either way
 * (with `ok`), so a failed check can print what was last observed.
 */
export async function waitFor(probe, done, { timeoutMs = 30_000, intervalMs = 500 } = {}) {
  const started = Date.now();
  let value;
  for (;;) {
    try {
      value = await probe();
      if (done(value)) return { ok: true, value, ms: Date.now() - started };
    } catch (error) {
      value = error;
    }
    if (Date.now() - started >= timeoutMs) return { ok: false, value, ms: Date.now() - started };
    await sleep(intervalMs);
  }
}
