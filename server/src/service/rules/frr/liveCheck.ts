/**
 * The FRR check of one document kept across its edits (the language server's; the CLI checks a text
 * once with `checkFrrText`). An edit re-reads the lines it changed, rebuilds the model for the names
 * those lines touch, and runs the rules again for those names and lines only. Findings are kept
 * anchored to lines, their messages' line numbers too, so the findings of the rest of the document
 * stay true however the edit moved it. The findings equal `checkFrrText`'s for the same text.
 */
import { partitionPoint } from '../../frr/bisect';
import { fileUnder } from '../../grouping';
import { LiveModel } from '../../frr/liveModel';
import { LineRange } from '../../frr/model/anchor';
import { parseFrr } from '../../frr/parser';
import { reparseDeltaOf, reparseFrr } from '../../frr/reparse';
import type { ParsedLine, ParseResult } from '../../frr/syntax';
import type { Finding, FrrVersion, OffsetRange } from '../../types';
import type { FrrCheckResult } from './check';
import { communityFindings } from './communityValue';
import type { FrrRuleContext } from './context';
import { FRR_RULES, INSTANCE_RULE, NAME_RULES } from './index';
import { orderFindings, plainFinding } from './findingOrder';
import type { SourceText } from '../../sourceText';

/** A placeholder for "the number of line N", which no message otherwise contains. */
const LINE_MARK = /\uE000(\d+)\uE001/g;

/** A finding whose ranges and line numbers follow the lines they are on. */
class AnchoredFinding {
  private readonly parts: string[];
  private readonly cited: ParsedLine[];
  readonly range: LineRange;
  private readonly related: { range: LineRange; message: string; uri?: string }[] | undefined;
  private readonly fixes: { title: string; safe: boolean; edits: { range: LineRange; newText: string }[] }[] | undefined;

  constructor(
    private readonly finding: Finding,
    parse: ParseResult,
  ) {
    const anchor = (range: OffsetRange) => anchorRange(parse.lines, range);
    this.range = anchor(finding.range);
    this.related = finding.related?.map((related) => ({ ...related, range: anchor(related.range) }));
    this.fixes = finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: anchor(edit.range) })) }));
    this.parts = [];
    this.cited = [];
    let last = 0;
    for (const match of finding.message.matchAll(LINE_MARK)) {
      this.parts.push(finding.message.slice(last, match.index));
      this.cited.push(parse.lines[Number(match[1])]!);
      last = match.index + match[0].length;
    }
    this.parts.push(finding.message.slice(last));
  }

  /** The finding as it reads now. */
  read(): Finding {
    let message = this.parts[0]!;
    for (let i = 0; i < this.cited.length; i++) message += String(this.cited[i]!.line + 1) + this.parts[i + 1]!;
    return plainFinding({
      ...this.finding,
      range: this.range,
      message,
      related: this.related,
      fixes: this.fixes,
    });
  }
}

/** `range` anchored to the line it starts on. */
function anchorRange(lines: readonly ParsedLine[], range: OffsetRange): LineRange {
  const at = Math.max(0, partitionPoint(0, lines.length, (i) => lines[i]!.start <= range.start) - 1);
  return new LineRange(lines[at]!, range.start, range.end);
}

export class LiveFrrCheck {
  private parse: ParseResult;
  private readonly live: LiveModel;
  private readonly byName = new Map<string, AnchoredFinding[]>();
  private readonly byLine = new Map<ParsedLine, AnchoredFinding[]>();
  private instance: AnchoredFinding[] = [];
  private result: FrrCheckResult;

  constructor(
    text: SourceText,
    private readonly frrVersion: FrrVersion = 'any',
  ) {
    this.parse = parseFrr(text, { frrVersion });
    this.live = new LiveModel(this.parse);
    this.recheckAll();
    this.result = this.read();
  }

  get current(): FrrCheckResult {
    return this.result;
  }

  /** The check of `text`, an edit of the text checked last. The earlier results are spent. */
  update(text: SourceText): FrrCheckResult {
    const parse = reparseFrr(this.parse, text, { frrVersion: this.frrVersion });
    if (parse === this.parse) return this.result;
    const delta = reparseDeltaOf(parse);
    this.parse = parse;
    const { names } = this.live.update(parse, delta);
    if (!names || !delta) this.recheckAll();
    else {
      for (const name of names) this.checkName(name);
      for (const line of delta.removed) this.byLine.delete(line);
      for (const line of delta.added) this.checkLine(line);
    }
    this.result = this.read();
    return this.result;
  }

  private context(): FrrRuleContext {
    return { parse: this.parse, model: this.live.model, options: { frrVersion: this.frrVersion }, lineLabel: (index) => `\uE000${index}\uE001` };
  }

  /**
   * Every finding again. The name rules run once over the whole model, and each finding is filed
   * under the name its line touched: a finding comes from one name's records, which sit on lines
   * that touched that name. Names on lines that touched several are checked one by one (and all of
   * them, should a finding ever sit on a line that touched none).
   */
  private recheckAll(): void {
    this.byName.clear();
    this.byLine.clear();
    const single = new Map<string, AnchoredFinding[]>();
    const several = new Set<string>();
    for (const finding of this.anchored(NAME_RULES.flatMap((rule) => rule(this.context())))) {
      const names = this.live.namesOf(finding.range.at);
      if (names.length === 1) fileUnder(single, names[0]!, finding);
      else for (const name of names.length > 0 ? names : this.live.names()) several.add(name);
    }
    for (const [name, findings] of single) if (!several.has(name)) this.byName.set(name, findings);
    for (const name of several) this.checkName(name);
    for (const line of this.parse.lines) this.checkLine(line);
    this.instance = this.anchored(FRR_RULES[INSTANCE_RULE]!(this.context()));
  }

  private checkName(name: string): void {
    const ctx = { ...this.context(), model: this.live.slice(name) };
    const findings = this.anchored(NAME_RULES.flatMap((rule) => rule(ctx)));
    if (findings.length > 0) this.byName.set(name, findings);
    else this.byName.delete(name);
  }

  private checkLine(line: ParsedLine): void {
    const findings = this.anchored(communityFindings(line));
    if (findings.length > 0) this.byLine.set(line, findings);
    else this.byLine.delete(line);
  }

  private anchored(findings: readonly Finding[]): AnchoredFinding[] {
    return findings.map((finding) => new AnchoredFinding(finding, this.parse));
  }

  private read(): FrrCheckResult {
    // Copies: a re-read moves the parser's findings in place, and these must keep saying this version.
    const findings: Finding[] = this.parse.findings.map(plainFinding);
    for (const list of [this.instance, ...this.byName.values(), ...this.byLine.values()]) {
      for (const finding of list) findings.push(finding.read());
    }
    return { parse: this.parse, model: this.live.model, findings: orderFindings(findings) };
  }
}
