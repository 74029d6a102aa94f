/**
 * `buildModel`: one pass over the parsed lines that records every definition and reference
 * (with the range of the name token) and resolves what FRR ends up with for route-maps,
 * prefix-lists and BGP instances. Linear in the number of lines, plus one sort of the occurrences.
 */
import type { OffsetRange } from '../types';
import type { CommandMatch, ParsedLine, ParseResult } from './syntax';
import { BgpBuilder } from './model/bgp';
import { isBgpFamily } from './nodes';
import { PrefixListBuilder } from './model/prefixLists';
import { forEachWeakReference, referenceSpecs, type ReferenceSpec } from './model/references';
import { RouteMapBuilder } from './model/routeMaps';
import { argRange, SymbolTable } from './model/symbols';
import type { FrrModel, RouteMapEntry, SymbolKind, SymbolRef } from './model/types';
import { sortedBy } from './bisect';

export type * from './model/types';
export { CROSS_REFERENCED_KINDS } from './model/references';
export { definitionsAt, occurrenceAt, referencesAt, symbolAt, symbolKey, symbolOf, isDefinition } from './model/symbols';

/** Commands that define a structure named by their `name` argument. */
const NAME_DEFINITIONS: Record<string, SymbolKind> = {
  'route-map': 'route-map',
  'prefix-list': 'ip-prefix-list',
  'ipv6-prefix-list': 'ipv6-prefix-list',
  'prefix-list-description': 'ip-prefix-list',
  'ipv6-prefix-list-description': 'ipv6-prefix-list',
  'access-list': 'access-list',
  'ipv6-access-list': 'ipv6-access-list',
  'community-list': 'community-list',
  'large-community-list': 'large-community-list',
  'extcommunity-list': 'extcommunity-list',
  'as-path-access-list': 'as-path-list',
  'bfd-profile': 'bfd-profile',
  vrf: 'vrf',
  interface: 'interface',
};

export function buildModel(parse: ParseResult): FrrModel {
  const table = new SymbolTable();
  const routeMaps = new RouteMapBuilder();
  const prefixLists = new PrefixListBuilder();
  const bgp = new BgpBuilder(parse.blocks);
  const lines = parse.lines;
  /** Block opened by each line, or -1. */
  const blockByHeader = new Int32Array(lines.length).fill(-1);
  parse.blocks.forEach((block, index) => {
    if (block.header < lines.length) blockByHeader[block.header] = index;
  });
  /** The route-map entry each RMAP block configures (absent when its header was refused). */
  const entryOfBlock: (RouteMapEntry | undefined)[] = [];
  /** The symbol each RMAP block's lines sit in, one object per block for all its references. */
  const withinOfBlock: (SymbolRef | undefined)[] = [];

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.kind === 'opaque') {
      addWeakReferences(table, line, index, undefined);
      continue;
    }
    const command = line.command;
    if (line.kind !== 'command' || !command) continue;

    let within: SymbolRef | undefined;
    if (line.node === 'RMAP') {
      const entry = line.block >= 0 ? entryOfBlock[line.block] : undefined;
      if (!entry) continue;
      within = withinOfBlock[line.block] ??= { kind: 'route-map', name: entry.name, scope: '' };
      routeMaps.clause(entry, line, index, command);
    }

    let scope = '';
    if (isBgpFamily(line.node)) {
      const found = bgp.scopeOf(line);
      if (found === null) continue;
      scope = found;
    }

    let defined = defineByName(table, index, command);
    let peerDefinedHere = false;
    // One range object for the peer name, shared by its definition, use and reference records.
    const peerArg = command.args.peer;
    const peerRange = peerArg ? argRange(peerArg) : undefined;
    if (command.id === 'route-map') {
      const entry = routeMaps.header(line, index, command);
      const block = blockByHeader[index]!;
      if (entry && block >= 0) entryOfBlock[block] = entry;
    } else if (command.id === 'prefix-list' || command.id === 'ipv6-prefix-list') {
      prefixLists.add(line, index, command);
    } else if (command.id === 'router-bgp') {
      const block = blockByHeader[index]!;
      if (block >= 0) bgp.router(index, block, command);
      defined = defineRouter(table, index, command) || defined;
    } else if (command.id === 'timers-bgp') {
      bgp.addTimers(index, scope, command);
    } else if (command.id.startsWith('neighbor-')) {
      const made = bgp.neighbor(index, scope, command, peerRange);
      if (made && peerArg && peerRange) {
        table.define({ kind: made.kind, name: peerArg.value, scope, range: peerRange, line: index });
        defined = true;
        peerDefinedHere = true;
      }
    }

    const referenced = addReferences(table, bgp, line, index, command, scope, within, peerDefinedHere, peerRange);
    if (!defined && !referenced) addWeakReferences(table, line, index, within);
  }

  sortedBy(table.occurrences, (occurrence) => occurrence.range.start);
  return {
    parse,
    symbols: table.symbols,
    symbolsByKind: table.byKind,
    occurrences: table.occurrences,
    routeMaps: routeMaps.finish(),
    prefixLists: prefixLists.finish(),
    routers: bgp.routers,
    rejectedRouters: bgp.rejected,
    neighborUses: bgp.uses,
    timers: bgp.timers,
  };
}

function defineByName(table: SymbolTable, index: number, command: CommandMatch): boolean {
  const kind = NAME_DEFINITIONS[command.id];
  const nameArg = command.args.name;
  if (!kind || !nameArg || command.negated) return false;
  table.define({ kind, name: nameArg.value, scope: '', range: argRange(nameArg), line: index });
  return true;
}

function defineRouter(table: SymbolTable, index: number, command: CommandMatch): boolean {
  const asnArg = command.args.asn;
  if (!asnArg || command.negated) return false;
  table.define({ kind: 'router-bgp', name: asnArg.value, scope: command.args.vrf?.value ?? '', range: argRange(asnArg), line: index });
  return true;
}

/**
 * The command's references from the reference table. A `peer` argument naming a peer-group
 * (`neighbor GROUP route-map …`) configures the group: it is not counted as a use of it.
 */
function addReferences(
  table: SymbolTable,
  bgp: BgpBuilder,
  line: ParsedLine,
  index: number,
  command: CommandMatch,
  scope: string,
  within: SymbolRef | undefined,
  peerDefinedHere: boolean,
  peerRange: OffsetRange | undefined,
): boolean {
  if (command.negated) return false;
  let found = false;
  for (const spec of referenceSpecs(command.id, line.node)) {
    const arg = command.args[spec.arg];
    if (!arg) continue;
    const peer = command.args.peer?.value;
    const usage = peer !== undefined ? usageWithPeer(spec, peer) : spec.usage;
    const refScope = spec.kind === 'peer-group' ? scope : '';
    table.reference({ kind: spec.kind, name: arg.value, scope: refScope, range: argRange(arg), line: index, usage, ifMissing: spec.ifMissing, within });
    found = true;
  }
  const peerArg = command.args.peer;
  const peerKind = peerArg && isBgpFamily(line.node) ? bgp.peerKind(scope, peerArg.value) : undefined;
  if (peerArg && peerKind && !peerDefinedHere) {
    const kind = peerKind === 'peer-group' ? 'peer-group' : 'neighbor';
    table.reference({ kind, name: peerArg.value, scope, range: peerRange ?? argRange(peerArg), line: index, usage: 'neighbor', ifMissing: 'none', configures: true });
  }
  return found;
}

/** Each spec's usage split at its `…`, so naming the peer is one concatenation. */
const usageParts = new WeakMap<ReferenceSpec, readonly [string, string] | null>();

function usageWithPeer(spec: ReferenceSpec, peer: string): string {
  let parts = usageParts.get(spec);
  if (parts === undefined) {
    const at = spec.usage.indexOf('…');
    parts = at < 0 ? null : [spec.usage.slice(0, at), spec.usage.slice(at + 1)];
    usageParts.set(spec, parts);
  }
  if (parts === null) return spec.usage;
  // `replace` reads `$` patterns in the replacement; keep exactly what it made of such names.
  return peer.includes('$') ? spec.usage.replace('…', peer) : parts[0] + peer + parts[1];
}

function addWeakReferences(table: SymbolTable, line: ParsedLine, index: number, within: SymbolRef | undefined): void {
  forEachWeakReference(line, (kind, token) => {
    table.reference({ kind, name: token.text, scope: '', range: { start: token.start, end: token.end }, line: index, usage: 'reference', ifMissing: 'none', weak: true, within });
  });
}
