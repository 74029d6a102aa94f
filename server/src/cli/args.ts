/** Command-line parsing for `frr-lint`: a usage error is reported as a message, never a stack trace. */
import { LATEST_METALLB_VERSION, METALLB_VERSIONS, type MetalLBVersion } from '../service/metallb/render/version';
import { FRR_VERSIONS, type FrrVersion } from '../service/types';
import type { MetallbMode } from '../service/workspace';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  command: 'check' | 'render' | 'fix' | 'help' | 'version';
  dryRun: boolean;
  paths: string[];
  format: OutputFormat;
  frrVersion: FrrVersion;
  metallbVersion: MetalLBVersion;
  mode: MetallbMode;
  node?: string;
}

export class UsageError extends Error {}

const METALLB_CHOICES = METALLB_VERSIONS.join('|');

export const USAGE = `Usage:
  frr-lint check  [--format text|json|sarif] [--frr-version ${FRR_VERSIONS.filter((v) => v !== 'any').join('|')}]
                  [--metallb-version ${METALLB_CHOICES}] [--mode frr|frr-k8s] PATH...
  frr-lint render [--node NAME] [--metallb-version ${METALLB_CHOICES}] [--mode frr|frr-k8s] PATH...
  frr-lint fix    [--dry-run] [--frr-version …] [--metallb-version …] [--mode …] PATH...
  frr-lint --help | --version

PATH is a file or a folder. In folders, *.frr, frr.conf and FRR daemon files (bgpd.conf,
zebra.conf, staticd.conf, …) are read as FRR configuration, *.yaml and *.yml as Kubernetes
manifests (MetalLB, frr-k8s); unreadable entries are skipped with a note. A file named
explicitly is read whatever its name (as FRR unless it is *.yaml or *.yml).
check exits 1 when an error is found, 0 otherwise, 2 on a usage error or an unreadable file.
fix applies the safe quick fixes in place and exits like check on what remains; --dry-run prints
them as a unified diff instead and exits like check on the files as they are.
render prints the node's frr.conf; missing inputs and MetalLB's objections go to stderr, and it
exits 1 when MetalLB would reject the configuration, 2 when --node names an unknown node.`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new UsageError(`${flag} needs a value (${allowed.join(', ')})`);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
  }
  return value as T;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'help',
    paths: [],
    format: 'text',
    frrVersion: 'any',
    metallbVersion: LATEST_METALLB_VERSION,
    mode: 'frr',
    dryRun: false,
  };
  const rest = [...argv];
  const first = rest.shift();
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return options;
  if (first === '--version' || first === '-V') return { ...options, command: 'version' };
  if (first !== 'check' && first !== 'render' && first !== 'fix') throw new UsageError(`unknown command '${first}'`);
  options.command = first;
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : rest.shift());
    switch (flag) {
      case '--format':
        if (options.command !== 'check') throw new UsageError('--format applies to check only');
        options.format = oneOf(flag, value(), ['text', 'json', 'sarif'] as const);
        break;
      case '--frr-version':
        options.frrVersion = oneOf(flag, value(), FRR_VERSIONS);
        break;
      case '--metallb-version':
        options.metallbVersion = oneOf(flag, value(), METALLB_VERSIONS);
        break;
      case '--mode':
        options.mode = oneOf(flag, value(), ['frr', 'frr-k8s'] as const);
        break;
      case '--node': {
        const node = value();
        if (!node) throw new UsageError('--node needs a node name');
        options.node = node;
        break;
      }
      case '--dry-run':
        if (options.command !== 'fix') throw new UsageError('--dry-run applies to fix only');
        options.dryRun = true;
        break;
      case '--help':
      case '-h':
        return { ...options, command: 'help' };
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option '${flag}'`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError(`${options.command} needs at least one PATH`);
  return options;
}
