/**
 * UI checks run against code-server with the packaged extension installed: what a user sees,
 * each with a screenshot. A check returns a one-line detail or throws.
 */
import type { Page } from 'playwright-core';
import { computedColor, openFile, runCommand } from './workbench';

export interface UiContext {
  page: Page;
  screenshot(name: string): Promise<string>;
}

export interface UiCheck {
  name: string;
  run(context: UiContext): Promise<string>;
}

const SQUIGGLES = '.squiggly-error, .squiggly-warning';
const CODE = /\b(frr|metallb)\/[a-z0-9-]+/;

async function poll<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const uiChecks: UiCheck[] = [
  {
    name: 'squiggles on the known problems of examples/router.frr',
    async run({ page, screenshot }) {
      const editor = await openFile(page, 'router.frr');
      const count = await poll('squiggles', () => editor.locator(SQUIGGLES).count(), (n) => n > 0, 45_000);
      const errors = await editor.locator('.squiggly-error').count();
      const shot = await screenshot('router-frr-squiggles');
      return `${count} squiggles (${errors} error) → ${shot}`;
    },
  },
  {
    name: 'Problems panel lists coded findings',
    async run({ page, screenshot }) {
      await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      const rows = page.locator('.markers-panel .monaco-list-row');
      const texts = await poll('coded Problems rows', () => rows.allInnerTexts(), (all) => all.some((text) => CODE.test(text)), 30_000);
      const codes = new Set(texts.map((text) => CODE.exec(text)?.[0]).filter((code) => code !== undefined));
      const shot = await screenshot('problems-panel');
      return `${texts.length} rows, codes ${[...codes].sort().join(' ')} → ${shot}`;
    },
  },
  {
    name: 'FRR is highlighted inside the extras: block of examples/bgpextras.yaml',
    async run({ page, screenshot }) {
      const editor = await openFile(page, 'bgpextras.yaml');
      const tokens = editor.locator('.view-line span > span');
      const frrKeyword = tokens.filter({ hasText: /^route-map$/ }).first();
      const yamlString = tokens.filter({ hasText: /^metallb-system$/ }).first();
      await frrKeyword.waitFor({ state: 'visible', timeout: 15_000 });
      // Tokenization is asynchronous: until the grammar has run, the line is one plain span.
      const keywordColor = await poll(
        'route-map to be colored apart from YAML strings',
        async () => [await computedColor(frrKeyword), await computedColor(yamlString)] as const,
        ([keyword, string]) => keyword !== string,
        15_000,
      );
      const shot = await screenshot('bgpextras-frr-highlighting');
      return `route-map ${keywordColor[0]} vs YAML string ${keywordColor[1]} → ${shot}`;
    },
  },
  {
    name: 'the suggest widget offers a peer route-map after `route-map ` in the extras: block',
    async run({ page, screenshot }) {
      const editor = await openFile(page, 'bgpextras.yaml');
      // A new line under the seq-less prefix-list keeps the block's indentation (YAML auto-indent).
      await editor.locator('.view-line', { hasText: 'permit 10.20.0.0/16' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('route-map ', { delay: 20 });
      const labels = page.locator('.suggest-widget.visible .monaco-list-row .label-name');
      const shown = await poll('the suggest widget', () => labels.allInnerTexts(), (all) => all.length > 0, 10_000).catch(async () => {
        // The space is a trigger character; should the widget still be closed, ask as a user would.
        await page.keyboard.press('Control+Space');
        return poll('the suggest widget after Ctrl+Space', () => labels.allInnerTexts(), (all) => all.length > 0, 10_000);
      });
      const withPeer = await poll('10.0.0.2-in among the suggestions', () => labels.allInnerTexts(), (all) => all.includes('10.0.0.2-in'), 10_000);
      const shot = await screenshot('bgpextras-peer-route-map-suggestions');
      await page.keyboard.press('Escape');
      await runCommand(page, 'File: Revert File');
      return `${withPeer.length} suggestions (first ${withPeer.slice(0, 3).join(', ')}; ${shown.length} at first) → ${shot}`;
    },
  },
];

/** The "Activation: N ms" VS Code shows for the extension in Developer: Show Running Extensions. */
export async function reportedActivationTime(page: Page, displayName: string): Promise<string> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const list = page.locator('.runtime-extensions-editor .monaco-list').first();
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: displayName });
  // The view sorts by activation time, slowest first, and renders only the rows in sight: a quick
  // extension sits below the fold until the list is scrolled to it.
  await list.waitFor({ timeout: 20_000 });
  for (let step = 0; step < 40 && (await row.count()) === 0; step++) {
    await list.hover();
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(100);
  }
  const time = row.locator('.activation-time');
  return poll('an activation time', () => time.innerText(), (text) => /\d+\s*ms/.test(text), 20_000);
}
