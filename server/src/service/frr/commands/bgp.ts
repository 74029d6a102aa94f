/**
 * BGP command table: `router bgp`, BGP_NODE and the address-family nodes.
 */
import type { CommandDef } from './types';

export const BGP_COMMANDS: CommandDef[] = [
  {
    id: 'router-bgp',
    node: 'CONFIG',
    spec: 'router bgp [(1-4294967295)$asn [<view|vrf> VIEWVRFNAME$vrf]]',
    enters: 'BGP',
    negatable: true,
  },
];
