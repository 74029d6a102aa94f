/**
 * Semantic tokens as LSP sends them, for a range of lines only (the server offers `range`, not
 * `full`): a line's tokens depend on that line alone, so the lines a client shows are all it needs,
 * and VS Code asks again as the view scrolls or the text changes. All the tokens of a 100k-line
 * document are 1.8 million numbers (3.9 MB of JSON, and several times that in memory while made);
 * the lines on screen are a few hundred. The tokens of a line come from the service.
 */
import type { Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineTokens, tokenLength, tokenOffset, tokenType } from '../service/features/semanticTokens';
import { partitionPoint } from '../service/frr/bisect';
import type { ParsedLine, ParseResult } from '../service/frr/syntax';
import type { SourceText } from '../service/sourceText';

/** The place of the last token appended: LSP encodes each token from the one before it. */
interface Place {
  line: number;
  character: number;
}

/**
 * Appends the encoding of the tokens of `line` that have a place in the document, each from the one
 * before it (`after`, moved along).
 */
function encodeLine(line: ParsedLine, text: SourceText, document: TextDocument, after: Place, out: number[]): void {
  const tokens = lineTokens(line, text);
  if (tokens.length === 0) return;
  // Split parts of a long line do not start at column 0; a parse of another text than the document's has no place.
  const first = line.start - document.offsetAt({ line: line.line, character: 0 });
  if (first < 0) return;
  const room = line.end - line.start;
  for (const token of tokens) {
    const offset = tokenOffset(token);
    const length = tokenLength(token);
    // Tokens never hold a line break; one that would run past its line is left out.
    if (offset + length > room) continue;
    const character = first + offset;
    out.push(line.line - after.line, line.line === after.line ? character - after.character : character, length, tokenType(token), 0);
    after.line = line.line;
    after.character = character;
  }
}

/** The tokens of the lines `range` covers, in LSP's encoding (from the start of the document). */
export function rangeTokens(parse: ParseResult, document: TextDocument, range: Range): number[] {
  const { lines, source } = parse;
  const data: number[] = [];
  const after: Place = { line: 0, character: 0 };
  // Parse lines are in the order of their physical lines (a line FRR splits is several, on one physical line).
  const from = partitionPoint(0, lines.length, (i) => lines[i]!.line < range.start.line);
  for (let at = from; at < lines.length && lines[at]!.line <= range.end.line; at++) encodeLine(lines[at]!, source, document, after, data);
  return data;
}
