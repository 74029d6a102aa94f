import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from '../support/harness';
import { diagnosticCode, openInEditor, waitForDiagnostics, workspaceUri, writeWorkspaceFile } from '../support/workspace';

const BROKEN_LINE = 4;
const BROKEN = ['hostname e2e', '!', 'router bgp 64512', ' neighbor 10.0.0.1 remote-as 64513', ' frobnicate the network', 'exit', ''].join('\n');

function assertInside(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): void {
  const { start, end } = diagnostic.range;
  assert.ok(start.isBeforeOrEqual(end), `empty-or-inverted range for ${diagnosticCode(diagnostic)}`);
  assert.ok(document.validateRange(diagnostic.range).isEqual(diagnostic.range), `range outside the document for ${diagnosticCode(diagnostic)}`);
}

suite('diagnostics', () => {
  test('a line FRR rejects gets frr/syntax, ranged on that line', async () => {
    const uri = await writeWorkspaceFile('broken/broken.frr', BROKEN);
    const { document } = await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => diagnosticCode(d) === 'frr/syntax'));
    const syntax = diagnostics.filter((d) => diagnosticCode(d) === 'frr/syntax');
    assert.deepEqual(syntax.map((d) => d.range.start.line), [BROKEN_LINE]);
    assert.equal(syntax[0].severity, vscode.DiagnosticSeverity.Error);
    assertInside(document, syntax[0]);
    assert.equal(document.getText(syntax[0].range).trim().length > 0, true, 'the range covers text of the broken line');
  });

  test('fixing the line clears frr/syntax', async () => {
    const uri = workspaceUri('broken', 'broken.frr');
    const editor = await openInEditor(uri);
    const line = editor.document.lineAt(BROKEN_LINE);
    await editor.edit((edit) => edit.replace(line.range, ' bgp router-id 10.0.0.2'));
    await waitForDiagnostics(uri, (all) => !all.some((d) => diagnosticCode(d) === 'frr/syntax'));
  });

  test('examples/router.frr gets coded diagnostics with ranges inside the document', async () => {
    const uri = workspaceUri('router.frr');
    const { document } = await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.length > 0);
    for (const diagnostic of diagnostics) {
      assert.match(diagnosticCode(diagnostic) ?? '', /^(frr|metallb)\/[a-z0-9-]+$/);
      assertInside(document, diagnostic);
    }
  });

  test('examples/bgpextras.yaml gets diagnostics on its embedded FRR text', async () => {
    const uri = workspaceUri('bgpextras.yaml');
    const { document } = await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.length > 0);
    const extrasStart = document.getText().indexOf('extras: |');
    assert.ok(extrasStart > 0);
    assert.ok(
      diagnostics.some((d) => document.offsetAt(d.range.start) > extrasStart),
      'at least one diagnostic points into the extras block',
    );
  });
});
