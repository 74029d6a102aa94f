/**
 * Re-reading an edited text. The lines before the edit are kept; reading resumes at the edit with
 * the node stack FRR had there, and stops at the first line of the unchanged end that it reaches
 * in the same state as the earlier reading did: from there on, the earlier parse holds, moved by
 * the edit's length. An edit inside a large configuration re-reads a few lines instead of all.
 * The earlier parse's lines move into the new one: a parse handed to `reparseFrr` is spent.
 */
import type { Finding } from '../types';
import { partitionPoint } from './bisect';
import { TokenStore } from './lexer';
import { ConfigReader, Line, parseFrr, readStateOf, type Frame, type ReadState } from './parser';
import type { Block, ParsedLine, ParseOptions, ParseResult } from './syntax';

/** What a re-read changed: the earlier lines it dropped and the lines it read anew; every other line was moved in place. */
export interface ReparseDelta {
  removed: readonly ParsedLine[];
  added: readonly ParsedLine[];
}

const deltas = new WeakMap<ParseResult, ReparseDelta>();

/** How `result` differs from the parse it was re-read from; undefined for a parse read whole. */
export function reparseDeltaOf(result: ParseResult): ReparseDelta | undefined {
  return deltas.get(result);
}

export function reparseFrr(previous: ParseResult, text: string, options: ParseOptions = {}): ParseResult {
  const state = readStateOf(previous);
  const frrVersion = options.frrVersion ?? 'any';
  if (previous.text === text && state?.frrVersion === frrVersion) return previous;
  if (!state || state.stopped || state.frrVersion !== frrVersion) return parseFrr(text, options);
  return new Resumption(previous, state, text).run();
}

/** Characters compared at once: a native string comparison, where one character at a time would take longer than the re-read. */
const CHUNK = 4096;

/** Length of the common start of `a` and `b`, and of their common end after it. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + CHUNK <= max && a.substring(prefix, prefix + CHUNK) === b.substring(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (suffix + CHUNK <= room && a.substring(a.length - suffix - CHUNK, a.length - suffix) === b.substring(b.length - suffix - CHUNK, b.length - suffix)) suffix += CHUNK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** Index of the last line starting at or before `offset`. */
function lineAt(lines: readonly ParsedLine[], offset: number): number {
  return Math.max(0, partitionPoint(0, lines.length, (i) => (lines[i] as Line).start <= offset) - 1);
}

/** Where the new reading met the earlier one: old line `line`, with the old stack's frames matched to the new ones. */
interface Junction {
  line: number;
  physicalShift: number;
  frames: Map<Frame, Frame>;
}

class Resumption {
  private readonly old: readonly Line[];
  private readonly shift: number;
  /** New text offsets from here on are the earlier text's, moved by `shift`. */
  private readonly unchangedFrom: number;
  /** The first line read again. */
  private readonly restart: number;
  private junction: Junction | undefined;

  constructor(
    private readonly previous: ParseResult,
    private readonly state: ReadState,
    private readonly text: string,
  ) {
    this.old = previous.lines as Line[];
    const { prefix, suffix } = commonEnds(previous.text, text);
    this.shift = text.length - previous.text.length;
    this.unchangedFrom = text.length - suffix;
    this.restart = this.restartLine(prefix);
  }

  /** The line before the one holding the first change (a line break may be what changed), from its physical start. */
  private restartLine(prefix: number): number {
    let restart = Math.max(0, lineAt(this.old, prefix) - 1);
    while (restart > 0 && this.old[restart]!.line === this.old[restart - 1]!.line) restart--;
    return restart;
  }

  run(): ParseResult {
    const reader = this.readerAtRestart();
    const first = this.old[this.restart]!;
    reader.read({ offset: first.start, line: first.line, proceed: (line, start) => !this.meets(reader, line, start) });
    const added = reader.lines.slice(this.restart);
    const removed = this.old.slice(this.restart, this.junction ? this.junction.line : this.old.length);
    if (this.junction) this.appendRest(reader, this.junction);
    const result = reader.result();
    deltas.set(result, { removed, added });
    return result;
  }

  /** A reader holding the lines before the restart line, in the state FRR was in there. */
  private readerAtRestart(): ConfigReader {
    const restart = this.restart;
    const store = new TokenStore(this.text.length / 8);
    store.copyFrom(this.state.store, 0, this.old[restart]!.first, 0);
    const lines: ParsedLine[] = this.old.slice(0, restart);
    for (const line of lines) (line as Line).move(store, 0, 0, 0, line.block);
    const top = this.state.stacks[restart]!;
    const blocks = this.previous.blocks.slice(0, blocksBefore(this.previous.blocks, restart));
    // Blocks still open keep growing: they are copied, their end set back to the last line read.
    let lastRead = restart - 1;
    while (lastRead >= 0 && (this.old[lastRead]!.kind === 'blank' || this.old[lastRead]!.kind === 'comment')) lastRead--;
    for (let frame: Frame | undefined = top; frame && frame.block >= 0; frame = frame.parent) {
      blocks[frame.block] = { ...blocks[frame.block]!, last: lastRead };
    }
    const findings: Finding[] = [];
    const restartOffset = this.old[restart]!.start;
    for (const finding of this.previous.findings) {
      if (finding.range.start >= restartOffset) break;
      findings.push(finding);
    }
    return new ConfigReader(this.text, this.state.frrVersion, { lines, blocks, findings, stacks: this.state.stacks.slice(0, restart), store, top });
  }

  /** Whether the reader, about to read the physical line at `start`, is where the earlier reading was at the same text. */
  private meets(reader: ConfigReader, line: number, start: number): boolean {
    if (reader.stopped || start < this.unchangedFrom) return false;
    const oldStart = start - this.shift;
    const index = lineAt(this.old, oldStart);
    const old = this.old[index]!;
    if (old.start !== oldStart || (index > 0 && this.old[index - 1]!.line === old.line)) return false;
    const frames = sameStack(reader.top, this.state.stacks[index]!);
    if (!frames) return false;
    this.junction = { line: index, physicalShift: line - old.line, frames };
    return true;
  }

  /** The earlier parse from the junction on, moved into the reader's numbering. */
  private appendRest(reader: ConfigReader, junction: Junction): void {
    const oldBlocks = this.previous.blocks;
    const oldStore = this.state.store;
    const from = junction.line;
    // Read before the tail's lines move.
    const tailOffset = this.old[from]!.start;
    const lineShift = reader.lines.length - from;
    const wordShift = reader.store.count - this.old[from]!.first;
    const firstTailBlock = blocksBefore(oldBlocks, from);
    const blockShift = reader.blocks.length - firstTailBlock;
    const openBlocks = new Map<number, number>();
    for (const [oldFrame, newFrame] of junction.frames) openBlocks.set(oldFrame.block, newFrame.block);
    const block = (b: number) => (b >= firstTailBlock ? b + blockShift : (openBlocks.get(b) ?? b));

    for (const [oldFrame, newFrame] of junction.frames) {
      if (newFrame.block < 0) continue;
      const oldLast = oldBlocks[oldFrame.block]!.last;
      if (oldLast >= from) reader.blocks[newFrame.block]!.last = oldLast + lineShift;
    }
    for (let b = firstTailBlock; b < oldBlocks.length; b++) {
      const old = oldBlocks[b]!;
      reader.blocks.push({ ...old, header: old.header + lineShift, last: old.last + lineShift, parent: block(old.parent) });
    }
    reader.store.copyFrom(oldStore, this.old[from]!.first, oldStore.count, this.shift);
    for (let i = from; i < this.old.length; i++) {
      const line = this.old[i]!;
      reader.lines.push(line.move(reader.store, this.shift, junction.physicalShift, wordShift, block(line.block), lineShift));
    }
    const frames = junction.frames;
    const frame = (old: Frame): Frame => {
      let moved = frames.get(old);
      if (!moved) {
        moved = { ...old, block: block(old.block), parent: old.parent && frame(old.parent) };
        frames.set(old, moved);
      }
      return moved;
    };
    for (let i = from; i < this.old.length; i++) reader.stacks.push(frame(this.state.stacks[i]!));
    for (const finding of this.previous.findings) {
      if (finding.range.start < tailOffset) continue;
      reader.findings.push({ ...finding, range: { start: finding.range.start + this.shift, end: finding.range.end + this.shift } });
    }
  }
}

/** Number of blocks opened before line `line` (blocks are numbered in the order they open). */
function blocksBefore(blocks: readonly Block[], line: number): number {
  return partitionPoint(0, blocks.length, (b) => blocks[b]!.header < line);
}

/**
 * The earlier stack's frames matched to the reader's, when both stacks are the same contexts with
 * the same indentation (the blocks may be numbered differently); undefined when they differ.
 */
function sameStack(current: Frame, earlier: Frame): Map<Frame, Frame> | undefined {
  const frames = new Map<Frame, Frame>();
  let a: Frame | undefined = current;
  let b: Frame | undefined = earlier;
  while (a && b) {
    if (a === b) break;
    if (a.node !== b.node || a.indent !== b.indent || a.opaque !== b.opaque) return undefined;
    frames.set(b, a);
    a = a.parent;
    b = b.parent;
  }
  if (a !== b) return undefined;
  for (; b; b = b.parent) frames.set(b, b);
  return frames;
}
