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
];

/** The "Activation: N ms" VS Code shows for the extension in Developer: Show Running Extensions. */
export async function reportedActivationTime(page: Page, displayName: string): Promise<string> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: displayName });
  const time = row.locator('.activation-time');
  return poll('an activation time', () => time.innerText(), (text) => /\d+\s*ms/.test(text), 20_000);
}
