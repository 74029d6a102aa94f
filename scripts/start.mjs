// `npm start`: installs what is missing (npm dependencies come from the prestart hook; code-server
// and Node 24 from scripts/e2e/install.mjs), builds, packages the .vsix, installs it into a fresh
// code-server profile and serves VS Code on 127.0.0.1 with examples/ open, until Ctrl-C.
// `npm start -- --check` does the same, then loads the page in headless Chromium, waits for the
// extension's squiggles on examples/router.frr, saves a screenshot and exits (0 when all worked).
// `--port N` picks the port (default: 8080 when free, else any free one).
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { launchBrowser, newWorkbenchPage } from './e2e/browser.mjs';
import { freePort, workbenchUrl } from './e2e/code-server.mjs';
import { root } from './e2e/install.mjs';
import { stopAll } from './e2e/processes.mjs';
import { serveInstalledExtension } from './e2e/serve.mjs';

const CHECK_TIMEOUT_MS = 5 * 60_000;
const { values: options } = parseArgs({ options: { check: { type: 'boolean', default: false }, port: { type: 'string' } } });
const examples = join(root, 'examples');

async function choosePort() {
  if (options.port) return Number(options.port);
  return (await isFree(8080)) ? 8080 : freePort();
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function check(url) {
  const { uiChecks } = await tsImport('../test/e2e/ui/checks.ts', import.meta.url);
  const { waitForWorkbench } = await tsImport('../test/e2e/ui/workbench.ts', import.meta.url);
  const artifacts = join(root, '.artifacts', 'start');
  mkdirSync(artifacts, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await newWorkbenchPage(browser.browser);
    const response = await page.goto(url, { timeout: 60_000 });
    if (!response?.ok()) throw new Error(`the workbench page answered ${response?.status() ?? 'nothing'}`);
    await waitForWorkbench(page);
    const screenshot = async (name) => {
      const file = join(artifacts, `${name}.png`);
      await page.screenshot({ path: file });
      return relative(root, file);
    };
    const squiggles = uiChecks[0];
    console.log(`check: page loaded; ${squiggles.name}: ${await squiggles.run({ page, screenshot })}`);
  } finally {
    await browser.close();
  }
}

async function main() {
  const port = await choosePort();
  const { server, profile } = await serveInstalledExtension({
    browser: options.check,
    profileAt: join(root, '.code-server', 'start-profile'),
    folder: examples,
    port,
  });
  const url = workbenchUrl(server, examples);
  if (options.check) {
    const timer = setTimeout(() => {
      console.error(`check: no answer within ${CHECK_TIMEOUT_MS / 1000} s`);
      void stopAll().finally(() => process.exit(1));
    }, CHECK_TIMEOUT_MS);
    await check(url);
    clearTimeout(timer);
    await stopAll();
    console.log('check: ok');
    return;
  }
  console.log(`\nFRR & MetalLB in VS Code: ${url}\n(code-server pid ${server.pid}, log ${join(profile.base, 'code-server.log')}; Ctrl-C stops it)`);
  const code = await new Promise((resolve) => server.child.once('exit', resolve));
  console.error(`code-server exited (${code})`);
  process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(`npm start failed: ${error.message}`);
  await stopAll();
  process.exit(1);
}
