// Prints the extension's activation time as VS Code itself reports it ("Developer: Show Running
// Extensions"), for the packaged .vsix in code-server, once per fresh window (each window gets its
// own extension host): open examples/router.frr, then read the figure. A measure, never asserted.
// Usage: node scripts/e2e/activation.mjs [--runs N]
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { launchBrowser, newWorkbenchPage } from './browser.mjs';
import { workbenchUrl } from './code-server.mjs';
import { CODE_SERVER_VERSION } from './install.mjs';
import { stopAll } from './processes.mjs';
import { serveInstalledExtension } from './serve.mjs';
import { copyExamples } from './workspace.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 3);

async function main() {
  const { reportedActivationTime } = await tsImport('../../test/e2e/ui/checks.ts', import.meta.url);
  const { openFile, waitForWorkbench } = await tsImport('../../test/e2e/ui/workbench.ts', import.meta.url);
  const { server, profile } = await serveInstalledExtension();
  const browser = await launchBrowser();
  const figures = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const workspace = copyExamples(profile.base, `workspace-${run}`);
      const page = await newWorkbenchPage(browser.browser);
      await page.goto(workbenchUrl(server, workspace), { timeout: 60_000 });
      await waitForWorkbench(page);
      await openFile(page, 'router.frr');
      const reported = await reportedActivationTime(page, 'FRR & MetalLB');
      figures.push(Number(/(\d+)\s*ms/.exec(reported)?.[1]));
      console.log(`window ${run}: VS Code reports "${reported}"`);
      await page.context().close();
    }
  } finally {
    await browser.close();
    await stopAll();
    rmSync(profile.base, { recursive: true, force: true });
  }
  const sorted = [...figures].sort((a, b) => a - b);
  console.log(`activation (onLanguage:frr, packaged .vsix, code-server ${CODE_SERVER_VERSION}): median ${sorted[Math.floor(sorted.length / 2)]} ms over ${runs} window(s) [${figures.join(', ')}]`);
}

try {
  await main();
} catch (error) {
  console.error(`activation measure failed: ${error.message}`);
  await stopAll();
  process.exit(1);
}
