/**
 * Driving the VS Code workbench in code-server through Playwright: waiting for it, opening files
 * and running commands the way a user does (Quick Open, the command palette).
 */
import type { Locator, Page } from 'playwright-core';

// The project is type-checked without the DOM library (it has no browser code of its own), so
// functions that run in the page are built from source text.
const computedColorInPage = new Function('element', 'return getComputedStyle(element).color') as (element: unknown) => string;

export async function computedColor(locator: Locator): Promise<string> {
  return locator.evaluate(computedColorInPage);
}

export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

async function quickInput(page: Page, keys: string, text: string, rowText: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  // The first key press can land before the workbench has taken keyboard focus.
  for (let attempt = 0; attempt < 3 && !(await widget.isVisible()); attempt++) {
    await page.keyboard.press(keys);
    await widget.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
  await page.keyboard.type(text, { delay: 10 });
  await widget.locator('.monaco-list-row', { hasText: rowText }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Opens a workspace file through Quick Open and waits for its editor tab. */
export async function openFile(page: Page, relativePath: string): Promise<Locator> {
  const name = relativePath.split('/').pop() ?? relativePath;
  // Gives the page keyboard focus (a click on the bare title bar does nothing else).
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  await quickInput(page, 'Control+P', relativePath, name);
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ state: 'visible', timeout: 15_000 });
  return editor;
}

/** Runs a command by its palette title (e.g. "View: Focus Problems"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', title, title);
}
