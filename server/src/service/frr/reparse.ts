/**
 * Re-reading an edited text. The lines before the edit are kept; reading resumes at the edit with
 * the node stack FRR had there, and stops at the first line of the unchanged end that it reaches
 * in the same state as the earlier reading did: from there on, the earlier parse holds, moved by
 * the edit's length. An edit inside a large configuration re-reads a few lines instead of all.
 * The earlier parse becomes the new one in place (its arrays, store, lines, blocks, frames and
 * findings): a parse handed to `reparseFrr` is spent. What the edit left alone is only moved, in
 * loops over numbers, so that a re-read of a large text costs little more than the lines it reads.
 */
import type { Finding } from '../types';
import { partitionPoint } from './bisect';
import { spliceArray, TokenStore } from './lexer';
import { ConfigReader, forgetReadState, Line, parseFrr, parseResult, readStateOf, type Frame, type ReadState } from './parser';
import type { Block, ParsedLine, ParseOptions, ParseResult } from './syntax';
import { commonEnds, type SourceText } from '../sourceText';

/** What a re-read changed: the earlier lines it dropped and the lines it read anew; every other line was moved in place. */
export interface ReparseDelta {
  /** Where both sit: the index of the first line dropped, and of the first line read anew. */
  at: number;
  removed: readonly ParsedLine[];
  added: readonly ParsedLine[];
}

const deltas = new WeakMap<ParseResult, ReparseDelta>();

/** How `result` differs from the parse it was re-read from; undefined for a parse read whole. */
export function reparseDeltaOf(result: ParseResult): ReparseDelta | undefined {
  return deltas.get(result);
}

/** `firstWindow`: the characters a re-read of a chunked text first gets (tests make it small to exercise larger ones). */
export function reparseFrr(previous: ParseResult, source: SourceText, options: ParseOptions = {}, firstWindow = FIRST_WINDOW): ParseResult {
  const state = readStateOf(previous);
  const frrVersion = options.frrVersion ?? 'any';
  if (previous.source === source && state?.frrVersion === frrVersion) return previous;
  if (!state || state.stopped || state.frrVersion !== frrVersion) return parseFrr(source, options);
  const result = new Resumption(previous, state, source).run(firstWindow);
  forgetReadState(previous);
  return result;
}

/** Index of the last line starting at or before `offset`. */
function lineAt(lines: readonly ParsedLine[], offset: number): number {
  return Math.max(0, partitionPoint(0, lines.length, (i) => (lines[i] as Line).start <= offset) - 1);
}

/** Index of the first finding starting at or after `offset` (the parser reports in text order). */
function findingAt(findings: readonly Finding[], offset: number): number {
  return partitionPoint(0, findings.length, (i) => findings[i]!.range.start < offset);
}

/** Where the new reading met the earlier one: at the earlier line `line`, `physicalShift` physical lines further on. */
interface Junction {
  line: number;
  physicalShift: number;
}

/** Block numbers of the earlier reading, as the lines kept after the junction have them, in the new reading's numbering. */
class Renumbering {
  /** Blocks open at the junction that the re-read numbered differently: earlier and new numbers. */
  readonly earlier: number[] = [];
  readonly now: number[] = [];

  constructor(
    /** The first block opened after the junction, and how far the re-read moved those. */
    private readonly tail: number,
    private readonly shift: number,
  ) {}

  get changes(): boolean {
    return this.shift !== 0 || this.earlier.length > 0;
  }

  /** A block kept lines refer to: one opened after the junction, or one open there (the top level stays). */
  block(earlier: number): number {
    if (earlier >= this.tail) return earlier + this.shift;
    const at = this.earlier.indexOf(earlier);
    return at < 0 ? earlier : this.now[at]!;
  }
}

/** Characters the first reading after an edit gets (it doubles while it has not met the earlier reading). */
const FIRST_WINDOW = 16 * 1024;

class Resumption {
  private readonly lines: Line[];
  private readonly stacks: Frame[];
  private readonly blocks: Block[];
  private readonly shift: number;
  /** New text offsets from here on are the earlier text's, moved by `shift`. */
  private readonly unchangedFrom: number;
  /** The first line read again. */
  private readonly restart: number;
  /** Blocks opened before the restart line: they keep their numbers. */
  private readonly blocksBefore: number;
  /** The blocks open at the restart line, and their ends in the earlier reading (the re-read sets them anew). */
  private readonly openBlocks: number[] = [];
  private readonly openLasts: number[] = [];
  private junction: Junction | undefined;
  /** Frames of the earlier stack at the junction that the re-read made anew, and the frames replacing them. */
  private readonly replaced: Frame[] = [];
  private readonly replacing: Frame[] = [];

  constructor(
    private readonly previous: ParseResult,
    private readonly state: ReadState,
    private readonly source: SourceText,
  ) {
    this.lines = previous.lines as Line[];
    this.stacks = state.stacks;
    this.blocks = previous.blocks;
    const { prefix, suffix } = commonEnds(previous.source, source);
    this.shift = source.length - previous.source.length;
    this.unchangedFrom = source.length - suffix;
    this.restart = this.restartLine(prefix);
    this.blocksBefore = blocksBefore(this.blocks, this.restart);
  }

  /** The line before the one holding the first change (a line break may be what changed), from its physical start. */
  private restartLine(prefix: number): number {
    let restart = Math.max(0, lineAt(this.lines, prefix) - 1);
    while (restart > 0 && this.lines[restart]!.line === this.lines[restart - 1]!.line) restart--;
    return restart;
  }

  run(firstWindow: number): ParseResult {
    const first = this.lines[this.restart]!;
    let reader: ConfigReader;
    for (let size = firstWindow; ; size *= 2) {
      const window = this.window(first.start, size);
      const current = this.readerAtRestart(window.text);
      current.read({ offset: first.start, line: first.line, base: first.start, proceed: (line, start) => !this.meets(current, line, start) });
      reader = current;
      // A reading that ran to the end of a part of the text has not met the earlier one yet (after a top-level
      // `exit` it never does: the rest is read as what FRR skips): read a larger part.
      if (window.whole || this.junction) break;
      this.reopenBlocks();
    }
    const removed = this.spliceIn(reader);
    const result = parseResult(this.source, this.lines, this.blocks, this.previous.findings, {
      store: this.state.store,
      stacks: this.stacks,
      stopped: reader.stopped,
      frrVersion: this.state.frrVersion,
    });
    deltas.set(result, { at: this.restart, removed, added: reader.lines });
    return result;
  }

  /**
   * The text from `from` on that a reading gets: about `size` characters ending after a line feed
   * (an edit is mostly read again in a few lines, and a chunked text is not made whole for them),
   * and whether that is the rest of the text.
   */
  private window(from: number, size: number): { text: string; whole: boolean } {
    const source = this.source;
    for (;; size *= 2) {
      if (from + size >= source.length) return { text: source.slice(from, source.length), whole: true };
      const part = source.slice(from, from + size);
      const feed = part.lastIndexOf('\n');
      if (feed >= 0) return { text: part.slice(0, feed + 1), whole: false };
    }
  }

  /** Undoes what `readerAtRestart` did to the blocks open at the restart line, for another reading. */
  private reopenBlocks(): void {
    this.openBlocks.forEach((block, i) => (this.blocks[block]!.last = this.openLasts[i]!));
    this.openBlocks.length = 0;
    this.openLasts.length = 0;
  }

  /** A reader of `text` (which starts at the restart line) in the state FRR was in there, reading into arrays of its own. */
  private readerAtRestart(text: string): ConfigReader {
    const restart = this.restart;
    const top = this.stacks[restart]!;
    // Blocks still open keep growing: their end goes back to the last line read, and the re-read extends it again.
    let lastRead = restart - 1;
    while (lastRead >= 0 && (this.lines[lastRead]!.kind === 'blank' || this.lines[lastRead]!.kind === 'comment')) lastRead--;
    for (let frame: Frame | undefined = top; frame && frame.block >= 0; frame = frame.parent) {
      const block = this.blocks[frame.block]!;
      this.openBlocks.push(frame.block);
      this.openLasts.push(block.last);
      block.last = lastRead;
    }
    return new ConfigReader(text, this.state.frrVersion, {
      line: restart,
      earlierBlocks: this.blocks,
      block: this.blocksBefore,
      lexed: new TokenStore(64),
      store: this.state.store,
      word: this.lines[restart]!.first,
      top,
    });
  }

  /** Whether the reader, about to read the physical line at `start`, is where the earlier reading was at the same text. */
  private meets(reader: ConfigReader, line: number, start: number): boolean {
    if (reader.stopped || start < this.unchangedFrom) return false;
    const oldStart = start - this.shift;
    const index = lineAt(this.lines, oldStart);
    const old = this.lines[index]!;
    if (old.start !== oldStart || (index > 0 && this.lines[index - 1]!.line === old.line)) return false;
    if (!sameStack(reader.top, this.stacks[index]!)) return false;
    this.junction = { line: index, physicalShift: line - old.line };
    return true;
  }

  /**
   * Puts what the reader read in place of the earlier lines from the restart line to the junction
   * (to the end, without one), and moves what follows. Returns the earlier lines dropped.
   */
  private spliceIn(reader: ConfigReader): ParsedLine[] {
    const { lines, stacks, blocks, restart, junction } = this;
    const findings = this.previous.findings;
    const store = this.state.store;
    // Everything about the earlier reading is read before anything moves.
    const to = junction ? junction.line : lines.length;
    const restartWord = lines[restart]!.first;
    const tailWord = junction ? lines[to]!.first : store.count;
    const tailBlock = blocksBefore(blocks, to);
    const findingsFrom = findingAt(findings, lines[restart]!.start);
    const findingsTo = junction ? findingAt(findings, lines[to]!.start) : findings.length;
    const lineShift = restart + reader.lines.length - to;
    const renumbering = new Renumbering(tailBlock, this.blocksBefore + reader.blocks.length - tailBlock);
    if (junction) this.matchJunction(reader, junction.line, lineShift, renumbering);

    const removed = spliceArray(lines, restart, to - restart, reader.lines);
    spliceArray(stacks, restart, to - restart, reader.stacks);
    spliceArray(blocks, this.blocksBefore, tailBlock - this.blocksBefore, reader.blocks);
    spliceArray(findings, findingsFrom, findingsTo - findingsFrom, reader.findings);
    store.splice(restartWord, tailWord - restartWord, reader.store, this.shift);
    if (junction) {
      this.moveTailLines(restart + reader.lines.length, junction.physicalShift, restartWord + reader.store.count - tailWord, renumbering);
      this.moveTailBlocks(this.blocksBefore + reader.blocks.length, lineShift, renumbering);
      this.moveTailFindings(findingsFrom + reader.findings.length);
    }
    return removed;
  }

  /**
   * Pairs the stacks at the junction, frame by frame from the innermost: frames the re-read opened
   * replace the earlier ones (and may number their blocks differently), and a block open there ends
   * where it ended before, moved, when that was after the junction.
   */
  private matchJunction(reader: ConfigReader, junction: number, lineShift: number, renumbering: Renumbering): void {
    let earlier: Frame | undefined = this.stacks[junction];
    for (let now: Frame | undefined = reader.top; earlier && now && now.block >= 0; earlier = earlier.parent, now = now.parent) {
      if (earlier !== now) {
        this.replaced.push(earlier);
        this.replacing.push(now);
        if (earlier.block !== now.block) {
          renumbering.earlier.push(earlier.block);
          renumbering.now.push(now.block);
        }
      }
      const open = this.openBlocks.indexOf(earlier.block);
      const last = open >= 0 ? this.openLasts[open]! : this.blocks[earlier.block]!.last;
      if (last >= junction) reader.block(now.block).last = last + lineShift;
    }
  }

  /** The lines kept after the junction, from `from` on, their numbers moved; the stacks before them point to the frames now open. */
  private moveTailLines(from: number, physicalShift: number, wordShift: number, renumbering: Renumbering): void {
    const { lines, stacks, shift, replaced, replacing } = this;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      line.index = i;
      line.line += physicalShift;
      line.start += shift;
      line.end += shift;
      line.first += wordShift;
    }
    if (renumbering.changes) for (let i = from; i < lines.length; i++) lines[i]!.block = renumbering.block(lines[i]!.block);
    if (replaced.length > 0) {
      for (let i = from; i < stacks.length; i++) {
        const at = replaced.indexOf(stacks[i]!);
        if (at >= 0) stacks[i] = replacing[at]!;
      }
    }
  }

  /**
   * The blocks opened after the junction, from `from` on, and their frames (each block's frame is
   * the stack after its header line), renumbered in place: they are shared by many lines' stacks.
   */
  private moveTailBlocks(from: number, lineShift: number, renumbering: Renumbering): void {
    const { blocks, stacks, replaced, replacing } = this;
    if (lineShift === 0 && !renumbering.changes && replaced.length === 0) return;
    for (let b = from; b < blocks.length; b++) {
      const block = blocks[b]!;
      block.header += lineShift;
      block.last += lineShift;
      block.parent = renumbering.block(block.parent);
      const frame = stacks[block.header + 1];
      if (frame === undefined) continue;
      frame.block = b;
      const at = replaced.indexOf(frame.parent!);
      if (at >= 0) frame.parent = replacing[at];
    }
  }

  /** The parser's findings after the junction, from `from` on, moved with their lines. */
  private moveTailFindings(from: number): void {
    const { shift } = this;
    if (shift === 0) return;
    const findings = this.previous.findings;
    for (let i = from; i < findings.length; i++) {
      const range = findings[i]!.range;
      range.start += shift;
      range.end += shift;
    }
  }
}

/** Number of blocks opened before line `line` (blocks are numbered in the order they open). */
function blocksBefore(blocks: readonly Block[], line: number): number {
  return partitionPoint(0, blocks.length, (b) => blocks[b]!.header < line);
}

/** Whether both stacks are the same contexts with the same indentation (the blocks may be numbered differently). */
function sameStack(current: Frame, earlier: Frame): boolean {
  let a: Frame | undefined = current;
  let b: Frame | undefined = earlier;
  while (a && b) {
    if (a === b) return true;
    if (a.node !== b.node || a.indent !== b.indent || a.opaque !== b.opaque) return false;
    a = a.parent;
    b = b.parent;
  }
  return a === b;
}
