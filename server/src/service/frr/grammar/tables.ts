/** The command tables compiled once per process, shared by the parser and the editor's grammar walks. */
import { ALL_COMMANDS } from '../commands';
import type { NodeId } from '../syntax';
import { buildNodeTables, NodeCommands } from './match';

let tables: Map<NodeId, NodeCommands> | undefined;
const EMPTY_TABLE = new NodeCommands([]);

/** The commands of `node` (none for nodes without a table, such as OPAQUE). */
export function commandTable(node: NodeId): NodeCommands {
  tables ??= buildNodeTables(ALL_COMMANDS);
  return tables.get(node) ?? EMPTY_TABLE;
}
