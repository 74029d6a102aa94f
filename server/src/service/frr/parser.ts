/**
 * FRR's configuration reader (lib/command.c `command_config_read_one_line`, vtysh's file reader):
 * each line is matched in the current node; on "no match" it is tried in the parent, up to the top
 * level, and a match higher up implicitly leaves the inner contexts. "Incomplete" and "ambiguous"
 * stop that walk. A line valid nowhere is an error and leaves the node unchanged.
 *
 * Unmodelled contexts (OPAQUE, and BGP address families the project does not model) accept their
 * lines without checks. FRR would know which lines belong to them; we approximate: a line leaves
 * such a context only if an enclosing context accepts it and it is either no deeper indented than
 * the context's header or starts like a top-level-only command (`route-map`, `ip prefix-list`, …).
 */
import type { Finding } from '../types';
import { ALL_COMMANDS, completeArgs } from './commands';
import type { CommandDef } from './commands/types';
import { OPAQUE_TREE, openedSubContext, type OpaqueContext } from './commands/unmodelled';
import { buildNodeTables, Matcher, NodeCommands, type MatchResult } from './grammar/match';
import { scanFrrLines } from './lexer';
import { isBgpFamily, isBgpSubNode, isLenient, nodeLabel, parentNode } from './nodes';
import type { Block, CommandMatch, NodeId, ParsedLine, ParseOptions, ParseResult, Token } from './syntax';

interface Frame {
  node: NodeId;
  /** Index into blocks; -1 for the top level. */
  block: number;
  /** Indentation of the header line. */
  indent: number;
  /** Sub-contexts an OPAQUE frame knows (frr-reload.py's tree). */
  opaque?: OpaqueContext;
}

let tables: Map<NodeId, NodeCommands> | undefined;
const EMPTY_TABLE = new NodeCommands([]);

function tableFor(node: NodeId): NodeCommands {
  tables ??= buildNodeTables(ALL_COMMANDS);
  return tables.get(node) ?? EMPTY_TABLE;
}

const NO_CHILDREN: OpaqueContext = { children: {} };

/** First words (or word pairs) that only start top-level commands, never lines of a daemon's own node. */
const TOP_LEVEL_ONLY = new Set(['route-map', 'access-list', 'router', 'line', 'frr', 'debug', 'bgp']);
const TOP_LEVEL_ONLY_PAIRS = new Set(['ip prefix-list', 'ipv6 prefix-list', 'ipv6 access-list', 'mac access-list', 'key chain']);

function isTopLevelOnly(tokens: Token[]): boolean {
  if (TOP_LEVEL_ONLY.has(tokens[0]!.text)) return true;
  return tokens.length > 1 && TOP_LEVEL_ONLY_PAIRS.has(`${tokens[0]!.text} ${tokens[1]!.text}`);
}

export function parseFrr(text: string, options: ParseOptions = {}): ParseResult {
  return new ConfigReader(text, options).read();
}

class ConfigReader {
  private readonly lines: ParsedLine[] = [];
  /**
   * The line being read: the reader settles its fields, then `finishedLine` copies them into one
   * object literal with exactly the fields that apply (adding `command` later would give every
   * command line a separate property store, and the lines a mix of shapes).
   */
  private readonly draft: ParsedLine = {
    line: 0,
    range: { start: 0, end: 0 },
    tokens: [],
    kind: 'blank',
    node: 'CONFIG',
    nodeAfter: 'CONFIG',
    block: -1,
    command: undefined,
    escapedFrom: undefined,
  };
  private readonly blocks: Block[] = [];
  private readonly findings: Finding[] = [];
  private readonly stack: Frame[] = [{ node: 'CONFIG', block: -1, indent: -1 }];
  private readonly matcher: Matcher;
  /** Set by a top-level `exit`: FRR reads nothing after it. */
  private stopped = false;

  constructor(
    private readonly text: string,
    options: ParseOptions,
  ) {
    this.matcher = new Matcher(options.frrVersion ?? 'any');
  }

  read(): ParseResult {
    scanFrrLines(this.text, (lineNo, start, end, tokens, comment, indent) => this.readLine(lineNo, start, end, tokens, comment, indent));
    return { text: this.text, lines: this.lines, blocks: this.blocks, findings: this.findings };
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private readLine(lineNo: number, start: number, end: number, tokens: Token[], comment: boolean, indent: number): void {
    const top = this.top;
    const line = this.draft;
    line.line = lineNo;
    line.range.start = start;
    line.range.end = end;
    line.tokens = tokens;
    line.kind = 'blank';
    line.node = top.node;
    line.nodeAfter = top.node;
    line.block = top.block;
    line.command = undefined;
    line.escapedFrom = undefined;
    const index = this.lines.length;
    if (this.stopped) {
      if (tokens.length > 0 || comment) line.kind = 'opaque';
      line.node = line.nodeAfter = 'CONFIG';
      line.block = -1;
    } else if (comment) {
      line.kind = 'comment';
    } else if (tokens.length > 0) {
      if (isLenient(top.node)) this.readLenient(line, index, indent);
      else this.readStrict(line, index);
      this.extendBlocks(line.block, index);
    }
    this.lines.push(finishedLine(line));
  }

  /** FRR's walk: the current node, then each enclosing node, until one accepts the line. */
  private readStrict(line: ParsedLine, index: number): void {
    let failure: MatchResult | undefined;
    let failureDepth = this.stack.length - 1;
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const result = this.matcher.match(tableFor(this.stack[depth]!.node), line.tokens);
      if (result.status === 'full') {
        this.accept(line, index, depth, result);
        return;
      }
      if (result.status !== 'none') {
        failure = result;
        failureDepth = depth;
        break;
      }
      if (!failure || result.failedAt > failure.failedAt) {
        failure = result;
        failureDepth = depth;
      }
    }
    const node = this.stack[failureDepth]!.node;
    failure!.expected = this.matcher.explain(tableFor(node), line.tokens, failure!.status);
    this.reject(line, failure!, node);
  }

  /** Inside an unmodelled context: its own exits and sub-contexts, clear escapes, else accepted as is. */
  private readLenient(line: ParsedLine, index: number, indent: number): void {
    const top = this.top;
    const words = line.tokens.map((t) => t.text).join(' ');
    if (top.node === 'OPAQUE') {
      const first = line.tokens[0]!.text;
      if (first === 'exit' || first === 'quit' || first.startsWith('exit-')) {
        line.kind = 'command';
        line.command = { id: 'exit', negated: false, args: {} };
        this.stack.pop();
        line.nodeAfter = this.top.node;
        this.blocks[top.block]!.last = index;
        return;
      }
      if (first === 'end') {
        line.kind = 'command';
        line.command = { id: 'end', negated: false, args: {} };
        return;
      }
    } else {
      const own = this.matcher.match(tableFor(top.node), line.tokens);
      if (own.status === 'full') {
        this.accept(line, index, this.stack.length - 1, own);
        return;
      }
    }
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const frame = this.stack[depth]!;
      if (frame.node === 'OPAQUE') {
        const sub = openedSubContext(frame.opaque ?? NO_CHILDREN, words);
        if (sub) {
          this.stack.length = depth + 1;
          this.openOpaque(line, index, sub, words, indent);
          return;
        }
        continue;
      }
      if (isLenient(frame.node)) continue;
      const result = this.matcher.match(tableFor(frame.node), line.tokens);
      if (result.status === 'none') continue;
      const leaving = this.stack[depth + 1]!;
      if (result.status === 'full' && (indent <= leaving.indent || (depth === 0 && isTopLevelOnly(line.tokens)))) {
        this.accept(line, index, depth, result);
        return;
      }
      break;
    }
    line.kind = 'opaque';
  }

  private openOpaque(line: ParsedLine, index: number, context: OpaqueContext, label: string, indent: number): void {
    line.kind = 'opaque';
    const parent = this.top;
    const block = this.blocks.push({ node: 'OPAQUE', header: index, last: index, parent: parent.block, label }) - 1;
    this.stack.push({ node: 'OPAQUE', block, indent, opaque: context });
    line.nodeAfter = 'OPAQUE';
    line.block = block;
  }

  /** The line matched in the node at `depth`: leave the contexts above it, then apply the command. */
  private accept(line: ParsedLine, index: number, depth: number, result: MatchResult): void {
    const def = result.def!;
    const command = result.command!;
    completeArgs(command);
    const innermost = this.top;
    const innermostDepth = this.stack.length - 1;
    const frame = this.stack[depth]!;
    this.stack.length = depth + 1;
    line.kind = 'command';
    line.command = command;
    line.node = frame.node;
    line.block = frame.block;
    if (depth < innermostDepth) {
      line.escapedFrom = innermost.node;
      this.warnEscape(line, def, innermost.node, frame.node);
    }
    if (def.exitsTo) this.exit(line, index, def, command);
    else if (def.enters) this.enter(line, index, def.enters, result.label ?? '', this.indentOf(line));
    line.nodeAfter = this.top.node;
  }

  private indentOf(line: ParsedLine): number {
    return line.tokens[0]!.start - line.range.start;
  }

  private exit(line: ParsedLine, index: number, def: CommandDef, command: CommandMatch): void {
    if (this.stack.length === 1) {
      if (command.id === 'exit') this.earlyExit(line);
      return;
    }
    const target = def.exitsTo === 'PARENT' ? undefined : def.exitsTo;
    do {
      const left = this.stack.pop()!;
      this.blocks[left.block]!.last = index;
      line.block = left.block;
    } while (target !== undefined && this.stack.length > 1 && this.top.node !== target);
  }

  private earlyExit(line: ParsedLine): void {
    this.stopped = true;
    this.findings.push({
      code: 'frr/early-exit',
      severity: 'warning',
      range: { start: line.tokens[0]!.start, end: line.tokens[line.tokens.length - 1]!.end },
      message: '`exit` at top level ends the configuration: FRR reads nothing after this line.',
    });
  }

  private enter(line: ParsedLine, index: number, node: NodeId, label: string, indent: number): void {
    if (node === 'OPAQUE') {
      this.openOpaque(line, index, OPAQUE_TREE[label] ?? NO_CHILDREN, label, indent);
      line.kind = 'command';
      return;
    }
    // A context opened from a sibling (`key 2` inside `key 1`, `profile` inside `peer`) hangs off the common parent.
    const parent = parentNode(node);
    if (parent) {
      let at = this.stack.length - 1;
      while (at > 0 && this.stack[at]!.node !== parent) at--;
      if (this.stack[at]!.node === parent) this.stack.length = at + 1;
    }
    const block = this.blocks.push({ node, header: index, last: index, parent: this.top.block }) - 1;
    this.stack.push({ node, block, indent });
    line.block = block;
  }

  /** The line and every block it sits in now end at `index` at the earliest. */
  private extendBlocks(innermost: number, index: number): void {
    for (let b = innermost; b >= 0; b = this.blocks[b]!.parent) {
      const block = this.blocks[b]!;
      if (block.last < index) block.last = index;
    }
  }

  private warnEscape(line: ParsedLine, def: CommandDef, from: NodeId, to: NodeId): void {
    // Only lines a user plausibly meant for the address-family: ordinary top-level lines that end a
    // route-map or router block (MetalLB relies on those), and openers of a sibling context, are fine.
    if (!isBgpSubNode(from) || !isBgpFamily(to) || def.enters || def.exitsTo) return;
    const first = line.tokens[0]!;
    const last = line.tokens[line.tokens.length - 1]!;
    this.findings.push({
      code: 'frr/context-escape',
      severity: 'warning',
      range: { start: first.start, end: last.end },
      message:
        `Not valid in ${nodeLabel(from)}: FRR applies this line at ${nodeLabel(to)} level ` +
        `and silently leaves ${nodeLabel(from)}.`,
    });
  }

  private reject(line: ParsedLine, failure: MatchResult, node: NodeId): void {
    line.kind = 'error';
    const tokens = line.tokens;
    let range;
    let message;
    if (failure.status === 'incomplete') {
      const end = tokens[tokens.length - 1]!.end;
      range = { start: end, end };
      message = `% Command incomplete${hint(failure.expected)}`;
    } else if (failure.status === 'ambiguous') {
      const token = tokens[Math.min(failure.failedAt, tokens.length - 1)]!;
      range = { start: token.start, end: token.end };
      message = `% Ambiguous command: "${token.text}" matches more than one command`;
    } else {
      const token = tokens[Math.min(failure.failedAt, tokens.length - 1)]!;
      range = { start: token.start, end: token.end };
      message =
        failure.failedAt === 0
          ? `% Unknown command: "${token.text}" does not start a command in ${nodeLabel(node)}`
          : `% Unknown command${hint(failure.expected)}`;
    }
    this.findings.push({ code: 'frr/syntax', severity: 'error', range, message });
  }
}

/** The finished line, with the fields in the order readers have always seen them. */
function finishedLine(d: ParsedLine): ParsedLine {
  const start = d.range.start;
  const end = d.range.end;
  if (d.command === undefined) {
    return { line: d.line, range: { start, end }, tokens: d.tokens, kind: d.kind, node: d.node, nodeAfter: d.nodeAfter, block: d.block };
  }
  if (d.escapedFrom === undefined) {
    return { line: d.line, range: { start, end }, tokens: d.tokens, kind: d.kind, node: d.node, nodeAfter: d.nodeAfter, block: d.block, command: d.command };
  }
  return {
    line: d.line,
    range: { start, end },
    tokens: d.tokens,
    kind: d.kind,
    node: d.node,
    nodeAfter: d.nodeAfter,
    block: d.block,
    command: d.command,
    escapedFrom: d.escapedFrom,
  };
}

/** `: expected <deny|permit>`, or nothing when the grammar allows too much to list usefully. */
function hint(expected: readonly string[]): string {
  if (expected.length === 0 || expected.length > 12) return '';
  const sorted = [...expected].sort();
  return `: expected ${sorted.length === 1 ? sorted[0] : `<${sorted.join('|')}>`}`;
}
