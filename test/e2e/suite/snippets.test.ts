import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, test } from '../support/harness';
import { EXTENSION_ID, writeWorkspaceFile } from '../support/workspace';

function contributedPrefixes(file: string): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const snippets = JSON.parse(readFileSync(join(extension.extensionPath, 'snippets', file), 'utf8')) as Record<string, { prefix: string | string[] }>;
  return Object.values(snippets).flatMap((snippet) => snippet.prefix);
}

async function snippetLabelsAt(uri: vscode.Uri, position: vscode.Position): Promise<Set<string>> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return new Set(
    list.items
      .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
      .map((item) => (typeof item.label === 'string' ? item.label : item.label.label)),
  );
}

/** The prefixes of `snippetFile` that completion at the start of a new, empty `workspaceFile` does not offer. */
async function snippetsNotOffered(workspaceFile: string, snippetFile: string): Promise<string[]> {
  const uri = await writeWorkspaceFile(workspaceFile, '\n');
  await vscode.workspace.openTextDocument(uri);
  const labels = await snippetLabelsAt(uri, new vscode.Position(0, 0));
  const prefixes = contributedPrefixes(snippetFile);
  assert.ok(prefixes.length > 0);
  return prefixes.filter((prefix) => !labels.has(prefix));
}

suite('snippets', () => {
  test('every FRR snippet is offered in an frr document', async () => {
    assert.deepEqual(await snippetsNotOffered('snippets/empty.frr', 'frr.json'), []);
  });

  test('every MetalLB snippet is offered in a yaml document', async () => {
    assert.deepEqual(await snippetsNotOffered('snippets/empty.yaml', 'metallb-yaml.json'), []);
  });
});
