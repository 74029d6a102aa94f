/**
 * The LSP transport over the pure service: document sync, a workspace index of manifests and FRR
 * files on disk, debounced diagnostics, and error containment. No language logic lives here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DocumentDiagnosticReportKind,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, documentKind, type MetallbMode } from './service/workspace';
import { GENERATE_EXTRAS_COMMAND, registerFeatures } from './lsp/features';
import { Positions } from './lsp/convert';
import { ANY_NODE } from './service/metallb/extras/context';
import { TOKEN_TYPES } from './service/features/semanticTokens';
import type { MetalLBVersion } from './service/metallb/render';
import type { Finding, FrrVersion } from './service/types';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();
const DEBOUNCE_MS = 150;
const pending = new Map<string, NodeJS.Timeout>();

function contained<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const positions = new Positions(documents, workspace);

function toDiagnostics(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
  return findings.filter((finding) => ruleSettings[finding.code] !== 'off').map((finding) => ({
    range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
    relatedInformation: finding.related?.map((related) => {
      const uri = related.uri ?? document.uri;
      return { location: { uri, range: positions.range(uri, related.range) }, message: related.message };
    }),
    severity: SEVERITY[(ruleSettings[finding.code] as Finding['severity'] | undefined) ?? finding.severity],
    code: finding.code,
    source: 'frr-metallb',
    message: finding.message,
  }));
}

/** The rendered-config preview is ours and read-only: it gets the editor features, never diagnostics. */
const isPreview = (uri: string) => uri.startsWith('frr-metallb-preview:');

function publish(uri: string): void {
  const document = documents.get(uri);
  if (!document || isPreview(uri)) return;
  const findings = contained(`diagnostics for ${uri}`, [] as Finding[], () => workspace.check(uri));
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: toDiagnostics(document, findings) });
}

/** Set when the client pulls diagnostics (LSP 3.17): it then asks when it wants them, nothing is pushed. */
let pullDiagnostics = false;
let refreshTimer: NodeJS.Timeout | undefined;

function schedule(uri: string): void {
  if (pullDiagnostics) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void connection.languages.diagnostics.refresh(), DEBOUNCE_MS);
    return;
  }
  clearTimeout(pending.get(uri));
  pending.set(
    uri,
    setTimeout(() => {
      pending.delete(uri);
      publish(uri);
    }, DEBOUNCE_MS),
  );
}

/** Other open documents may depend on this one (BGPPeers in one file, extras in another). */
function scheduleAllOpen(): void {
  for (const document of documents.all()) schedule(document.uri);
}

function indexFolder(folder: string): void {
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, depth + 1);
      else if (stat.size < 5_000_000) {
        const uri = pathToFileURL(path).toString();
        const kind = documentKind(uri, '');
        if (kind) workspace.setFile(uri, readFileSync(path, 'utf8'), -1, kind);
      }
    }
  };
  contained(`indexing ${folder}`, undefined, () => walk(folder, 0));
}

connection.onInitialize((params) => {
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  for (const folder of params.workspaceFolders ?? []) {
    if (folder.uri.startsWith('file:')) indexFolder(fileURLToPath(folder.uri));
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [' ', '-'], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] }, full: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [GENERATE_EXTRAS_COMMAND] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
  };
});

registerFeatures({ connection, documents, workspace, contained });

interface Settings {
  frrVersion?: FrrVersion;
  metallbVersion?: MetalLBVersion;
  mode?: MetallbMode;
  rules?: Record<string, RuleSetting>;
}

type RuleSetting = 'off' | Finding['severity'];
let ruleSettings: Record<string, RuleSetting> = {};

connection.onDidChangeConfiguration((change) => {
  const settings = (change.settings as { frrMetallb?: Settings } | undefined)?.frrMetallb ?? {};
  ruleSettings = settings.rules ?? {};
  workspace.setOptions({
    frrVersion: settings.frrVersion ?? 'any',
    metallbVersion: settings.metallbVersion ?? '0.16',
    mode: settings.mode ?? 'frr',
  });
  scheduleAllOpen();
  announceRenderChange();
});

connection.onDidChangeWatchedFiles((change) => {
  for (const event of change.changes) {
    if (documents.get(event.uri)) continue;
    contained(`reading ${event.uri}`, undefined, () => {
      if (event.type === 3) workspace.removeFile(event.uri);
      else {
        const kind = documentKind(event.uri, '');
        if (kind) workspace.setFile(event.uri, readFileSync(fileURLToPath(event.uri), 'utf8'), -1, kind);
      }
    });
  }
  scheduleAllOpen();
  announceRenderChange();
});

documents.onDidChangeContent((event) => {
  const kind = documentKind(event.document.uri, event.document.languageId);
  if (!kind) return;
  workspace.setFile(event.document.uri, event.document.getText(), event.document.version, kind);
  // An FRR file is a router's whole configuration: only manifests depend on one another.
  if (kind === 'yaml') {
    scheduleAllOpen();
    announceRenderChange();
  } else schedule(event.document.uri);
});

interface RenderParams {
  node?: string;
}

interface RenderReply {
  nodes: string[];
  node?: string;
  text: string;
  header: string[];
}

/** The preview's content: the exact render, and a header saying what it could not know. */
connection.onRequest('frrMetallb/render', (params: RenderParams) =>
  contained<RenderReply>('render', { nodes: [], text: '', header: ['! frr-metallb: the render failed; see the output log'] }, () => {
    const nodes = workspace.nodes();
    // Without Node objects the preview still shows what a node with no labels gets.
    const node = params.node && nodes.includes(params.node) ? params.node : (nodes[0] ?? ANY_NODE);
    const result = workspace.render(node);
    const header = [
      ...result.missing.map((line) => `! missing input: ${line}`),
      ...result.errors.map((line) => `! MetalLB would reject this configuration: ${line}`),
      ...result.notes.map((line) => `! note: ${line}`),
    ];
    return { nodes, node, text: result.text, header };
  }),
);

let renderTimer: NodeJS.Timeout | undefined;
function announceRenderChange(): void {
  clearTimeout(renderTimer);
  renderTimer = setTimeout(() => void connection.sendNotification('frrMetallb/renderChanged', {}), DEBOUNCE_MS);
}

connection.languages.diagnostics.on((params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || isPreview(document.uri) || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const findings = contained(`diagnostics for ${document.uri}`, [] as Finding[], () => workspace.check(document.uri));
  return { kind: DocumentDiagnosticReportKind.Full, items: toDiagnostics(document, findings) };
});

documents.onDidClose((event) => {
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
