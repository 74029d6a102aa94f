import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from '../support/harness';
import { openInEditor, waitForDiagnostics, workspaceUri } from '../support/workspace';

/** Tokens as [line, character, text, type], from VS Code's encoding. */
function decoded(document: vscode.TextDocument, tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): [number, number, string, string][] {
  const out: [number, number, string, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1]! : tokens.data[i + 1]!;
    line += tokens.data[i]!;
    const text = document.getText(new vscode.Range(line, character, line, character + tokens.data[i + 2]!));
    out.push([line, character, text, legend.tokenTypes[tokens.data[i + 3]!]!]);
  }
  return out;
}

suite('semantic tokens', () => {
  test('the lines of a range are tokenized by the role their command gives each word', async () => {
    const uri = workspaceUri('router.frr');
    const { document } = await openInEditor(uri);
    // Diagnostics mean the language server is up and has read the document.
    await waitForDiagnostics(uri, (all) => all.length > 0);
    const line = document.getText().split('\n').indexOf('route-map cluster-in permit 10');
    assert.ok(line >= 0, 'router.frr has the route-map cluster-in header');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentRangeSemanticTokensLegend', uri);
    assert.ok(legend, 'a range semantic tokens provider is registered for frr');
    const range = new vscode.Range(line, 0, line + 1, 0);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentRangeSemanticTokens', uri, range);
    assert.ok(tokens, 'tokens for the range');
    const onLine = decoded(document, tokens, legend).filter(([at]) => at === line);
    assert.deepEqual(
      onLine.map(([, character, text, type]) => [character, text, type]),
      [
        [0, 'route-map', 'keyword'],
        [10, 'cluster-in', 'function'],
        [21, 'permit', 'enumMember'],
        [28, '10', 'number'],
      ],
    );
  });
});
