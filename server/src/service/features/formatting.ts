/**
 * Re-indents FRR text the way FRR's own `write` prints it: one space per context level, exit lines
 * at their header's level. Indentation is cosmetic to FRR, so only leading whitespace changes;
 * unmodelled blocks and lines FRR would reject keep the indentation their author gave them.
 */
import type { ParseResult } from '../frr/syntax';
import type { OffsetRange } from '../types';

export interface Replacement {
  range: OffsetRange;
  newText: string;
}

const EXIT_COMMANDS = new Set(['exit', 'exit-address-family', 'exit-vrf', 'exit-vni']);

function blockDepths(parse: ParseResult): number[] {
  const depths: number[] = [];
  parse.blocks.forEach((block, index) => {
    depths[index] = block.parent >= 0 ? (depths[block.parent] ?? 0) + 1 : 1;
  });
  return depths;
}

function isOpaque(parse: ParseResult, blockIndex: number): boolean {
  for (let b = blockIndex; b >= 0; b = parse.blocks[b]?.parent ?? -1) {
    if (parse.blocks[b]?.node === 'OPAQUE') return true;
  }
  return false;
}

export function formatFrr(parse: ParseResult): Replacement[] {
  const depths = blockDepths(parse);
  const edits: Replacement[] = [];
  parse.lines.forEach((line, index) => {
    const leading = { start: line.range.start, end: line.tokens[0]?.start ?? line.range.end };
    if (line.kind === 'blank') {
      if (line.range.end > line.range.start) edits.push({ range: line.range, newText: '' });
      return;
    }
    if (line.kind === 'error' || line.kind === 'opaque') return;
    const block = line.block >= 0 ? parse.blocks[line.block] : undefined;
    const isHeader = block !== undefined && block.header === index;
    // The opener of an unmodelled block is placed like any header; what is inside it is left alone.
    if (block && isOpaque(parse, isHeader ? block.parent : line.block)) return;
    let depth = block ? (depths[line.block] ?? 0) : 0;
    const isExit = line.commandId !== undefined && EXIT_COMMANDS.has(line.commandId) && block?.last === index;
    if (isHeader || isExit) depth -= 1;
    const wanted = ' '.repeat(Math.max(0, depth));
    if (parse.text.slice(leading.start, leading.end) !== wanted) edits.push({ range: leading, newText: wanted });
  });
  return edits;
}
