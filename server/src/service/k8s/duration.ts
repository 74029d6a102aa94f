/**
 * Go's `time.ParseDuration`, which decides how MetalLB reads `holdTime`, `keepaliveTime` and
 * `connectTime`: a sequence of decimal numbers with units, optional sign, `0` alone allowed.
 */

const UNIT_NANOSECONDS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's largest Duration (int64 nanoseconds). */
const MAX_DURATION_NS = 9223372036854775807;

export type DurationResult = { ok: true; nanoseconds: number } | { ok: false; error: string };

export function parseGoDuration(text: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, error: `time: invalid duration "${text}"` });
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanoseconds: 0 };
  if (rest === '') return invalid();
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    if (!number || (number[1] === '' && (number[2] === undefined || number[2] === ''))) return invalid();
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]+/.exec(rest);
    if (!unit) return { ok: false, error: `time: missing unit in duration "${text}"` };
    const scale = UNIT_NANOSECONDS[unit[0]];
    if (scale === undefined) return { ok: false, error: `time: unknown unit "${unit[0]}" in duration "${text}"` };
    rest = rest.slice(unit[0].length);
    const whole = Number(number[1] === '' ? '0' : number[1]);
    const fraction = number[2] ? Number(`0.${number[2]}`) : 0;
    total += Math.trunc(whole * scale + fraction * scale);
    if (total > MAX_DURATION_NS) return invalid();
  }
  return { ok: true, nanoseconds: negative ? -total : total };
}

