/**
 * The bgpextras analysis entry point: the context, every MetalLB extras rule and FRR's own rules
 * on the combined file, as findings in the YAML files (each with its `uri` when the file has one).
 * In frr-k8s mode only the mode rule runs on the extras: MetalLB refuses the configuration before
 * anything else matters. The frr-k8s rules (toReceive, rawConfig) run whenever FRRConfigurations exist.
 */
import type { ManifestFile } from '../../k8s/resources';
import { buildExtrasContext, type ExtrasContext, type ExtrasOptions } from '../../metallb/extras/context';
import type { Finding } from '../../types';
import { FRRK8S_RULES } from '../frrk8s';
import { frrInExtras, runExtrasRules } from './extras';
import { extrasWrongMode } from './extras/extrasWrongMode';
import { OVERLAP_RULES } from './extras-overlap';

export function analyzeExtras(files: readonly ManifestFile[], options: ExtrasOptions): Finding[] {
  return analyzeExtrasContext(buildExtrasContext(files, options));
}

/** The same on a context the caller already holds (the workspace shares one with the editor features). */
export function analyzeExtrasContext(ctx: ExtrasContext): Finding[] {
  const findings = [...ctx.findings, ...FRRK8S_RULES.flatMap((rule) => rule(ctx))];
  if (ctx.extras) {
    if (ctx.options.mode === 'frr') findings.push(...runExtrasRules(ctx), ...frrInExtras(ctx), ...OVERLAP_RULES.flatMap((rule) => rule(ctx)));
    else findings.push(...extrasWrongMode(ctx));
  }
  return findings.sort(
    (a, b) => (a.uri ?? '').localeCompare(b.uri ?? '') || a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code),
  );
}
