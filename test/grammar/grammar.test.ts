import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

it('the TextMate grammars pass their vscode-tmgrammar-test cases (FRR, and FRR injected into YAML)', async () => {
  // The YAML grammar VS Code ships is needed to test the injection; shiki packages the same grammar.
  const yaml = ((await import('@shikijs/langs/yaml')) as { default: { scopeName: string }[] }).default[0];
  const yamlGrammar = join(mkdtempSync(join(tmpdir(), 'frr-grammar-')), 'yaml.tmLanguage.json');
  writeFileSync(yamlGrammar, JSON.stringify(yaml));
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'),
      '--config', join(root, 'package.json'),
      '-g', join(root, 'syntaxes', 'frr.tmLanguage.json'),
      '-g', join(root, 'syntaxes', 'frr-yaml-injection.tmLanguage.json'),
      '-g', yamlGrammar,
      join(root, 'test', 'grammar', 'cases', '*'),
    ],
    { encoding: 'utf8', cwd: root },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
});
