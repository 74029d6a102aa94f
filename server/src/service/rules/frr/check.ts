/**
 * The FRR check of one text: parse, build the model, run every plain-FRR rule. Findings (the
 * parser's included) come back as plain data ordered by offset.
 */
import type { FrrModel } from '../../frr/model';
import { buildModel } from '../../frr/model';
import { parseFrr } from '../../frr/parser';
import type { ParseResult } from '../../frr/syntax';
import type { Finding, FrrVersion } from '../../types';
import { orderFindings, plainFinding } from './findingOrder';
import { runFrrRules } from './index';

export interface FrrCheckResult {
  parse: ParseResult;
  model: FrrModel;
  findings: Finding[];
}

export interface FrrCheckOptions {
  frrVersion?: FrrVersion;
}

/** The check of one text, read whole (a document edited in the language server is checked by `LiveFrrCheck`). */
export function checkFrrText(text: string, options: FrrCheckOptions = {}): FrrCheckResult {
  const parse = parseFrr(text, { frrVersion: options.frrVersion });
  const model = buildModel(parse);
  const findings = [...parse.findings, ...runFrrRules({ parse, model, options }).map(plainFinding)];
  return { parse, model, findings: orderFindings(findings) };
}
