/**
 * metallb/unsupported-extras: extras outside what MetalLB documents (custom prefix-lists and
 * per-peer `-in` route-maps with a match): a `router bgp` with another ASN (FRR refuses it and every
 * line inside), BGP instances or neighbors MetalLB does not manage, re-declarations of MetalLB's
 * own entries and session settings (re-sent `ebgp-multihop` is deleted and re-added on every
 * reload: a session reset risk, DESIGN §5).
 */
import type { ParsedLine } from '../../../frr/syntax';
import type { Finding } from '../../../types';
import type { ExtrasContext, ExtrasSource } from '../../../metallb/extras/context';
import { extrasFinding, peerRelated, peersKnown, peerWords, perNode, splitPeerRouteMap } from './shared';

export const CODE = 'metallb/unsupported-extras';

interface RouterOf {
  asn: string;
  vrf: string;
}

export function unsupportedExtras(ctx: ExtrasContext): Finding[] {
  const source = ctx.extras;
  if (!source) return [];
  const known = peersKnown(ctx);
  return perNode(ctx, (view) => {
    const findings: Finding[] = [];
    const reportedPeers = new Set<string>();
    const add = (line: ParsedLine, severity: Finding['severity'], message: string, id?: string) =>
      findings.push(extrasFinding(ctx, { code: CODE, severity, range: commandRange(line), message, ...(id ? { related: peerRelated(ctx, id) } : {}) }));
    source.parse.lines.forEach((line) => {
      const command = line.command;
      if (line.kind !== 'command' || !command || command.negated) return;
      if (command.id === 'route-map') {
        const peer = splitPeerRouteMap(command.args.name?.value ?? '');
        const ownsIt = peer?.direction === 'in' && (known ? view.neighborIds.has(peer.id) : true);
        if (ownsIt && command.args.seq?.value === '20' && command.args.action?.value === 'deny') {
          add(line, 'warning', `This re-declares MetalLB's own \`route-map ${peer!.id}-in deny 20\` for ${peerWords(ctx, peer!.id)}: clauses added here change what MetalLB's catch-all denies. Put overrides in an entry below 20 instead.`, peer!.id);
        }
        return;
      }
      if (!known) return;
      if (command.id === 'router-bgp') {
        const asn = command.args.asn?.value;
        const vrf = command.args.vrf?.value ?? '';
        if (asn === undefined) return;
        const running = view.render.routers.find((r) => r.vrf === vrf);
        const vrfWords = vrf === '' ? 'the default VRF' : `VRF ${vrf}`;
        if (running && String(running.asn) !== asn) {
          add(line, 'error', `MetalLB runs BGP as AS ${running.asn} in ${vrfWords}: FRR refuses \`router bgp ${asn}\` ("BGP is already running; AS is ${running.asn}") and every line inside this stanza fails.`);
        } else if (!running) {
          add(line, 'warning', `MetalLB runs no BGP instance in ${vrfWords} on this node: this instance is outside what MetalLB manages and documents for bgpextras.`);
        }
        return;
      }
      if (!command.id.startsWith('neighbor-') || !command.args.peer) return;
      const router = routerOf(source, line);
      if (!router) return;
      const peerName = command.args.peer.value;
      const neighbor = view.render.neighbors.find((n) => n.peer === peerName && n.vrf === router.vrf);
      if (!neighbor) {
        const key = `${router.vrf}|${peerName}`;
        if (reportedPeers.has(key)) return;
        reportedPeers.add(key);
        add(line, 'warning', `${peerName} is not a neighbor MetalLB configures${router.vrf ? ` in VRF ${router.vrf}` : ''}: sessions defined in bgpextras are outside what MetalLB supports, and it never reconciles them.`);
        return;
      }
      if (command.id === 'neighbor-ebgp-multihop' && neighbor.session.ebgpMultiHop) {
        add(line, 'warning', `MetalLB already writes \`neighbor ${peerName} ebgp-multihop\` for ${peerWords(ctx, neighbor.id)}: frr-reload.py deletes and re-adds it on every reload, which can reset the session. Remove this line.`, neighbor.id);
      } else if (command.id === 'neighbor-route-map') {
        const direction = command.args.direction?.value;
        const expected = direction === 'in' ? `${neighbor.id}-in` : `${neighbor.id}-out`;
        if (command.args.name?.value !== expected) {
          add(line, 'warning', `MetalLB attaches route-map ${expected} ${direction} to ${peerWords(ctx, neighbor.id)}: this line replaces it until the next reload puts MetalLB's back. Override through ${expected} instead.`, neighbor.id);
        }
      }
    });
    return findings;
  });
}

/** The `router bgp` stanza a line sits in (through its address-family block), from the extras' own parse. */
function routerOf(source: ExtrasSource, line: ParsedLine): RouterOf | undefined {
  let block = source.parse.blocks[line.block];
  while (block && block.parent >= 0) block = source.parse.blocks[block.parent];
  const header = block ? source.parse.lines[block.header].command : undefined;
  if (!header || header.id !== 'router-bgp') return undefined;
  return { asn: header.args.asn?.value ?? '', vrf: header.args.vrf?.value ?? '' };
}


/** The command's words, without the indentation the line may carry. */
function commandRange(line: ParsedLine): { start: number; end: number } {
  const first = line.tokens[0];
  const last = line.tokens[line.tokens.length - 1];
  return first && last ? { start: first.start, end: last.end } : line.range;
}
