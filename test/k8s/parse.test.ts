import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifests } from '../../server/src/service/k8s/parse';
import type { BGPPeer, BgpExtrasConfigMap, FRRConfiguration, Located, Secret, Service } from '../../server/src/service/k8s/resources';
import { validateResources } from '../../server/src/service/rules/metallb/webhook/index';

const here = dirname(fileURLToPath(import.meta.url));

function textOf(source: string, located: Located<unknown> | undefined): string {
  assert.ok(located, 'value present');
  return source.slice(located.range.start, located.range.end);
}

test('resources fixture: typed resources with ranges (expected.json beside the input)', () => {
  const dir = join(here, 'fixtures', 'resources');
  const source = readFileSync(join(dir, 'input.yaml'), 'utf8');
  const file = parseManifests(source, 'file:///resources.yaml');
  assert.deepEqual(file.findings, []);
  const actual = JSON.parse(JSON.stringify(file.resources));
  const expectedPath = join(dir, 'expected.json');
  if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
  assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));

  const [peer, secret, service, frr, extras] = file.resources as [BGPPeer, Secret, Service, FRRConfiguration, BgpExtrasConfigMap];
  assert.equal(peer.kind, 'BGPPeer');
  assert.equal(peer.version, 'v1beta2');
  assert.equal(peer.uri, 'file:///resources.yaml');
  assert.equal(textOf(source, peer.spec.holdTime), '1m30s');
  assert.equal(source.slice(peer.spec.holdTime!.keyRange!.start, peer.spec.holdTime!.keyRange!.end), 'holdTime');
  assert.equal(textOf(source, peer.spec.nodeSelectors![0].matchExpressions[0].values[1]), 'b');
  assert.equal(secret.values.password.value, 's3cr3t-key');
  assert.equal(secret.values.username.value, 'admin');
  assert.deepEqual(service.annotationIPs.map((ip) => [ip.value, textOf(source, ip)]), [
    ['192.168.10.5', '192.168.10.5'],
    ['fc00::5', 'fc00::5'],
  ]);
  assert.deepEqual(service.ingressIPs.map((ip) => ip.value), ['192.168.10.5', '']);
  assert.equal(service.addressPool?.value, 'public');
  assert.equal(frr.spec.routers[0].neighbors[0].toReceive?.allowed?.prefixes[0].prefix?.value, '192.168.2.0/24');
  const raw = frr.spec.raw!.rawConfig!;
  assert.equal(raw.value, 'ip prefix-list a permit 10.0.0.0/8\nroute-map x permit 10\n');
  const routeMap = raw.value.indexOf('route-map');
  assert.equal(source.slice(raw.embedded.toSourceOffset(routeMap), raw.embedded.toSourceOffset(routeMap) + 9), 'route-map');
  const newline = raw.embedded.toSourceRange({ start: routeMap - 1, end: routeMap });
  assert.equal(source.slice(newline.start, newline.end), '\\n');
  const match = extras.extras!.value.indexOf('match');
  assert.equal(source.slice(extras.extras!.embedded.toSourceOffset(match), extras.extras!.embedded.toSourceOffset(match) + 5), 'match');
});

test('YAML syntax errors: one k8s/yaml finding each, no throw', () => {
  const source = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: a\nspec:\n  addresses: [10.0.0.0/24\n---\nkey: "unterminated\n';
  const file = parseManifests(source);
  assert.ok(file.findings.length >= 1);
  assert.ok(file.findings.every((f) => f.code === 'k8s/yaml' && f.severity === 'error'));
  for (const finding of file.findings) assert.ok(finding.range.start <= finding.range.end && finding.range.end <= source.length);
});

test('files without MetalLB or frr-k8s kinds produce no findings at all', () => {
  assert.deepEqual(parseManifests('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x\n').findings, []);
  assert.deepEqual(parseManifests('apiVersion: v1\nkind: Service\nspec:\n  type: LoadBalancer\n  ports: [{port: "80"}]\n').findings, []);
});

test('wrong value types are reported once as k8s/schema and read as absent', () => {
  const source = 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: p\nspec:\n  myASN: "64512"\n  peerASN: 64513\n  peerAddress: 10.0.0.1\n';
  const file = parseManifests(source);
  assert.deepEqual(file.findings.map((f) => [f.code, source.slice(f.range.start, f.range.end)]), [['k8s/schema', '"64512"']]);
  assert.equal((file.resources[0] as BGPPeer).spec.myASN, undefined);
});

test('list items of the wrong type are k8s/schema findings on the item; the other items are still read', () => {
  const source = [
    'apiVersion: metallb.io/v1beta1',
    'kind: IPAddressPool',
    'metadata:',
    '  name: pool',
    'spec:',
    '  addresses:',
    '  - 10.0.0.0/24',
    '  - {cidr: 10.1.0.0/24}',
    '  - [10.2.0.0/24]',
    '  - 10.3.0.0/24',
    '  -',
    '---',
    'apiVersion: metallb.io/v1beta1',
    'kind: Community',
    'metadata:',
    '  name: c',
    'spec:',
    '  communities:',
    '  - no-advertise',
    '  - name: ok',
    '    value: 65535:65282',
    '  - 7',
    '',
  ].join('\n');
  const file = parseManifests(source);
  const type = (path: string, expected: string, actual: string) => `${path}: Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"`;
  assert.deepEqual(
    file.findings.map((f) => [f.code, source.slice(f.range.start, f.range.end), f.message]),
    [
      ['k8s/schema', '{cidr: 10.1.0.0/24}', type('spec.addresses', 'string', 'object')],
      ['k8s/schema', '[10.2.0.0/24]', type('spec.addresses', 'string', 'array')],
      ['k8s/schema', 'no-advertise', type('spec.communities', 'object', 'string')],
      ['k8s/schema', '7', type('spec.communities', 'object', 'integer')],
    ],
  );
  const [pool, community] = file.resources;
  assert.equal(pool.kind, 'IPAddressPool');
  if (pool.kind === 'IPAddressPool') assert.deepEqual(pool.spec.addresses.map((a) => a.value), ['10.0.0.0/24', '10.3.0.0/24']);
  assert.equal(community.kind, 'Community');
  if (community.kind === 'Community') assert.deepEqual(community.spec.communities.map((c) => c.name?.value), ['ok']);
});

test('Helm templates: one k8s/not-yaml notice when they hold MetalLB resources, nothing otherwise', () => {
  const helm = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  addresses:\n  {{- range .Values.pools }}\n  - {{ . }}\n  {{- end }}\n';
  const file = parseManifests(helm);
  assert.equal(file.skipped, 'not-yaml');
  assert.deepEqual(file.findings.map((f) => [f.code, f.severity, helm.slice(f.range.start, f.range.end)]), [
    ['k8s/not-yaml', 'information', '{{ .Values.name }}'],
  ]);
  assert.deepEqual(parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  x: {{ .Values.x }}\n').findings, []);
  assert.deepEqual(parseManifests('# {{ not a template in a comment }}\napiVersion: v1\nkind: Node\n').findings, []);
});

test('binary junk and random input never throw', () => {
  const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const file = parseManifests(binary);
  assert.equal(file.skipped, 'not-yaml');
  assert.deepEqual(file.findings, []);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = ['apiVersion: metallb.io/v1beta2\n', 'kind: BGPPeer\n', 'spec:\n', '  ', '- ', ':', '"', "'", '|', '>', '{', '[', '\n', '---\n', 'myASN: ', '1', 'x', '\\', '#', '&a ', '*a', '!!str ', '\r\n', '\t'];
  for (let i = 0; i < 300; i++) {
    let text = '';
    const length = Math.floor(random() * 60);
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
    const parsed = parseManifests(text);
    validateResources([parsed]);
  }
});

test('half-typed resources parse and validate without throwing', () => {
  const source = 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\nspec:\n  myASN:\n  nodeSelectors:\n  - matchExpressions:\n    - key:\n';
  const file = parseManifests(source);
  assert.equal(file.resources.length, 1);
  assert.ok(validateResources([file]).length > 0);
});

test('large input: thousands of documents parse', () => {
  const doc = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: p{i}\nspec:\n  addresses:\n  - 10.{a}.{b}.0/24\n';
  const text = Array.from({ length: 3000 }, (_, i) => doc.replace('{i}', String(i)).replace('{a}', String(i >> 8)).replace('{b}', String(i & 255))).join('---\n');
  const file = parseManifests(text);
  assert.equal(file.resources.length, 3000);
  assert.deepEqual(validateResources([file]), []);
});
