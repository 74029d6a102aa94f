/**
 * Compiles an FRR DEFUN command string into a graph of token positions, the shape FRR's own
 * command graph has (lib/command_graph.c): each position consumes one input word and lists the
 * positions that may follow it; `final` marks positions after which the command may end.
 *
 * Built as a Glushkov automaton: no empty (fork/join) nodes, so the matcher never follows
 * epsilon edges. `{a|b}` becomes a loop over its options, and the matcher enforces FRR's rule that
 * a position appears at most once in a path (except `WORD...` varargs), which is exactly how FRR
 * makes `{…}` mean "any non-empty subset, in any order".
 */

export type PositionKind =
  | 'keyword'
  | 'variable'
  | 'range'
  | 'ipv4'
  | 'ipv4-prefix'
  | 'ipv6'
  | 'ipv6-prefix'
  | 'mac'
  | 'mac-prefix'
  | 'asnum';

export interface Position {
  kind: PositionKind;
  /** The spec's text for the token (`permit`, `(1-65535)`, `A.B.C.D/M`, `WORD`): keyword value and hints. */
  text: string;
  min: number;
  max: number;
  /** `$name` binding (own, or inherited from the innermost bound group). */
  bind: string | undefined;
  /** `WORD...`: may take any number of further words. */
  repeat: boolean;
  /** The leading `no` of a negated form. */
  negation: boolean;
  next: Position[];
  final: boolean;
}

export class SpecError extends Error {}

type Ast =
  | { t: 'pos'; pos: Position }
  | { t: 'seq'; items: Ast[] }
  | { t: 'alt'; options: Ast[]; optional: boolean; set: boolean; negOnly: boolean };

interface Fragment {
  first: Position[];
  last: Position[];
  nullable: boolean;
}

/**
 * The positions a command may start with. `negatable` adds FRR's `[no]` prefix; a spec that already
 * starts with the keyword `no` is a no-form of its own and gets no second one. `![x]` (optional
 * only in the no form) is required in the positive form.
 */
export function compileSpec(spec: string, negatable = false): Position[] {
  const literalNo = /^\s*no(\s|$)/.test(spec);
  const positive = build(parseSpec(spec), false);
  if (literalNo) {
    positive.first[0]!.negation = true;
  }
  if (!negatable || literalNo) return positive.first;
  const negatedBody = /!\[/.test(spec) ? build(parseSpec(spec), true) : positive;
  const no = makePosition('no');
  no.negation = true;
  no.next = negatedBody.first.slice();
  return [no, ...positive.first];
}

function build(ast: Ast, negated: boolean): Fragment {
  const fragment = glushkov(ast, negated);
  for (const p of fragment.last) p.final = true;
  if (fragment.nullable || fragment.first.length === 0) throw new SpecError('a command must take at least one word');
  return fragment;
}

function glushkov(ast: Ast, negated: boolean): Fragment {
  if (ast.t === 'pos') return { first: [ast.pos], last: [ast.pos], nullable: false };
  if (ast.t === 'seq') {
    let acc: Fragment = { first: [], last: [], nullable: true };
    for (const item of ast.items) {
      const f = glushkov(item, negated);
      for (const p of acc.last) addAll(p.next, f.first);
      acc = {
        first: acc.nullable ? union(acc.first, f.first) : acc.first,
        last: f.nullable ? union(f.last, acc.last) : f.last,
        nullable: acc.nullable && f.nullable,
      };
    }
    return acc;
  }
  let first: Position[] = [];
  let last: Position[] = [];
  let nullable = ast.optional && (!ast.negOnly || negated);
  for (const option of ast.options) {
    const f = glushkov(option, negated);
    first = union(first, f.first);
    last = union(last, f.last);
    nullable ||= f.nullable;
  }
  if (ast.set) for (const p of last) addAll(p.next, first);
  return { first, last, nullable };
}

function union(a: Position[], b: Position[]): Position[] {
  const out = a.slice();
  addAll(out, b);
  return out;
}

function addAll(target: Position[], items: Position[]): void {
  for (const p of items) if (!target.includes(p)) target.push(p);
}

// ---------------------------------------------------------------------------------------------
// Spec text → AST

const NAME_CHAR = /[A-Za-z0-9_]/;
const ATOM_END = /[\s<>[\]{}|$]/;

class SpecReader {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Ast {
    const seq = this.sequence();
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}'`);
    return seq;
  }

  private fail(message: string): never {
    throw new SpecError(`${message} at ${this.i} in spec: ${this.s}`);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private sequence(): Ast {
    const items: Ast[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.s[this.i];
      if (c === undefined || c === '|' || c === '>' || c === ']' || c === '}') break;
      items.push(this.element());
    }
    return { t: 'seq', items };
  }

  private element(): Ast {
    const c = this.s[this.i]!;
    if (c === '<' || c === '[' || c === '{' || (c === '!' && this.s[this.i + 1] === '[')) return this.group();
    return this.atom();
  }

  private group(): Ast {
    const negOnly = this.s[this.i] === '!';
    if (negOnly) this.i++;
    const open = this.s[this.i]!;
    const close = open === '<' ? '>' : open === '[' ? ']' : '}';
    this.i++;
    const options: Ast[] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    if (this.s[this.i] !== close) this.fail(`expected '${close}'`);
    this.i++;
    for (const option of options) if (option.t === 'seq' && option.items.length === 0) this.fail('empty option');
    const group: Ast = { t: 'alt', options, optional: open === '[', set: open === '{', negOnly };
    const name = this.binding();
    if (name) bindUnnamed(group, name);
    return group;
  }

  private atom(): Ast {
    const start = this.i;
    while (this.i < this.s.length && !ATOM_END.test(this.s[this.i]!)) this.i++;
    let text = this.s.slice(start, this.i);
    if (text === '') this.fail('expected a token');
    let repeat = false;
    if (text.endsWith('...')) {
      repeat = true;
      text = text.slice(0, -3);
    }
    const pos = makePosition(text);
    pos.repeat = repeat;
    if (repeat) pos.next.push(pos);
    pos.bind = this.binding();
    return { t: 'pos', pos };
  }

  private binding(): string | undefined {
    if (this.s[this.i] !== '$') return undefined;
    const start = ++this.i;
    while (this.i < this.s.length && NAME_CHAR.test(this.s[this.i]!)) this.i++;
    if (this.i === start) this.fail('empty $name');
    return this.s.slice(start, this.i);
  }
}

function bindUnnamed(ast: Ast, name: string): void {
  if (ast.t === 'pos') {
    ast.pos.bind ??= name;
  } else if (ast.t === 'seq') {
    for (const item of ast.items) bindUnnamed(item, name);
  } else {
    for (const option of ast.options) bindUnnamed(option, name);
  }
}

function parseSpec(spec: string): Ast {
  return new SpecReader(spec).parse();
}

const TYPED: Record<string, PositionKind> = {
  'A.B.C.D': 'ipv4',
  'A.B.C.D/M': 'ipv4-prefix',
  'X:X::X:X': 'ipv6',
  'X:X::X:X/M': 'ipv6-prefix',
  'X:X:X:X:X:X': 'mac',
  'X:X:X:X:X:X/M': 'mac-prefix',
  ASNUM: 'asnum',
};

const RANGE = /^\((-?\d+)-(-?\d+)\)$/;
/** FRR's keywords are lowercase words; a few mix in capitals (`Null0`, `H_Encaps`, `local-AS`). */
const KEYWORD = /^[+-]?[A-Za-z0-9*][-+_a-zA-Z0-9*.:]*$/;
const VARIABLE = /^[A-Z][-_A-Z:0-9.]*$/;

function makePosition(text: string): Position {
  const pos: Position = {
    kind: 'keyword',
    text,
    min: 0,
    max: 0,
    bind: undefined,
    repeat: false,
    negation: false,
    next: [],
    final: false,
  };
  const typed = TYPED[text];
  const range = RANGE.exec(text);
  if (typed) {
    pos.kind = typed;
  } else if (range) {
    pos.kind = 'range';
    pos.min = Number(range[1]);
    pos.max = Number(range[2]);
    if (pos.min > pos.max) throw new SpecError(`empty range ${text}`);
  } else if (VARIABLE.test(text)) {
    pos.kind = 'variable';
  } else if (!KEYWORD.test(text)) {
    throw new SpecError(`not a token: ${text}`);
  }
  return pos;
}

/** Short human form of what a position accepts, for "expected …" hints. */
export function describePosition(pos: Position): string {
  return pos.repeat ? `${pos.text}...` : pos.text;
}
