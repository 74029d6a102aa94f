/**
 * Conformance: the bgpextras examples of ../shared/corpus/metallb-yaml/bgpextras give the findings
 * their comments predict.
 *   - bgpextras-receive-routes-from-e2e.yaml: "reusing seq 20 collides with MetalLB's route-map
 *     <id>-in deny 20" → metallb/in-seq-collision on both `-in permit 20` stanzas, alone and with
 *     BGPPeers for the example peer IPs (then naming them, and no unknown-peer / missing-peer-lines).
 *   - bgpextras-openstack-install_yamls-reference.yaml: install_yamls#621 moved `-out permit 1` to
 *     `permit 3` "because seq 1 collided with the route-map entry MetalLB generates for IPv4" → no
 *     metallb/out-seq-collision as stored, and one per stanza when put back to `permit 1`; its
 *     `-in permit 20` stanzas → metallb/in-seq-collision, and without their match → metallb/empty-match.
 * Run: node --import tsx conformance/extras-corpus.ts   (exit 1 when a prediction fails, 2 when the corpus is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../server/src/service/k8s/parse';
import { analyzeExtras } from '../server/src/service/rules/metallb/analyze';
import type { Finding } from '../server/src/service/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.FRR_METALLB_CORPUS ?? join(root, '..', 'shared', 'corpus');
const dir = join(corpus, 'metallb-yaml', 'bgpextras');
const E2E = 'bgpextras-receive-routes-from-e2e.yaml';
const OPENSTACK = 'bgpextras-openstack-install_yamls-reference.yaml';

for (const name of [E2E, OPENSTACK]) {
  if (!existsSync(join(dir, name))) {
    console.error(`extras-corpus: missing ${join(dir, name)} (set FRR_METALLB_CORPUS to the corpus folder)`);
    process.exit(2);
  }
}

const E2E_PEERS = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: frr-a, namespace: metallb-system}
spec: {myASN: 64512, peerASN: 64512, peerAddress: 172.18.0.5}
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: frr-red, namespace: metallb-system}
spec: {myASN: 64512, peerASN: 64512, peerAddress: 172.18.0.6, vrf: red}
`;

interface Run {
  label: string;
  files: { uri: string; text: string }[];
}

function run({ files }: Run): { findings: Finding[]; texts: Map<string, string> } {
  const manifests = files.map((f) => parseManifests(f.text, f.uri));
  return { findings: analyzeExtras(manifests, { metallbVersion: '0.16', mode: 'frr' }), texts: new Map(files.map((f) => [f.uri, f.text])) };
}

let checks = 0;
let failures = 0;
function expect(label: string, ok: boolean): void {
  checks++;
  if (!ok) failures++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}`);
}

function report(r: Run): Finding[] {
  const { findings, texts } = run(r);
  console.log(`${r.label}: ${findings.length} findings`);
  for (const f of findings) {
    const text = (texts.get(f.uri ?? '') ?? '').slice(f.range.start, f.range.end).split('\n')[0];
    console.log(`    ${f.severity.padEnd(11)} ${f.code.padEnd(30)} ${JSON.stringify(text)}`);
  }
  return findings;
}

const count = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).length;

const e2eText = readFileSync(join(dir, E2E), 'utf8');
const e2eAlone = report({ label: E2E, files: [{ uri: E2E, text: e2eText }] });
expect('e2e: in-seq-collision on both `-in permit 20` stanzas', count(e2eAlone, 'metallb/in-seq-collision') === 2);

const e2eWithPeers = report({ label: `${E2E} + BGPPeers 172.18.0.5, 172.18.0.6 vrf red`, files: [{ uri: 'peers.yaml', text: E2E_PEERS }, { uri: E2E, text: e2eText }] });
expect('e2e with peers: in-seq-collision on both stanzas', count(e2eWithPeers, 'metallb/in-seq-collision') === 2);
expect('e2e with peers: the messages name the BGPPeers', e2eWithPeers.filter((f) => f.code === 'metallb/in-seq-collision' && /BGPPeer frr-(a|red)/.test(f.message)).length === 2);
expect('e2e with peers: no unknown-peer, no missing-peer-lines', count(e2eWithPeers, 'metallb/unknown-peer') + count(e2eWithPeers, 'metallb/missing-peer-lines') === 0);

const osText = readFileSync(join(dir, OPENSTACK), 'utf8');
const osStored = report({ label: OPENSTACK, files: [{ uri: OPENSTACK, text: osText }] });
expect('openstack as stored (`-out permit 3`): no out-seq-collision', count(osStored, 'metallb/out-seq-collision') === 0);
expect('openstack: in-seq-collision on both `-in permit 20` stanzas', count(osStored, 'metallb/in-seq-collision') === 2);
expect('openstack: empty-match on both `-in` stanzas (their match is commented out)', count(osStored, 'metallb/empty-match') === 2);

const beforeFix = osText.replace(/(-out permit) 3\b/g, '$1 1');
expect('openstack before install_yamls#621 differs from the stored file', beforeFix !== osText);
const osBefore = report({ label: `${OPENSTACK} with \`-out permit 1\` (before install_yamls#621)`, files: [{ uri: OPENSTACK, text: beforeFix }] });
expect('openstack before #621: out-seq-collision on both `-out permit 1` stanzas', count(osBefore, 'metallb/out-seq-collision') === 2);

console.log(`extras-corpus: ${checks - failures}/${checks} predictions hold`);
process.exit(failures === 0 ? 0 : 1);
