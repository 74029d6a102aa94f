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
import { completeArgs } from './commands';
import type { CommandDef } from './commands/types';
import { OPAQUE_TREE, openedSubContext, type OpaqueContext } from './commands/unmodelled';
import { Matcher, type CommandBinding, type MatchResult } from './grammar/match';
import { commandTable } from './grammar/tables';
import { scanFrrLines, TokenStore } from './lexer';
import { isBgpFamily, isBgpSubNode, isLenient, nodeLabel, parentNode } from './nodes';
import type { Block, CommandMatch, LineKind, NodeId, ParsedLine, ParseOptions, ParseResult, Token } from './syntax';

interface Frame {
  node: NodeId;
  /** Index into blocks; -1 for the top level. */
  block: number;
  /** Indentation of the header line. */
  indent: number;
  /** Sub-contexts an OPAQUE frame knows (frr-reload.py's tree). */
  opaque?: OpaqueContext;
}


const NO_CHILDREN: OpaqueContext = { children: {} };

/** First words (or word pairs) that only start top-level commands, never lines of a daemon's own node. */
const TOP_LEVEL_ONLY = new Set(['route-map', 'access-list', 'router', 'line', 'frr', 'debug', 'bgp']);
const TOP_LEVEL_ONLY_PAIRS = new Set(['ip prefix-list', 'ipv6 prefix-list', 'ipv6 access-list', 'mac access-list', 'key chain']);

function isTopLevelOnly(words: readonly string[]): boolean {
  if (TOP_LEVEL_ONLY.has(words[0]!)) return true;
  return words.length > 1 && TOP_LEVEL_ONLY_PAIRS.has(`${words[0]!} ${words[1]!}`);
}

export function parseFrr(text: string, options: ParseOptions = {}): ParseResult {
  return new ConfigReader(text, options).read();
}

/** What a line's command is made from: a matched shape's binding, or a fixed command (`exit` of an unmodelled block). */
type CommandSource = CommandBinding | string;

/** The line being read; `finishedLine` turns it into a `Line`. */
interface Draft {
  line: number;
  start: number;
  end: number;
  first: number;
  count: number;
  kind: LineKind;
  node: NodeId;
  nodeAfter: NodeId;
  block: number;
  source: CommandSource | undefined;
  escapedFrom: NodeId | undefined;
}

class ConfigReader {
  private readonly lines: ParsedLine[] = [];
  private readonly store: TokenStore;
  private readonly draft: Draft = {
    line: 0,
    start: 0,
    end: 0,
    first: 0,
    count: 0,
    kind: 'blank',
    node: 'CONFIG',
    nodeAfter: 'CONFIG',
    block: -1,
    source: undefined,
    escapedFrom: undefined,
  };
  /** The current line's words, for the matcher (one array reused for every line). */
  private readonly words: string[] = [];
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
    // About one word per 8 characters of configuration text.
    this.store = new TokenStore(text.length / 8);
  }

  read(): ParseResult {
    scanFrrLines(this.text, this.store, (lineNo, start, end, first, count, comment, indent) => this.readLine(lineNo, start, end, first, count, comment, indent));
    return { text: this.text, lines: this.lines, blocks: this.blocks, findings: this.findings };
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** The current line's tokens as objects, for the rare paths that report on them. */
  private tokens(): Token[] {
    return this.store.words(this.draft.first, this.draft.count);
  }

  private readLine(lineNo: number, start: number, end: number, first: number, count: number, comment: boolean, indent: number): void {
    const top = this.top;
    const line = this.draft;
    line.line = lineNo;
    line.start = start;
    line.end = end;
    line.first = first;
    line.count = count;
    line.kind = 'blank';
    line.node = top.node;
    line.nodeAfter = top.node;
    line.block = top.block;
    line.source = undefined;
    line.escapedFrom = undefined;
    const words = this.words;
    words.length = count;
    for (let i = 0; i < count; i++) words[i] = this.store.texts[first + i]!;
    const index = this.lines.length;
    if (this.stopped) {
      if (count > 0 || comment) line.kind = 'opaque';
      line.node = line.nodeAfter = 'CONFIG';
      line.block = -1;
    } else if (comment) {
      line.kind = 'comment';
    } else if (count > 0) {
      if (isLenient(top.node)) this.readLenient(line, index, indent);
      else this.readStrict(line, index);
      this.extendBlocks(line.block, index);
    }
    this.lines.push(new Line(this.store, line));
  }

  /** FRR's walk: the current node, then each enclosing node, until one accepts the line. */
  private readStrict(line: Draft, index: number): void {
    let failure: MatchResult | undefined;
    let failureDepth = this.stack.length - 1;
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const result = this.matcher.match(commandTable(this.stack[depth]!.node), this.words);
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
    failure!.expected = this.matcher.explain(commandTable(node), this.words, failure!.status);
    this.reject(line, failure!, node);
  }

  /** Inside an unmodelled context: its own exits and sub-contexts, clear escapes, else accepted as is. */
  private readLenient(line: Draft, index: number, indent: number): void {
    const top = this.top;
    const words = this.words.join(' ');
    if (top.node === 'OPAQUE') {
      const first = this.words[0]!;
      if (first === 'exit' || first === 'quit' || first.startsWith('exit-')) {
        line.kind = 'command';
        line.source = 'exit';
        this.stack.pop();
        line.nodeAfter = this.top.node;
        this.blocks[top.block]!.last = index;
        return;
      }
      if (first === 'end') {
        line.kind = 'command';
        line.source = 'end';
        return;
      }
    } else {
      const own = this.matcher.match(commandTable(top.node), this.words);
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
      const result = this.matcher.match(commandTable(frame.node), this.words);
      if (result.status === 'none') continue;
      const leaving = this.stack[depth + 1]!;
      if (result.status === 'full' && (indent <= leaving.indent || (depth === 0 && isTopLevelOnly(this.words)))) {
        this.accept(line, index, depth, result);
        return;
      }
      break;
    }
    line.kind = 'opaque';
  }

  private openOpaque(line: Draft, index: number, context: OpaqueContext, label: string, indent: number): void {
    line.kind = 'opaque';
    const parent = this.top;
    const block = this.blocks.push({ node: 'OPAQUE', header: index, last: index, parent: parent.block, label }) - 1;
    this.stack.push({ node: 'OPAQUE', block, indent, opaque: context });
    line.nodeAfter = 'OPAQUE';
    line.block = block;
  }

  /** The line matched in the node at `depth`: leave the contexts above it, then apply the command. */
  private accept(line: Draft, index: number, depth: number, result: MatchResult): void {
    const def = result.def!;
    const innermost = this.top;
    const innermostDepth = this.stack.length - 1;
    const frame = this.stack[depth]!;
    this.stack.length = depth + 1;
    line.kind = 'command';
    line.source = result.binding!;
    line.node = frame.node;
    line.block = frame.block;
    if (depth < innermostDepth) {
      line.escapedFrom = innermost.node;
      this.warnEscape(def, innermost.node, frame.node);
    }
    if (def.exitsTo) this.exit(line, index, def);
    else if (def.enters) this.enter(line, index, def.enters, result.label ?? '', this.store.start(line.first) - line.start);
    line.nodeAfter = this.top.node;
  }

  private exit(line: Draft, index: number, def: CommandDef): void {
    if (this.stack.length === 1) {
      if (def.id === 'exit') this.earlyExit();
      return;
    }
    const target = def.exitsTo === 'PARENT' ? undefined : def.exitsTo;
    do {
      const left = this.stack.pop()!;
      this.blocks[left.block]!.last = index;
      line.block = left.block;
    } while (target !== undefined && this.stack.length > 1 && this.top.node !== target);
  }

  /** The offsets of the current line's words. */
  private wordsRange(): { start: number; end: number } {
    const { first, count } = this.draft;
    return { start: this.store.start(first), end: this.store.end(first + count - 1) };
  }

  private earlyExit(): void {
    this.stopped = true;
    this.findings.push({
      code: 'frr/early-exit',
      severity: 'warning',
      range: this.wordsRange(),
      message: '`exit` at top level ends the configuration: FRR reads nothing after this line.',
    });
  }

  private enter(line: Draft, index: number, node: NodeId, label: string, indent: number): void {
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

  private warnEscape(def: CommandDef, from: NodeId, to: NodeId): void {
    // Only lines a user plausibly meant for the address-family: ordinary top-level lines that end a
    // route-map or router block (MetalLB relies on those), and openers of a sibling context, are fine.
    if (!isBgpSubNode(from) || !isBgpFamily(to) || def.enters || def.exitsTo) return;
    this.findings.push({
      code: 'frr/context-escape',
      severity: 'warning',
      range: this.wordsRange(),
      message:
        `Not valid in ${nodeLabel(from)}: FRR applies this line at ${nodeLabel(to)} level ` +
        `and silently leaves ${nodeLabel(from)}.`,
    });
  }

  private reject(line: Draft, failure: MatchResult, node: NodeId): void {
    line.kind = 'error';
    const tokens = this.tokens();
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

/**
 * A read line. It keeps numbers and the shared binding of its shape, and makes its range, tokens
 * and command on request: a parse holds one line per line of text, and objects for every word and
 * argument of every line would be most of what it holds (and most of the garbage collector's work).
 */
class Line implements ParsedLine {
  readonly line: number;
  private readonly start: number;
  private readonly end: number;
  private readonly first: number;
  private readonly count: number;
  readonly kind: LineKind;
  readonly node: NodeId;
  readonly nodeAfter: NodeId;
  readonly block: number;
  private readonly source: CommandSource | undefined;
  readonly escapedFrom: NodeId | undefined;

  constructor(
    private readonly store: TokenStore,
    draft: Draft,
  ) {
    this.line = draft.line;
    this.start = draft.start;
    this.end = draft.end;
    this.first = draft.first;
    this.count = draft.count;
    this.kind = draft.kind;
    this.node = draft.node;
    this.nodeAfter = draft.nodeAfter;
    this.block = draft.block;
    this.source = draft.source;
    this.escapedFrom = draft.escapedFrom;
  }

  get range(): { start: number; end: number } {
    return { start: this.start, end: this.end };
  }

  get tokens(): Token[] {
    return this.store.words(this.first, this.count);
  }

  get command(): CommandMatch | undefined {
    const source = this.source;
    if (source === undefined) return undefined;
    if (typeof source === 'string') return { id: source, negated: false, args: {} };
    const command = source.bind(this.tokens);
    completeArgs(command);
    return command;
  }
}

/** `: expected <deny|permit>`, or nothing when the grammar allows too much to list usefully. */
function hint(expected: readonly string[]): string {
  if (expected.length === 0 || expected.length > 12) return '';
  const sorted = [...expected].sort();
  return `: expected ${sorted.length === 1 ? sorted[0] : `<${sorted.join('|')}>`}`;
}
