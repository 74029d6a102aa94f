/**
 * `frr-lint`, run from inside the extension host on the same workspace the editor has open: the
 * CLI is the reference the editor's diagnostics and preview are compared with, so the tests state
 * "the editor agrees with the command line" instead of repeating positions that rules may refine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceUri } from './workspace';

export interface CliFinding {
  file: string;
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** 1-based, as the CLI prints them; endColumn is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function frrLint(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  // The e2e run loads the repository itself as the extension development path, so its bin/ and
  // dist/ (built by the run) are next to the extension. The extension host is a plain Node process.
  const result = spawnSync(process.execPath, [join(extension.extensionPath, 'bin', 'frr-lint.js'), ...args], {
    cwd: workspaceUri().fsPath,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** `frr-lint check --format json .` in the workspace folder; file names are relative to it. */
export function cliCheck(): CliFinding[] {
  const run = frrLint(['check', '--format', 'json', '.']);
  assert.ok(run.status === 0 || run.status === 1, `frr-lint check exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as CliFinding[];
}

/**
 * What `frr-lint render .` prints on stdout for the workspace folder. Exit 1 means MetalLB would
 * reject the configuration (other suites leave such manifests in the shared workspace); the
 * best-effort render is still printed, and it is what the preview shows too.
 */
export function cliRender(): string {
  const run = frrLint(['render', '.']);
  assert.ok(run.status === 0 || run.status === 1, `frr-lint render exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}
