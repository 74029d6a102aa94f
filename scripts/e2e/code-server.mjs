// Starts code-server the way the e2e run and `npm start` need it: isolated from the user's own
// VS Code state (fresh user data, extensions and config, its own TMPDIR), bound to 127.0.0.1 on
// a free port, without auth, telemetry or update checks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerEntry, node24 } from './install.mjs';
import { startProcess, stopProcess } from './processes.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh, empty code-server profile: user data, extensions, config and temp folders, in a new
 * temp folder, or at `at` (emptied first) when the caller wants it in a known place.
 */
export function createProfile({ at } = {}) {
  let base = at;
  if (base) {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(base, { recursive: true });
  } else {
    base = mkdtempSync(join(tmpdir(), 'frr-metallb-e2e-'));
  }
  const profile = {
    base,
    userDataDir: join(base, 'user-data'),
    extensionsDir: join(base, 'extensions'),
    config: join(base, 'config.yaml'),
    tmp: join(base, 'tmp'),
  };
  for (const dir of [profile.userDataDir, profile.extensionsDir, profile.tmp]) mkdirSync(dir, { recursive: true });
  writeFileSync(profile.config, 'auth: none\n');
  // Keeps the workbench quiet and predictable: no welcome page, no tips, no restored editors.
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(profile.userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'window.restoreWindows': 'none',
        'chat.disableAIFeatures': true,
      },
      null,
      2,
    ),
  );
  return profile;
}

function profileArgs(profile) {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--config', profile.config];
}

function codeServerEnv(profile) {
  return { ...process.env, TMPDIR: profile.tmp, XDG_CONFIG_HOME: join(profile.base, 'xdg-config'), XDG_DATA_HOME: join(profile.base, 'xdg-data') };
}

/** Installs a .vsix into the profile's extensions folder with code-server's own CLI. */
export function installVsix(profile, vsix) {
  const result = spawnSync(node24, [codeServerEntry, ...profileArgs(profile), '--force', '--install-extension', vsix], {
    env: codeServerEnv(profile),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed: ${result.error?.message ?? ''}${result.stdout}${result.stderr}`);
  }
  return result.stdout.trim();
}

async function waitForHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (code ${child.exitCode})`);
    try {
      const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Serves code-server for `profile`. `smokeTestDriver` lets a page pass extensionDevelopmentPath /
 * extensionTestsPath in its `payload`, which a built VS Code ignores otherwise.
 */
export async function startCodeServer(profile, { folder, logFile, smokeTestDriver = false, port, timeoutMs = 90_000 } = {}) {
  const listenPort = port ?? (await freePort());
  const args = [
    codeServerEntry,
    ...profileArgs(profile),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${listenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(folder ? [folder] : []),
  ];
  const child = startProcess('code-server', node24, args, { logFile: logFile ?? join(profile.base, 'code-server.log'), env: codeServerEnv(profile) });
  const url = `http://127.0.0.1:${listenPort}/`;
  try {
    await waitForHealthy(url, child, timeoutMs);
  } catch (error) {
    await stopProcess(child.pid);
    throw error;
  }
  return { url, port: listenPort, pid: child.pid, child, stop: () => stopProcess(child.pid) };
}

/** The workbench URL for `folder`, with an optional VS Code `payload` (list of [key, value]). */
export function workbenchUrl(server, folder, payload) {
  const url = new URL(server.url);
  if (folder) url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** URIs in a payload are resolved by the browser; files on code-server's side are `vscode-remote:`. */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${encodeURI(path)}`;
}
