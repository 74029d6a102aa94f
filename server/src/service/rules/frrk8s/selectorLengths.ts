/**
 * `ge` / `le` of frr-k8s `toReceive.allowed.prefixes[]` items, with their source ranges. The typed
 * resources keep only each item's `prefix`, so the items are found again in the YAML by the
 * offset of that value.
 */
import { isScalar, parseAllDocuments, visit } from 'yaml';
import type { Located } from '../../k8s/resources';
import type { OffsetRange } from '../../types';

export interface SelectorLengths {
  ge?: Located<number>;
  le?: Located<number>;
}

/** Selector items of one file, keyed by the start offset of their `prefix` value. */
export function selectorLengths(text: string): Map<number, SelectorLengths> {
  const out = new Map<number, SelectorLengths>();
  for (const document of parseAllDocuments(text)) {
    if (!('contents' in document)) continue;
    visit(document, {
      Map(_, map) {
        const prefix = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'prefix');
        if (!prefix || !isScalar(prefix.value) || !prefix.value.range) return;
        const lengths: SelectorLengths = {};
        for (const pair of map.items) {
          if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range || !pair.key.range) continue;
          const key = pair.key.value;
          const value = Number(pair.value.value);
          if ((key !== 'ge' && key !== 'le') || !Number.isInteger(value)) continue;
          lengths[key] = { value, range: rangeOf(pair.value.range), keyRange: rangeOf(pair.key.range) };
        }
        out.set(prefix.value.range[0], lengths);
      },
    });
  }
  return out;
}

function rangeOf(range: [number, number, number]): OffsetRange {
  return { start: range[0], end: range[1] };
}

