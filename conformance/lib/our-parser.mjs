// Loads the project's TypeScript parser through tsx, so the suites run with plain `node`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parserPath = join(root, 'server', 'src', 'service', 'frr', 'parser.ts');

export async function loadParser() {
  if (!existsSync(parserPath)) {
    throw new Error(`parser not found at ${parserPath}: the FRR parser must exist before this suite can run`);
  }
  const mod = await tsImport(pathToFileURL(parserPath).href, import.meta.url);
  if (typeof mod.parseFrr !== 'function') throw new Error(`${parserPath} does not export parseFrr`);
  return mod.parseFrr;
}

/** 1-based line number of each offset, by binary search over the line starts. */
export function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Our `frr/syntax` errors as `{ line, message, node }` (1-based lines, as vtysh counts them). */
export function syntaxErrors(parse) {
  const lineOf = lineIndex(parse.text);
  const nodeByLine = new Map(parse.lines.map((l) => [l.line + 1, l]));
  return parse.findings
    .filter((f) => f.code === 'frr/syntax' && f.severity === 'error')
    .map((f) => {
      const line = lineOf(f.range.start);
      const parsed = nodeByLine.get(line);
      return { line, message: f.message, node: parsed?.node ?? 'CONFIG' };
    });
}

export { root };
