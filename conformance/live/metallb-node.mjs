// The "node" side of the live test: MetalLB's frr.conf for one BGPPeer, rendered by our renderer,
// with each bgpextras variant appended, and the same setup as manifests for `frr-lint check`.
import { tsImport } from 'tsx/esm/api';

export const NODE = { hostname: 'worker-1', asn: 64512, address: '192.0.2.1' };
export const TOR = { asn: 64513, address: '192.0.2.2' };
export const LB_IP = '192.168.10.5/32';
/** The prefix the extras accept; the tor also announces the other two, which must stay out. */
export const WANTED = '172.16.1.0/24';
export const TOR_PREFIXES = ['172.16.1.0/24', '172.16.2.0/24', '10.99.0.0/24'];
/** MetalLB's neighbor ID for the peer, hence its route-map names. */
export const IN_MAP = `${TOR.address}-in`;

function extrasWithSeq(action, seq) {
  return [
    `ip prefix-list recv seq 10 permit ${WANTED}`,
    `route-map ${IN_MAP} ${action} ${seq}`,
    '  match ip address prefix-list recv',
    '',
  ].join('\n');
}

/** Plain MetalLB output, the documented `permit 20` override, our fix, and an unreachable seq. */
export const VARIANTS = {
  plain: '',
  permit10: extrasWithSeq('permit', 10),
  permit20: extrasWithSeq('permit', 20),
  permit30: extrasWithSeq('permit', 30),
};

/** Only what differs from the defaults parseInternalConfig fills in. */
function internalConfig(extras) {
  return {
    hostname: NODE.hostname,
    extras,
    sessions: [
      {
        peerAddress: TOR.address,
        peerPort: 179,
        myASN: NODE.asn,
        peerASN: TOR.asn,
        // Short timers so a session comes up (and a failed first connect is retried) within seconds.
        holdTime: 9,
        keepaliveTime: 3,
        connectTime: 2,
        advertised: [{ prefix: LB_IP, localPref: 0 }],
      },
    ],
  };
}

/** Renders through the project's own TypeScript sources (tsx), exactly as the product does. */
export async function loadRenderer(root) {
  const internal = await tsImport(`${root}/server/src/service/metallb/internal.ts`, import.meta.url);
  const render = await tsImport(`${root}/server/src/service/metallb/render/index.ts`, import.meta.url);
  return (extras) => render.renderFrrConf(internal.parseInternalConfig(internalConfig(extras)), '0.16');
}

function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

/** The Kubernetes objects that make MetalLB render the config above, for the linter's view of it. */
export function manifests(extras) {
  const docs = [
    `apiVersion: v1
kind: Node
metadata:
  name: ${NODE.hostname}
  labels:
    kubernetes.io/hostname: ${NODE.hostname}
`,
    `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: tor
  namespace: metallb-system
spec:
  myASN: ${NODE.asn}
  peerASN: ${TOR.asn}
  peerAddress: ${TOR.address}
  holdTime: 9s
  keepaliveTime: 3s
  connectTime: 2s
`,
    `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: public
  namespace: metallb-system
spec:
  addresses:
  - 192.168.10.0/24
`,
    `apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata:
  name: public-adv
  namespace: metallb-system
`,
    `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  type: LoadBalancer
  ports:
  - port: 80
status:
  loadBalancer:
    ingress:
    - ip: ${LB_IP.split('/')[0]}
`,
  ];
  if (extras !== '') {
    // The ConfigMap goes first: applied after the BGPPeers it would need a speaker restart (apply-order).
    docs.unshift(`apiVersion: v1
kind: ConfigMap
metadata:
  name: bgpextras
  namespace: metallb-system
data:
  extras: |
${indent(extras, '    ')}`);
  }
  return docs.join('---\n');
}
