/** MetalLB FRR-mode renderer: internal config → the frr.conf the speaker writes, plus its structure. */
import type { InternalConfig } from '../internal';
import { buildRenderModel } from './model';
import { renderModelText } from './text';
import type { MetalLBVersion } from './version';

export { buildRenderModel, neighborID } from './model';
export type {
  AddressFamily,
  FrrFamilyWord,
  NeighborFamily,
  OutRouteMapEntry,
  PrefixListEntry,
  PrefixListRole,
  RenderedNeighbor,
  RenderedPrefixList,
  RenderedRouter,
  RenderModel,
} from './model';
export { renderModelText } from './text';
export { isMetalLBVersion, LATEST_METALLB_VERSION, METALLB_VERSIONS, versionTraits } from './version';
export type { MetalLBVersion, VersionTraits } from './version';

export function renderFrrConf(config: InternalConfig, version: MetalLBVersion): string {
  return renderModelText(buildRenderModel(config, version));
}
