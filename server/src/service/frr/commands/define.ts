/** Helpers the command tables share: one-line defs and the version sets FRR changed commands in. */
import type { NodeId } from '../syntax';
import type { CommandDef } from './types';

export type Version = '8.4' | '9.1' | '10.x';
export const V84: readonly Version[] = ['8.4'];
/** Additions of the 9.x/10.x line; where the exact release is unclear both get it, since a missed error costs less than a false one. */
export const V91_UP: readonly Version[] = ['9.1', '10.x'];

/** One def; `negatable` defaults to true because nearly every FRR config command has a `no` form. */
export function cmd(
  id: string,
  node: NodeId | NodeId[],
  spec: string,
  extra: Partial<Omit<CommandDef, 'id' | 'node' | 'spec'>> = {},
): CommandDef {
  return { id, node, spec, negatable: true, ...extra };
}

/** The same command in 8.4 and in 9.1+, where only its spec text changed. */
export function perVersion(id: string, node: NodeId | NodeId[], spec84: string, spec91: string, extra: Partial<CommandDef> = {}): CommandDef[] {
  return [cmd(id, node, spec84, { ...extra, versions: V84 }), cmd(id, node, spec91, { ...extra, versions: V91_UP })];
}
