/**
 * The FRR entry point the CLI and the LSP server call: parse, build the model, run every
 * plain-FRR rule. Findings (the parser's included) come back ordered by offset.
 */
import type { FrrModel } from '../../frr/model';
import { buildModel } from '../../frr/model';
import { parseFrr } from '../../frr/parser';
import type { ParseResult } from '../../frr/syntax';
import type { Finding, FrrVersion } from '../../types';
import { runFrrRules } from './index';

export interface FrrCheckResult {
  parse: ParseResult;
  model: FrrModel;
  findings: Finding[];
}

export function checkFrrText(text: string, options: { frrVersion?: FrrVersion } = {}): FrrCheckResult {
  const parse = parseFrr(text, { frrVersion: options.frrVersion });
  const model = buildModel(parse);
  const findings = [...parse.findings, ...runFrrRules({ parse, model, options })];
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  return { parse, model, findings };
}
