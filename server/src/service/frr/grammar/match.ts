/**
 * Matches one line's words against the commands of one node, as FRR's lib/command_match.c does:
 * a keyword matches itself exactly or any prefix partly (abbreviation); typed tokens must match
 * exactly; among complete matches the better one wins token by token (typed tokens and ranges
 * beat keywords, keywords beat VARIABLE, an exact keyword beats an abbreviation); two equally good
 * matches of different commands are ambiguous. All words matched but the command not finished is
 * "incomplete".
 */
import type { FrrVersion } from '../../types';
import type { CommandDef } from '../commands/types';
import type { Arg, CommandMatch, NodeId, Token } from '../syntax';
import { compileSpec, describePosition, type Position, type PositionKind } from './spec';
import {
  EXACT,
  inRange,
  isAsnum,
  isIpv4,
  isIpv4Prefix,
  isIpv6,
  isIpv6Prefix,
  isMac,
  isMacPrefix,
  NO_MATCH,
  PARTLY,
  type MatchLevel,
} from './tokens';

export interface CompiledCommand {
  def: CommandDef;
  entry: Position[];
  /** Versions the def exists in; undefined means every version. */
  versions: readonly string[] | undefined;
  /** Dedupe stamp while gathering candidates. */
  stamp: number;
}

export type MatchStatus = 'full' | 'incomplete' | 'ambiguous' | 'none';

export interface MatchResult {
  status: MatchStatus;
  def?: CommandDef;
  command?: CommandMatch;
  /** Index of the word the line failed at (no match, ambiguous), or the word count (incomplete). */
  failedAt: number;
  /** What the grammar accepts at `failedAt` (filled for failures only). */
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

/** The commands of one node, indexed by the keywords they can start with. */
export class NodeCommands {
  /** Sorted first keywords, and per keyword the commands that can start with it. */
  private readonly keywords: string[] = [];
  private readonly byKeyword: CompiledCommand[][] = [];
  /** Commands whose first word is not a keyword. */
  private readonly unindexed: CompiledCommand[] = [];

  constructor(commands: readonly CompiledCommand[]) {
    const index = new Map<string, CompiledCommand[]>();
    for (const command of commands) {
      for (const pos of command.entry) {
        if (pos.kind !== 'keyword') {
          if (!this.unindexed.includes(command)) this.unindexed.push(command);
          continue;
        }
        const list = index.get(pos.text) ?? [];
        if (!list.includes(command)) list.push(command);
        index.set(pos.text, list);
      }
    }
    for (const keyword of [...index.keys()].sort()) {
      this.keywords.push(keyword);
      this.byKeyword.push(index.get(keyword)!);
    }
  }

  /** Calls `visit` once per command that may match a line starting with `word`. */
  candidates(word: string, stamp: number, visit: (command: CompiledCommand) => void): void {
    let lo = 0;
    let hi = this.keywords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keywords[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.keywords.length && this.keywords[k]!.startsWith(word); k++) {
      for (const command of this.byKeyword[k]!) {
        if (command.stamp === stamp) continue;
        command.stamp = stamp;
        visit(command);
      }
    }
    for (const command of this.unindexed) {
      if (command.stamp === stamp) continue;
      command.stamp = stamp;
      visit(command);
    }
  }

  /** Every first keyword, for hints on an unknown first word. */
  firstKeywords(): readonly string[] {
    return this.keywords;
  }
}

export function compileCommand(def: CommandDef): CompiledCommand {
  return { def, entry: compileSpec(def.spec, def.negatable ?? false), versions: def.versions, stamp: 0 };
}

let stampCounter = 0;

/**
 * One match attempt. Kept as an object with reusable arrays so the recursive walk allocates
 * nothing per word.
 */
export class Matcher {
  private words: Token[] = [];
  private command: CompiledCommand | undefined;
  private readonly path: Position[] = [];
  private best: Position[] = [];
  private bestCommand: CompiledCommand | undefined;
  private ambiguous = false;
  /** The word where the tie between the best and an equal match starts. */
  private ambiguousAt = 0;
  private incomplete: CompiledCommand | undefined;
  private incompletePath: Position[] = [];
  private deepest = 0;
  private collect = false;
  private expected = new Set<string>();

  constructor(private readonly version: FrrVersion = 'any') {}

  match(node: NodeCommands, words: Token[]): MatchResult {
    this.run(node, words, false);
    if (this.bestCommand && !this.ambiguous) {
      return {
        status: 'full',
        def: this.bestCommand.def,
        command: this.bind(this.bestCommand, this.best),
        failedAt: -1,
        expected: [],
        label: leadingKeywords(this.best),
      };
    }
    if (this.bestCommand) {
      return { status: 'ambiguous', failedAt: this.ambiguousAt, expected: [] };
    }
    if (this.incomplete) {
      // FRR's `no` forms take their trailing arguments optionally almost everywhere; accepting a
      // truncated `no` line avoids false errors at the cost of missing a few real ones.
      if (this.incompletePath[0]?.negation) {
        return {
          status: 'full',
          def: this.incomplete.def,
          command: this.bind(this.incomplete, this.incompletePath),
          failedAt: -1,
          expected: [],
          label: leadingKeywords(this.incompletePath),
        };
      }
      this.run(node, words, true);
      return { status: 'incomplete', failedAt: words.length, expected: [...this.expected] };
    }
    this.run(node, words, true);
    return { status: 'none', failedAt: this.deepest, expected: [...this.expected] };
  }

  private run(node: NodeCommands, words: Token[], collect: boolean): void {
    this.words = words;
    this.best = [];
    this.bestCommand = undefined;
    this.ambiguous = false;
    this.incomplete = undefined;
    this.deepest = 0;
    this.collect = collect;
    this.expected.clear();
    if (words.length === 0) return;
    const stamp = ++stampCounter;
    node.candidates(words[0]!.text, stamp, (command) => {
      if (!this.versionAllows(command)) return;
      this.command = command;
      for (const pos of command.entry) this.walk(pos, 0);
    });
    if (collect && this.deepest === 0 && this.expected.size === 0) {
      for (const keyword of node.firstKeywords()) this.expected.add(keyword);
    }
  }

  private versionAllows(command: CompiledCommand): boolean {
    return this.version === 'any' || command.versions === undefined || command.versions.includes(this.version);
  }

  private walk(pos: Position, n: number): void {
    const word = this.words[n]!.text;
    if (matchLevel(pos, word) < minimumLevel(pos)) {
      if (n > this.deepest) {
        this.deepest = n;
        if (this.collect) this.expected.clear();
      }
      if (this.collect && n === this.deepest) this.expected.add(describePosition(pos));
      return;
    }
    this.path[n] = pos;
    if (n + 1 === this.words.length) {
      if (pos.final) this.complete(n + 1);
      else {
        if (!this.incomplete) {
          this.incomplete = this.command;
          this.incompletePath = this.path.slice(0, n + 1);
        }
        if (this.collect) for (const next of pos.next) this.expected.add(describePosition(next));
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
    } else if (verdict === 0 && this.bestCommand.def.id !== command.def.id) {
      // Variants of one command (per-version defs, or a command's alternative paths) are one
      // command to the user; only different commands tie ambiguously.
      this.ambiguous = true;
      this.ambiguousAt = this.firstDifference(length);
    }
  }

  private take(command: CompiledCommand, length: number): void {
    this.bestCommand = command;
    this.best = this.path.slice(0, length);
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
      const word = this.words[i]!.text;
      const d = matchLevel(a, word) - matchLevel(b, word);
      if (d !== 0) return d;
    }
    return 0;
  }

  private firstDifference(length: number): number {
    for (let i = 0; i < length; i++) {
      if (this.path[i]!.text !== this.best[i]!.text) return i;
    }
    return 0;
  }

  private bind(command: CompiledCommand, path: Position[]): CommandMatch {
    const args: Record<string, Arg> = {};
    for (let i = 0; i < path.length; i++) {
      const pos = path[i]!;
      if (pos.bind === undefined) continue;
      const word = this.words[i]!;
      const value = pos.kind === 'keyword' ? pos.text : word.text;
      const arg = args[pos.bind];
      if (arg) {
        arg.value += ` ${value}`;
        arg.tokens.push(word);
      } else {
        args[pos.bind] = { value, tokens: [word] };
      }
    }
    return { id: command.def.id, negated: path[0]?.negation ?? false, args };
  }
}

function leadingKeywords(path: readonly Position[]): string {
  const words: string[] = [];
  for (const pos of path) {
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
