// Our CLI's view of the same manifests (`frr-lint check --format json`, `frr-lint render`). The CLI
// runs from the build in dist/; when that is missing the tool's side is skipped, never guessed.
import { join } from 'node:path';
import { run } from './proc.mjs';

export function createLinter(root) {
  const bin = join(root, 'bin', 'frr-lint.js');
  async function cli(args) {
    const result = await run(process.execPath, [bin, ...args], { timeoutMs: 60_000 });
    if (result.code === 2 && /not built/.test(result.stderr)) return { built: false };
    return { built: true, ...result };
  }
  return {
    /** { built, findings?: [{code, line, message}], error? } */
    async check(file) {
      const result = await cli(['check', '--format', 'json', file]);
      if (!result.built) return result;
      try {
        return { built: true, findings: JSON.parse(result.stdout) };
      } catch {
        return { built: true, error: `exit ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 300)}` };
      }
    },
    async render(file) {
      const result = await cli(['render', file]);
      if (!result.built) return result;
      return result.code === 0 ? { built: true, text: result.stdout } : { built: true, error: result.stderr.trim() };
    },
  };
}
