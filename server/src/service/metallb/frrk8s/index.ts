/** frr-k8s mode: FRRConfiguration generation, merge and the frr.conf frr-k8s renders. */
export type { FrrConfigurationObject, FrrConfigurationSpec, NeighborSpec, RouterSpec } from './api';
export { configName, frrConfigurationFromInternal, frrConfigurationJson } from './fromInternal';
export { frrConfigurationInput } from './fromResource';
export type { FrrConfigurationInput, MergeOptions, MergeResult } from './merge';
export { MERGE_CONFLICT, mergeFrrConfigurations } from './merge';
export type { FrrK8sConfig } from './model';
export type { FrrK8sNodeOptions, FrrK8sNodeResult } from './node';
export { renderFrrK8sNode } from './node';
export { readFrrK8sConfig } from './read';
export { renderFrrK8s } from './render';
