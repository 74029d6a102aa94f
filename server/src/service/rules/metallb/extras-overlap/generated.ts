/**
 * Extras lines added to a prefix-list MetalLB generates (`<ID>-allowed-ipv4`, the local-pref and
 * community lists): FRR merges them by seq, so an extras entry that MetalLB's entries already
 * cover never applies (`frr/shadowed-entry` on the combined file says so), and one that covers
 * MetalLB's entries overrides what MetalLB decided (with a different action, it withdraws or leaks
 * the Services' announcements): that second case is this module's.
 */
import type { RenderModel } from '../../../metallb/render';
import type { Finding } from '../../../types';
import { crossOriginCovered, type Covered } from './coverage';
import { describeViewEntry, extrasEntries, generatedEntries, type ViewEntry } from './listView';
import { findingAt, type EmbeddedFrrSource } from './source';

export function generatedListOverlaps(source: EmbeddedFrrSource, render: RenderModel, code: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const neighbor of render.neighbors) {
    for (const generated of neighbor.prefixLists) {
      const family = generated.family === 'ipv6' ? 'ipv6' : 'ipv4';
      const key = `${family}|${generated.name}`;
      const extras = source.model.prefixLists[family].get(generated.name);
      if (!extras || seen.has(key)) continue;
      seen.add(key);
      for (const covered of crossOriginCovered([...generatedEntries(generated), ...extrasEntries(extras)])) {
        // An extras entry behind MetalLB's is `frr/shadowed-entry` on the combined file; the reverse
        // points at MetalLB's line, which that rule cannot show, so it is reported here on the extras line.
        if (covered.entry.origin === 'metallb') findings.push(toFinding(source, covered, neighbor.id, code));
      }
    }
  }
  return findings;
}

function differentAction(entry: ViewEntry, by: ViewEntry[]): boolean {
  return by.some((other) => other.action !== entry.action);
}

function toFinding(source: EmbeddedFrrSource, covered: Covered, neighborID: string, code: string): Finding {
  const { entry, by } = covered;
  const other = differentAction(entry, by);
  const extras = by.filter((e) => e.origin === 'extras');
  return findingAt(source, extras[0].lineRange!, {
    code,
    severity: 'warning',
    message:
      `${extras.map(describeViewEntry).join(' and ')} cover${extras.length === 1 ? 's' : ''} ${describeViewEntry(entry)}, ` +
      `generated for neighbor ${neighborID}` +
      (other
        ? `, with a different action: MetalLB's ${entry.action} never applies, so what it decided for those Service IPs is reversed.`
        : `: MetalLB's entry never applies; this line decides for those prefixes instead, whatever MetalLB renders later.`),
  });
}
