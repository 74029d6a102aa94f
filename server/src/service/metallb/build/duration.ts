/**
 * Go's `time.ParseDuration`, which is how Kubernetes reads `metav1.Duration` fields such as
 * `holdTime: 1m30s`. Nanoseconds as a JS number: exact up to ~104 days, far beyond any BGP timer.
 */

const UNIT_NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const TERM = /^([0-9]*)(?:\.([0-9]*))?(ns|us|µs|μs|ms|s|m|h)/;

export const NANOS_PER_SECOND = 1e9;

/** Nanoseconds, or undefined when Go would reject the text. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = TERM.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = UNIT_NANOS[m[3]];
    total += Number(m[1] || '0') * unit + (m[2] ? Number(`0.${m[2]}`) * unit : 0);
    rest = rest.slice(m[0].length);
  }
  return sign * Math.trunc(total);
}

/** `int64(d / time.Second)`: Go's integer division truncates toward zero. */
export function wholeSeconds(nanos: number): number {
  return Math.trunc(nanos / NANOS_PER_SECOND);
}
