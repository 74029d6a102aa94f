// `npm run test:e2e`: the extension in real VS Code (code-server 4.139, Node 24 extension host)
// driven by headless Chromium. Builds and packages the extension, installs the .vsix into a fresh
// profile, runs the mocha suites of test/e2e/suite in the extension host (development path), then
// the UI checks of test/e2e/ui against the installed .vsix, saving screenshots in .artifacts/e2e/.
// Every process it starts is ended by pid, whatever happens; every wait is bounded.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { launchBrowser, newWorkbenchPage } from './browser.mjs';
import { bundleExtensionTests } from './bundle-tests.mjs';
import { createProfile, installVsix, remoteUri, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureInstalled, root } from './install.mjs';
import { stopAll } from './processes.mjs';
import { copyExamples } from './workspace.mjs';
import { packageExtension } from '../package.mjs';

const RUN_TIMEOUT_MS = 20 * 60_000;
const EXTENSION_TESTS_TIMEOUT_MS = 5 * 60_000;
const artifacts = join(root, '.artifacts', 'e2e');
const outcomes = [];

function record(name, ok, detail) {
  outcomes.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runExtensionTests(browser, server, profile, bundle) {
  const workspace = copyExamples(profile.base, 'workspace-extension-tests');
  const resultsFile = join(profile.base, 'extension-test-results.json');
  const consoleLog = join(artifacts, 'extension-tests-console.log');
  const page = await newWorkbenchPage(browser);
  let activationMs;
  page.on('console', (message) => {
    const text = message.text();
    appendFileSync(consoleLog, `[${message.type()}] ${text}\n`);
    activationMs ??= /FRR_E2E_ACTIVATION_MS=([\d.]+)/.exec(text)?.[1];
  });
  let exit;
  const exited = new Promise((resolve) => {
    exit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => appendFileSync(consoleLog, `[automation ${type}] ${JSON.stringify(args)}\n`));
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, root)],
    ['extensionTestsPath', remoteUri(server, bundle)],
    ['extensionEnvironment', JSON.stringify({ FRR_E2E_RESULTS: resultsFile })],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server, workspace, payload), { timeout: 60_000 });
  const exitCode = await withTimeout(exited, EXTENSION_TESTS_TIMEOUT_MS, 'the extension tests');
  await page.context().close();
  if (!existsSync(resultsFile)) {
    record('extension-host tests', false, `no results written (exit code ${exitCode}); see ${relative(root, consoleLog)}`);
    return activationMs;
  }
  for (const test of JSON.parse(readFileSync(resultsFile, 'utf8'))) {
    if (test.state === 'pending') continue;
    const detail = test.state === 'passed' ? `${test.durationMs ?? 0} ms` : test.error.split('\n').slice(0, 6).join('\n    ');
    record(`extension: ${test.title}`, test.state === 'passed', detail);
  }
  if (exitCode !== 0 && outcomes.every((o) => o.ok)) record('extension-host exit code', false, String(exitCode));
  return activationMs;
}

async function runUiChecks(browser, server, profile) {
  const { uiChecks, reportedActivationTime } = await tsImport('../../test/e2e/ui/checks.ts', import.meta.url);
  const { waitForWorkbench } = await tsImport('../../test/e2e/ui/workbench.ts', import.meta.url);
  const workspace = copyExamples(profile.base, 'workspace-ui');
  const page = await newWorkbenchPage(browser);
  const screenshot = async (name) => {
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file });
    return relative(root, file);
  };
  await page.goto(workbenchUrl(server, workspace), { timeout: 60_000 });
  await waitForWorkbench(page);
  for (const check of uiChecks) {
    try {
      record(`ui: ${check.name}`, true, await withTimeout(check.run({ page, screenshot }), 120_000, check.name));
    } catch (error) {
      const shot = await screenshot(`failed-${check.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => 'no screenshot');
      record(`ui: ${check.name}`, false, `${error.message.split('\n')[0]} (${shot})`);
    }
  }
  const reported = await withTimeout(reportedActivationTime(page, 'FRR & MetalLB'), 60_000, 'Show Running Extensions').catch(
    (error) => `unavailable (${error.message.split('\n')[0]})`,
  );
  await screenshot('running-extensions').catch(() => undefined);
  await page.context().close();
  return reported;
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  ensureInstalled();
  const { vsix, bytes } = packageExtension();
  record('build and package', true, `${relative(root, vsix)}, ${(bytes / 1024).toFixed(1)} KiB`);
  const { bundle, files } = await bundleExtensionTests();
  console.log(`extension test files: ${files.join(', ')}`);
  const profile = createProfile();
  let keepProfile = true;
  let browser;
  try {
    console.log(installVsix(profile, vsix));
    const server = await startCodeServer(profile, { smokeTestDriver: true, logFile: join(artifacts, 'code-server.log') });
    console.log(`code-server on ${server.url} (pid ${server.pid}), profile ${profile.base}`);
    browser = await launchBrowser();
    const activationMs = await runExtensionTests(browser.browser, server, profile, bundle).catch((error) => {
      record('extension-host tests', false, error.message);
    });
    const reported = await runUiChecks(browser.browser, server, profile).catch((error) => {
      record('ui checks', false, error.message);
    });
    console.log(`activation: ${activationMs ?? '?'} ms from opening router.frr to isActive (extension test); VS Code reports "${reported ?? '?'}"`);
    writeFileSync(join(artifacts, 'summary.json'), JSON.stringify({ outcomes, activationMs, reported }, null, 2));
    keepProfile = outcomes.some((o) => !o.ok);
  } finally {
    await browser?.close();
    await stopAll();
    if (keepProfile) console.log(`kept for inspection: ${profile.base}`);
    else rmSync(profile.base, { recursive: true, force: true });
  }
}

const guard = setTimeout(() => {
  console.error(`e2e: whole run exceeded ${RUN_TIMEOUT_MS / 60_000} min; stopping everything`);
  void stopAll().finally(() => process.exit(1));
}, RUN_TIMEOUT_MS);
guard.unref();

try {
  await main();
} catch (error) {
  record('e2e run', false, error.stack ?? error.message);
  await stopAll();
}
const failed = outcomes.filter((o) => !o.ok).length;
console.log(`\n${outcomes.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
