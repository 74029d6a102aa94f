// The rawConfig rules on hostile and edge-case manifests: junk and half-typed raw configs, huge
// raw configs, neighbors without an address, raw configs no node selects. None may throw or hang,
// and node selection must decide where a collision is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../../server/src/service/k8s/parse';
import { analyzeExtras } from '../../../server/src/service/rules/metallb/analyze';
import type { Finding } from '../../../server/src/service/types';
import { blockLines } from '../../features/helpers';

const OPTIONS = { metallbVersion: '0.15', mode: 'frr-k8s' } as const;

function manifest(raw: string, extra = ''): string {
  const indented = blockLines(raw, 6);
  return `${extra}apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: peers
spec:
  bgp:
    routers:
    - asn: 64512
      neighbors:
      - address: 172.18.0.5
        asn: 64513
      - asn: 64514
---
apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: lab-raw
spec:
  raw:
    rawConfig: |
${indented}
`;
}

function rawFindings(text: string): Finding[] {
  return analyzeExtras([parseManifests(text, 'file:///input.yaml')], OPTIONS).filter((f) => f.code.startsWith('frrk8s/'));
}

test('junk, binary and half-typed raw configs never throw', () => {
  const inputs = [
    'route-map 172.18.0.5-in permit\nroute-map\nroute-map 172.18.0.5-out\nip prefix-list 172.18.0.5-inpl-ipv4 seq\n',
    'route-map 172.18.0.5-in permit 99999999999999999999\n  match ip address prefix-list\n',
    '\u0000\u0001\u00ff\ufffd route-map -in permit 3\n-in\n-out\n',
    'route-map 172.18.0.5-in frob 3\nroute-map 172.18.0.5-in permit -1\n',
  ];
  for (const raw of inputs) {
    const text = manifest(raw.replaceAll('\u0000', '\\0'));
    assert.doesNotThrow(() => rawFindings(text));
  }
});

test('a huge raw config is checked without hanging, every colliding header reported once', () => {
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) lines.push(`route-map 172.18.0.5-in permit ${3 + (i % 2)}`, `  match community c${i}`);
  for (let i = 0; i < 2000; i++) lines.push(`route-map 172.18.0.${(i % 200) + 10}-out permit ${i + 1}`);
  const findings = rawFindings(manifest(lines.join('\n')));
  assert.equal(findings.filter((f) => f.code === 'frrk8s/seq-collision').length, 2000);
  assert.ok(findings.some((f) => f.code === 'frrk8s/unknown-peer'));
});

const NODES = `apiVersion: v1
kind: Node
metadata:
  name: worker-a
  labels:
    rack: a
---
apiVersion: v1
kind: Node
metadata:
  name: worker-b
  labels:
    rack: b
---
`;

test('a neighbor every node runs gets no node clause; a raw config no node selects is not checked against renders', () => {
  const everywhere = rawFindings(manifest('route-map 172.18.0.5-in permit 3\n  match community lab\n', NODES)).filter((f) => f.code === 'frrk8s/seq-collision');
  assert.equal(everywhere.length, 1);
  assert.ok(!everywhere[0].message.includes('(on node'), everywhere[0].message);

  const unselected = manifest('route-map 172.18.0.5-in permit 3\n  match community lab\n', NODES).replace(
    'metadata:\n  name: lab-raw\nspec:\n',
    'metadata:\n  name: lab-raw\nspec:\n  nodeSelector:\n    matchLabels:\n      rack: c\n',
  );
  assert.deepEqual(rawFindings(unselected).filter((f) => f.code === 'frrk8s/seq-collision'), []);
});

test('without any neighbor, route-maps named like neighbors are not called unknown', () => {
  const text = `apiVersion: frrk8s.metallb.io/v1beta1
kind: FRRConfiguration
metadata:
  name: lab-raw
spec:
  raw:
    rawConfig: |
      route-map 10.0.0.1-in permit 1
`;
  assert.deepEqual(rawFindings(text), []);
});
