/** Test helpers: documents with a `‸` cursor marker, and a workspace index built from inline files. */
import { lineTokens, tokenLength, tokenOffset, tokenType, TOKEN_TYPES, type TokenType } from '../../server/src/service/features/semanticTokens';
import type { ParseResult } from '../../server/src/service/frr/syntax';
import { buildWorkspaceIndex, type WorkspaceIndex } from '../../server/src/service/features/workspaceIndex';

export interface Cursor {
  text: string;
  offset: number;
}

/** The cursor marker: not `|`, which YAML block scalars need. */
export const MARK = '‸';

/** `text` with its single `‸` removed, and the offset where it stood. */
export function cursor(marked: string): Cursor {
  const offset = marked.indexOf(MARK);
  if (offset < 0 || marked.indexOf(MARK, offset + 1) >= 0) throw new Error(`exactly one ${MARK} cursor marker expected`);
  return { text: marked.slice(0, offset) + marked.slice(offset + MARK.length), offset };
}

/**
 * A workspace of inline files; the kind follows the extension (.yaml/.yml: YAML, else FRR). With a
 * mode, the index carries MetalLB's options as the language server's does.
 */
export function workspace(files: Record<string, string>, mode?: 'frr' | 'frr-k8s'): WorkspaceIndex {
  return buildWorkspaceIndex(
    Object.entries(files).map(([uri, text]) => ({ uri, text, kind: /\.ya?ml$/.test(uri) ? ('yaml' as const) : ('frr' as const) })),
    mode ? { metallb: { metallbVersion: '0.16', mode } } : {},
  );
}

export const PEERS_YAML = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: tor-a
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64513
  peerAddress: 10.0.0.1
  bfdProfile: fast
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: tor-b
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64513
  peerAddress: 10.0.0.2
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: tor-red
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64514
  peerAddress: 10.1.0.1
  vrf: red
---
apiVersion: metallb.io/v1beta1
kind: BFDProfile
metadata:
  name: fast
  namespace: metallb-system
spec:
  receiveInterval: 100
`;

/** `body` as the content of a YAML block scalar: every line but the empty ones indented by `spaces`. */
export function blockLines(body: string, spaces: number): string {
  const indent = ' '.repeat(spaces);
  return body
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join('\n');
}

/** A bgpextras ConfigMap whose `extras` block holds `body` (lines indented by four spaces). */
export function extrasYaml(body: string): string {
  const indented = blockLines(body, 4);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: bgpextras
  namespace: metallb-system
data:
  extras: |
${indented}`;
}

/** An unnumbered BGPPeer: its neighbor ID is the interface, and frr-k8s's incoming lists are `-dual`. */
export const INTERFACE_PEER_YAML = `---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: tor-eth1
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64520
  interface: eth1
`;

/**
 * FRRConfiguration neighbors: 10.0.0.1 is also BGPPeer tor-a (frr-k8s merges the two), 10.0.0.3
 * only this configuration declares. Its rawConfig (lines indented by six spaces) holds `body`.
 */
export function frrConfigurationYaml(body: string): string {
  const indented = blockLines(body, 6);
  return `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: tor-c
  namespace: frr-k8s-system
spec:
  bgp:
    routers:
    - asn: 64512
      prefixes: [192.168.10.0/24]
      neighbors:
      - address: 10.0.0.1
        asn: 64513
        toAdvertise:
          allowed:
            prefixes: [192.168.10.0/24]
      - address: 10.0.0.3
        asn: 64515
        toReceive:
          allowed:
            prefixes:
            - prefix: 172.16.0.0/16
        toAdvertise:
          allowed:
            mode: all
          withLocalPref:
          - localPref: 200
            prefixes: [192.168.10.0/24]
          withCommunity:
          - community: "065000:0100"
            prefixes: [192.168.10.0/24]
  raw:
    rawConfig: |
${indented}`;
}

/** Every semantic token of a parse, with offsets into its text. */
export function documentTokens(parse: ParseResult): { start: number; end: number; type: TokenType }[] {
  const result: { start: number; end: number; type: TokenType }[] = [];
  for (const line of parse.lines) {
    for (const token of lineTokens(line, parse.source)) {
      const start = line.start + tokenOffset(token);
      result.push({ start, end: start + tokenLength(token), type: TOKEN_TYPES[tokenType(token)]! });
    }
  }
  return result;
}
