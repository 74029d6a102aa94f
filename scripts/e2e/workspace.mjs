// Each phase of a run works on its own copy of examples/, so tests may add and edit files freely
// and no phase sees another's leftovers.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './install.mjs';

export function copyExamples(parent, name) {
  const workspace = join(parent, name);
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  return workspace;
}
