/**
 * frrk8s/timer-not-rendered (warning): a neighbor timer the user sets that frr-k8s leaves out of
 * frr.conf because it, or the hold or keepalive time it pairs with, equals frr-k8s's default
 * (timerDrops.ts), on the YAML value FRR never sees, with what FRR runs instead and what to write. Checked in FRRConfigurations and, in
 * frr-k8s mode, in BGPPeers, whose timers MetalLB hands to frr-k8s unchanged. Timers frr-k8s (or
 * MetalLB) refuses are left to the rules that report the refusal. A neighbor whose timers a
 * rawConfig sets on every node that runs it is not reported: FRR takes them from there.
 */
import { parseGoDuration } from '../../k8s/duration';
import type { BGPPeer, FRRConfiguration, FrrK8sNeighbor, FrrK8sRouter, Located } from '../../k8s/resources';
import { deriveTimers, wholeSeconds } from '../../metallb/build/timers';
import type { ExtrasContext } from '../../metallb/extras/context';
import { neighborID } from '../../metallb/frrk8s/model';
import type { Finding, RelatedLocation } from '../../types';
import { rawContext, type RawContext } from '../../metallb/extras/rawContext';
import { DEFAULT_SECONDS, lostTimers, remedy, whatFrrRuns, type LostTimer, type NeighborTimers, type SessionPlace, type TimerField } from './timerDrops';

export const TIMER_NOT_RENDERED_CODE = 'frrk8s/timer-not-rendered';

/** One neighbor's timers as written, with the seconds frr-k8s receives. */
interface Declaration {
  written: Partial<Record<TimerField, Located<string>>>;
  seconds: NeighborTimers;
  /** The neighbor ID frr-k8s renders on the nodes (`<address|interface>[-<vrf>]`). */
  id: string;
  vrf: string;
  place: SessionPlace;
  uri?: string;
}

export function timerNotRendered(ctx: ExtrasContext): Finding[] {
  const declarations = [...configurationDeclarations(ctx), ...(ctx.options.mode === 'frr-k8s' ? peerDeclarations(ctx) : [])];
  const findings: Finding[] = [];
  for (const declaration of declarations) {
    for (const lost of lostTimers(declaration.seconds)) {
      const field = declaration.written[lost.field];
      // MetalLB derives a missing hold or keepalive from the other (three times, a third), which
      // never makes it the lost one: the lost value is always written.
      if (!field || setInRaw(rawContext(ctx), declaration, lost)) continue;
      findings.push(finding(declaration, lost, field));
    }
  }
  return findings;
}

function finding(d: Declaration, lost: LostTimer, field: Located<string>): Finding {
  const partner = d.written[lost.dropped];
  const why =
    lost.field === 'connectTime'
      ? `frr-k8s drops it as ${defaultWords(field, lost.dropped)} and writes no \`timers connect\` line`
      : `frr-k8s drops ${partner ? `${lost.dropped} ${partner.value}` : `the ${lost.dropped} MetalLB derives from it`} as ${defaultWords(partner, lost.dropped)} and writes \`neighbor ${d.place.peer} timers\` only with both values`;
  const related: RelatedLocation[] =
    partner && partner !== field ? [{ uri: d.uri, range: partner.range, message: `frr-k8s drops this ${lost.dropped} as its default` }] : [];
  return {
    code: TIMER_NOT_RENDERED_CODE,
    severity: 'warning',
    range: field.range,
    ...(d.uri !== undefined ? { uri: d.uri } : {}),
    message: `${lost.field} ${field.value} has no effect on neighbor ${d.place.peer}: ${why}, so ${whatFrrRuns(lost)}. ${remedy(lost, d.place)}`,
    ...(related.length > 0 ? { related } : {}),
  };
}

/** "its default", naming the default's seconds when the text does not already say them. */
function defaultWords(text: Located<string> | undefined, field: TimerField): string {
  const seconds = `${DEFAULT_SECONDS[field]}s`;
  return text?.value === seconds ? 'its default' : `its default (${seconds})`;
}

/** Whether every node that runs the neighbor appends a rawConfig setting the lost timer for it. */
function setInRaw(rctx: RawContext, d: Declaration, lost: LostTimer): boolean {
  const command = lost.field === 'connectTime' ? 'neighbor-timers-connect' : 'neighbor-timers';
  const views = rctx.nodes.filter((view) => view.neighborIds.has(d.id));
  return (
    views.length > 0 &&
    views.every((view) =>
      rctx.raws.some(
        (raw) => raw.nodes.includes(view) && raw.model.neighborUses.some((use) => use.commandId === command && use.scope === d.vrf && use.peer === d.place.peer),
      ),
    )
  );
}

function routerWords(asn: number | undefined, vrf: string): string {
  return `router bgp ${asn ?? 0}${vrf !== '' ? ` vrf ${vrf}` : ''}`;
}

function configurationDeclarations(ctx: ExtrasContext): Declaration[] {
  return ctx.files.flatMap((file) =>
    file.resources
      .filter((r): r is FRRConfiguration => r.kind === 'FRRConfiguration')
      .flatMap((resource) =>
        resource.spec.routers.flatMap((router) =>
          router.neighbors.flatMap((neighbor) => {
            const declared = configurationNeighbor(router, neighbor);
            const uri = resource.uri ?? file.uri;
            return declared ? [{ ...declared, ...(uri !== undefined ? { uri } : {}) }] : [];
          }),
        ),
      ),
  );
}

function configurationNeighbor(router: FrrK8sRouter, n: FrrK8sNeighbor): Declaration | undefined {
  const peer = n.interface?.value || n.address?.value;
  const seconds = configurationSeconds(n);
  if (!peer || !seconds) return undefined;
  const vrf = router.vrf?.value ?? '';
  return {
    written: written(n.holdTime, n.keepaliveTime, n.connectTime),
    seconds,
    id: neighborID({ addr: peer, iface: '', vrf }),
    vrf,
    place: { peer, router: routerWords(router.asn?.value, vrf) },
  };
}

/**
 * The seconds frr-k8s renders, or undefined when it refuses them: a duration Go cannot parse,
 * `parseTimers` (both of hold and keepalive or neither, a hold of 0 or at least 3s, a keepalive
 * no longer than the hold), or a connect time the CRD's rules refuse (1 to 65535 whole seconds).
 */
function configurationSeconds(n: FrrK8sNeighbor): NeighborTimers | undefined {
  const nanos = (field: Located<string> | undefined): number | undefined | null => {
    if (!field) return undefined;
    const parsed = parseGoDuration(field.value);
    return parsed.ok ? parsed.nanoseconds : null;
  };
  const [hold, keepalive, connect] = [nanos(n.holdTime), nanos(n.keepaliveTime), nanos(n.connectTime)];
  if (hold === null || keepalive === null || connect === null) return undefined;
  if ((hold === undefined) !== (keepalive === undefined)) return undefined;
  const seconds: NeighborTimers = {};
  if (hold !== undefined && keepalive !== undefined) {
    seconds.hold = wholeSeconds(hold);
    seconds.keepalive = wholeSeconds(keepalive);
    if ((seconds.hold !== 0 && seconds.hold < 3) || keepalive > hold) return undefined;
  }
  if (connect !== undefined) {
    seconds.connect = wholeSeconds(connect);
    if (Math.trunc(connect / 1e6) % 1000 !== 0 || seconds.connect < 1 || seconds.connect > 65535) return undefined;
  }
  return seconds;
}

function peerDeclarations(ctx: ExtrasContext): Declaration[] {
  return [...ctx.peersById.values()].flatMap((refs) =>
    refs.flatMap((ref) => {
      const seconds = peerSeconds(ref.peer);
      const peer = ref.peer.spec.interface?.value || ref.peer.spec.peerAddress?.value;
      if (!peer || !seconds) return [];
      const vrf = ref.peer.spec.vrf?.value ?? '';
      const { holdTime, keepaliveTime, connectTime } = ref.peer.spec;
      return [
        {
          written: written(holdTime, keepaliveTime, connectTime),
          seconds,
          id: ref.id,
          vrf,
          place: { peer, router: routerWords(ref.peer.spec.myASN?.value, vrf) },
          ...(ref.uri !== undefined ? { uri: ref.uri } : {}),
        },
      ];
    }),
  );
}

/** The seconds MetalLB puts in its FRRConfiguration (`sessionForPeer`), or undefined when it refuses the peer's timers. */
function peerSeconds(peer: BGPPeer): NeighborTimers | undefined {
  const { holdTime, keepaliveTime, connectTime } = peer.spec;
  // MetalLB's conversion webhook turns a v1beta1 peer's unset timers into 0s.
  const timers = peer.version === 'v1beta1' ? deriveTimers(holdTime?.value ?? '0s', keepaliveTime?.value ?? '0s') : deriveTimers(holdTime?.value, keepaliveTime?.value);
  const connect = connectTime ? parseGoDuration(connectTime.value) : undefined;
  if (typeof timers === 'string' || (connect && !connect.ok)) return undefined;
  const seconds: NeighborTimers = {};
  if (timers.holdTime !== undefined) seconds.hold = timers.holdTime;
  if (timers.keepaliveTime !== undefined) seconds.keepalive = timers.keepaliveTime;
  if (connect?.ok) seconds.connect = wholeSeconds(connect.nanoseconds);
  return seconds;
}

function written(hold: Located<string> | undefined, keepalive: Located<string> | undefined, connect: Located<string> | undefined): Declaration['written'] {
  return {
    ...(hold ? { holdTime: hold } : {}),
    ...(keepalive ? { keepaliveTime: keepalive } : {}),
    ...(connect ? { connectTime: connect } : {}),
  };
}
