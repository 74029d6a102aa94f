/** Folding ranges for FRR contexts: every block folds from its header to its last line. */
import type { ParseResult } from '../frr/syntax';

export interface LineFold {
  startLine: number;
  endLine: number;
}

export function foldingRanges(parse: ParseResult): LineFold[] {
  const folds: LineFold[] = [];
  for (const block of parse.blocks) {
    const header = parse.lines[block.header];
    let lastIndex = block.last;
    // Trailing blank and comment lines belong visually to what follows, not to the folded block.
    while (lastIndex > block.header && (parse.lines[lastIndex]?.kind === 'blank' || parse.lines[lastIndex]?.kind === 'comment')) {
      lastIndex--;
    }
    const last = parse.lines[lastIndex];
    if (header && last && last.line > header.line) folds.push({ startLine: header.line, endLine: last.line });
  }
  return folds;
}
