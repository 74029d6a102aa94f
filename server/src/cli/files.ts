/** Finds the files a PATH argument names and decides how each is read. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileKindByPath, type DocumentKind } from '../service/workspace';

export interface InputFile {
  path: string;
  kind: DocumentKind;
  text: string;
}

export class UnreadableError extends Error {}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

/** A file named explicitly is read whatever its name: as a manifest when it looks like YAML, else as FRR. */
function explicitKind(path: string): DocumentKind {
  const name = basename(path).toLowerCase();
  return name.endsWith('.yaml') || name.endsWith('.yml') ? 'yaml' : 'frr';
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'read error';
}

/**
 * A folder walk skips what it cannot read (a dangling symlink, a folder without permission) with
 * a note: one broken entry must not abort the check of everything else.
 */
function walk(dir: string, out: string[], skipped: (path: string, reason: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    skipped(dir, errorCode(error));
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (fileKindByPath(path)) skipped(path, errorCode(error));
      continue;
    }
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(path, out, skipped);
    } else if (fileKindByPath(path)) {
      out.push(path);
    }
  }
}

export interface Collected {
  files: InputFile[];
  /** Entries of folder walks that could not be read, as `path: reason`. */
  skipped: string[];
}

/** Paths named explicitly must be readable (else UnreadableError); entries found in folders may be skipped. */
export function collectFiles(paths: readonly string[]): Collected {
  const files: InputFile[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UnreadableError(`cannot read '${path}': no such file or folder`);
    }
    if (!stat.isDirectory()) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw new UnreadableError(`cannot read '${path}': ${errorCode(error)}`);
      }
      files.push({ path, kind: explicitKind(path), text });
      continue;
    }
    const found: string[] = [];
    walk(path, found, (entry, reason) => skipped.push(`${entry}: ${reason}`));
    for (const file of found) {
      try {
        files.push({ path: file, kind: fileKindByPath(file) ?? 'frr', text: readFileSync(file, 'utf8') });
      } catch (error) {
        skipped.push(`${file}: ${errorCode(error)}`);
      }
    }
  }
  return { files, skipped };
}
