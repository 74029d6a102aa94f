/** The outline of an FRR configuration: one symbol per context block, nested as FRR nests them. */
import type { NodeId, ParseResult } from '../frr/syntax';
import type { OffsetRange } from '../types';

export type SymbolKind = 'namespace' | 'function' | 'module' | 'object' | 'struct' | 'interface';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole block. */
  range: OffsetRange;
  /** The header line's text. */
  selectionRange: OffsetRange;
  children: OutlineSymbol[];
}

const KIND: Partial<Record<NodeId, SymbolKind>> = {
  BGP: 'namespace',
  RMAP: 'function',
  VRF: 'module',
  INTERFACE: 'interface',
  BFD: 'module',
  BFD_PROFILE: 'struct',
  BFD_PEER: 'object',
};

const DETAIL: Partial<Record<NodeId, string>> = {
  BGP: 'BGP instance',
  RMAP: 'route-map entry',
  VRF: 'VRF',
  INTERFACE: 'interface',
  BFD: 'BFD',
  BFD_PROFILE: 'BFD profile',
  BFD_PEER: 'BFD peer',
  VTY: 'vty',
  OPAQUE: 'not modelled',
};

export function documentSymbols(parse: ParseResult): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  const byBlock: OutlineSymbol[] = [];
  parse.blocks.forEach((block, index) => {
    const header = parse.lines[block.header];
    const last = parse.lines[block.last] ?? header;
    if (!header || !last) return;
    const name = header.tokens.map((token) => token.text).join(' ');
    const symbol: OutlineSymbol = {
      name,
      detail: DETAIL[block.node] ?? (block.node.startsWith('BGP_') ? 'address family' : ''),
      kind: KIND[block.node] ?? 'object',
      range: { start: header.range.start, end: last.range.end },
      selectionRange: header.range,
      children: [],
    };
    byBlock[index] = symbol;
    const parent = block.parent >= 0 ? byBlock[block.parent] : undefined;
    (parent ? parent.children : symbols).push(symbol);
  });
  return symbols;
}
