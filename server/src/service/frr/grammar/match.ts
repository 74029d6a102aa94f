/**
 * Matches one line's words against the commands of one node, as FRR's lib/command_match.c does:
 * a keyword matches itself exactly or any prefix partly (abbreviation); typed tokens must match
 * exactly; among complete matches the better one wins token by token (typed tokens and ranges
 * beat keywords, keywords beat VARIABLE, an exact keyword beats an abbreviation); two equally good
 * matches of different commands are ambiguous. All words matched but the command not finished is
 * "incomplete".
 */
import type { FrrVersion } from '../../types';
import { lowerBound } from '../bisect';
import type { CommandDef } from '../commands/types';
import type { Arg, CommandMatch, NodeId, Token } from '../syntax';
import type { TokenStore } from '../lexer';
import { keywordRegistryVersion, keywordShape, mayBeTyped, PLAIN_SHAPE, registerKeyword, typedShape } from './shapes';
import { compileSpec, describePosition, type Position, type PositionKind } from './spec';
import * as tokenTypes from './tokens';
import type { MatchLevel } from './tokens';

// Plain local bindings: these run for every word of every candidate command, and module
// namespace getters (as some loaders emit them) would dominate the cost.
const { EXACT, NO_MATCH, PARTLY, inRange, isAsnum, isIpv4, isIpv4Prefix, isIpv6, isIpv6Prefix, isMac, isMacPrefix } = {
  ...tokenTypes,
};

export interface CompiledCommand {
  def: CommandDef;
  entry: Position[];
  /** Versions the def exists in; undefined means every version. */
  versions: readonly string[] | undefined;
  /** Dedupe stamp while gathering candidates. */
  stamp: number;
  /** Keywords every complete match passes through (besides its first word): a cheap pre-filter. */
  mandatory: string[];
}

export type MatchStatus = 'full' | 'incomplete' | 'ambiguous' | 'none';

/** What matching a line of one shape in one node comes to, before its words are bound. */
interface Outcome {
  status: MatchStatus;
  failedAt: number;
  /** For full matches: the command and the positions its words took. */
  binding?: CommandBinding;
  label?: string;
  /** For full matches: the result every line of the shape shares (nothing fills a full match's `expected`). */
  full?: MatchResult;
}

/**
 * One node's outcomes by line shape: a trie over the shape ids of a line's words, so that looking a
 * line up builds no key (a joined string per line was most of what reading a line allocated).
 */
class ShapeTrie {
  outcome: Outcome | undefined;
  next: Map<number, ShapeTrie> | undefined;

  child(shape: number): ShapeTrie {
    let next = this.next?.get(shape);
    if (!next) {
      next = new ShapeTrie();
      (this.next ??= new Map()).set(shape, next);
    }
    return next;
  }
}

interface ShapeMemo {
  root: ShapeTrie;
  size: number;
}

/**
 * A full match of one line shape: the command and the position each word took. Every line of the
 * shape shares it, and binds its own words only when its command is read.
 */
export class CommandBinding {
  constructor(
    readonly def: CommandDef,
    private readonly path: readonly Position[],
  ) {}

  /**
   * The command's named arguments for the line whose words start at `first` in `store` (a line of
   * this binding's shape). Only the words an argument takes become objects.
   */
  bind(store: TokenStore, first: number): CommandMatch {
    const path = this.path;
    const args: Record<string, Arg> = {};
    for (let i = 0; i < path.length; i++) {
      const pos = path[i]!;
      if (pos.bind === undefined) continue;
      const word = store.word(first + i);
      const value = pos.kind === 'keyword' ? pos.text : word.text;
      const arg = args[pos.bind];
      if (arg) args[pos.bind] = new BoundArg(`${arg.value} ${value}`, [...arg.tokens, word]);
      else args[pos.bind] = value === word.text ? word : new BoundArg(value, [word]);
    }
    return { id: this.def.id, negated: path.length > 0 && path[0]!.negation, args };
  }
}

/** Beyond this many distinct shapes per node (or words), a memo starts over rather than grow. */
const MEMO_LIMIT = 50_000;

export interface MatchResult {
  status: MatchStatus;
  def?: CommandDef;
  binding?: CommandBinding;
  /** Index of the word the line failed at (no match, ambiguous), or the word count (incomplete). */
  failedAt: number;
  /** What the grammar accepts at `failedAt`; filled by `Matcher.explain`. */
  expected: string[];
  /** For full matches: the command's leading keywords, unabbreviated (`router ospf`). */
  label?: string;
}

export function matchLevel(pos: Position, word: string): MatchLevel {
  switch (pos.kind) {
    case 'keyword':
      if (word === pos.text) return EXACT;
      return word.length < pos.text.length && pos.text.startsWith(word) ? PARTLY : NO_MATCH;
    case 'variable':
      return EXACT;
    case 'range':
      return inRange(word, pos.min, pos.max) ? EXACT : NO_MATCH;
    case 'ipv4':
      return isIpv4(word) ? EXACT : NO_MATCH;
    case 'ipv4-prefix':
      return isIpv4Prefix(word) ? EXACT : NO_MATCH;
    case 'ipv6':
      return isIpv6(word) ? EXACT : NO_MATCH;
    case 'ipv6-prefix':
      return isIpv6Prefix(word) ? EXACT : NO_MATCH;
    case 'mac':
      return isMac(word) ? EXACT : NO_MATCH;
    case 'mac-prefix':
      return isMacPrefix(word) ? EXACT : NO_MATCH;
    case 'asnum':
      return isAsnum(word) ? EXACT : NO_MATCH;
  }
}

/** lib/command_match.c `score_precedence`: lower wins when two matches differ in token type. */
function precedence(kind: PositionKind): number {
  if (kind === 'keyword') return 3;
  if (kind === 'variable') return 4;
  return 2;
}

function minimumLevel(pos: Position): MatchLevel {
  return pos.kind === 'keyword' ? PARTLY : EXACT;
}

/** Commands filed under keywords, looked up by a word that may abbreviate them. */
class KeywordIndex {
  private readonly keywords: string[] = [];
  private readonly lists: CompiledCommand[][] = [];

  constructor(index: Map<string, CompiledCommand[]>) {
    for (const keyword of [...index.keys()].sort()) {
      this.keywords.push(keyword);
      this.lists.push(index.get(keyword)!);
    }
  }

  /** Appends to `out`, once per stamp, every command filed under a keyword `word` abbreviates. */
  collect(word: string, stamp: number, out: CompiledCommand[]): void {
    const keywords = this.keywords;
    for (let k = lowerBound(keywords, word); k < keywords.length && keywords[k]!.startsWith(word); k++) {
      for (const command of this.lists[k]!) {
        if (command.stamp === stamp) continue;
        command.stamp = stamp;
        out.push(command);
      }
    }
  }

  all(): readonly string[] {
    return this.keywords;
  }
}

function fileUnder(index: Map<string, CompiledCommand[]>, keyword: string, command: CompiledCommand): void {
  const list = index.get(keyword);
  if (!list) index.set(keyword, [command]);
  else if (!list.includes(command)) list.push(command);
}

/**
 * The commands of one node, indexed by the keywords they can start with and, to keep the many
 * `neighbor …` commands of a node from all being walked, by one keyword they cannot do without.
 */
export class NodeCommands {
  private readonly first: KeywordIndex;
  /** Every command by first keyword: the complete candidate set, for error reporting. */
  private readonly anchored: KeywordIndex;
  /** Commands whose first word is not a keyword. */
  private readonly unindexed: CompiledCommand[] = [];
  /** Commands without a mandatory keyword after the first word, by first keyword. */
  private readonly unanchored: KeywordIndex;

  /** The node's commands, in command-table order. */
  constructor(readonly commands: readonly CompiledCommand[]) {
    const first = new Map<string, CompiledCommand[]>();
    const anchored = new Map<string, CompiledCommand[]>();
    const unanchored = new Map<string, CompiledCommand[]>();
    for (const command of commands) {
      for (const pos of command.entry) {
        if (pos.kind !== 'keyword') {
          if (!this.unindexed.includes(command)) this.unindexed.push(command);
          continue;
        }
        fileUnder(first, pos.text, command);
        if (command.mandatory.length === 0) fileUnder(unanchored, pos.text, command);
      }
      if (command.mandatory.length > 0) fileUnder(anchored, command.mandatory[0]!, command);
    }
    this.first = new KeywordIndex(first);
    this.anchored = new KeywordIndex(anchored);
    this.unanchored = new KeywordIndex(unanchored);
  }

  /**
   * Appends to `out` each command that may match `words`, once. With `prefilter`, commands whose
   * anchor keyword no later word abbreviates are left out; the caller still checks the first word
   * and the other mandatory keywords.
   */
  candidates(words: readonly string[], stamp: number, out: CompiledCommand[], prefilter: boolean): void {
    if (prefilter) {
      this.unanchored.collect(words[0]!, stamp, out);
      for (let i = 1; i < words.length; i++) this.anchored.collect(words[i]!, stamp, out);
    } else {
      this.first.collect(words[0]!, stamp, out);
    }
    for (const command of this.unindexed) {
      if (command.stamp === stamp) continue;
      command.stamp = stamp;
      out.push(command);
    }
  }

  /** Every first keyword, for hints on an unknown first word. */
  firstKeywords(): readonly string[] {
    return this.first.all();
  }
}

/** Every position reachable from `entry`. */
function reachable(entry: readonly Position[]): Set<Position> {
  const seen = new Set<Position>();
  const stack = [...entry];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    stack.push(...p.next);
  }
  return seen;
}

/** Compiled once per command, however many nodes share it; its keywords are registered so that word shapes see them. */
function compileCommand(def: CommandDef): CompiledCommand {
  const entry = compileSpec(def.spec, def.negatable ?? false);
  const positions = reachable(entry);
  for (const p of positions) if (p.kind === 'keyword') registerKeyword(p.text);
  return { def, entry, versions: def.versions, stamp: 0, mandatory: mandatoryKeywords(entry, positions) };
}

/** Keyword positions (other than entry positions) that no complete path can avoid. */
function mandatoryKeywords(entry: Position[], positions: ReadonlySet<Position>): string[] {
  const out: string[] = [];
  for (const candidate of positions) {
    if (candidate.kind !== 'keyword' || entry.includes(candidate)) continue;
    if (!finalReachableWithout(entry, candidate)) out.push(candidate.text);
  }
  return out;
}

function finalReachableWithout(entry: Position[], banned: Position): boolean {
  const seen = new Set<Position>([banned]);
  const stack = entry.filter((p) => p !== banned);
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    if (p.final) return true;
    stack.push(...p.next);
  }
  return false;
}

let stampCounter = 0;

const KIND_INDEX: Record<PositionKind, number> = {
  keyword: 0,
  variable: 1,
  range: 2,
  ipv4: 3,
  'ipv4-prefix': 4,
  ipv6: 5,
  'ipv6-prefix': 6,
  mac: 7,
  'mac-prefix': 8,
  asnum: 9,
};
const KIND_COUNT = 10;

/**
 * One match attempt. Kept as an object with reusable arrays so the recursive walk allocates
 * nothing per word.
 */
export class Matcher {
  private words: readonly string[] = [];
  private command: CompiledCommand | undefined;
  private readonly path: Position[] = [];
  /** The best complete path so far: its first `bestLength` entries (a reused buffer). */
  private readonly best: Position[] = [];
  private bestLength = 0;
  private bestCommand: CompiledCommand | undefined;
  private ambiguous = false;
  /** The word where the tie between the best and an equal match starts. */
  private ambiguousAt = 0;
  private incomplete: CompiledCommand | undefined;
  private readonly incompletePath: Position[] = [];
  private incompleteLength = 0;
  private incompleteLenient = false;
  private deepest = 0;
  private collect = false;
  /** Explaining an incomplete line: list what may follow it, not where other paths failed. */
  private explainIncomplete = false;
  private expected = new Set<string>();
  private readonly candidateList: CompiledCommand[] = [];
  /** Per word and token kind: 0 unknown, else level + 1. Typed checks repeat across candidates. */
  private levelCache = new Uint8Array(64 * KIND_COUNT);
  /** Outcomes by node and line shape: configurations repeat a handful of shapes many times. */
  private readonly outcomes = new Map<NodeCommands, ShapeMemo>();
  /** Ids of word shapes: one small number per distinct shape. */
  private readonly shapeIds = new Map<string, number>();
  /** Shape ids of words (keywords, addresses, names repeat across lines), for `shapesVersion` of the keyword registry. */
  private readonly wordShapes = new Map<string, number>();
  private shapesVersion = -1;

  constructor(private readonly version: FrrVersion = 'any') {}

  match(node: NodeCommands, words: readonly string[]): MatchResult {
    const outcome = this.outcome(node, words);
    if (outcome.status === 'full') {
      const binding = outcome.binding!;
      return (outcome.full ??= { status: 'full', def: binding.def, binding, failedAt: -1, expected: [], label: outcome.label });
    }
    return { status: outcome.status, failedAt: outcome.failedAt, expected: [] };
  }

  /** The outcome for `words` in `node`, walked once per shape. */
  private outcome(node: NodeCommands, words: readonly string[]): Outcome {
    if (words.length === 0) return this.walkOutcome(node, words);
    if (this.shapesVersion !== keywordRegistryVersion() || this.wordShapes.size >= MEMO_LIMIT) {
      this.wordShapes.clear();
      this.shapesVersion = keywordRegistryVersion();
    }
    let memo = this.outcomes.get(node);
    if (!memo || memo.size >= MEMO_LIMIT) {
      memo = { root: new ShapeTrie(), size: 0 };
      this.outcomes.set(node, memo);
    }
    let trie = memo.root;
    for (let i = 0; i < words.length; i++) trie = trie.child(this.wordShape(words[i]!));
    if (!trie.outcome) {
      trie.outcome = this.walkOutcome(node, words);
      memo.size++;
    }
    return trie.outcome;
  }

  private wordShape(word: string): number {
    let shape = this.wordShapes.get(word);
    if (shape === undefined) {
      const text = keywordShape(word) ?? (mayBeTyped(word) ? typedShape(word) : PLAIN_SHAPE);
      shape = this.shapeIds.get(text);
      if (shape === undefined) {
        shape = this.shapeIds.size;
        this.shapeIds.set(text, shape);
      }
      this.wordShapes.set(word, shape);
    }
    return shape;
  }

  private walkOutcome(node: NodeCommands, words: readonly string[]): Outcome {
    this.run(node, words, false, true);
    if (!this.bestCommand) this.run(node, words, false, false);
    if (this.bestCommand && !this.ambiguous) {
      return {
        status: 'full',
        failedAt: -1,
        binding: new CommandBinding(this.bestCommand.def, this.best.slice(0, this.bestLength)),
        label: this.bestCommand.def.enters ? leadingKeywords(this.best, this.bestLength) : undefined,
      };
    }
    if (this.bestCommand) {
      return { status: 'ambiguous', failedAt: this.ambiguousAt };
    }
    if (this.incomplete) {
      // FRR's `no` forms take their trailing arguments optionally almost everywhere; accepting a
      // truncated `no` line avoids false errors at the cost of missing a few real ones.
      if (this.incompleteLenient) {
        return {
          status: 'full',
          failedAt: -1,
          binding: new CommandBinding(this.incomplete.def, this.incompletePath.slice(0, this.incompleteLength)),
          label: leadingKeywords(this.incompletePath, this.incompleteLength),
        };
      }
      return { status: 'incomplete', failedAt: words.length };
    }
    return { status: 'none', failedAt: this.deepest };
  }

  /**
   * What the grammar accepts where `words` stop matching in `node`: a second, slower pass that only
   * lines reported as errors pay for.
   */
  explain(node: NodeCommands, words: readonly string[], status: MatchStatus): string[] {
    this.explainIncomplete = status === 'incomplete';
    this.run(node, words, true, false);
    return [...this.expected];
  }

  /**
   * `prefilter` skips commands whose mandatory keywords the line lacks; it can only hide
   * incomplete matches, so failures are re-run without it.
   */
  private run(node: NodeCommands, words: readonly string[], collect: boolean, prefilter: boolean): void {
    this.words = words;
    const cacheSize = words.length * KIND_COUNT;
    if (this.levelCache.length < cacheSize) this.levelCache = new Uint8Array(cacheSize);
    else this.levelCache.fill(0, 0, cacheSize);
    this.bestLength = 0;
    this.bestCommand = undefined;
    this.ambiguous = false;
    this.incomplete = undefined;
    this.incompleteLenient = false;
    this.deepest = 0;
    this.collect = collect;
    // Set#clear allocates a fresh table even when empty, and this runs for every line.
    if (this.expected.size > 0) this.expected.clear();
    if (words.length === 0) return;
    const stamp = ++stampCounter;
    const candidates = this.candidateList;
    candidates.length = 0;
    node.candidates(words, stamp, candidates, prefilter);
    for (const command of candidates) {
      if (!this.versionAllows(command)) continue;
      if (prefilter && !this.hasKeywords(command.mandatory)) continue;
      this.command = command;
      for (const pos of command.entry) this.walk(pos, 0);
    }
    if (collect && !this.explainIncomplete && this.deepest === 0 && this.expected.size === 0) {
      for (const keyword of node.firstKeywords()) this.expected.add(keyword);
    }
  }

  private hasKeywords(keywords: readonly string[]): boolean {
    for (const keyword of keywords) {
      let found = false;
      for (let i = 1; i < this.words.length && !found; i++) found = keyword.startsWith(this.words[i]!);
      if (!found) return false;
    }
    return true;
  }

  /** matchLevel, memoised per word for the typed kinds. */
  private level(pos: Position, n: number): MatchLevel {
    if (pos.kind === 'keyword' || pos.kind === 'variable' || pos.kind === 'range') return matchLevel(pos, this.words[n]!);
    const slot = n * KIND_COUNT + KIND_INDEX[pos.kind];
    const cached = this.levelCache[slot]!;
    if (cached !== 0) return (cached - 1) as MatchLevel;
    const level = matchLevel(pos, this.words[n]!);
    this.levelCache[slot] = level + 1;
    return level;
  }

  private versionAllows(command: CompiledCommand): boolean {
    return this.version === 'any' || command.versions === undefined || command.versions.includes(this.version);
  }

  private walk(pos: Position, n: number): void {
    if (this.level(pos, n) < minimumLevel(pos)) {
      if (n > this.deepest) {
        this.deepest = n;
        if (this.collect) this.expected.clear();
      }
      if (this.collect && !this.explainIncomplete && n === this.deepest) this.expected.add(describePosition(pos));
      return;
    }
    this.path[n] = pos;
    if (n + 1 === this.words.length) {
      if (pos.final) this.complete(n + 1);
      else {
        // A `no` line may leave out trailing arguments, never keywords: prefer such a path.
        const lenient = this.path[0]!.negation && pos.next.every((next) => next.kind !== 'keyword');
        if (!this.incomplete || (lenient && !this.incompleteLenient)) {
          this.incomplete = this.command;
          for (let i = 0; i <= n; i++) this.incompletePath[i] = this.path[i]!;
          this.incompleteLength = n + 1;
          this.incompleteLenient = lenient;
        }
        if (this.collect && this.explainIncomplete) for (const next of pos.next) this.expected.add(describePosition(next));
      }
      return;
    }
    if (n + 1 > this.deepest) {
      this.deepest = n + 1;
      if (this.collect) this.expected.clear();
    }
    for (const next of pos.next) {
      if (!next.repeat && this.onPath(next, n)) continue;
      this.walk(next, n + 1);
    }
  }

  private onPath(pos: Position, n: number): boolean {
    for (let i = 0; i <= n; i++) if (this.path[i] === pos) return true;
    return false;
  }

  private complete(length: number): void {
    const command = this.command!;
    if (!this.bestCommand) {
      this.take(command, length);
      return;
    }
    const verdict = this.compare(length);
    if (verdict > 0) {
      this.take(command, length);
      this.ambiguous = false;
    } else if (verdict === 0 && (this.bestCommand.def.id !== command.def.id || this.keywordsDiffer(length))) {
      // Variants of one command (per-version defs) tie on the same keywords and are one command to
      // the user; a tie between different keywords (`i` for ip/ipv6) is ambiguous in FRR.
      this.ambiguous = true;
      this.ambiguousAt = this.firstDifference(length);
    }
  }

  private take(command: CompiledCommand, length: number): void {
    this.bestCommand = command;
    for (let i = 0; i < length; i++) this.best[i] = this.path[i]!;
    this.bestLength = length;
  }

  /** lib/command_match.c `disambiguate`: > 0 when the current path beats the best one. */
  private compare(length: number): number {
    for (let i = 0; i < length; i++) {
      const a = this.path[i]!;
      const b = this.best[i]!;
      if (a.kind !== b.kind) {
        const d = precedence(b.kind) - precedence(a.kind);
        if (d !== 0) return d;
        continue;
      }
      const word = this.words[i]!;
      const d = matchLevel(a, word) - matchLevel(b, word);
      if (d !== 0) return d;
    }
    return 0;
  }

  private keywordsDiffer(length: number): boolean {
    for (let i = 0; i < length; i++) {
      const a = this.path[i]!;
      const b = this.best[i]!;
      if (a.kind === 'keyword' && b.kind === 'keyword' && a.text !== b.text) return true;
    }
    return false;
  }

  private firstDifference(length: number): number {
    for (let i = 0; i < length; i++) {
      if (this.path[i]!.text !== this.best[i]!.text) return i;
    }
    return 0;
  }
}

/** An argument that is not one word as written: an abbreviated keyword, or several words. */
class BoundArg implements Arg {
  constructor(
    public value: string,
    readonly tokens: Token[],
  ) {}
}

function leadingKeywords(path: readonly Position[], length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const pos = path[i]!;
    if (pos.negation) continue;
    if (pos.kind !== 'keyword') break;
    words.push(pos.text);
  }
  return words.join(' ');
}

/** Every def that applies to `node`, compiled and indexed. */
export function buildNodeTables(defs: readonly CommandDef[]): Map<NodeId, NodeCommands> {
  const perNode = new Map<NodeId, CompiledCommand[]>();
  for (const def of defs) {
    const compiled = compileCommand(def);
    for (const node of Array.isArray(def.node) ? def.node : [def.node]) {
      const list = perNode.get(node) ?? [];
      list.push(compiled);
      perNode.set(node, list);
    }
  }
  const tables = new Map<NodeId, NodeCommands>();
  for (const [node, list] of perNode) tables.set(node, new NodeCommands(list));
  return tables;
}
