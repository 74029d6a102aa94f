/**
 * What FRR's grammar allows at a cursor: the words typed before it on its line, the nodes FRR
 * would try them in (the current context, then each enclosing one, as FRR walks up), and every
 * grammar position that may come next, with the command it belongs to and the arguments the typed
 * words already bound. Completion and hover read this; it never throws on half-typed lines.
 */
import { partitionPoint } from '../frr/bisect';
import type { CommandDef } from '../frr/commands/types';
import { matchLevel, type CompiledCommand } from '../frr/grammar/match';
import { isKeyword } from '../frr/grammar/shapes';
import { commandTable } from '../frr/grammar/tables';
import type { Position } from '../frr/grammar/spec';
import { EXACT, PARTLY } from '../frr/grammar/tokens';
import type { NodeId, ParsedLine, ParseResult, Token } from '../frr/syntax';
import type { FrrVersion, OffsetRange } from '../types';

export interface CursorLine {
  /** Index into ParseResult.lines, or -1 when the text has no line there. */
  index: number;
  /** Complete words before the cursor's word. */
  words: Token[];
  /** The word under the cursor up to the cursor ('' between words). */
  partial: string;
  /** What a completion replaces: the whole word under the cursor, or an empty range at it. */
  replace: OffsetRange;
  /** Nodes the line is tried in, innermost first; CONFIG last. */
  nodes: NodeId[];
}

export interface NextPosition {
  pos: Position;
  def: CommandDef;
  node: NodeId;
  /** 0 for the current node, 1 for its parent, … (a match there leaves the inner contexts). */
  depth: number;
  /** Arguments the typed words bound, by `$name`. */
  bound: Record<string, string>;
  /** The typed words started with `no`. */
  negated: boolean;
}

/** The parsed line holding `offset` (end inclusive). */
export function lineIndexAt(parse: ParseResult, offset: number): number {
  const lines = parse.lines;
  const found = partitionPoint(0, lines.length, (i) => lines[i]!.range.start <= offset) - 1;
  return found >= 0 && offset <= lines[found]!.range.end ? found : -1;
}

export function cursorLine(parse: ParseResult, offset: number): CursorLine {
  const index = lineIndexAt(parse, offset);
  const line = index >= 0 ? parse.lines[index] : undefined;
  const tokens = line?.tokens ?? [];
  const words: Token[] = [];
  let partial = '';
  let replace: OffsetRange = { start: offset, end: offset };
  for (const token of tokens) {
    if (token.end < offset) words.push(token);
    else if (token.start <= offset) {
      partial = token.text.slice(0, offset - token.start);
      replace = { start: token.start, end: token.end };
      break;
    } else break;
  }
  return { index, words, partial, replace, nodes: index >= 0 ? nodesBefore(parse, index) : ['CONFIG'] };
}

/** The context stack FRR holds when it reads line `index`: from the last line before it that did something. */
function nodesBefore(parse: ParseResult, index: number): NodeId[] {
  let previous: ParsedLine | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const line = parse.lines[i]!;
    if (line.kind !== 'blank' && line.kind !== 'comment') {
      previous = line;
      break;
    }
  }
  if (!previous || previous.nodeAfter === 'CONFIG') return ['CONFIG'];
  let block = previous.block;
  while (block >= 0 && parse.blocks[block]!.node !== previous.nodeAfter) block = parse.blocks[block]!.parent;
  const nodes: NodeId[] = [];
  for (; block >= 0; block = parse.blocks[block]!.parent) nodes.push(parse.blocks[block]!.node);
  nodes.push('CONFIG');
  return nodes;
}

function commandsOf(node: NodeId): readonly CompiledCommand[] {
  return commandTable(node).commands;
}

/**
 * FRR prefers an exact keyword to an abbreviation, so `ip` continues `ip …` commands and not
 * `ipv6 …` ones; only words that are no keyword at all are read as abbreviations.
 */
function accepts(pos: Position, word: string): boolean {
  const level = matchLevel(pos, word);
  if (pos.kind !== 'keyword') return level >= EXACT;
  return level === EXACT || (level === PARTLY && !isKeyword(word));
}

/** Upper bound on positions visited per completion: `{a|b|…}` sets can branch a lot on long lines. */
const VISIT_BUDGET = 20000;

/** Every grammar position that may follow `words`, in every node of `nodes`. */
export function nextPositions(words: readonly Token[], nodes: readonly NodeId[], version: FrrVersion = 'any'): NextPosition[] {
  const out: NextPosition[] = [];
  let budget = VISIT_BUDGET;
  nodes.forEach((node, depth) => {
    for (const command of commandsOf(node)) {
      if (version !== 'any' && command.versions && !command.versions.includes(version)) continue;
      const path: Position[] = [];
      const collect = (candidates: readonly Position[]) => {
        for (const pos of candidates) {
          if (!pos.repeat && path.includes(pos)) continue;
          out.push({ pos, def: command.def, node, depth, bound: bindings(path, words), negated: path[0]?.negation ?? false });
        }
      };
      const walk = (pos: Position, n: number): void => {
        if (--budget < 0) return;
        if (!accepts(pos, words[n]!.text)) return;
        path[n] = pos;
        path.length = n + 1;
        if (n + 1 === words.length) collect(pos.next);
        else for (const next of pos.next) if (next.repeat || !path.includes(next)) walk(next, n + 1);
        path.length = n;
      };
      if (words.length === 0) collect(command.entry);
      else for (const pos of command.entry) walk(pos, 0);
    }
  });
  return out;
}

function bindings(path: readonly Position[], words: readonly Token[]): Record<string, string> {
  const bound: Record<string, string> = {};
  path.forEach((pos, i) => {
    if (pos.bind === undefined) return;
    const value = pos.kind === 'keyword' ? pos.text : words[i]!.text;
    bound[pos.bind] = bound[pos.bind] === undefined ? value : `${bound[pos.bind]} ${value}`;
  });
  return bound;
}
