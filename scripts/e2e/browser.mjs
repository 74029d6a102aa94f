// Debian's Chromium driven by playwright-core (which downloads no browser of its own), with the
// flags that keep it headless, offline and free of first-run work.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './install.mjs';
import { adoptProcess, stopProcess } from './processes.mjs';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium as a server process whose pid the run tracks, and a connection to it. */
export async function launchBrowser() {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
  const pid = server.process().pid;
  if (pid !== undefined) adoptProcess('chromium', pid);
  const browser = await chromium.connect(server.wsEndpoint(), { timeout: 30_000 });
  const close = async () => {
    await Promise.race([browser.close().then(() => server.close()), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => undefined);
    if (pid !== undefined) await stopProcess(pid);
  };
  return { browser, close };
}

export async function newWorkbenchPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}
