/** What every plain-FRR rule receives, and the helpers they share. */
import type { FrrModel } from '../../frr/model';
import type { ParseResult } from '../../frr/syntax';
import type { Finding, FrrVersion, OffsetRange, TextEdit } from '../../types';
import { detachedSlice } from '../../sourceText';

export interface FrrRuleOptions {
  frrVersion?: FrrVersion;
}

export interface FrrRuleContext {
  parse: ParseResult;
  model: FrrModel;
  options: FrrRuleOptions;
  /**
   * How a message names line `index`; by default its number. A live check keeps findings across
   * edits that renumber lines, so it names the line by a placeholder it resolves when read.
   */
  lineLabel?: (index: number) => string;
}

export type FrrRule = (ctx: FrrRuleContext) => Finding[];

/** 1-based line number as FRR's own messages print it. */
export function lineNumber(ctx: FrrRuleContext, index: number): string {
  return ctx.lineLabel ? ctx.lineLabel(index) : String((ctx.parse.lines[index]?.line ?? index) + 1);
}

const CR = 13;
const LF = 10;

/** An edit deleting a whole line, its end-of-line included. */
export function deleteLine(ctx: FrrRuleContext, index: number): TextEdit {
  const line = ctx.parse.lines[index];
  const source = ctx.parse.source;
  let end = line.range.end;
  if (source.charCodeAt(end) === CR) end++;
  if (source.charCodeAt(end) === LF) end++;
  return { range: { start: line.range.start, end }, newText: '' };
}

export function lineText(ctx: FrrRuleContext, index: number): string {
  const range: OffsetRange | undefined = ctx.parse.lines[index]?.range;
  if (!range) return '';
  // Messages outlive the text in a live check: the line's text is copied, never a view into the document.
  const text = ctx.parse.source.slice(range.start, range.end);
  return detachedSlice(text, 0, text.length).trim();
}
