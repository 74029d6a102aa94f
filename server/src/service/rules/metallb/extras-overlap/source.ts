/** FRR text embedded in a manifest (bgpextras `extras`, frr-k8s `rawConfig`) as the overlap checks read it. */
import type { FrrModel, RouteMapEntry } from '../../../frr/model';
import type { Family } from '../../../frr/prefix';
import type { EmbeddedText } from '../../../k8s/embedded';
import type { Finding, OffsetRange } from '../../../types';

export interface EmbeddedFrrSource {
  model: FrrModel;
  embedded: EmbeddedText;
  /** The manifest file holding the text. */
  uri?: string;
}

/** A finding on a range of the embedded text, placed in the manifest. */
export function findingAt(source: EmbeddedFrrSource, range: OffsetRange, finding: Omit<Finding, 'range' | 'uri'>): Finding {
  const placed: Finding = { ...finding, range: source.embedded.toSourceRange(range) };
  if (source.uri !== undefined) placed.uri = source.uri;
  return placed;
}

export const PREFIX_LIST_MATCHES: Readonly<Record<string, Family>> = {
  'rmap-match-ip-address-prefix-list': 'ipv4',
  'rmap-match-ipv6-address-prefix-list': 'ipv6',
};

/** The prefix-lists a route-map entry matches on, by family. */
export function matchedLists(entry: RouteMapEntry): { family: Family; name: string }[] {
  const out: { family: Family; name: string }[] = [];
  for (const [kind, clause] of entry.matches) {
    const family = PREFIX_LIST_MATCHES[kind];
    const name = clause.args.name?.value;
    if (family && name !== undefined) out.push({ family, name });
  }
  return out;
}
