/**
 * The LSP transport over the pure service: document sync, a workspace index of manifests and FRR
 * files on disk, debounced diagnostics, and error containment. No language logic lives here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, documentKind, fileKindByPath, fileKindByUri, type MetallbMode } from './service/workspace';
import { registerFeatures } from './lsp/features';
import { Positions } from './lsp/convert';
import { ChunkedDocuments } from './lsp/chunkedDocument';
import { collectAfterFirstCheck } from './lsp/collect';
import { logFailure } from './lsp/log';
import {
  GENERATE_EXTRAS_COMMAND,
  RENDER_CHANGED_NOTIFICATION,
  RENDER_REQUEST,
  VALIDATE_WORKSPACE_REQUEST,
  type RenderParams,
  type RenderReply,
  type ValidateWorkspaceReply,
} from './lsp/protocol';
import { ANY_NODE } from './service/metallb/extras/context';
import { TOKEN_TYPES } from './service/features/semanticTokens';
import { LATEST_METALLB_VERSION, METALLB_VERSIONS } from './service/metallb/render/version';
import { FRR_VERSIONS, type Finding } from './service/types';

const connection = createConnection(ProposedFeatures.all);
// Kept in chunks: an edit of a large document copies a few kilobytes, not the whole text.
const documents = new TextDocuments(ChunkedDocuments);
const workspace = new Workspace({}, { live: true });
const DEBOUNCE_MS = 150;
const pending = new Map<string, NodeJS.Timeout>();

function contained<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    logFailure(connection.console, what, error);
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

/** Files not open in the editor whose diagnostics "Validate workspace" published: kept current until opened. */
const validated = new Set<string>();

/** Documents opened and not yet checked: the first check of a large one leaves much garbage behind. */
const firstCheckPending = new Set<string>();

function diagnosticsOf(uri: string): Diagnostic[] {
  const document = positions.document(uri);
  if (!document) return [];
  const diagnostics = toDiagnostics(document, contained(`diagnostics for ${uri}`, [] as Finding[], () => workspace.check(uri)));
  const open = documents.get(uri);
  if (open && firstCheckPending.delete(uri)) collectAfterFirstCheck(open.source.length);
  return diagnostics;
}

function publish(uri: string): void {
  if (isPreview(uri)) return;
  const open = documents.get(uri);
  if (open) {
    void connection.sendDiagnostics({ uri, version: open.version, diagnostics: diagnosticsOf(uri) });
    return;
  }
  if (!validated.has(uri)) return;
  if (!workspace.has(uri)) validated.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(uri) });
}

/** Set when the client pulls diagnostics (LSP 3.17): it then asks when it wants them, nothing is pushed. */
let pullDiagnostics = false;
let refreshTimer: NodeJS.Timeout | undefined;

function schedule(uri: string): void {
  if (pullDiagnostics && documents.get(uri)) {
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

/** Other documents may depend on this one (BGPPeers in one file, extras in another). */
function scheduleAllOpen(): void {
  for (const document of documents.all()) schedule(document.uri);
  for (const uri of validated) schedule(uri);
}

const MAX_INDEXED_FILE_BYTES = 5_000_000;

/** Reads one file found by the index unless the editor has it open (its text there is newer). */
async function indexFile(path: string): Promise<void> {
  const uri = pathToFileURL(path).toString();
  const kind = fileKindByPath(path);
  if (!kind || documents.get(uri)) return;
  const info = await stat(path);
  if (!info.isFile() || info.size >= MAX_INDEXED_FILE_BYTES) return;
  const text = await readFile(path, 'utf8');
  if (!documents.get(uri)) workspace.setFile(uri, text, -1, kind);
}

/**
 * Indexes a workspace folder without blocking the server: every await yields to pending requests,
 * and an unreadable entry (dangling symlink, no permission) is logged and skipped, never fatal.
 */
async function indexFolder(folder: string): Promise<void> {
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      connection.console.warn(`not indexing ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else {
        try {
          await indexFile(path);
        } catch (error) {
          connection.console.warn(`not indexing ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
      }
    }
  };
  await walk(folder, 0);
}

let workspaceFolders: string[] = [];
let completionRangeDefault = false;
/** Settles when the workspace folders are indexed; requests over the whole workspace wait for it. */
let indexing: Promise<void> = Promise.resolve();

connection.onInitialize((params) => {
  completionRangeDefault = params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  workspaceFolders = (params.workspaceFolders ?? []).filter((folder) => folder.uri.startsWith('file:')).map((folder) => fileURLToPath(folder.uri));
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
      // The visible lines only: a line's tokens are its own, and a whole large document's are megabytes.
      semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] }, range: true, full: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [GENERATE_EXTRAS_COMMAND] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
  };
});

connection.onInitialized(() => {
  indexing = (async () => {
    for (const folder of workspaceFolders) await indexFolder(folder);
  })().catch((error: unknown) => logFailure(connection.console, 'indexing', error));
  void indexing.then(() => {
    scheduleAllOpen();
    announceRenderChange();
  });
});

registerFeatures({ connection, workspace, positions, contained, completionRangeDefault: () => completionRangeDefault });

type RuleSetting = 'off' | Finding['severity'];
const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];
const MODES: readonly MetallbMode[] = ['frr', 'frr-k8s'];
let ruleSettings: Record<string, RuleSetting> = {};

/** Each invalid value is reported once, not on every configuration change. */
const warnedSettings = new Set<string>();
function warnSetting(message: string): void {
  if (warnedSettings.has(message)) return;
  warnedSettings.add(message);
  connection.console.warn(message);
  void connection.window.showWarningMessage(`FRR & MetalLB: ${message}`);
}

/** An unset value takes the default silently; an invalid one takes it with a warning. */
function validSetting<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  warnSetting(`frrMetallb.${name} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}; using ${fallback}`);
  return fallback;
}

function validRules(value: unknown): Record<string, RuleSetting> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnSetting(`frrMetallb.rules must be an object of rule code to severity; ignoring ${JSON.stringify(value)}`);
    return {};
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [code, setting] of Object.entries(value)) {
    if ((RULE_SETTINGS as readonly unknown[]).includes(setting)) rules[code] = setting as RuleSetting;
    else warnSetting(`frrMetallb.rules["${code}"] ${JSON.stringify(setting)} is not one of ${RULE_SETTINGS.join(', ')}; the rule keeps its own severity`);
  }
  return rules;
}

connection.onDidChangeConfiguration((change) => {
  const raw = (change.settings as { frrMetallb?: unknown } | undefined)?.frrMetallb;
  const settings = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  ruleSettings = validRules(settings.rules);
  workspace.setOptions({
    frrVersion: validSetting('frrVersion', settings.frrVersion, FRR_VERSIONS, 'any'),
    metallbVersion: validSetting('metallbVersion', settings.metallbVersion, METALLB_VERSIONS, LATEST_METALLB_VERSION),
    mode: validSetting('mode', settings.mode, MODES, 'frr'),
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
        const kind = fileKindByUri(event.uri);
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
  workspace.setFile(event.document.uri, event.document.source, event.document.version, kind);
  // An FRR file is a router's whole configuration: only manifests depend on one another.
  if (kind === 'yaml') {
    scheduleAllOpen();
    announceRenderChange();
  } else schedule(event.document.uri);
});

/** The preview's content: the exact render, and a header saying what it could not know. */
connection.onRequest(RENDER_REQUEST, (params: RenderParams) =>
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
  renderTimer = setTimeout(() => void connection.sendNotification(RENDER_CHANGED_NOTIFICATION, {}), DEBOUNCE_MS);
}

connection.languages.diagnostics.on((params, token) => {
  // A report for a cancelled request could stand as the document's diagnostics in a client that does not drop it.
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'diagnostics request cancelled');
  const uri = params.textDocument.uri;
  const items = documents.get(uri) && !isPreview(uri) ? diagnosticsOf(uri) : [];
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

documents.onDidOpen((event) => {
  firstCheckPending.add(event.document.uri);
  // A pulling client now pulls this document's diagnostics: the ones "Validate workspace" pushed would double them.
  if (validated.delete(event.document.uri) && pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/** Once closed, a document is what is on disk again: its unsaved text must not feed cross-file findings. */
function revertToDisk(uri: string): void {
  const kind = fileKindByUri(uri);
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  if (kind && path && existsSync(path)) workspace.setFile(uri, readFileSync(path, 'utf8'), -1, kind);
  else workspace.removeFile(uri);
}

documents.onDidClose((event) => {
  const uri = event.document.uri;
  firstCheckPending.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  contained(`reloading ${uri}`, undefined, () => revertToDisk(uri));
  scheduleAllOpen();
  announceRenderChange();
});

/** "Validate workspace": every indexed file is checked and its diagnostics published, open or not. */
connection.onRequest(VALIDATE_WORKSPACE_REQUEST, async (): Promise<ValidateWorkspaceReply> => {
  await indexing;
  return contained<ValidateWorkspaceReply>('validate workspace', { errors: 0, warnings: 0, files: 0, checked: 0 }, () => {
    const reply: ValidateWorkspaceReply = { errors: 0, warnings: 0, files: 0, checked: 0 };
    for (const uri of workspace.uris()) {
      if (isPreview(uri)) continue;
      const diagnostics = diagnosticsOf(uri);
      reply.checked++;
      if (diagnostics.length > 0) reply.files++;
      reply.errors += diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
      reply.warnings += diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
      if (documents.get(uri)) {
        if (pullDiagnostics) schedule(uri);
        else void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
      } else {
        validated.add(uri);
        void connection.sendDiagnostics({ uri, diagnostics });
      }
    }
    return reply;
  });
});

documents.listen(connection);
connection.listen();
