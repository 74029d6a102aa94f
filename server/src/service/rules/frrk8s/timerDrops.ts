/**
 * Which neighbor timers a user sets that never reach frr.conf, what FRR runs instead and what to
 * write for the intended session. frr-k8s merges every router with itself (`validateRouterConfig`
 * in `api_to_config.go`), and the merge (`cleanNeighborDefaults`, `merge.go`) unsets each timer
 * equal to frr-k8s's default on its own: hold 180s, keepalive 60s, connect 60s. Its template writes
 * `neighbor X timers K H` only when both remain, and `timers connect C` when C remains.
 * Without those lines FRR runs its own defaults: the router's timers (keepalive 60s and hold 180s
 * unless `timers bgp` says otherwise) and a 120s connect retry. Those are FRR's `traditional`
 * profile, which FRR uses when, as in frr-k8s's frr.conf, no `frr defaults` line names another.
 * Only drops that change the session are reported: FRR sends keepalives every
 * min(keepalive, negotiated hold / 3) seconds, so with a 180s hold a keepalive of 0 or of 60s
 * and more runs exactly as the default does.
 */

export type TimerField = 'holdTime' | 'keepaliveTime' | 'connectTime';

/** A neighbor's timers in whole seconds, as frr-k8s receives them, and valid (frr-k8s refuses the neighbor otherwise). */
export interface NeighborTimers {
  hold?: number;
  keepalive?: number;
  connect?: number;
}

export interface LostTimer {
  /** The setting FRR never sees. */
  field: TimerField;
  seconds: number;
  /** The setting frr-k8s drops as its default, taking `field` with it (`field` itself for the connect time). */
  dropped: TimerField;
}

const FRRK8S_DEFAULT_HOLD = 180;
const FRRK8S_DEFAULT_KEEPALIVE = 60;
const FRRK8S_DEFAULT_CONNECT = 60;
/** FRR's connect retry without `timers connect` (`BGP_CONNECT_RETRY`, traditional profile). */
const FRR_DEFAULT_CONNECT = 120;

export const DEFAULT_SECONDS: Record<TimerField, number> = {
  holdTime: FRRK8S_DEFAULT_HOLD,
  keepaliveTime: FRRK8S_DEFAULT_KEEPALIVE,
  connectTime: FRRK8S_DEFAULT_CONNECT,
};

export function lostTimers(t: NeighborTimers): LostTimer[] {
  const lost: LostTimer[] = [];
  if (t.hold !== undefined && t.keepalive === FRRK8S_DEFAULT_KEEPALIVE && t.hold !== FRRK8S_DEFAULT_HOLD) {
    lost.push({ field: 'holdTime', seconds: t.hold, dropped: 'keepaliveTime' });
  }
  if (t.hold === FRRK8S_DEFAULT_HOLD && t.keepalive !== undefined && t.keepalive > 0 && t.keepalive < FRRK8S_DEFAULT_KEEPALIVE) {
    lost.push({ field: 'keepaliveTime', seconds: t.keepalive, dropped: 'holdTime' });
  }
  if (t.connect === FRRK8S_DEFAULT_CONNECT) lost.push({ field: 'connectTime', seconds: t.connect, dropped: 'connectTime' });
  return lost;
}

/** Where FRR takes the line frr-k8s leaves out. */
export interface SessionPlace {
  /** The peer as frr.conf names it: the address, or the interface of an unnumbered session. */
  peer: string;
  /** `router bgp 64512` or `router bgp 64512 vrf red`. */
  router: string;
}

/** What FRR runs in place of the line frr-k8s leaves out. */
export function whatFrrRuns(lost: LostTimer): string {
  return lost.field === 'connectTime'
    ? `FRR waits its own default of ${FRR_DEFAULT_CONNECT}s between connection attempts`
    : "FRR runs the router's timers (keepalive 60s and hold 180s, unless `timers bgp` sets others)";
}

/** The settings that give the intended session, as a sentence. */
export function remedy(lost: LostTimer, at: SessionPlace): string {
  const raw = (line: string) => `write \`neighbor ${at.peer} ${line}\` under \`${at.router}\` in an FRRConfiguration's rawConfig`;
  if (lost.field === 'connectTime') {
    return `For a ${lost.seconds}s connect time, ${raw(`timers connect ${lost.seconds}`)}, or set connectTime to 59s or 61s.`;
  }
  if (lost.field === 'keepaliveTime') {
    return `For a ${lost.seconds}s keepalive, ${raw(`timers ${lost.seconds} ${FRRK8S_DEFAULT_HOLD}`)}, or set holdTime to 179s, which frr-k8s keeps.`;
  }
  const line = raw(`timers ${FRRK8S_DEFAULT_KEEPALIVE} ${lost.seconds}`);
  // Below a 180s hold the negotiated hold / 3 is under 60s, so a keepalive of a third of the hold runs exactly as 60s would.
  if (lost.seconds < FRRK8S_DEFAULT_HOLD) {
    return `For a ${lost.seconds}s hold, set keepaliveTime to ${Math.floor(lost.seconds / 3)}s, which runs exactly as 60s would with that hold, or ${line}.`;
  }
  return `For a ${lost.seconds}s hold, ${line}, or set keepaliveTime to 59s, which frr-k8s keeps.`;
}
