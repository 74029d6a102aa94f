/**
 * BGPPeer hold/keepalive derivation (MetalLB `internal/config` `parseTimers`): one given derives the
 * other (keepalive = hold / 3, hold = keepalive * 3); both absent stays absent so no `timers` line
 * is written; the values reach FRR as whole seconds, truncated.
 */
import { parseGoDuration } from '../../k8s/duration';

export const NANOS_PER_SECOND = 1e9;

/** `int64(d / time.Second)`: Go's integer division truncates toward zero. */
export function wholeSeconds(nanos: number): number {
  return Math.trunc(nanos / NANOS_PER_SECOND);
}

export interface SessionTimers {
  /** Seconds; undefined when the peer sets neither timer. */
  holdTime?: number;
  keepaliveTime?: number;
}

function nanosOf(text: string | undefined, field: string): number | undefined | { error: string } {
  if (text === undefined) return undefined;
  const parsed = parseGoDuration(text);
  return parsed.ok ? parsed.nanoseconds : { error: `invalid ${field} "${text}": ${parsed.error}` };
}

/** Seconds to render, or the message MetalLB rejects the peer with. */
export function deriveTimers(holdText: string | undefined, keepaliveText: string | undefined): SessionTimers | string {
  const hold = nanosOf(holdText, 'holdTime');
  const keepalive = nanosOf(keepaliveText, 'keepaliveTime');
  if (typeof hold === 'object') return hold.error;
  if (typeof keepalive === 'object') return keepalive.error;
  if (hold === undefined && keepalive === undefined) return {};
  const holdNanos = hold ?? (keepalive as number) * 3;
  const keepaliveNanos = keepalive ?? Math.trunc((hold as number) / 3);
  const rounded = wholeSeconds(holdNanos);
  if (rounded !== 0 && rounded < 3) return `invalid hold time "${holdText ?? `${rounded}s`}": must be 0 or >=3s`;
  if (keepaliveNanos > holdNanos) {
    return `invalid keepaliveTime "${keepaliveText}", must be lower than holdTime "${holdText ?? `${rounded}s`}"`;
  }
  return { holdTime: wholeSeconds(holdNanos), keepaliveTime: wholeSeconds(keepaliveNanos) };
}
