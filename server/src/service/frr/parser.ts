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
import type { Finding, FrrVersion } from '../types';
import { completeArgs } from './commands';
import type { CommandDef } from './commands/types';
import { OPAQUE_TREE, openedSubContext, type OpaqueContext } from './commands/unmodelled';
import { Matcher, type CommandBinding, type MatchResult } from './grammar/match';
import { commandTable } from './grammar/tables';
import { scanFrrLines, TokenStore, type ScanRange } from './lexer';
import { isBgpFamily, isBgpSubNode, isLenient, nodeLabel, parentNode } from './nodes';
import type { Block, CommandMatch, LineKind, NodeId, ParsedLine, ParseOptions, ParseResult, Token } from './syntax';

/**
 * One context on FRR's node stack. Frames are immutable and linked to their parent, so the stack
 * before every line can be kept (one pointer per line) and a later parse can resume from it.
 */
export interface Frame {
  readonly node: NodeId;
  /** Index into blocks; -1 for the top level. */
  readonly block: number;
  /** Indentation of the header line. */
  readonly indent: number;
  /** Sub-contexts an OPAQUE frame knows (frr-reload.py's tree). */
  readonly opaque?: OpaqueContext;
  /** The enclosing context; undefined for the top level. */
  readonly parent?: Frame;
}

export const TOP_LEVEL: Frame = { node: 'CONFIG', block: -1, indent: -1 };

const NO_CHILDREN: OpaqueContext = { children: {} };

/** First words (or word pairs) that only start top-level commands, never lines of a daemon's own node. */
const TOP_LEVEL_ONLY = new Set(['route-map', 'access-list', 'router', 'line', 'frr', 'debug', 'bgp']);
const TOP_LEVEL_ONLY_PAIRS = new Set(['ip prefix-list', 'ipv6 prefix-list', 'ipv6 access-list', 'mac access-list', 'key chain']);

function isTopLevelOnly(words: readonly string[]): boolean {
  if (TOP_LEVEL_ONLY.has(words[0]!)) return true;
  return words.length > 1 && TOP_LEVEL_ONLY_PAIRS.has(`${words[0]!} ${words[1]!}`);
}

/** What a later parse of an edited text needs of this one: its words and the stack before each line. */
export interface ReadState {
  store: TokenStore;
  /** The stack before line `i`, for every line. */
  stacks: Frame[];
  /** A top-level `exit` ended the reading: nothing after it can be resumed. */
  stopped: boolean;
  frrVersion: FrrVersion;
}

const readStates = new WeakMap<ParseResult, ReadState>();

/** How `result` was read, for `reparseFrr`. */
export function readStateOf(result: ParseResult): ReadState | undefined {
  return readStates.get(result);
}

export function parseFrr(text: string, options: ParseOptions = {}): ParseResult {
  const reader = new ConfigReader(text, options.frrVersion ?? 'any', { lines: [], blocks: [], findings: [], stacks: [], store: new TokenStore(text.length / 8), top: TOP_LEVEL });
  reader.read({ offset: 0, line: 0 });
  return reader.result();
}

/** What a reading starts from: the part already read (empty for a whole text). */
export interface ReadStart {
  lines: ParsedLine[];
  blocks: Block[];
  findings: Finding[];
  stacks: Frame[];
  store: TokenStore;
  top: Frame;
}

/** What a line's command is made from: a matched shape's binding, or a fixed command (`exit` of an unmodelled block). */
type CommandSource = CommandBinding | string;

/** The line being read; `readLine` turns it into a `Line`. */
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

export class ConfigReader {
  readonly lines: ParsedLine[];
  readonly blocks: Block[];
  readonly findings: Finding[];
  readonly stacks: Frame[];
  readonly store: TokenStore;
  /** The innermost context. */
  top: Frame;
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
  private readonly matcher: Matcher;
  /** Set by a top-level `exit`: FRR reads nothing after it. */
  stopped = false;

  constructor(
    readonly text: string,
    private readonly frrVersion: FrrVersion,
    start: ReadStart,
  ) {
    this.matcher = new Matcher(frrVersion);
    this.lines = start.lines;
    this.blocks = start.blocks;
    this.findings = start.findings;
    this.stacks = start.stacks;
    this.store = start.store;
    this.top = start.top;
  }

  /** Reads the lines of `range`. */
  read(range: ScanRange): void {
    scanFrrLines(this.text, this.store, (lineNo, start, end, first, count, comment, indent) => this.readLine(lineNo, start, end, first, count, comment, indent), range);
  }

  result(): ParseResult {
    const result = { text: this.text, lines: this.lines, blocks: this.blocks, findings: this.findings };
    readStates.set(result, { store: this.store, stacks: this.stacks, stopped: this.stopped, frrVersion: this.frrVersion });
    return result;
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
    this.stacks.push(top);
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
    this.lines.push(new Line(this.store, index, line.line, line.start, line.end, line.first, line.count, line.kind, line.node, line.nodeAfter, line.block, line.source, line.escapedFrom));
  }

  /** FRR's walk: the current node, then each enclosing node, until one accepts the line. */
  private readStrict(line: Draft, index: number): void {
    let failure: MatchResult | undefined;
    let failureFrame = this.top;
    for (let frame: Frame | undefined = this.top; frame; frame = frame.parent) {
      const result = this.matcher.match(commandTable(frame.node), this.words);
      if (result.status === 'full') {
        this.accept(line, index, frame, result);
        return;
      }
      if (result.status !== 'none') {
        failure = result;
        failureFrame = frame;
        break;
      }
      if (!failure || result.failedAt > failure.failedAt) {
        failure = result;
        failureFrame = frame;
      }
    }
    const node = failureFrame.node;
    failure!.expected = this.matcher.explain(commandTable(node), this.words, failure!.status);
    this.reject(line, failure!, node);
  }

  /** Inside an unmodelled context: its own exits and sub-contexts, clear escapes, else accepted as is. */
  private readLenient(line: Draft, index: number, indent: number): void {
    const top = this.top;
    if (top.node === 'OPAQUE') {
      const first = this.words[0]!;
      if (first === 'exit' || first === 'quit' || first.startsWith('exit-')) {
        line.kind = 'command';
        line.source = 'exit';
        this.top = top.parent!;
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
        this.accept(line, index, top, own);
        return;
      }
    }
    let leaving: Frame | undefined;
    /** The line's words joined, as the OPAQUE sub-context table spells them (only an OPAQUE frame asks). */
    let words: string | undefined;
    for (let frame: Frame | undefined = top; frame; leaving = frame, frame = frame.parent) {
      if (frame.node === 'OPAQUE') {
        words ??= this.words.join(' ');
        const sub = openedSubContext(frame.opaque ?? NO_CHILDREN, words);
        if (sub) {
          this.top = frame;
          this.openOpaque(line, index, sub, words, indent);
          return;
        }
        continue;
      }
      if (isLenient(frame.node)) continue;
      const result = this.matcher.match(commandTable(frame.node), this.words);
      if (result.status === 'none') continue;
      if (result.status === 'full' && (indent <= leaving!.indent || (frame.parent === undefined && isTopLevelOnly(this.words)))) {
        this.accept(line, index, frame, result);
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
    this.top = { node: 'OPAQUE', block, indent, opaque: context, parent };
    line.nodeAfter = 'OPAQUE';
    line.block = block;
  }

  /** The line matched in `frame`'s node: leave the contexts inside it, then apply the command. */
  private accept(line: Draft, index: number, frame: Frame, result: MatchResult): void {
    const def = result.def!;
    const innermost = this.top;
    this.top = frame;
    line.kind = 'command';
    line.source = result.binding!;
    line.node = frame.node;
    line.block = frame.block;
    if (frame !== innermost) {
      line.escapedFrom = innermost.node;
      this.warnEscape(def, innermost.node, frame.node);
    }
    if (def.exitsTo) this.exit(line, index, def);
    else if (def.enters) this.enter(line, index, def.enters, result.label ?? '', this.store.start(line.first) - line.start);
    line.nodeAfter = this.top.node;
  }

  private exit(line: Draft, index: number, def: CommandDef): void {
    if (this.top.parent === undefined) {
      if (def.id === 'exit') this.earlyExit();
      return;
    }
    const target = def.exitsTo === 'PARENT' ? undefined : def.exitsTo;
    do {
      const left = this.top;
      this.top = left.parent!;
      this.blocks[left.block]!.last = index;
      line.block = left.block;
    } while (target !== undefined && this.top.parent !== undefined && this.top.node !== target);
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
      let frame: Frame | undefined = this.top;
      while (frame && frame.node !== parent) frame = frame.parent;
      if (frame) this.top = frame;
    }
    const block = this.blocks.push({ node, header: index, last: index, parent: this.top.block }) - 1;
    this.top = { node, block, indent, parent: this.top };
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
export class Line implements ParsedLine {
  constructor(
    private store: TokenStore,
    /** Position in its parse's `lines`: kept current as re-reads move the line. */
    public index: number,
    public line: number,
    public start: number,
    public end: number,
    /** Index of the line's first word in its parse's token store. */
    public first: number,
    readonly count: number,
    readonly kind: LineKind,
    readonly node: NodeId,
    readonly nodeAfter: NodeId,
    public block: number,
    private readonly source: CommandSource | undefined,
    readonly escapedFrom: NodeId | undefined,
  ) {}

  get range(): { start: number; end: number } {
    return { start: this.start, end: this.end };
  }

  get tokens(): Token[] {
    return this.store.words(this.first, this.count);
  }

  get wordCount(): number {
    return this.count;
  }

  wordText(index: number): string {
    return this.store.texts[this.first + index]!;
  }

  token(index: number): Token {
    return this.store.word(this.first + index);
  }

  get commandId(): string | undefined {
    const source = this.source;
    return typeof source === 'string' ? source : source?.def.id;
  }

  get command(): CommandMatch | undefined {
    const source = this.source;
    if (source === undefined) return undefined;
    const store = this.store;
    if (store.boundLine === this) return store.boundCommand;
    let command: CommandMatch;
    if (typeof source === 'string') command = { id: source, negated: false, args: {} };
    else {
      command = source.bind(store, this.first);
      completeArgs(command);
    }
    store.boundLine = this;
    store.boundCommand = command;
    return command;
  }

  /**
   * Moves this line into a later reading of an edited text: `store` holds its words `words` further
   * on, and it sits `shift` characters, `lines` physical lines and `indices` places further, in `block`. A re-read keeps the lines
   * the edit left alone instead of copying them; the earlier reading is spent.
   */
  move(store: TokenStore, shift: number, lines: number, words: number, block: number, indices = 0): this {
    this.store = store;
    this.index += indices;
    this.line += lines;
    this.start += shift;
    this.end += shift;
    this.first += words;
    this.block = block;
    return this;
  }

}

/** `: expected <deny|permit>`, or nothing when the grammar allows too much to list usefully. */
function hint(expected: readonly string[]): string {
  if (expected.length === 0 || expected.length > 12) return '';
  const sorted = [...expected].sort();
  return `: expected ${sorted.length === 1 ? sorted[0] : `<${sorted.join('|')}>`}`;
}
