/** Turns findings (offset ranges) into the CLI's text, JSON and SARIF reports (1-based lines and columns). */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../service/types';
import type { OutputFormat } from './args';

export interface ReportedFinding {
  file: string;
  code: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export function locate(file: string, text: string, findings: readonly Finding[]): ReportedFinding[] {
  const document = TextDocument.create(file, 'plaintext', 0, text);
  return findings.map((finding) => {
    const start = document.positionAt(finding.range.start);
    const end = document.positionAt(finding.range.end);
    return {
      file,
      code: finding.code,
      severity: finding.severity,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      message: finding.message,
    };
  });
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function sarif(findings: readonly ReportedFinding[], version: string): string {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'frr-lint', version, rules: codes.map((id) => ({ id })) } },
          results: findings.map((f) => ({
            ruleId: f.code,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file.split('\\').join('/') },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}

function text(findings: readonly ReportedFinding[]): string {
  if (findings.length === 0) return 'No problems found.';
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.code}] ${f.message}`);
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  lines.push('', `${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`);
  return lines.join('\n');
}

export function formatReport(findings: readonly ReportedFinding[], format: OutputFormat, version: string): string {
  switch (format) {
    case 'json':
      return JSON.stringify(findings, null, 2);
    case 'sarif':
      return sarif(findings, version);
    case 'text':
      return text(findings);
  }
}
