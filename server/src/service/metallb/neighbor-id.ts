/**
 * The neighbor ID MetalLB and frr-k8s name a session's route-maps and prefix-lists after:
 * `<interface|address>[-<vrf>]`. Rules match user-written FRR against these names, so every
 * layer must derive them the same way.
 */
export function neighborIDOf(address: string, iface: string, vrf: string): string {
  const stem = iface !== '' ? iface : address;
  return vrf !== '' ? `${stem}-${vrf}` : stem;
}
