/** FRR's node tree (FRR-GRAMMAR.md §2): the node each context returns to when it is left. */
import type { NodeId } from './syntax';

/** The address-family nodes `router bgp` opens (the EVPN VNI node sits one level deeper). */
export const BGP_ADDRESS_FAMILY_NODES: readonly NodeId[] = [
  'BGP_IPV4',
  'BGP_IPV6',
  'BGP_IPV4M',
  'BGP_IPV6M',
  'BGP_IPV4L',
  'BGP_IPV6L',
  'BGP_VPNV4',
  'BGP_VPNV6',
  'BGP_FLOWSPECV4',
  'BGP_FLOWSPECV6',
  'BGP_EVPN',
  'BGP_OTHER_AF',
];

const PARENTS: Partial<Record<NodeId, NodeId>> = {
  RMAP: 'CONFIG',
  BGP: 'CONFIG',
  VRF: 'CONFIG',
  INTERFACE: 'CONFIG',
  BFD: 'CONFIG',
  VTY: 'CONFIG',
  KEYCHAIN: 'CONFIG',
  BFD_PEER: 'BFD',
  BFD_PROFILE: 'BFD',
  KEYCHAIN_KEY: 'KEYCHAIN',
  BGP_EVPN_VNI: 'BGP_EVPN',
  ...Object.fromEntries(BGP_ADDRESS_FAMILY_NODES.map((node) => [node, 'BGP'])),
};

/** The fixed parent of a modelled node; undefined for CONFIG and OPAQUE (whose parent is wherever it opened). */
export function parentNode(node: NodeId): NodeId | undefined {
  return PARENTS[node];
}

/** Address-family (and VNI) nodes inside `router bgp`. */
export function isBgpSubNode(node: NodeId): boolean {
  return BGP_ADDRESS_FAMILY_NODES.includes(node) || node === 'BGP_EVPN_VNI';
}

export function isBgpFamily(node: NodeId): boolean {
  return node === 'BGP' || isBgpSubNode(node);
}

/** Nodes whose contents the project does not model: lines are accepted unless they clearly belong higher up. */
export function isLenient(node: NodeId): boolean {
  return node === 'OPAQUE' || node === 'BGP_OTHER_AF';
}

const LABELS: Partial<Record<NodeId, string>> = {
  CONFIG: 'top level',
  RMAP: 'route-map',
  BGP: 'router bgp',
  VRF: 'vrf',
  INTERFACE: 'interface',
  BFD: 'bfd',
  BFD_PEER: 'bfd peer',
  BFD_PROFILE: 'bfd profile',
  VTY: 'line vty',
  KEYCHAIN: 'key chain',
  KEYCHAIN_KEY: 'key',
  BGP_IPV4: 'address-family ipv4 unicast',
  BGP_IPV6: 'address-family ipv6 unicast',
  BGP_IPV4M: 'address-family ipv4 multicast',
  BGP_IPV6M: 'address-family ipv6 multicast',
  BGP_IPV4L: 'address-family ipv4 labeled-unicast',
  BGP_IPV6L: 'address-family ipv6 labeled-unicast',
  BGP_VPNV4: 'address-family ipv4 vpn',
  BGP_VPNV6: 'address-family ipv6 vpn',
  BGP_FLOWSPECV4: 'address-family ipv4 flowspec',
  BGP_FLOWSPECV6: 'address-family ipv6 flowspec',
  BGP_EVPN: 'address-family l2vpn evpn',
  BGP_EVPN_VNI: 'vni',
};

/** How FRR users call the context, for messages. */
export function nodeLabel(node: NodeId): string {
  return LABELS[node] ?? node.toLowerCase();
}
