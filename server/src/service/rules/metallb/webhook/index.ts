/**
 * Workspace-level MetalLB validation: what MetalLB's admission webhooks (and the configuration
 * parser behind them) would refuse, over every manifest file at once, since a BGPPeer in one file
 * may name a BFDProfile defined in another.
 */
import type { Finding } from '../../../types';
import type { ManifestFile } from '../../../k8s/resources';
import { checkBfdEchoOnIPv6, checkBfdProfiles } from './bfdprofile';
import { checkBGPAdvertisements } from './bgpadvertisement';
import { checkBGPPeers } from './bgppeer';
import { checkCommunities } from './community';
import { contextFor } from './context';
import { checkFrrModeConsistency } from './frr-mode';
import { checkLegacyConfig } from './legacy-config';
import { checkPools } from './pools';

export function validateResources(files: readonly ManifestFile[]): Finding[] {
  const context = contextFor(files.flatMap((file) => file.resources));
  return [
    ...checkBGPPeers(context),
    ...checkFrrModeConsistency(context),
    ...checkBfdProfiles(context),
    ...checkPools(context),
    ...checkCommunities(context),
    ...checkBGPAdvertisements(context),
    ...checkBfdEchoOnIPv6(context),
    ...checkLegacyConfig(context),
  ];
}
