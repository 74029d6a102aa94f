/**
 * Hosts the frr-metallb language server. The server starts lazily: on an FRR document, or on the
 * first YAML document that declares a MetalLB / frr-k8s kind, so plain YAML users pay nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
/**
 * The server's Node flags. A small young generation: nearly everything a check allocates lives on
 * (the parse and model of each document), so a large one only holds and copies more (measured by
 * `npm run bench`, which starts the server with the same flags: 20 to 30 MB less at 1k and 10k
 * lines, latencies unchanged). `gc` exposed: the server collects once after the first check of a
 * large document (server/src/lsp/collect.ts).
 */
import SERVER_EXEC_ARGV from '../../server/exec-argv.json';
import {
  GENERATE_EXTRAS_COMMAND,
  RENDER_CHANGED_NOTIFICATION,
  RENDER_REQUEST,
  VALIDATE_WORKSPACE_REQUEST,
  type RenderReply,
  type ValidateWorkspaceReply,
} from '../../server/src/lsp/protocol';
import { LATEST_METALLB_VERSION } from '../../server/src/service/metallb/render/version';

const METALLB_MARKER = /apiVersion:\s*["']?(metallb\.io|frrk8s\.metallb\.io)\/|name:\s*["']?bgpextras\b/;

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
let onClientReady: ((client: LanguageClient) => void) | undefined;

function wantsServer(document: vscode.TextDocument): boolean {
  if (document.languageId === 'frr') return true;
  return document.languageId === 'yaml' && METALLB_MARKER.test(document.getText(new vscode.Range(0, 0, 400, 0)));
}

/** Loaded when the first server starts: a YAML file without MetalLB kinds never pays for it. */
function languageClientLibrary(): typeof import('./languageClient') {
  // A path relative to dist/extension.js at run time: the build leaves this require alone.
  return require('./languageClient.js') as typeof import('./languageClient');
}

function startClient(context: vscode.ExtensionContext): Promise<void> {
  if (starting) return starting;
  const { LanguageClient, TransportKind } = languageClientLibrary();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
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
  const created = new LanguageClient('frrMetallb', 'FRR & MetalLB', serverOptions, clientOptions);
  client = created;
  starting = created.start().then(() => onClientReady?.(created));
  return starting;
}

const PREVIEW_SCHEME = 'frr-metallb-preview';

/** The read-only "rendered frr.conf" documents, refreshed whenever the server says a manifest changed. */
class PreviewProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly open = new Set<string>();

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!client) return '! frr-metallb: the language server is not running\n';
    const node = new URLSearchParams(uri.query).get('node') ?? undefined;
    const reply = await client.sendRequest<RenderReply>(RENDER_REQUEST, { node });
    this.open.add(uri.toString());
    const header = reply.header.length > 0 ? `${reply.header.join('\n')}\n!\n` : '';
    return header + reply.text;
  }

  refreshAll(): void {
    for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
  }
}

function updateStatus(item: vscode.StatusBarItem): void {
  const config = vscode.workspace.getConfiguration('frrMetallb');
  const mode = config.get<string>('mode', 'frr');
  const metallbVersion = config.get<string>('metallbVersion', LATEST_METALLB_VERSION);
  item.text = `$(server-process) MetalLB ${metallbVersion} · ${mode === 'frr-k8s' ? 'frr-k8s' : 'FRR mode'}`;
  item.tooltip = `FRR & MetalLB: rendering as MetalLB ${metallbVersion} in ${mode} mode, validating for FRR ${config.get<string>('frrVersion', 'any')}`;
  item.command = 'frrMetallb.showRenderedConfig';
}

async function showRenderedConfig(context: vscode.ExtensionContext): Promise<void> {
  await startClient(context);
  if (!client) return;
  const configured = vscode.workspace.getConfiguration('frrMetallb').get<string>('node', '');
  const first = await client.sendRequest<RenderReply>(RENDER_REQUEST, { node: configured || undefined });
  let node = first.node;
  if (!configured && first.nodes.length > 1) {
    node = await vscode.window.showQuickPick(first.nodes, { placeHolder: 'Render the frr.conf of which node?' });
    if (!node) return;
  }
  const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${node ?? 'node'}/frr.conf`, query: node ? `node=${encodeURIComponent(node)}` : '' });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'frr');
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
}

/** Has the server check every indexed file (open or not) and publish its diagnostics, then shows them. */
async function validateWorkspace(context: vscode.ExtensionContext): Promise<void> {
  await startClient(context);
  if (!client) return;
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'FRR & MetalLB: validating the workspace' },
    () => client?.sendRequest<ValidateWorkspaceReply>(VALIDATE_WORKSPACE_REQUEST, {}) ?? Promise.resolve(undefined),
  );
  if (!reply) return;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const summary = `${reply.errors} error(s), ${reply.warnings} warning(s) in ${reply.files} file(s); ${reply.checked} file(s) checked`;
  if (reply.errors > 0) void vscode.window.showErrorMessage(`FRR & MetalLB: ${summary}`);
  else if (reply.warnings > 0) void vscode.window.showWarningMessage(`FRR & MetalLB: ${summary}`);
  else void vscode.window.showInformationMessage(`FRR & MetalLB: ${summary}`);
}

export function activate(context: vscode.ExtensionContext): void {
  const preview = new PreviewProvider();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview));
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === PREVIEW_SCHEME) preview.open.delete(document.uri.toString());
    }),
  );
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  updateStatus(status);
  status.show();
  context.subscriptions.push(status);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('frrMetallb')) {
        updateStatus(status);
        preview.refreshAll();
      }
    }),
  );
  onClientReady = (ready) => {
    context.subscriptions.push(ready.onNotification(RENDER_CHANGED_NOTIFICATION, () => preview.refreshAll()));
  };
  context.subscriptions.push(vscode.commands.registerCommand('frrMetallb.showRenderedConfig', () => showRenderedConfig(context)));
  context.subscriptions.push(
    vscode.commands.registerCommand('frrMetallb.generateExtras', async (cidrs?: string[]) => {
      await startClient(context);
      const chosen =
        cidrs ??
        (await vscode.window.showInputBox({
          prompt: 'Routes to receive from every MetalLB peer (CIDRs, comma-separated)',
          placeHolder: '172.16.0.0/16, fd00:10::/48',
          validateInput: (value) => (value.trim() === '' ? 'Give at least one CIDR' : undefined),
        }))
          ?.split(',')
          .map((cidr) => cidr.trim())
          .filter((cidr) => cidr !== '');
      if (!chosen || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: GENERATE_EXTRAS_COMMAND, arguments: [{ cidrs: chosen }] });
    }),
  );
  const maybeStart = (document: vscode.TextDocument) => {
    if (wantsServer(document)) void startClient(context);
  };
  // After activation returns: starting the client loads the library and spawns the server, which
  // need not hold up the extension host while it activates.
  setImmediate(() => vscode.workspace.textDocuments.forEach(maybeStart));
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(maybeStart));
  context.subscriptions.push(
    vscode.commands.registerCommand('frrMetallb.validateWorkspace', () => validateWorkspace(context)),
  );
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
