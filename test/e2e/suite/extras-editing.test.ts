import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from '../support/harness';
import { diagnosticCode, openInEditor, waitForDiagnostics, workspaceUri } from '../support/workspace';

const EXTRAS = 'bgpextras.yaml';
const PEERS = 'peers.yaml';
const COLLISION_LINE = '    route-map 10.0.0.1-in permit 20';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function lineIndexOf(document: vscode.TextDocument, text: string): number {
  const index = document.getText().split('\n').indexOf(text);
  assert.ok(index >= 0, `"${text}" is a line of ${document.uri.path}`);
  return index;
}

/** Puts the file's text back as it was on disk and saves it, so later suites see the untouched example. */
async function restore(relativePath: string, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `restoring ${relativePath}`);
  assert.ok(await document.save(), `saving ${relativePath}`);
}

suite('editing the bgpextras of examples/', () => {
  const original = new Map<string, string>();

  suiteSetup(async () => {
    for (const file of [EXTRAS, PEERS]) {
      original.set(file, new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(file))));
    }
  });

  suiteTeardown(async () => {
    for (const [file, text] of original) await restore(file, text);
  });

  test('after `route-map ` in the extras block, the peer without an override comes first', async () => {
    const editor = await openInEditor(workspaceUri(EXTRAS));
    const line = lineIndexOf(editor.document, COLLISION_LINE);
    const typed = '    route-map ';
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), `${typed}\n`)));
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(line, typed.length),
      );
      const byLabel = new Map(list.items.map((item) => [labelOf(item), item]));
      const fresh = byLabel.get('10.0.0.2-in');
      const overridden = byLabel.get('10.0.0.1-in');
      assert.ok(fresh, `10.0.0.2-in offered; got ${[...byLabel.keys()].slice(0, 20).join(', ')}`);
      assert.ok(overridden, '10.0.0.1-in offered too');
      // VS Code ranks equally-matching items by sortText.
      const rank = (item: vscode.CompletionItem) => item.sortText ?? labelOf(item);
      assert.ok(rank(fresh) < rank(overridden), `10.0.0.2-in (${rank(fresh)}) ranks before 10.0.0.1-in (${rank(overridden)})`);
    } finally {
      await restore(EXTRAS, original.get(EXTRAS) ?? '');
    }
  });

  test('the quick fix moves the colliding override to seq 10 and its diagnostic goes away', async () => {
    const uri = workspaceUri(EXTRAS);
    const editor = await openInEditor(uri);
    const line = lineIndexOf(editor.document, COLLISION_LINE);
    const isCollision = (d: vscode.Diagnostic) => diagnosticCode(d) === 'metallb/in-seq-collision';
    // On the line it is on now: until the text the last test put back is checked, its edit's findings stand, a line lower.
    const onItsLine = (d: vscode.Diagnostic) => isCollision(d) && d.range.start.line === line;
    const [collision] = (await waitForDiagnostics(uri, (all) => all.some(onItsLine))).filter(onItsLine);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      collision.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action): action is vscode.CodeAction => 'edit' in action && / seq 10\b/.test(action.title));
    assert.ok(fix?.edit, `a seq-10 quick fix; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true, 'the safe fix is the preferred one');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    await waitForDiagnostics(uri, (all) => !all.some(isCollision));
    assert.equal(editor.document.lineAt(line).text, '    route-map 10.0.0.1-in permit 10');
  });

  test('renaming a BGPPeer address renames its route-map override in the other file', async () => {
    const peers = await openInEditor(workspaceUri(PEERS));
    const address = peers.document.getText().indexOf('peerAddress: 10.0.0.1') + 'peerAddress: '.length;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      peers.document.uri,
      peers.document.positionAt(address + 2),
      '10.0.0.9',
    );
    const touched = new Map(edit.entries().map(([uri, edits]) => [uri.toString(), edits]));
    const extrasEdits = touched.get(workspaceUri(EXTRAS).toString());
    const peersEdits = touched.get(peers.document.uri.toString());
    assert.deepEqual([...touched.keys()].sort(), [peers.document.uri.toString(), workspaceUri(EXTRAS).toString()].sort());
    assert.deepEqual(peersEdits?.map((e) => e.newText), ['10.0.0.9']);
    assert.deepEqual(extrasEdits?.map((e) => e.newText), ['10.0.0.9-in']);

    assert.ok(await vscode.workspace.applyEdit(edit));
    const extras = await vscode.workspace.openTextDocument(workspaceUri(EXTRAS));
    assert.match(peers.document.getText(), /peerAddress: 10\.0\.0\.9\n/);
    assert.doesNotMatch(peers.document.getText(), /10\.0\.0\.1\b/);
    assert.match(extras.getText(), /^ {4}route-map 10\.0\.0\.9-in permit \d+$/m);
    assert.doesNotMatch(extras.getText(), /10\.0\.0\.1-in/);
  });
});
