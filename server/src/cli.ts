/**
 * `frr-lint`: the language service for CI. It reads files, hands them to the pure service, and
 * prints reports; exit codes: 0 clean, 1 errors found, 2 usage error or unreadable file.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args';
import { collectFiles, UnreadableError, type InputFile } from './cli/files';
import { formatReport, locate, type ReportedFinding } from './cli/report';
import { Workspace } from './service/workspace';

const VERSION = '0.1.0';

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

function loadWorkspace(files: readonly InputFile[], options: CliOptions): { workspace: Workspace; uris: Map<string, InputFile> } {
  const workspace = new Workspace({ frrVersion: options.frrVersion, metallbVersion: options.metallbVersion, mode: options.mode });
  const uris = new Map<string, InputFile>();
  for (const file of files) {
    const uri = pathToFileURL(resolve(file.path)).toString();
    uris.set(uri, file);
    workspace.setFile(uri, file.text, 0, file.kind);
  }
  return { workspace, uris };
}

function check(options: CliOptions, io: Output): number {
  const { workspace, uris } = loadWorkspace(collectFiles(options.paths), options);
  const reported: ReportedFinding[] = [];
  for (const [uri, file] of uris) reported.push(...locate(file.path, file.text, workspace.check(uri)));
  io.out(formatReport(reported, options.format, VERSION));
  return reported.some((finding) => finding.severity === 'error') ? 1 : 0;
}

function render(options: CliOptions, io: Output): number {
  const files = collectFiles(options.paths);
  const { workspace } = loadWorkspace(files, options);
  const nodes = workspace.nodes();
  let node = options.node;
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
  for (const note of result.notes) io.err(`note: ${note}`);
  io.write(result.text);
  return 0;
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
