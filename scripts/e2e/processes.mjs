// Every child the e2e scripts start is spawned as the leader of its own process group and recorded
// here, so that one call ends it together with what it spawned (code-server's extension host and
// language server, Chromium's helpers), whatever way the run ends.
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

const running = new Map();

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  return signalGroup(pid, 0);
}

/** Starts `command` in its own process group; its output goes to `logFile`. */
export function startProcess(name, command, args, { logFile, env, cwd } = {}) {
  const fd = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  if (typeof fd === 'number') closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  running.set(child.pid, name);
  child.on('exit', () => {
    if (!groupAlive(child.pid)) running.delete(child.pid);
  });
  return child;
}

/** Tracks a process group some library started (Playwright starts Chromium as a group leader). */
export function adoptProcess(name, pid) {
  running.set(pid, name);
}

/** SIGTERM to the group, SIGKILL after `graceMs` if anything in it is still alive. */
export async function stopProcess(pid, graceMs = 5000) {
  if (!running.has(pid)) return;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  running.delete(pid);
}

export async function stopAll() {
  await Promise.all([...running.keys()].reverse().map((pid) => stopProcess(pid)));
}

// Last resort when the script dies without reaching its own cleanup: synchronous, so it also
// runs from the 'exit' event.
function killAllNow() {
  for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
  running.clear();
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}
