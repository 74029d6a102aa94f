/**
 * The pre-0.13 ConfigMap `config`: MetalLB ≤ 0.12 read it with yaml.v2 `UnmarshalStrict`, so one
 * unknown key (typically a CRD-style camelCase name such as `bfdProfile` where the parser reads
 * `bfd-profile`) made it refuse the whole configuration.
 */
import type { Finding } from '../../../types';
import { webhookError, type WebhookContext } from './context';

export function checkLegacyConfig(context: WebhookContext): Finding[] {
  const findings: Finding[] = [];
  for (const configMap of context.legacyConfigs) {
    for (const unknown of configMap.config?.unknownKeys ?? []) {
      const hint = unknown.suggestion ? ` (the legacy configuration spells it "${unknown.suggestion}")` : '';
      const finding = webhookError(
        configMap,
        unknown.key.range,
        `could not parse config: yaml: unmarshal errors:\n  line ${unknown.line}: field ${unknown.key.value} not found in type ${unknown.goType}${hint}`,
      );
      if (unknown.suggestion) {
        finding.fixes = [{ title: `Rename to ${unknown.suggestion}`, edits: [{ range: unknown.key.range, newText: unknown.suggestion }], safe: true }];
      }
      findings.push(finding);
    }
  }
  return findings;
}
