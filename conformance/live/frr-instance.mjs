// One FRR (zebra + bgpd) inside a network namespace, with every path FRR would share with another
// instance or a system FRR (config dir, vty sockets, zserv socket, pid files, logs) under its own
// folder. Daemons run in the foreground as our children; only their pids are ever signalled.
import { spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { run, runOk, sleep, waitFor } from './proc.mjs';

export const FRR_SBIN = '/usr/lib/frr';
export const FRR_RELOAD = join(FRR_SBIN, 'frr-reload.py');
export const VTYSH_BINDIR = '/usr/bin';
const DAEMONS = ['zebra', 'bgpd'];

function chownTree(path, uid, gid) {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}

export class FrrInstance {
  /**
   * `owner`: the uid/gid the daemons drop to (FRR's `frr` user), which must own the folder;
   * `onSpawn(pid)`: told each daemon pid as soon as it exists.
   */
  constructor({ name, ns, dir, owner, onSpawn = () => {} }) {
    this.onSpawn = onSpawn;
    this.name = name;
    this.ns = ns;
    this.dir = dir;
    this.owner = owner;
    this.confDir = join(dir, 'etc');
    this.runDir = join(dir, 'run');
    this.logDir = join(dir, 'log');
    this.children = new Map();
  }

  get vtyshArgs() {
    return ['--config_dir', this.confDir, '--vty_socket', this.runDir];
  }

  /** Starts zebra then bgpd, then loads `config` the way an FRR container boots (`vtysh -b`). */
  async start(config) {
    for (const d of [this.confDir, this.runDir, this.logDir]) mkdirSync(d, { recursive: true });
    // frr-reload.py refuses to run without the integrated config.
    writeFileSync(join(this.confDir, 'vtysh.conf'), 'service integrated-vtysh-config\n');
    writeFileSync(join(this.confDir, 'frr.conf'), config);
    writeFileSync(join(this.confDir, 'empty.conf'), '');
    chownTree(this.dir, this.owner.uid, this.owner.gid);
    for (const daemon of DAEMONS) await this.startDaemon(daemon);
    await runOk('vtysh', [...this.vtyshArgs, '-b'], { timeoutMs: 30_000 });
  }

  async startDaemon(daemon) {
    const log = openSync(join(this.logDir, `${daemon}.out`), 'a');
    const args = [
      'netns', 'exec', this.ns, join(FRR_SBIN, daemon),
      '-P', '0', // no TCP vty: the unix socket under runDir is the only way in
      '-f', join(this.confDir, 'empty.conf'),
      '-i', join(this.runDir, `${daemon}.pid`),
      '-z', join(this.runDir, 'zserv.api'),
      '--vty_socket', this.runDir,
      '--log', `file:${join(this.logDir, `${daemon}.log`)}`,
    ];
    const child = spawn('ip', args, { stdio: ['ignore', log, log] });
    closeSync(log);
    this.onSpawn(child.pid);
    const state = { child, exited: false };
    child.on('exit', () => (state.exited = true));
    child.on('error', () => (state.exited = true));
    this.children.set(daemon, state);
    onCleanup(`stop ${this.name} ${daemon} (pid ${child.pid})`, () => this.stopDaemon(daemon));
    const ready = await waitFor(
      () => state.exited || existsSync(join(this.runDir, `${daemon}.vty`)),
      (v) => v === true,
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    if (!ready.ok || state.exited) {
      throw new Error(`${this.name}: ${daemon} did not start (pid ${child.pid})\n${this.logTail(daemon)}`);
    }
  }

  /** SIGTERM to the pid we started, SIGKILL if it is still there after a few seconds. */
  async stopDaemon(daemon) {
    const state = this.children.get(daemon);
    if (!state || state.exited) return;
    state.child.kill('SIGTERM');
    const gone = await waitFor(() => state.exited, (v) => v === true, { timeoutMs: 5_000, intervalMs: 100 });
    if (!gone.ok) {
      state.child.kill('SIGKILL');
      await sleep(200);
      // A daemon that exits cleanly removes its own crash-log folder; a killed one leaves it behind.
      rmSync(join('/var/tmp/frr', `${daemon}.${state.child.pid}`), { recursive: true, force: true });
    }
  }

  get pids() {
    return [...this.children.values()].map((s) => s.child.pid);
  }

  logTail(daemon, lines = 15) {
    const parts = [];
    for (const file of [`${daemon}.out`, `${daemon}.log`]) {
      const path = join(this.logDir, file);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8').trimEnd();
      if (text) parts.push(`--- ${file}\n${text.split('\n').slice(-lines).join('\n')}`);
    }
    return parts.join('\n');
  }

  async vtysh(...commands) {
    const args = [...this.vtyshArgs];
    for (const command of commands) args.push('-c', command);
    return runOk('vtysh', args, { timeoutMs: 15_000 });
  }

  async json(command) {
    return JSON.parse(await this.vtysh(command));
  }

  /**
   * MetalLB's reloader: `frr-reload.py --test` then `--reload --overwrite` of the rendered file.
   * Returns the `--test` deltas (what the reload is about to send).
   */
  async reload(file) {
    const common = [
      FRR_RELOAD, '--stdout',
      '--bindir', VTYSH_BINDIR, '--confdir', this.confDir, '--rundir', this.runDir, '--vty_socket', this.runDir,
    ];
    const test = await run('python3', [...common, '--test', file], { timeoutMs: 60_000 });
    if (test.code !== 0) throw new Error(`frr-reload.py --test ${file}: exit ${test.code}\n${test.stderr}${test.stdout}`);
    await runOk('python3', [...common, '--reload', '--overwrite', file], { timeoutMs: 60_000 });
    return test.stdout;
  }
}
