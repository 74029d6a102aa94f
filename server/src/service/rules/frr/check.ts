/**
 * The FRR entry point the CLI and the LSP server call: parse, build the model, run every
 * plain-FRR rule. Findings (the parser's included) come back ordered by offset.
 */
import type { FrrModel } from '../../frr/model';
import { buildModel } from '../../frr/model';
import { parseFrr } from '../../frr/parser';
import { reparseFrr } from '../../frr/reparse';
import type { ParseResult } from '../../frr/syntax';
import type { Finding, FrrVersion } from '../../types';
import { runFrrRules } from './index';

export interface FrrCheckResult {
  parse: ParseResult;
  model: FrrModel;
  findings: Finding[];
}

export interface FrrCheckOptions {
  frrVersion?: FrrVersion;
  /** The parse of an earlier version of the text: only what the edit changed is read again. */
  previous?: ParseResult;
}

export function checkFrrText(text: string, options: FrrCheckOptions = {}): FrrCheckResult {
  const parse = options.previous ? reparseFrr(options.previous, text, { frrVersion: options.frrVersion }) : parseFrr(text, { frrVersion: options.frrVersion });
  const model = buildModel(parse);
  const findings = [...parse.findings, ...runFrrRules({ parse, model, options })];
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  return { parse, model, findings };
}
