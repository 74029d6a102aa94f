/**
 * Hosts the frr-metallb language server. The server starts lazily: on an FRR document, or on the
 * first YAML document that declares a MetalLB / frr-k8s kind, so plain YAML users pay nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const METALLB_MARKER = /apiVersion:\s*["']?(metallb\.io|frrk8s\.metallb\.io)\/|name:\s*["']?bgpextras\b/;

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

function wantsServer(document: vscode.TextDocument): boolean {
  if (document.languageId === 'frr') return true;
  return document.languageId === 'yaml' && METALLB_MARKER.test(document.getText(new vscode.Range(0, 0, 400, 0)));
}

function startClient(context: vscode.ExtensionContext): Promise<void> {
  if (starting) return starting;
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'frr' },
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'frrMetallb',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,frr,conf}'),
    },
  };
  client = new LanguageClient('frrMetallb', 'FRR & MetalLB', serverOptions, clientOptions);
  starting = client.start();
  return starting;
}

export function activate(context: vscode.ExtensionContext): void {
  const maybeStart = (document: vscode.TextDocument) => {
    if (wantsServer(document)) void startClient(context);
  };
  vscode.workspace.textDocuments.forEach(maybeStart);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(maybeStart));
  context.subscriptions.push(
    vscode.commands.registerCommand('frrMetallb.validateWorkspace', async () => {
      await startClient(context);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
  );
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
