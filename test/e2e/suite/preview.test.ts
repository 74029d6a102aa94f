import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliRender } from '../support/cli';
import { suite, suiteTeardown, test } from '../support/harness';
import { closeAllEditors, openInEditor, waitFor, workspaceUri, writeWorkspaceFile } from '../support/workspace';

const PREVIEW_SCHEME = 'frr-metallb-preview';
const PEERS = 'peers.yaml';
// At the top level: a file created inside a brand-new folder can race the file watcher's setup of that folder.
const ADDED_SERVICE = 'preview-api-service.yaml';
const API_SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: api',
  '  namespace: default',
  'spec:',
  '  type: LoadBalancer',
  '  selector:',
  '    app: api',
  '  ports:',
  '    - port: 443',
  'status:',
  '  loadBalancer:',
  '    ingress:',
  '      - ip: 192.168.10.6',
  '',
].join('\n');

function previewDocument(): vscode.TextDocument | undefined {
  return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === PREVIEW_SCHEME)?.document;
}

/** The preview without its header: the `!` lines saying what the render assumed, then a lone `!`. */
function renderedPart(preview: string): string {
  const lines = preview.split('\n');
  let first = 0;
  while (first < lines.length && lines[first].startsWith('!')) first++;
  return lines.slice(first).join('\n');
}

async function waitForPreview(what: string, accept: (text: string) => boolean): Promise<string> {
  await waitFor(`the preview ${what}`, () => {
    const document = previewDocument();
    return document !== undefined && accept(document.getText());
  });
  return previewDocument()?.getText() ?? '';
}

async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('the rendered FRR config preview', () => {
  let peersOnDisk = '';

  suiteTeardown(async () => {
    const peers = await vscode.workspace.openTextDocument(workspaceUri(PEERS));
    if (peersOnDisk !== '' && peers.getText() !== peersOnDisk) {
      await setText(peers, peersOnDisk);
      await peers.save();
    }
    await vscode.workspace.fs.delete(workspaceUri(...ADDED_SERVICE.split('/'))).then(undefined, () => undefined);
    await closeAllEditors();
  });

  test('opens beside the editor, as frr, without asking for a node (examples/ has one)', async () => {
    await closeAllEditors();
    const peers = await openInEditor(workspaceUri(PEERS));
    peersOnDisk = peers.document.getText();
    // A node quick pick would leave the command pending: that fails here instead of hanging.
    await Promise.race([
      vscode.commands.executeCommand('frrMetallb.showRenderedConfig'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('showRenderedConfig did not return (a node picker?)')), 15_000)),
    ]);
    await waitFor('a visible preview document', () => previewDocument() !== undefined);
    const preview = previewDocument();
    assert.ok(preview);
    assert.equal(preview.languageId, 'frr');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === preview);
    assert.equal(editor?.viewColumn, vscode.ViewColumn.Two, 'in the side column');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), peers.document.uri.toString(), 'focus stays on the manifest');
  });

  test('its content after the header is exactly what frr-lint render prints', async () => {
    const text = previewDocument()?.getText() ?? '';
    assert.match(text, /^! /, 'starts with a header of ! lines');
    assert.equal(renderedPart(text), cliRender());
  });

  test('it is read-only output, so it never carries diagnostics', async () => {
    const preview = previewDocument();
    assert.ok(preview);
    // Long enough for the server's debounced diagnostics to have arrived if it sent any.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(vscode.languages.getDiagnostics(preview.uri), []);
  });

  test('it follows an unsaved edit of a BGPPeer', async () => {
    const peers = await vscode.workspace.openTextDocument(workspaceUri(PEERS));
    const torA = peers.getText().indexOf('peerASN: 64513');
    assert.ok(torA > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(peers.uri, new vscode.Range(peers.positionAt(torA), peers.positionAt(torA + 'peerASN: 64513'.length)), 'peerASN: 64999');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await waitForPreview('to show the new ASN', (text) => text.includes('neighbor 10.0.0.1 remote-as 64999'));
    assert.ok(updated.includes('neighbor 10.0.0.2 remote-as 64513'), 'the other peer is unchanged');
    assert.ok(await peers.save());
    assert.equal(renderedPart(updated), cliRender(), 'and still equals frr-lint render once saved');
  });

  test('it follows a Service added on disk', async () => {
    await writeWorkspaceFile(ADDED_SERVICE, API_SERVICE);
    const updated = await waitForPreview('to announce the new Service IP', (text) => text.includes('network 192.168.10.6/32'));
    assert.equal(renderedPart(updated), cliRender());
  });
});
