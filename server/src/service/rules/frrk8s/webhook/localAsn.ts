/**
 * A neighbor's `localASN`: the CRD's bounds (1 to 4294967295, checked by the API server before the
 * webhook sees the object) and frr-k8s `routerToFRRConfig`'s refusal of it on an iBGP session, a
 * numeric peer ASN equal to the router's. A `dynamicASN: internal` peer is not checked upstream
 * (its ASN field is 0), so it is not reported here either.
 */
import type { Finding } from '../../../types';
import { neighborName, webhookFinding } from './context';
import type { NeighborAt } from './neighbor';

const MAX_ASN = 4294967295;

export function checkLocalAsn(where: NeighborAt): Finding[] {
  const { neighbor: n, router } = where;
  const localASN = n.localASN;
  if (!localASN) return [];
  const field = `${where.path}.localASN`;
  if (localASN.value < 1) {
    return [webhookFinding(where.at, localASN.range, `${field}: Invalid value: ${localASN.value}: ${field} in body should be greater than or equal to 1`)];
  }
  if (localASN.value > MAX_ASN) {
    return [webhookFinding(where.at, localASN.range, `${field}: Invalid value: ${localASN.value}: ${field} in body should be less than or equal to ${MAX_ASN}`)];
  }
  const asn = n.asn?.value ?? 0;
  if (asn !== 0 && asn === (router.asn?.value ?? 0)) {
    return [
      webhookFinding(
        where.at,
        localASN.range,
        `neighbor ${neighborName(n)}: localASN is not supported for iBGP sessions (neighbor ASN ${asn} equals router ASN); local-as only applies to eBGP sessions: remove localASN from this neighbor`,
      ),
    ];
  }
  return [];
}
