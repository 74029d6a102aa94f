/**
 * BGP instances and neighbors as bgpd builds them while reading a file: one ASN per VRF
 * ("BGP is already running; AS is N"), neighbors created by remote-as / interface / peer-group
 * assignment, and every other per-neighbor command checked against what exists at that point.
 */
import type { Block, CommandMatch, ParsedLine } from '../syntax';
import { isAddress as isAddressText } from '../prefix';
import { argRange, type LineRange } from './anchor';
import { NeighborUseRecord, RejectedRouterRecord, RouterRecord, TimersRecord } from './records';
import type { BgpTimers, NeighborUse, PeerKind, RejectedRouter } from './types';

/** Lines that create the peer they name (so they are not uses of an existing one). */
const CREATES_INTERFACE_PEER = new Set(['neighbor-interface', 'neighbor-interface-remote-as']);

export interface NeighborDefinition {
  kind: 'neighbor' | 'peer-group';
  scope: string;
}

export class BgpBuilder {
  readonly routers = new Map<string, RouterRecord>();
  readonly rejected: RejectedRouter[] = [];
  readonly uses: NeighborUse[] = [];
  readonly timers: BgpTimers[] = [];
  private readonly peers = new Map<string, Map<string, PeerKind>>();
  /** Scope (VRF) of each `router bgp` block; null for a block FRR refused to enter. */
  private readonly blockScope: (string | null | undefined)[] = [];

  constructor(private readonly blocks: Block[]) {}

  /** A `router bgp` header opening block `block`. */
  router(line: ParsedLine, block: number, command: CommandMatch): void {
    if (command.negated) return;
    const vrf = command.args.vrf?.value ?? '';
    const asn = command.args.asn?.value;
    const existing = this.routers.get(vrf);
    if (existing) {
      const asnArg = command.args.asn;
      if (asn !== undefined && asnArg && asn !== existing.asn) {
        this.rejected.push(new RejectedRouterRecord(argRange(line, asnArg), asn, vrf, existing.asn, existing.headerLines[0]!));
        this.blockScope[block] = null;
        return;
      }
      existing.headerLines.push(line);
    } else {
      if (asn === undefined) {
        this.blockScope[block] = null;
        return;
      }
      this.routers.set(vrf, new RouterRecord(asn, vrf, line));
      this.peers.set(vrf, new Map());
    }
    this.blockScope[block] = vrf;
  }

  /** The BGP instance (VRF) a line in a BGP or address-family block belongs to; null when refused. */
  scopeOf(line: ParsedLine): string | null {
    let block = line.block;
    while (block >= 0) {
      const known = this.blockScope[block];
      if (known !== undefined) return known;
      block = this.blocks[block]?.parent ?? -1;
    }
    return null;
  }

  peerKind(scope: string, name: string): PeerKind | undefined {
    return this.peers.get(scope)?.get(name);
  }

  /**
   * A `neighbor …` line inside instance `scope`. Returns the definition the line makes, if any,
   * so the caller can enter it in the symbol table.
   */
  neighbor(line: ParsedLine, scope: string, command: CommandMatch, peerRange: LineRange | undefined): NeighborDefinition | undefined {
    const peerArg = command.args.peer;
    if (!peerArg) return undefined;
    const peers = this.peers.get(scope);
    if (!peers) return undefined;
    const peer = peerArg.value;
    const isAddress = isAddressText(peer);
    if (command.negated) {
      if (command.id === 'neighbor-delete' || command.id === 'neighbor-peer-group') peers.delete(peer);
      return undefined;
    }
    const known = peers.get(peer);
    if (command.id === 'neighbor-peer-group') {
      peers.set(peer, 'peer-group');
      return { kind: 'peer-group', scope };
    }
    if (CREATES_INTERFACE_PEER.has(command.id)) {
      if (known === undefined) peers.set(peer, 'interface');
      return known === undefined ? { kind: 'neighbor', scope } : undefined;
    }
    if ((command.id === 'neighbor-remote-as' || command.id === 'neighbor-peer-group-assign') && isAddress) {
      if (known === undefined) {
        peers.set(peer, 'address');
        return { kind: 'neighbor', scope };
      }
      return undefined;
    }
    this.uses.push(new NeighborUseRecord(scope, peer, peerRange ?? argRange(line, peerArg), command.id, known ?? 'unknown', isAddress));
    if (command.id === 'neighbor-timers' && known !== undefined) this.addTimers(line, scope, command, peer);
    return undefined;
  }

  addTimers(line: ParsedLine, scope: string, command: CommandMatch, peer?: string): void {
    const keepalive = command.args.keepalive;
    const hold = command.args.hold;
    if (command.negated || !keepalive || !hold) return;
    if (!/^\d+$/.test(keepalive.value) || !/^\d+$/.test(hold.value)) return;
    this.timers.push(new TimersRecord(line, scope, peer, Number(keepalive.value), Number(hold.value), keepalive, hold));
  }
}
