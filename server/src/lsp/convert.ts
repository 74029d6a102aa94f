/** Offsets ↔ LSP positions for any workspace document, open in the editor or only on disk. */
import type { Range } from 'vscode-languageserver/node';
import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OffsetRange } from '../service/types';
import type { Workspace } from '../service/workspace';

export class Positions {
  private readonly closed = new Map<string, TextDocument>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: Workspace,
  ) {}

  document(uri: string): TextDocument | undefined {
    const open = this.documents.get(uri);
    // A copy kept for a file now open, or gone from the workspace, would only hold its old text.
    if (open) {
      this.closed.delete(uri);
      return open;
    }
    const text = this.workspace.text(uri);
    if (text === undefined) {
      this.closed.delete(uri);
      return undefined;
    }
    let cached = this.closed.get(uri);
    if (!cached || cached.getText() !== text) {
      cached = TextDocument.create(uri, 'plaintext', 0, text);
      this.closed.set(uri, cached);
    }
    return cached;
  }

  range(uri: string, range: OffsetRange): Range {
    const document = this.document(uri);
    if (!document) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
  }
}
