/**
 * Adapts the pure service's features to LSP requests: offsets become positions, findings' fixes
 * become code actions. Every handler is contained: an exception is logged and answered empty (the
 * command, which acts for the user, also tells the user).
 */
import { dirname } from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  InsertTextFormat,
  type SemanticTokens,
  SymbolKind,
  type CodeAction,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { codeLenses } from '../service/features/codeLens';
import { sortedCompletions, type CompletionItem as ServiceCompletionItem, type CompletionKind } from '../service/features/completion';
import { foldingRanges } from '../service/features/folding';
import { formatFrr } from '../service/features/formatting';
import { generateExtrasEdit } from '../service/features/generateExtras';
import { hover } from '../service/features/hover';
import { findDefinition, findReferences, prepareRename, rename } from '../service/features/navigation';
import { documentSymbols, type OutlineSymbol } from '../service/features/symbols';
import type { Finding, TextEdit } from '../service/types';
import type { Workspace } from '../service/workspace';
import type { Positions } from './convert';
import { logFailure } from './log';
import { rangeTokens } from './semanticTokens';
import { GENERATE_EXTRAS_COMMAND } from './protocol';

interface Context {
  connection: Connection;
  workspace: Workspace;
  /** The server's own: one cache of closed documents' line offsets, not one per user. */
  positions: Positions;
  contained: <T>(what: string, fallback: T, run: () => T) => T;
  /** The client takes a completion list's shared edit range once (LSP 3.17 `itemDefaults.editRange`). */
  completionRangeDefault: () => boolean;
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  reference: CompletionItemKind.Reference,
  'peer-name': CompletionItemKind.Function,
  value: CompletionItemKind.Value,
  placeholder: CompletionItemKind.TypeParameter,
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
};

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  namespace: SymbolKind.Namespace,
  function: SymbolKind.Function,
  module: SymbolKind.Module,
  object: SymbolKind.Object,
  struct: SymbolKind.Struct,
  interface: SymbolKind.Interface,
};

/** More than a user scrolls through; the rest arrive as the typed prefix narrows the list. */
const MAX_COMPLETION_ITEMS = 500;

/** VS Code's own filter is a case-insensitive subsequence match: keep whatever it would show. `typed` is lower case. */
function fuzzyMatches(typed: string, label: string): boolean {
  let at = 0;
  const lower = label.toLowerCase();
  for (const char of typed) {
    at = lower.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function registerFeatures({ connection, workspace, positions, contained, completionRangeDefault }: Context): void {
  const offsetOf = (uri: string, position: { line: number; character: number }) => positions.document(uri)?.offsetAt(position) ?? 0;

  const toWorkspaceEdit = (edits: readonly TextEdit[], defaultUri: string): WorkspaceEdit => {
    const changes: WorkspaceEdit['changes'] = {};
    for (const edit of edits) {
      const uri = edit.uri ?? defaultUri;
      (changes[uri] ??= []).push({ range: positions.range(uri, edit.range), newText: edit.newText });
    }
    return { changes };
  };

  connection.onCompletion((params, token) =>
    contained<CompletionList>('completion', { isIncomplete: false, items: [] }, () => {
      if (token.isCancellationRequested) return { isIncomplete: true, items: [] };
      const uri = params.textDocument.uri;
      const offset = offsetOf(uri, params.position);
      const document = positions.document(uri);
      // The typed word is read from the document alone: a large document is not made one string per request.
      const typedText = (from: number) => (document && from < offset ? document.getText({ start: document.positionAt(from), end: document.positionAt(offset) }) : '');
      const items: ServiceCompletionItem[] = [];
      let isIncomplete = false;
      // Items replace one of a few ranges (mostly the word being typed): its text is read once per range.
      let typedFrom = -1;
      let typed = '';
      for (const item of sortedCompletions(workspace.index(), uri, offset)) {
        if (item.range.start !== typedFrom) {
          typedFrom = item.range.start;
          typed = typedText(typedFrom).toLowerCase();
        }
        if (!fuzzyMatches(typed, item.label)) continue;
        // A large config can offer thousands of names; the client asks again as the user types.
        if (items.length === MAX_COMPLETION_ITEMS) {
          isIncomplete = true;
          break;
        }
        items.push(item);
      }
      // Every item repeating the replaced range (and defaults such as filterText = label) would make a
      // long list several times larger to send and to read.
      const shared = completionRangeDefault() ? items[0]?.range : undefined;
      const list = items.map((item): CompletionItem => {
        const converted: CompletionItem = { label: item.label, kind: COMPLETION_KIND[item.kind], detail: item.detail, sortText: item.sortText };
        if (item.documentation) converted.documentation = { kind: 'markdown', value: item.documentation };
        if (item.snippet) converted.insertTextFormat = InsertTextFormat.Snippet;
        if (shared && item.range.start === shared.start && item.range.end === shared.end) {
          if (item.insertText !== item.label) converted.textEditText = item.insertText;
        } else {
          converted.textEdit = { range: positions.range(uri, item.range), newText: item.insertText };
        }
        return converted;
      });
      return { isIncomplete, items: list, ...(shared ? { itemDefaults: { editRange: positions.range(uri, shared) } } : {}) };
    }),
  );

  connection.onHover((params) =>
    contained('hover', null, () => {
      const uri = params.textDocument.uri;
      const result = hover(workspace.index(), uri, offsetOf(uri, params.position));
      return result ? { contents: { kind: 'markdown' as const, value: result.contents }, range: positions.range(uri, result.range) } : null;
    }),
  );

  connection.onDefinition((params) =>
    contained('definition', [], () => {
      const uri = params.textDocument.uri;
      return findDefinition(workspace.index(), uri, offsetOf(uri, params.position)).map((l) => ({ uri: l.uri, range: positions.range(l.uri, l.range) }));
    }),
  );

  connection.onReferences((params) =>
    contained('references', [], () => {
      const uri = params.textDocument.uri;
      return findReferences(workspace.index(), uri, offsetOf(uri, params.position), params.context.includeDeclaration).map((l) => ({
        uri: l.uri,
        range: positions.range(l.uri, l.range),
      }));
    }),
  );

  connection.onPrepareRename((params) =>
    contained('prepareRename', null, () => {
      const uri = params.textDocument.uri;
      const result = prepareRename(workspace.index(), uri, offsetOf(uri, params.position));
      return result ? { range: positions.range(uri, result.range), placeholder: result.placeholder } : null;
    }),
  );

  connection.onRenameRequest((params) => {
    const uri = params.textDocument.uri;
    const result = contained('rename', { error: 'Rename failed; see the output log.' } as ReturnType<typeof rename>, () =>
      rename(workspace.index(), uri, offsetOf(uri, params.position), params.newName),
    );
    if ('error' in result) throw new Error(result.error);
    const changes: WorkspaceEdit['changes'] = {};
    for (const [target, edits] of Object.entries(result.edits)) {
      changes[target] = edits.map((edit) => ({ range: positions.range(target, edit.range), newText: edit.newText }));
    }
    return { changes };
  });

  connection.onDocumentSymbol((params) =>
    contained('documentSymbol', [], () => {
      const uri = params.textDocument.uri;
      const check = workspace.frrParse(uri);
      if (!check) return [];
      const convert = (symbol: OutlineSymbol): import('vscode-languageserver/node').DocumentSymbol => ({
        name: symbol.name,
        detail: symbol.detail,
        kind: SYMBOL_KIND[symbol.kind],
        range: positions.range(uri, symbol.range),
        selectionRange: positions.range(uri, symbol.selectionRange),
        children: symbol.children.map(convert),
      });
      return documentSymbols(check.parse).map(convert);
    }),
  );

  connection.onFoldingRanges((params) =>
    contained('folding', [], () => {
      const check = workspace.frrParse(params.textDocument.uri);
      return check ? foldingRanges(check.parse).map((fold) => ({ startLine: fold.startLine, endLine: fold.endLine })) : [];
    }),
  );

  connection.onDocumentFormatting((params) =>
    contained('formatting', [], () => {
      const uri = params.textDocument.uri;
      const check = workspace.frrParse(uri);
      return check ? formatFrr(check.parse).map((edit) => ({ range: positions.range(uri, edit.range), newText: edit.newText })) : [];
    }),
  );

  connection.languages.semanticTokens.onRange((params) =>
    contained<SemanticTokens>('semanticTokens/range', { data: [] }, () => {
      const uri = params.textDocument.uri;
      const check = workspace.frrParse(uri);
      const document = positions.document(uri);
      return { data: check && document ? rangeTokens(check.parse, document, params.range) : [] };
    }),
  );

  connection.onCodeLens((params) =>
    contained('codeLens', [], () => {
      const uri = params.textDocument.uri;
      return codeLenses(workspace.index(), uri).map((lens) => ({
        range: positions.range(uri, lens.range),
        command: { title: lens.title, command: '' },
      }));
    }),
  );

  connection.onCodeAction((params) =>
    contained('codeAction', [] as CodeAction[], () => {
      const uri = params.textDocument.uri;
      const start = offsetOf(uri, params.range.start);
      const end = offsetOf(uri, params.range.end);
      const actions: CodeAction[] = [];
      const touches = (finding: Finding) => finding.range.start <= end && start <= finding.range.end;
      for (const finding of workspace.check(uri).filter(touches)) {
        for (const fix of finding.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            isPreferred: fix.safe,
            diagnostics: params.context.diagnostics.filter((d) => d.code === finding.code),
            edit: toWorkspaceEdit(fix.edits, uri),
          });
        }
      }
      if (workspace.index().peers.length > 0) {
        actions.push({
          title: 'Generate bgpextras for all peers',
          kind: CodeActionKind.Source,
          command: { title: 'Generate bgpextras for all peers', command: 'frrMetallb.generateExtras' },
        });
      }
      return actions;
    }),
  );

  const failed = (what: string, error: unknown) => {
    logFailure(connection.console, what, error);
    void connection.window.showErrorMessage(`FRR & MetalLB: ${what} failed; see the output log.`);
  };

  /** Confirms before the generated block replaces extras the user wrote. */
  const confirmReplace = async (uri: string): Promise<boolean> => {
    const choice = await connection.window.showWarningMessage(
      `Replace the existing bgpextras in ${uri.split('/').pop() ?? uri} with the generated block?`,
      { title: 'Replace' },
      { title: 'Cancel' },
    );
    return choice?.title === 'Replace';
  };

  const generateExtras = async (options: { cidrs?: string[]; listName?: string }): Promise<void> => {
    const context = workspace.extrasContext();
    const anchor = workspace.index().peers[0]?.uri;
    const newFile = anchor ? `${dirname(anchor)}/bgpextras.yaml` : 'untitled:bgpextras.yaml';
    const generated = generateExtrasEdit(context, { cidrs: options.cidrs ?? [], ...(options.listName ? { listName: options.listName } : {}) }, newFile);
    if (generated.edits.length === 0) {
      const given = generated.invalid.length > 0 ? `: ${generated.invalid.join(', ')}` : '';
      void connection.window.showErrorMessage(`FRR & MetalLB: no valid CIDR given${given}; the bgpextras were left unchanged.`);
      return;
    }
    if (generated.invalid.length > 0) {
      void connection.window.showWarningMessage(`FRR & MetalLB: ignored invalid CIDRs: ${generated.invalid.join(', ')}`);
    }
    if (generated.createsFile) {
      const edit = generated.edits[0] as TextEdit;
      await connection.workspace.applyEdit({
        documentChanges: [
          { kind: 'create', uri: newFile, options: { ignoreIfExists: true } },
          { textDocument: { uri: newFile, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: edit.newText }] },
        ],
      });
      return;
    }
    const target = context.extras?.uri ?? newFile;
    if (!(await confirmReplace(target))) return;
    await connection.workspace.applyEdit(toWorkspaceEdit(generated.edits, target));
  };

  connection.onExecuteCommand(async (params) => {
    if (params.command !== GENERATE_EXTRAS_COMMAND) return;
    try {
      await generateExtras((params.arguments?.[0] ?? {}) as { cidrs?: string[]; listName?: string });
    } catch (error) {
      failed('generating bgpextras', error);
    }
  });
}
