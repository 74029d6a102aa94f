/**
 * `frr-lint`: the language service for CI. It reads files, hands them to the pure service, and
 * prints reports; exit codes: 0 clean, 1 errors found, 2 usage error or unreadable file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { pathToFileURL } from 'node:url';
import { version as VERSION } from '../../package.json';
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args';
import { collectFiles, UnreadableError, type InputFile } from './cli/files';
import { formatReport, locate, type ReportedFinding } from './cli/report';
import { applyEdits, safeFixEdits } from './service/edits';
import { Workspace } from './service/workspace';

export interface Output {
  /** Written as is: the rendered frr.conf must stay byte-exact. */
  write: (text: string) => void;
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Output = {
  write: (text) => process.stdout.write(text),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Reads the PATHs (noting on stderr what a folder walk had to skip) into one workspace. */
function loadWorkspace(options: CliOptions, io: Output): { workspace: Workspace; uris: Map<string, InputFile> } {
  const { files, skipped } = collectFiles(options.paths);
  for (const entry of skipped) io.err(`note: skipped unreadable ${entry}`);
  const workspace = new Workspace({ frrVersion: options.frrVersion, metallbVersion: options.metallbVersion, mode: options.mode });
  const uris = new Map<string, InputFile>();
  for (const file of files) {
    const uri = pathToFileURL(resolve(file.path)).toString();
    uris.set(uri, file);
    workspace.setFile(uri, file.text, 0, file.kind);
  }
  return { workspace, uris };
}

const hasErrors = (findings: readonly { severity: string }[]) => findings.some((finding) => finding.severity === 'error');

function check(options: CliOptions, io: Output): number {
  const { workspace, uris } = loadWorkspace(options, io);
  const reported: ReportedFinding[] = [];
  for (const [uri, file] of uris) reported.push(...locate(file.path, file.text, workspace.check(uri)));
  io.out(formatReport(reported, options.format, VERSION));
  return hasErrors(reported) ? 1 : 0;
}

const MAX_FIX_ROUNDS = 5;

/** Applies safe fixes round by round (one fix can enable another) until none is left. */
function fix(options: CliOptions, io: Output): number {
  const { workspace, uris } = loadWorkspace(options, io);
  // A dry run writes nothing: what is on disk, and so the exit code, stays as before the fixes.
  const errorsOnDisk = hasErrors([...uris.keys()].flatMap((uri) => workspace.check(uri)));
  const original = new Map([...uris].map(([uri, file]) => [uri, file.text]));
  const current = new Map(original);
  let applied = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    let changed = false;
    for (const uri of uris.keys()) {
      const byUri = safeFixEdits(workspace.check(uri), uri);
      for (const [target, edits] of byUri) {
        const file = uris.get(target);
        const before = current.get(target);
        if (!file || before === undefined) continue;
        const result = applyEdits(before, edits);
        if (result.text === before) continue;
        applied += edits.length - result.skipped.length;
        current.set(target, result.text);
        workspace.setFile(target, result.text, round + 1, file.kind);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const changedFiles = [...uris].filter(([uri]) => current.get(uri) !== original.get(uri));
  for (const [uri, file] of changedFiles) {
    const after = current.get(uri) as string;
    if (options.dryRun) io.write(createTwoFilesPatch(file.path, file.path, original.get(uri) as string, after));
    else writeFileSync(file.path, after);
  }
  io.err(`${options.dryRun ? 'would apply' : 'applied'} ${applied} fix edit(s) in ${changedFiles.length} file(s)`);
  if (options.dryRun) return errorsOnDisk ? 1 : 0;
  return hasErrors([...uris.keys()].flatMap((uri) => workspace.check(uri))) ? 1 : 0;
}

function render(options: CliOptions, io: Output): number {
  const { workspace } = loadWorkspace(options, io);
  const listing = workspace.nodeListing();
  const nodes = workspace.nodes();
  let node = options.node;
  if (node !== undefined && listing.nodes.length > 0 && !nodes.includes(node)) {
    io.err(`frr-lint render: the manifests define no node '${node}'; known nodes: ${nodes.join(', ')}`);
    return 2;
  }
  if (node !== undefined && listing.nodes.length === 0 && !listing.mentioned.includes(node)) {
    io.err(`note: the manifests neither define nor mention a node '${node}': rendering a hypothetical node labelled kubernetes.io/hostname=${node}`);
  }
  if (node === undefined) {
    if (nodes.length !== 1) {
      io.err(
        nodes.length === 0
          ? 'frr-lint render: the manifests describe no Node; pass --node NAME'
          : `frr-lint render: the manifests describe several nodes, choose one with --node: ${nodes.join(', ')}`,
      );
      return 2;
    }
    node = nodes[0] as string;
  }
  const result = workspace.render(node);
  for (const line of result.missing) io.err(`note: missing input: ${line}`);
  for (const note of result.notes) io.err(`note: ${note}`);
  // The best-effort render is still printed: it shows what MetalLB would have written.
  for (const error of result.errors) io.err(`error: MetalLB would reject this configuration: ${error}`);
  io.write(result.text);
  return result.errors.length > 0 ? 1 : 0;
}

export async function main(argv: readonly string[], io: Output = stdio): Promise<number> {
  try {
    const options = parseArgs(argv);
    switch (options.command) {
      case 'help':
        io.out(USAGE);
        return 0;
      case 'version':
        io.out(VERSION);
        return 0;
      case 'check':
        return check(options, io);
      case 'render':
        return render(options, io);
      case 'fix':
        return fix(options, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`frr-lint: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UnreadableError) {
      io.err(`frr-lint: ${error.message}`);
      return 2;
    }
    io.err(`frr-lint: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
