/** Test helpers: documents with a `‸` cursor marker, and a workspace index built from inline files. */
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

/** A workspace of inline files; the kind follows the extension (.yaml/.yml: YAML, else FRR). */
export function workspace(files: Record<string, string>): WorkspaceIndex {
  return buildWorkspaceIndex(
    Object.entries(files).map(([uri, text]) => ({ uri, text, kind: /\.ya?ml$/.test(uri) ? ('yaml' as const) : ('frr' as const) })),
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

/** A bgpextras ConfigMap whose `extras` block holds `body` (lines indented by four spaces). */
export function extrasYaml(body: string): string {
  const indented = body
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: bgpextras
  namespace: metallb-system
data:
  extras: |
${indented}`;
}
