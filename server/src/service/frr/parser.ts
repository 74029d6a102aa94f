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
import type { SourceText } from '../sourceText';

/**
 * One context on FRR's node stack. Frames are shared and linked to their parent, so the stack
 * before every line can be kept (one pointer per line) and a later parse can resume from it.
 * Only a re-read changes a frame: it renumbers the frames of the lines it keeps after the edit.
 */
export interface Frame {
  readonly node: NodeId;
  /** Index into blocks; -1 for the top level. */
  block: number;
  /** Indentation of the header line. */
  readonly indent: number;
  /** Sub-contexts an OPAQUE frame knows (frr-reload.py's tree). */
  readonly opaque?: OpaqueContext;
  /** The enclosing context; undefined for the top level. */
  parent?: Frame;
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

/** Forgets how `result` was read: a re-read made it part of a newer parse, which re-reading it again would corrupt. */
export function forgetReadState(result: ParseResult): void {
  readStates.delete(result);
}

/** A parse of `source` made of these parts, remembered with how it was read. */
export function parseResult(source: SourceText, lines: ParsedLine[], blocks: Block[], findings: Finding[], state: ReadState): ParseResult {
  const result: ParseResult = {
    source,
    get text() {
      return source.toString();
    },
    lines,
    blocks,
    findings,
  };
  readStates.set(result, state);
  return result;
}

export function parseFrr(source: SourceText, options: ParseOptions = {}): ParseResult {
  const frrVersion = options.frrVersion ?? 'any';
  const text = source.toString();
  const store = new TokenStore(text.length / 8);
  const reader = new ConfigReader(text, frrVersion, { line: 0, earlierBlocks: [], block: 0, lexed: store, store, word: 0, top: TOP_LEVEL });
  reader.read({ offset: 0, line: 0 });
  return parseResult(source, reader.lines, reader.blocks, reader.findings, { store, stacks: reader.stacks, stopped: reader.stopped, frrVersion });
}

/**
 * Where a reading starts in the parse it adds to (at the start, for a whole text). A re-read reads
 * into arrays and a store of its own, spliced into the earlier parse afterwards: the lines it reads
 * are numbered, and refer to their words, as they will sit there.
 */
export interface ReadStart {
  /** Index of the first line read. */
  line: number;
  /** The parse's blocks; the ones numbered below `block` were opened before, and the lines read may extend or close them. */
  earlierBlocks: readonly Block[];
  /** Number of the first block the reading opens. */
  block: number;
  /** Where the reading puts the words it lexes. */
  lexed: TokenStore;
  /** The store the lines read refer to, and the index their first word takes there. */
  store: TokenStore;
  word: number;
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
  /** The lines read, the stack before each, the blocks they open and the findings on them. */
  readonly lines: ParsedLine[] = [];
  readonly stacks: Frame[] = [];
  readonly blocks: Block[] = [];
  readonly findings: Finding[] = [];
  /** The words read (`Draft.first` indexes them). */
  readonly store: TokenStore;
  /** The innermost context. */
  top: Frame;
  private readonly firstLine: number;
  private readonly firstBlock: number;
  private readonly earlierBlocks: readonly Block[];
  private readonly lineStore: TokenStore;
  private readonly firstWord: number;
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
    frrVersion: FrrVersion,
    start: ReadStart,
  ) {
    this.matcher = new Matcher(frrVersion);
    this.firstLine = start.line;
    this.earlierBlocks = start.earlierBlocks;
    this.firstBlock = start.block;
    this.store = start.lexed;
    this.lineStore = start.store;
    this.firstWord = start.word;
    this.top = start.top;
  }

  /** Reads the lines of `range`. */
  read(range: ScanRange): void {
    scanFrrLines(this.text, this.store, (lineNo, start, end, first, count, comment, indent) => this.readLine(lineNo, start, end, first, count, comment, indent), range);
  }

  /** Block `index`, whether opened before the reading or by it. */
  block(index: number): Block {
    return index < this.firstBlock ? this.earlierBlocks[index]! : this.blocks[index - this.firstBlock]!;
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
    const index = this.firstLine + this.lines.length;
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
    const shape = lineShape(line.kind, line.node, line.nodeAfter, line.escapedFrom);
    this.lines.push(new Line(this.lineStore, index, line.line, line.start, line.end, this.firstWord + line.first, line.count, shape, line.block, line.source));
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
        this.block(top.block).last = index;
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
    const block = this.firstBlock + this.blocks.push({ node: 'OPAQUE', header: index, last: index, parent: parent.block, label }) - 1;
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
      this.block(left.block).last = index;
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
    const block = this.firstBlock + this.blocks.push({ node, header: index, last: index, parent: this.top.block }) - 1;
    this.top = { node, block, indent, parent: this.top };
    line.block = block;
  }

  /** The line and every block it sits in now end at `index` at the earliest. */
  private extendBlocks(innermost: number, index: number): void {
    for (let b = innermost; b >= 0; b = this.block(b).parent) {
      const block = this.block(b);
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
 * A line's kind and nodes as small numbers, all four in one field: a parse holds a line object per
 * line of text, and three fields fewer are 2.4 MB at 100k lines.
 */
const LINE_KINDS: readonly LineKind[] = ['blank', 'comment', 'command', 'opaque', 'error'];
const KIND_CODES = new Map(LINE_KINDS.map((kind, code) => [kind, code]));
const KIND_MASK = 7;
/** Nodes numbered as first met (there are a few dozen). */
const NODES: NodeId[] = [];
const NODE_CODES = new Map<NodeId, number>();
const NODE_MASK = 63;
const NODE_SHIFT = 3;
const NODE_AFTER_SHIFT = 9;
/** The node escaped from, plus one (0 for none). */
const ESCAPED_SHIFT = 15;

function nodeCode(node: NodeId): number {
  let code = NODE_CODES.get(node);
  if (code === undefined) {
    code = NODES.length;
    NODES.push(node);
    NODE_CODES.set(node, code);
  }
  return code;
}

function lineShape(kind: LineKind, node: NodeId, nodeAfter: NodeId, escapedFrom: NodeId | undefined): number {
  return (
    KIND_CODES.get(kind)! |
    (nodeCode(node) << NODE_SHIFT) |
    (nodeCode(nodeAfter) << NODE_AFTER_SHIFT) |
    ((escapedFrom === undefined ? 0 : nodeCode(escapedFrom) + 1) << ESCAPED_SHIFT)
  );
}

/**
 * A read line. It keeps numbers and the shared binding of its shape, and makes its range, tokens
 * and command on request: a parse holds one line per line of text, and objects for every word and
 * argument of every line would be most of what it holds (and most of the garbage collector's work).
 */
export class Line implements ParsedLine {
  constructor(
    private readonly store: TokenStore,
    /** Position in its parse's `lines`; this and the other public numbers are kept current as re-reads move the line. */
    public index: number,
    public line: number,
    public start: number,
    public end: number,
    /** Index of the line's first word in its parse's token store. */
    public first: number,
    readonly count: number,
    /** `kind`, `node`, `nodeAfter` and `escapedFrom` in one number (`lineShape`). */
    private readonly shape: number,
    public block: number,
    private readonly source: CommandSource | undefined,
  ) {}

  get kind(): LineKind {
    return LINE_KINDS[this.shape & KIND_MASK]!;
  }

  get node(): NodeId {
    return NODES[(this.shape >>> NODE_SHIFT) & NODE_MASK]!;
  }

  get nodeAfter(): NodeId {
    return NODES[(this.shape >>> NODE_AFTER_SHIFT) & NODE_MASK]!;
  }

  get escapedFrom(): NodeId | undefined {
    const code = this.shape >>> ESCAPED_SHIFT;
    return code === 0 ? undefined : NODES[code - 1];
  }

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
}

/** `: expected <deny|permit>`, or nothing when the grammar allows too much to list usefully. */
function hint(expected: readonly string[]): string {
  if (expected.length === 0 || expected.length > 12) return '';
  const sorted = [...expected].sort();
  return `: expected ${sorted.length === 1 ? sorted[0] : `<${sorted.join('|')}>`}`;
}
