/**
 * `frr-lint render --mode frr-k8s`: the frr.conf frr-k8s renders on a node where MetalLB runs in
 * frr-k8s mode. MetalLB's generated FRRConfiguration is merged with the user's ones (already
 * selected for the node), as frr-k8s does, and every merge conflict is reported.
 */
import type { Finding } from '../../types';
import type { InternalConfig } from '../internal';
import type { FrrConfigurationSpec } from './api';
import { frrConfigurationFromInternal } from './fromInternal';
import type { FrrConfigurationInput } from './merge';
import { asInput, mergeFrrConfigurations } from './merge';
import type { FrrK8sConfig } from './model';
import { renderFrrK8s } from './render';

export interface FrrK8sNodeOptions {
  /** Namespace of MetalLB's generated FRRConfiguration; `metallb-system` by default. */
  namespace?: string;
}

export interface FrrK8sNodeResult {
  text: string;
  conflicts: Finding[];
  config: FrrK8sConfig;
}

export function renderFrrK8sNode(
  internal: InternalConfig,
  userConfigs: (FrrConfigurationSpec | FrrConfigurationInput)[],
  options: FrrK8sNodeOptions = {},
): FrrK8sNodeResult {
  const generated = frrConfigurationFromInternal(internal, { node: internal.hostname, namespace: options.namespace ?? 'metallb-system' });
  const inputs: FrrConfigurationInput[] = [
    { name: generated.metadata.name, spec: generated.spec },
    ...userConfigs.map(asInput),
  ];
  const { config, conflicts } = mergeFrrConfigurations(inputs, { hostname: internal.hostname, logLevel: internal.logLevel || 'informational' });
  return { text: renderFrrK8s(config), conflicts, config };
}
