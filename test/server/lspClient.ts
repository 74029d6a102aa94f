/**
 * A minimal LSP client for tests: builds the server bundle once, starts it over stdio and speaks
 * JSON-RPC to it the way VS Code's language client does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

let bundle: Promise<string> | undefined;

function buildServer(): Promise<string> {
  bundle ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'frr-lsp-')), 'server.js');
    await build({
      entryPoints: [join(__dirname, '..', '..', 'server', 'src', 'server.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundle;
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code?: string | number; severity?: number; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

export class TestClient {
  private readonly diagnostics = new Map<string, PublishedDiagnostics>();
  /** How often the server asked a pulling client to pull again. */
  refreshes = 0;
  /** `window/showMessage` notifications and `window/showMessageRequest` requests, in order. */
  readonly messages: { type: number; message: string }[] = [];
  /** Edits the server asked to apply (`workspace/applyEdit`). */
  readonly appliedEdits: unknown[] = [];
  /** The title the user "clicks" in a message request; undefined dismisses it. */
  answer: string | undefined;
  private readonly waiters: { uri: string; accept: (d: PublishedDiagnostics) => boolean; resolve: (d: PublishedDiagnostics) => void }[] = [];

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.diagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    connection.onRequest('window/showMessageRequest', (params: { type: number; message: string; actions?: { title: string }[] }) => {
      this.messages.push({ type: params.type, message: params.message });
      return params.actions?.find((action) => action.title === this.answer) ?? null;
    });
    connection.onRequest('workspace/applyEdit', (params: { edit: unknown }) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
  }

  static async start(rootUri: string | null = null, options: { pullDiagnostics?: boolean; completionItemDefaults?: boolean } = {}): Promise<TestClient> {
    const server = await buildServer();
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const client = new TestClient(connection, child);
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          completion: {
            completionItem: { snippetSupport: true },
            // What vscode-languageclient declares.
            ...(options.completionItemDefaults ? { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } : {}),
          },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
          rename: { prepareSupport: true },
          publishDiagnostics: { relatedInformation: true },
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
        workspace: { workspaceFolders: true, configuration: true, ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}) },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  configure(settings: unknown): void {
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  /** Resolves once `accept` holds, polling every 20 ms; rejects after `timeoutMs`. */
  async until(accept: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!accept()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The next diagnostics published for `uri` that satisfy `accept` (or the current ones if they already do). */
  diagnosticsFor(uri: string, accept: (d: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10_000): Promise<PublishedDiagnostics> {
    const current = this.diagnostics.get(uri);
    if (current && accept(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        accept,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
      setTimeout(() => {
        this.child.kill();
        resolve();
      }, 3000).unref();
    });
    this.connection.dispose();
  }
}
