import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliCheck, type CliFinding } from '../support/cli';
import { suite, suiteSetup, test } from '../support/harness';
import { diagnosticCode, openInEditor, waitForDiagnostics, workspaceUri } from '../support/workspace';

const VSCODE_SEVERITY: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** `code severity line:col-line:col`, 1-based with an exclusive end column, as the CLI writes positions. */
function fromCli(finding: CliFinding): string {
  return `${finding.code} ${finding.severity} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
}

function fromEditor(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnosticCode(diagnostic)} ${VSCODE_SEVERITY[diagnostic.severity]} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

const sorted = (lines: string[]): string[] => [...lines].sort();

/**
 * The editor's diagnostics for a file once they equal the CLI's; on a timeout, whatever the editor
 * has, so the assertion that follows shows the difference.
 */
async function editorFindings(file: string, expected: string[]): Promise<string[]> {
  const uri = workspaceUri(file);
  await openInEditor(uri);
  const same = (all: readonly vscode.Diagnostic[]) => JSON.stringify(sorted(all.map(fromEditor))) === JSON.stringify(expected);
  const diagnostics = await waitForDiagnostics(uri, same, 15_000).catch(() => vscode.languages.getDiagnostics(uri));
  return sorted(diagnostics.map(fromEditor));
}

suite('examples/ diagnostics, as frr-lint check reports them', () => {
  let cli: CliFinding[] = [];
  const expectedFor = (file: string) => sorted(cli.filter((finding) => finding.file === file).map(fromCli));

  suiteSetup(() => {
    cli = cliCheck();
  });

  test('bgpextras.yaml: the same codes, severities and ranges as the CLI', async () => {
    const expected = expectedFor('bgpextras.yaml');
    assert.ok(expected.length > 0, 'the CLI finds problems in examples/bgpextras.yaml');
    assert.deepEqual(await editorFindings('bgpextras.yaml', expected), expected);
  });

  test('bgpextras.yaml: the documented permit 20 and the VRF-less peer ID are flagged where they are written', () => {
    const found = vscode.languages.getDiagnostics(workspaceUri('bgpextras.yaml')).map(fromEditor);
    // `20` of `route-map 10.0.0.1-in permit 20`, and the name of `route-map 172.30.0.1-in permit 10`.
    assert.ok(found.includes('metallb/in-seq-collision warning 13:34-13:36'), found.join('; '));
    assert.ok(found.includes('metallb/unknown-peer warning 15:15-15:28'), found.join('; '));
    assert.ok(found.includes('metallb/seqless-prefix-list warning 12:5-12:54'), found.join('; '));
  });

  test('router.frr: the same codes, severities and ranges as the CLI', async () => {
    const expected = expectedFor('router.frr');
    assert.ok(expected.length > 0, 'the CLI finds problems in examples/router.frr');
    assert.deepEqual(await editorFindings('router.frr', expected), expected);
  });

  test('router.frr: the lines FRR rejects are errors on the offending token', () => {
    const found = vscode.languages.getDiagnostics(workspaceUri('router.frr')).map(fromEditor);
    assert.ok(found.includes('frr/goto-backwards error 14:16-14:17'), found.join('; '));
    assert.ok(found.includes('frr/timers error 19:31-19:32'), found.join('; '));
    assert.ok(found.includes('frr/neighbor-undefined error 24:12-24:21'), found.join('; '));
  });
});
