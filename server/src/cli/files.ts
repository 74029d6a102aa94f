/** Finds the files a PATH argument names and decides how each is read. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export type FileKind = 'frr' | 'yaml';

export interface InputFile {
  path: string;
  kind: FileKind;
  text: string;
}

export class UnreadableError extends Error {}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

export function kindOf(path: string): FileKind | undefined {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (name.endsWith('.frr') || name.endsWith('.conf')) return 'frr';
  return undefined;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(path, out);
    } else if (kindOf(path)) {
      out.push(path);
    }
  }
}

/** Files named explicitly are read whatever their extension (as FRR unless they look like YAML). */
export function collectFiles(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UnreadableError(`cannot read '${path}': no such file or folder`);
    }
    const found: string[] = [];
    if (stat.isDirectory()) walk(path, found);
    else found.push(path);
    for (const file of found) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UnreadableError(`cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? 'read error'}`);
      }
      files.push({ path: file, kind: kindOf(file) ?? 'frr', text });
    }
  }
  return files;
}
