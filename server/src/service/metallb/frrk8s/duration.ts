/** Go's `time.Duration.String()` for whole seconds, as `metav1.Duration` marshals them. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/**
 * Whole seconds of a Kubernetes duration string (`90s`, `1m30s`, `1.5m`, `500ms`); undefined when
 * it is not one. Sub-second remainders are truncated, as frr-k8s does when it writes FRR timers.
 */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/y;
  if (text === '0') return 0;
  if (text === '' || text.length > 64) return undefined;
  let total = 0;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * units[match[2]];
    at = re.lastIndex;
  }
  return Math.floor(total + 1e-9);
}
