/** Every command table, gathered for the matcher. */
import type { CommandMatch } from '../syntax';
import { BFD_COMMANDS } from './bfd';
import { BGP_COMMANDS } from './bgp';
import { CONFIG_COMMANDS } from './config';
import { deriveListKind, FILTER_COMMANDS } from './filters';
import { INTERFACE_COMMANDS } from './interface';
import { ROUTE_MAP_COMMANDS } from './routemap';
import type { CommandDef } from './types';
import { UNMODELLED_OPENERS } from './unmodelled';

export const ALL_COMMANDS: readonly CommandDef[] = [
  ...CONFIG_COMMANDS,
  ...ROUTE_MAP_COMMANDS,
  ...FILTER_COMMANDS,
  ...BFD_COMMANDS,
  ...INTERFACE_COMMANDS,
  ...UNMODELLED_OPENERS,
  ...BGP_COMMANDS,
];

/** Arguments the model reads that FRR derives rather than spells out. */
export function completeArgs(command: CommandMatch): void {
  deriveListKind(command);
}
