/**
 * `buildModel`: one pass over the parsed lines that records every definition and reference
 * (with the range of the name token) and resolves what FRR ends up with for route-maps,
 * prefix-lists and BGP instances. Linear in the number of lines, plus one sort of the occurrences.
 * The pass is a fold over lines (`ModelFold`) so that a live model can run it again over just the
 * lines an edit concerns.
 */
import type { CommandMatch, ParsedLine, ParseResult } from './syntax';
import { argRange, LineRange } from './model/anchor';
import { BgpBuilder } from './model/bgp';
import { isBgpFamily } from './nodes';
import { PrefixListBuilder } from './model/prefixLists';
import { DefinitionRecord, ReferenceRecord } from './model/records';
import { forEachWeakReference, referenceSpecs, type ReferenceSpec } from './model/references';
import { RouteMapBuilder } from './model/routeMaps';
import { isDefinition, occurrencesWithin, SymbolTable } from './model/symbols';
import type { Definition, FrrModel, Reference, RouteMapEntry, SymbolKind, SymbolRef } from './model/types';
import { partitionPoint } from './bisect';

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

/** The key `timers bgp` of a BGP instance is filed under (neighbors' timers go under the peer's name). */
export function instanceTimersKey(scope: string): string {
  return `\0timers|${scope}`;
}

export function buildModel(parse: ParseResult): FrrModel {
  const fold = new ModelFold(parse);
  for (const line of parse.lines) fold.add(line);
  return fold.finish();
}

/**
 * Occurrences in text order. One word can be several occurrences (a prefix-list name that either
 * family may hold is a reference to both): definitions come first, then kinds by name.
 */
export function compareOccurrences(a: Definition | Reference, b: Definition | Reference): number {
  return a.range.start - b.range.start || Number(isDefinition(b)) - Number(isDefinition(a)) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

/**
 * The model's pass over lines, in document order. With `keysOf`, it also says which names each
 * line touched (defined, used, configured, or changed the state of): a live model re-runs the
 * lines of the names an edit touched and keeps the rest.
 */
export class ModelFold {
  private readonly table = new SymbolTable();
  private readonly routeMaps = new RouteMapBuilder();
  private readonly prefixLists = new PrefixListBuilder();
  private readonly bgp: BgpBuilder;
  /** The route-map entry each RMAP block configures (absent when its header was refused). */
  private readonly entryOfBlock = new Map<number, RouteMapEntry>();
  /** The symbol each RMAP block's lines sit in, one object per block for all its references. */
  private readonly withinOfBlock = new Map<number, SymbolRef>();
  /** Names the current line touched, when tracking. */
  private keys: string[] | undefined;

  constructor(
    private readonly parse: ParseResult,
    private readonly keysOf?: (line: ParsedLine, keys: string[]) => void,
  ) {
    this.bgp = new BgpBuilder(parse.blocks);
  }

  add(line: ParsedLine): void {
    if (this.keysOf) this.keys = [];
    this.read(line);
    if (this.keysOf) this.keysOf(line, this.keys!);
  }

  private touch(name: string): void {
    this.keys?.push(name);
  }

  private read(line: ParsedLine): void {
    const table = this.table;
    if (line.kind === 'opaque') {
      this.addWeakReferences(line, undefined);
      return;
    }
    const command = line.kind === 'command' ? line.command : undefined;
    if (!command) return;

    let within: SymbolRef | undefined;
    if (line.node === 'RMAP') {
      const entry = line.block >= 0 ? this.entryOfBlock.get(line.block) : undefined;
      if (!entry) return;
      within = this.withinOfBlock.get(line.block);
      if (!within) {
        within = { kind: 'route-map', name: entry.name, scope: '' };
        this.withinOfBlock.set(line.block, within);
      }
      this.touch(entry.name);
      this.routeMaps.clause(entry, line, command);
    }

    let scope = '';
    if (isBgpFamily(line.node)) {
      const found = this.bgp.scopeOf(line);
      if (found === null) return;
      scope = found;
    }

    let defined = this.defineByName(line, command);
    let peerDefinedHere = false;
    // One range object for the peer name, shared by its definition, use and reference records.
    const peerArg = command.args.peer;
    const peerRange = peerArg ? argRange(line, peerArg) : undefined;
    if (peerArg) this.touch(peerArg.value);
    if (command.id === 'route-map') {
      const name = command.args.name?.value;
      if (name !== undefined) this.touch(name);
      const entry = this.routeMaps.header(line, command);
      const block = this.blockOpenedBy(line);
      if (entry && block >= 0) this.entryOfBlock.set(block, entry);
    } else if (command.id === 'prefix-list' || command.id === 'ipv6-prefix-list') {
      const name = command.args.name?.value;
      if (name !== undefined) this.touch(name);
      this.prefixLists.add(line, command);
    } else if (command.id === 'router-bgp') {
      const block = this.blockOpenedBy(line);
      if (block >= 0) this.bgp.router(line, block, command);
      defined = this.defineRouter(line, command) || defined;
    } else if (command.id === 'timers-bgp') {
      this.touch(instanceTimersKey(scope));
      this.bgp.addTimers(line, scope, command);
    } else if (command.id.startsWith('neighbor-')) {
      const made = this.bgp.neighbor(line, scope, command, peerRange);
      if (made && peerArg && peerRange) {
        table.define(new DefinitionRecord(made.kind, peerArg.value, scope, peerRange));
        defined = true;
        peerDefinedHere = true;
      }
    }

    const referenced = this.addReferences(line, command, scope, within, peerDefinedHere, peerRange);
    if (!defined && !referenced) this.addWeakReferences(line, within);
  }

  /** The block `line` opens, or -1 (blocks are numbered in the order their headers come). */
  private blockOpenedBy(line: ParsedLine): number {
    const blocks = this.parse.blocks;
    const index = line.index;
    const at = partitionPoint(0, blocks.length, (b) => blocks[b]!.header < index);
    return at < blocks.length && blocks[at]!.header === index ? at : -1;
  }

  finish(): FrrModel {
    const table = this.table;
    const occurrences = table.occurrences.sort(compareOccurrences);
    const lines = this.parse.lines;
    return {
      parse: this.parse,
      symbols: table.symbols,
      symbolsByKind: table.byKind,
      occurrences,
      occurrencesOn: (index) => occurrencesWithin(occurrences, lines[index]!.start, lines[index]!.end),
      routeMaps: this.routeMaps.finish(),
      prefixLists: this.prefixLists.finish(),
      routers: this.bgp.routers,
      rejectedRouters: this.bgp.rejected,
      neighborUses: this.bgp.uses,
      timers: this.bgp.timers,
    };
  }

  private defineByName(line: ParsedLine, command: CommandMatch): boolean {
    const kind = NAME_DEFINITIONS[command.id];
    const nameArg = command.args.name;
    if (!kind || !nameArg || command.negated) return false;
    this.touch(nameArg.value);
    this.table.define(new DefinitionRecord(kind, nameArg.value, '', argRange(line, nameArg)));
    return true;
  }

  private defineRouter(line: ParsedLine, command: CommandMatch): boolean {
    const asnArg = command.args.asn;
    if (!asnArg || command.negated) return false;
    this.touch(asnArg.value);
    this.table.define(new DefinitionRecord('router-bgp', asnArg.value, command.args.vrf?.value ?? '', argRange(line, asnArg)));
    return true;
  }

  /**
   * The command's references from the reference table. A `peer` argument naming a peer-group
   * (`neighbor GROUP route-map …`) configures the group: it is not counted as a use of it.
   */
  private addReferences(
    line: ParsedLine,
    command: CommandMatch,
    scope: string,
    within: SymbolRef | undefined,
    peerDefinedHere: boolean,
    peerRange: LineRange | undefined,
  ): boolean {
    if (command.negated) return false;
    let found = false;
    for (const spec of referenceSpecs(command.id, line.node)) {
      const arg = command.args[spec.arg];
      if (!arg) continue;
      const peer = command.args.peer?.value;
      const usage = peer !== undefined ? usageWithPeer(spec, peer) : spec.usage;
      const refScope = spec.kind === 'peer-group' ? scope : '';
      this.touch(arg.value);
      this.table.reference(new ReferenceRecord(spec.kind, arg.value, refScope, argRange(line, arg), usage, spec.ifMissing, within));
      found = true;
    }
    const peerArg = command.args.peer;
    const peerKind = peerArg && isBgpFamily(line.node) ? this.bgp.peerKind(scope, peerArg.value) : undefined;
    if (peerArg && peerKind && !peerDefinedHere) {
      const kind = peerKind === 'peer-group' ? 'peer-group' : 'neighbor';
      this.table.reference(new ReferenceRecord(kind, peerArg.value, scope, peerRange ?? argRange(line, peerArg), 'neighbor', 'none', undefined, undefined, true));
    }
    return found;
  }

  private addWeakReferences(line: ParsedLine, within: SymbolRef | undefined): void {
    forEachWeakReference(line, (kind, token) => {
      this.touch(token.text);
      this.table.reference(new ReferenceRecord(kind, token.text, '', new LineRange(line, token.start, token.end), 'reference', 'none', within, true));
    });
  }
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
