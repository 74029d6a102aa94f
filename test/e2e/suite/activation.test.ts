import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from '../support/harness';
import { EXTENSION_ID, openInEditor, waitFor, workspaceUri } from '../support/workspace';

suite('activation', () => {
  test('the extension is installed and not active before an FRR or MetalLB document opens', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.isActive, false);
  });

  test('opening examples/router.frr activates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const started = performance.now();
    const editor = await openInEditor(workspaceUri('router.frr'));
    assert.equal(editor.document.languageId, 'frr');
    await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive);
    // Read by scripts/e2e/activation.mjs; a figure for the bench, never asserted.
    console.log(`FRR_E2E_ACTIVATION_MS=${(performance.now() - started).toFixed(1)}`);
  });

  test('its command is registered once active', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('frrMetallb.validateWorkspace'));
  });
});
