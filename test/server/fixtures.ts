/** Manifests the language-server tests write to disk or open: two BGPPeers, and extras that override tor-a's `-in` map. */
import { extrasYaml } from '../features/helpers';

export const PEERS = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: tor-a
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64513
  peerAddress: 10.0.0.1
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
`;

/** `route-map 10.0.0.1-in permit 20` (line 8) overrides MetalLB's `permit 20`; its match names prefix-list `recv` (line 7). */
export const EXTRAS = extrasYaml('ip prefix-list recv seq 10 permit 172.16.0.0/16 le 32\nroute-map 10.0.0.1-in permit 20\n  match ip address prefix-list recv\n');
