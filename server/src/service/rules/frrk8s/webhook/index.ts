/**
 * `frrk8s/webhook`: what frr-k8s's FRRConfiguration admission webhook (v1beta1) would deny or warn
 * about, on the offending YAML value. The webhook denies an invalid nodeSelector, warns on
 * disableMP, then for every Node the object selects converts all FRRConfigurations selecting that
 * node (the new version replacing the old) with the controller's `apiToFRR` and denies any error.
 * Here each FRRConfiguration's own errors are reported once (router.ts, bfd.ts), and the merge of
 * each node's set reports conflicts between FRRConfigurations as `frrk8s/merge-conflict`
 * (metallb/frrk8s/merge.ts) and what the merged routers break of EVPN's rules (evpn.ts), naming
 * the nodes. `toReceive` prefix lengths are left to
 * `frrk8s/to-receive-range`, which already reports them with frr-k8s's messages.
 */
import type { FRRConfiguration, ManifestFile } from '../../../k8s/resources';
import { selectorMatches } from '../../../k8s/selectors';
import type { ExtrasContext } from '../../../metallb/extras/context';
import { frrConfigurationInput } from '../../../metallb/frrk8s/fromResource';
import { mergeFrrConfigurations, type FrrConfigurationInput } from '../../../metallb/frrk8s/merge';
import { listNodes, type ManifestNode } from '../../../metallb/nodes';
import type { Finding } from '../../../types';
import { duplicateBfdProfiles } from './bfd';
import type { PlacedConfiguration } from './context';
import { evpnFindings } from './evpn';
import { checkRouters } from './router';
import { disableMPWarnings, invalidNodeSelector } from './selection';

export { WEBHOOK_CODE } from './context';

interface Placed extends PlacedConfiguration {
  file: ManifestFile;
}

export function frrk8sWebhook(ctx: ExtrasContext): Finding[] {
  const placed: Placed[] = ctx.files.flatMap((file) =>
    file.resources
      .filter((r): r is FRRConfiguration => r.kind === 'FRRConfiguration')
      .map((resource) => {
        const uri = resource.uri ?? file.uri;
        return uri === undefined ? { resource, file } : { resource, file, uri };
      }),
  );
  const findings: Finding[] = [];
  const admitted: Placed[] = [];
  for (const p of placed) {
    // The API server refuses an object that breaks the CRD schema before the webhook sees it.
    if (refusedBySchema(p)) continue;
    findings.push(...disableMPWarnings(p));
    const selector = invalidNodeSelector(p);
    if (selector) findings.push(selector);
    else admitted.push(p);
  }
  const nodes = listNodes(ctx.files.flatMap((file) => file.resources)).nodes;
  if (nodes.length === 0) {
    // Without any Node the webhook itself would check nothing (it converts per selected node), but
    // the user wants the errors before applying: each FRRConfiguration is checked on its own.
    // An EVPN neighbor in another FRRConfiguration may well run on the same node: any one counts.
    for (const p of admitted) findings.push(...ownFindings(p), ...conflicts([p]), ...evpnFindings([p], admitted));
    return dedupe(findings);
  }
  const selectedOn = new Map<string, { configurations: Placed[]; nodes: string[] }>();
  for (const node of nodes) {
    const configurations = latestVersions(admitted.filter((p) => selects(p, node)));
    if (configurations.length === 0) continue;
    const key = configurations.map((p) => admitted.indexOf(p)).join(',');
    const group = selectedOn.get(key) ?? { configurations, nodes: [] };
    group.nodes.push(node.name);
    selectedOn.set(key, group);
  }
  const checked = new Set<Placed>();
  const conflictNodes = new Map<string, { finding: Finding; nodes: string[] }>();
  for (const { configurations, nodes: names } of selectedOn.values()) {
    for (const p of configurations) {
      if (!checked.has(p)) findings.push(...ownFindings(p));
      checked.add(p);
    }
    for (const finding of [...conflicts(configurations), ...evpnFindings(configurations)]) {
      const seen = conflictNodes.get(keyOf(finding)) ?? { finding, nodes: [] };
      seen.nodes.push(...names);
      conflictNodes.set(keyOf(finding), seen);
    }
  }
  for (const { finding, nodes: names } of conflictNodes.values()) findings.push({ ...finding, message: `${finding.message} ${onNodes(names)}` });
  return dedupe(findings);
}

function refusedBySchema(p: Placed): boolean {
  const { range } = p.resource;
  return p.file.findings.some((f) => f.code === 'k8s/schema' && f.range.start >= range.start && f.range.end <= range.end);
}

function selects(p: Placed, node: ManifestNode): boolean {
  const selector = p.resource.spec.nodeSelector;
  return !selector || selectorMatches(selector, node.labels);
}

/** Applying a later object of the same namespace and name replaces the earlier one. */
function latestVersions(configurations: Placed[]): Placed[] {
  const identity = (p: Placed) => `${p.resource.metadata.namespace?.value ?? ''}/${p.resource.metadata.name?.value ?? ''}`;
  return configurations.filter((p, i) => !p.resource.metadata.name || !configurations.slice(i + 1).some((later) => identity(later) === identity(p)));
}

/** The errors `apiToFRR` finds in one FRRConfiguration, whatever else selects its nodes. */
function ownFindings(p: Placed): Finding[] {
  return [...duplicateBfdProfiles(p), ...checkRouters(p)];
}

/**
 * Merge conflicts between the FRRConfigurations one node runs (or within one FRRConfiguration).
 * A BFD profile declared twice in one FRRConfiguration is bfd.ts's finding: only its first
 * declaration takes part in the merge.
 */
function conflicts(configurations: Placed[]): Finding[] {
  const inputs = configurations.map(({ resource }): FrrConfigurationInput => {
    const input = frrConfigurationInput(resource);
    const profiles = input.spec.bgp?.bfdProfiles ?? [];
    const first = profiles.filter((profile, i) => profiles.findIndex((p) => p.name === profile.name) === i);
    return { ...input, spec: { ...input.spec, bgp: { ...input.spec.bgp, bfdProfiles: first } } };
  });
  return mergeFrrConfigurations(inputs, { hostname: 'node' }).conflicts;
}

function onNodes(nodes: string[]): string {
  const shown = nodes.length > 5 ? [...nodes.slice(0, 5), `and ${nodes.length - 5} more`] : nodes;
  return `(on node${nodes.length === 1 ? '' : 's'} ${shown.join(', ')})`;
}

function keyOf(f: Finding): string {
  return `${f.code}|${f.uri ?? ''}|${f.range.start}|${f.range.end}|${f.message}`;
}

/** One finding per place and message (a dual-stack neighbor's checks run once per family). */
function dedupe(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) if (!byKey.has(keyOf(f))) byKey.set(keyOf(f), f);
  return [...byKey.values()];
}
