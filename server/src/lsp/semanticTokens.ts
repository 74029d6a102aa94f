/**
 * Semantic tokens as LSP sends them: the whole document first, then edits of what was sent
 * (`full/delta`). At 100k lines a whole reply is 1.8 million numbers (3.85 MB of JSON); an edit
 * after typing is a few numbers. The tokens of a line come from the service.
 */
import type { SemanticTokensEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineTokens, tokenLength, tokenOffset, tokenType } from '../service/features/semanticTokens';
import { spliceArray } from '../service/frr/lexer';
import type { ParsedLine, ParseResult } from '../service/frr/syntax';
import type { SourceText } from '../service/sourceText';
import type { Workspace } from '../service/workspace';
import type { Positions } from './convert';

/**
 * Where the tokens last sent for a document came from, so that the next request is answered with
 * what changed: the numbers themselves (LSP's encoding: line delta, start delta, length, type, no
 * modifiers; 1.8 million for a 100k-line configuration) are the client's to keep.
 */
interface SentTokens {
  resultId: string;
  /** The parse lines the data was made from, and the index of each one's first token (then the number of tokens). */
  lines: ParsedLine[];
  firsts: number[];
}

/** Numbers per piece of a reply being made (a piece stays a small object). */
const PIECE = 4096;

/** The place of the last token appended: LSP encodes each token from the one before it. */
interface Place {
  line: number;
  character: number;
}

/**
 * Appends the encoding of the tokens of `line` (at most `limit` of them) that have a place in the
 * document, each from the one before it (`after`, moved along); returns how many it appended.
 */
function encodeLine(line: ParsedLine, text: SourceText, document: TextDocument, after: Place, out: number[], limit = Infinity): number {
  const tokens = lineTokens(line, text);
  if (tokens.length === 0) return 0;
  // Split parts of a long line do not start at column 0; a parse of another text than the document's has no place.
  const first = line.start - document.offsetAt({ line: line.line, character: 0 });
  if (first < 0) return 0;
  const room = line.end - line.start;
  let count = 0;
  for (const token of tokens) {
    if (count === limit) break;
    const offset = tokenOffset(token);
    const length = tokenLength(token);
    // Tokens never hold a line break; one that would run past its line is left out.
    if (offset + length > room) continue;
    const character = first + offset;
    out.push(line.line - after.line, line.line === after.line ? character - after.character : character, length, tokenType(token), 0);
    after.line = line.line;
    after.character = character;
    count++;
  }
  return count;
}

/**
 * Brings `sent` up to the tokens of `parse` and returns the edit that does the same to the numbers
 * last sent. A live parse keeps the lines an edit left alone (the same objects, moved): only the
 * lines between the longest run of the same lines at the start and at the end are encoded again,
 * with the token after them (its line delta changes when lines come or go). `fresh` carries
 * nothing over: the edit replaces all.
 */
function updateTokens(sent: SentTokens, parse: ParseResult, document: TextDocument, fresh: boolean): SemanticTokensEdit & { data: number[] } {
  const { lines, source: text } = parse;
  const kept = sent.lines;
  const oldCount = sent.firsts[sent.firsts.length - 1]!;
  const n = lines.length;
  const m = fresh ? 0 : kept.length;
  let same = 0;
  while (same < n && same < m && lines[same] === kept[same]) same++;
  let sameEnd = 0;
  while (sameEnd < n - same && sameEnd < m - same && lines[n - 1 - sameEnd] === kept[m - 1 - sameEnd]) sameEnd++;
  const oldFrom = fresh ? 0 : sent.firsts[same]!;
  const oldTo = fresh ? oldCount : sent.firsts[m - sameEnd]!;

  // The place of the last token before the lines encoded again.
  const after: Place = { line: 0, character: 0 };
  for (let at = same - 1; at >= 0; at--) if (encodeLine(lines[at]!, text, document, after, []) > 0) break;
  // Numbers are gathered in pieces joined once at the end: an array grown to millions of numbers
  // leaves each of its earlier, outgrown copies to V8's old generation (54 MB for 1.8 million).
  const pieces: number[][] = [];
  let piece: number[] = [];
  let encoded = 0;
  const firsts: number[] = [];
  for (let at = same; at < n - sameEnd; at++) {
    firsts.push(oldFrom + (encoded + piece.length) / 5);
    encodeLine(lines[at]!, text, document, after, piece);
    if (piece.length >= PIECE) {
      pieces.push(piece);
      encoded += piece.length;
      piece = [];
    }
  }
  const added = (encoded + piece.length) / 5;
  // The first token after them, from its new predecessor.
  let oldEnd = oldTo;
  for (let at = n - sameEnd; at < n; at++) {
    if (encodeLine(lines[at]!, text, document, after, piece, 1) > 0) {
      oldEnd++;
      break;
    }
  }
  // What was sent does not hold the lines it was made from (it cannot, but if it did, it must not be built on).
  if (oldEnd > oldCount) return updateTokens(sent, parse, document, true);
  const data = pieces.length === 0 ? piece : ([] as number[]).concat(...pieces, piece);

  const count = data.length / 5;
  if (fresh) {
    sent.lines = lines.slice();
    sent.firsts = firsts;
    firsts.push(count);
  } else {
    spliceArray(kept, same, m - sameEnd - same, lines.slice(same, n - sameEnd));
    spliceArray(sent.firsts, same, m - sameEnd - same, firsts);
    const shift = added - (oldTo - oldFrom);
    if (shift !== 0) for (let at = n - sameEnd; at < sent.firsts.length; at++) sent.firsts[at]! += shift;
  }
  return { start: oldFrom * 5, deleteCount: (oldEnd - oldFrom) * 5, data };
}

export interface TokenReply {
  resultId: string;
  /** The edit of the numbers last sent that gives the new ones (from 0, deleting all, for a whole reply). */
  edit: SemanticTokensEdit & { data: number[] };
  /** Whether the edit applies to what the client holds (it named the last reply); otherwise send `edit.data` whole. */
  known: boolean;
}

/** The tokens last sent for each document, brought up to date by each request. */
export class SemanticTokenReplies {
  private readonly sent = new Map<string, SentTokens>();
  private replies = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly positions: Positions,
  ) {}

  /** Brings the tokens kept for `uri` up to date (all of them when `whole`); undefined for a document without FRR tokens. */
  refresh(uri: string, whole: boolean, previousResultId?: string): TokenReply | undefined {
    const check = this.workspace.frrParse(uri);
    const document = this.positions.document(uri);
    let sent = this.sent.get(uri);
    if (!check || !document) {
      this.sent.delete(uri);
      return undefined;
    }
    // Only the client holding the last reply can take an edit of it; anyone else gets everything.
    const known = sent !== undefined && !whole && sent.resultId === previousResultId;
    if (!sent) this.sent.set(uri, (sent = { resultId: '', lines: [], firsts: [0] }));
    let edit;
    try {
      edit = updateTokens(sent, check.parse, document, !known);
    } catch (error) {
      // A failure half-way leaves nothing to build on.
      this.sent.delete(uri);
      throw error;
    }
    sent.resultId = String(++this.replies);
    return { resultId: sent.resultId, edit, known };
  }

  /** A closed document's tokens are not asked for again. */
  forget(uri: string): void {
    this.sent.delete(uri);
  }
}
