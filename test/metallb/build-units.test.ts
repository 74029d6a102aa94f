/** Unit tests of the pieces behind buildInternalConfig: addresses, communities, timers, versions, nodes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseManifests } from '../../server/src/service/k8s/parse';
import { compareCommunities, formatCommunity, isCommunity, parseCommunity } from '../../server/src/service/metallb/build/community';
import { buildInternalConfig, parseMetallbVersion } from '../../server/src/service/metallb/build/index';
import { canonicalIP, formatCIDR, parsePoolAddresses } from '../../server/src/service/metallb/build/ip';
import { deriveTimers } from '../../server/src/service/metallb/build/timers';
import { listNodes } from '../../server/src/service/metallb/nodes';

const build = (yaml: string, node = 'worker-1', metallbVersion = 'v0.16.1') =>
  buildInternalConfig(parseManifests(yaml).resources, node, { metallbVersion });

const NODE = `apiVersion: v1
kind: Node
metadata: {name: worker-1, labels: {kubernetes.io/hostname: worker-1}}
`;
const PEER = `---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: tor, namespace: metallb-system}
spec: {myASN: 64512, peerASN: 64513, peerAddress: 10.0.0.1}
`;

describe('addresses as Go prints them', () => {
  test('IPv6 is lower-cased and RFC 5952 compressed, IPv4-mapped becomes IPv4', () => {
    assert.equal(canonicalIP('FC00:F853:0CCD:E799:0000:0000:0000:0001'), 'fc00:f853:ccd:e799::1');
    assert.equal(canonicalIP('2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
    assert.equal(canonicalIP('2001:db8:0:1:1:1:1:1'), '2001:db8:0:1:1:1:1:1');
    assert.equal(canonicalIP('::'), '::');
    assert.equal(canonicalIP('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(canonicalIP('64:ff9b::192.0.2.33'), '64:ff9b::c000:221');
  });

  test('what Go rejects is rejected', () => {
    for (const bad of ['010.0.0.1', '1.2.3', '256.1.1.1', '1::2::3', '12345::1', 'fe80::1%eth0', '1.2.3.4::', '::01.2.3.4', '', 'x']) {
      assert.equal(canonicalIP(bad), undefined, bad);
    }
  });

  test('pool ranges are summarised into CIDRs like mikioh/ipaddr', () => {
    const cidrs = parsePoolAddresses('3.3.3.2-3.3.3.254');
    assert.ok(Array.isArray(cidrs));
    assert.equal(cidrs.length, 13);
    assert.deepEqual(cidrs.slice(0, 3).map(formatCIDR), ['3.3.3.2/31', '3.3.3.4/30', '3.3.3.8/29']);
    assert.equal(formatCIDR(cidrs[12]), '3.3.3.254/32');
    assert.deepEqual((parsePoolAddresses('192.168.10.7/24') as never[]).map(formatCIDR), ['192.168.10.0/24']);
    assert.equal(parsePoolAddresses('10.0.0.9-10.0.0.1'), 'invalid IP range "10.0.0.9-10.0.0.1": start IP "10.0.0.9" is after the end IP "10.0.0.1"');
    assert.match(parsePoolAddresses('10.0.0.0/33') as string, /invalid CIDR/);
  });

  test('pool ranges follow config.ParseCIDR across families and in its error texts', () => {
    assert.equal(parsePoolAddresses('10.0.0.1-::1'), 'invalid IP range "10.0.0.1-::1": start IP "10.0.0.1" is after the end IP "::1"');
    assert.equal(
      parsePoolAddresses('2001:DB8:0::5-2001:db8::1'),
      'invalid IP range "2001:DB8:0::5-2001:db8::1": start IP "2001:db8::5" is after the end IP "2001:db8::1"',
    );
    assert.equal(parsePoolAddresses('10.0.0.1 - 10.0.0.x'), 'invalid IP range "10.0.0.1 - 10.0.0.x": invalid end IP " 10.0.0.x"');
    assert.equal(parsePoolAddresses('010.0.0.1-10.0.0.2'), 'invalid IP range "010.0.0.1-10.0.0.2": invalid start IP "010.0.0.1"');
    assert.deepEqual(parsePoolAddresses('10.0.0.1-ffff::1'), []);
    assert.deepEqual((parsePoolAddresses('::ffff:10.0.0.4 - 10.0.0.7') as never[]).map(formatCIDR), ['10.0.0.4/30']);
  });
});

describe('communities', () => {
  test('standard and large values, with MetalLB ordering', () => {
    const parsed = ['65535:65282', 'large:1:2:3', '7:7'].map(parseCommunity);
    assert.ok(parsed.every(isCommunity));
    const sorted = [...parsed].filter(isCommunity).sort(compareCommunities).map(formatCommunity);
    assert.deepEqual(sorted, ['large:1:2:3', '7:7', '65535:65282']);
  });

  test('out-of-range halves and unknown formats are errors', () => {
    assert.equal(isCommunity(parseCommunity('65536:1')), false);
    assert.equal(isCommunity(parseCommunity('big:1:2:3')), false);
    const format = parseCommunity('no-export');
    assert.ok(!isCommunity(format) && format.badFormat);
  });

  test('errors carry MetalLB community.New text', () => {
    const errorOf = (text: string) => {
      const parsed = parseCommunity(text);
      assert.ok(!isCommunity(parsed));
      return parsed.error;
    };
    assert.equal(
      errorOf('1:70000'),
      'invalid community value: invalid section "70000" of community "1:70000", err: "strconv.ParseUint: parsing \\"70000\\": value out of range"',
    );
    assert.equal(
      errorOf('large:1:x:3'),
      'invalid community value: invalid section "x" of community "large:1:x:3", err: "strconv.ParseUint: parsing \\"x\\": invalid syntax"',
    );
    assert.equal(
      errorOf('big:1:2:3'),
      'invalid community value: invalid marker for large community, expected community to be of format large:<uint32>:<uint32>:<uint32> but got "big:1:2:3" instead',
    );
    assert.equal(errorOf('no-export'), 'invalid community format: no-export');
    assert.deepEqual(parseCommunity('large:4294967295:0:1'), { large: true, parts: [4294967295, 0, 1] });
  });
});

describe('timers', () => {
  test('derivation and truncation to whole seconds', () => {
    assert.deepEqual(deriveTimers(undefined, undefined), {});
    assert.deepEqual(deriveTimers('10s', undefined), { holdTime: 10, keepaliveTime: 3 });
    assert.deepEqual(deriveTimers(undefined, '20s'), { holdTime: 60, keepaliveTime: 20 });
    assert.deepEqual(deriveTimers('0s', '0s'), { holdTime: 0, keepaliveTime: 0 });
    assert.deepEqual(deriveTimers('3.9s', undefined), { holdTime: 3, keepaliveTime: 1 });
  });

  test('refusals', () => {
    assert.match(deriveTimers('2s', undefined) as string, /must be 0 or >=3s/);
    assert.match(deriveTimers('9s', '10s') as string, /must be lower than holdTime/);
    assert.match(deriveTimers('ten seconds', undefined) as string, /invalid holdTime/);
  });
});

describe('MetalLB versions and the legacy ConfigMap', () => {
  const legacy = `---
apiVersion: v1
kind: ConfigMap
metadata: {name: config, namespace: metallb-system}
data:
  config: |
    peers:
    - {peer-address: 10.0.0.9, peer-asn: 65009, my-asn: 64512}
`;

  test('version text', () => {
    assert.deepEqual(parseMetallbVersion('v0.12.1'), [0, 12]);
    assert.deepEqual(parseMetallbVersion('0.15.3'), [0, 15]);
    assert.equal(parseMetallbVersion('main'), undefined);
  });

  test('v0.12 reads only the ConfigMap, newer versions only the CRs when both exist', () => {
    const old = build(NODE + PEER + legacy, 'worker-1', 'v0.12.1');
    assert.deepEqual(old.config.sessions.map((s) => s.peerAddress), ['10.0.0.9']);
    assert.ok(old.notes.some((n) => n.includes('CRs are ignored')));
    const current = build(NODE + PEER + legacy);
    assert.deepEqual(current.config.sessions.map((s) => s.peerAddress), ['10.0.0.1']);
    assert.ok(current.notes.some((n) => n.includes('ignores the legacy ConfigMap')));
  });

  test('v0.12 without the ConfigMap is an error and has no session', () => {
    const result = build(NODE + PEER, 'worker-1', 'v0.12.1');
    assert.deepEqual(result.config.sessions, []);
    assert.equal(result.errors.length, 1);
  });
});

describe('configuration errors MetalLB refuses', () => {
  const pool = (addresses: string, extra = '') => `---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: p, namespace: metallb-system}
spec: {addresses: [${addresses}]}
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: {name: a1, namespace: metallb-system}
spec: {ipAddressPools: [p]${extra}}
`;

  test('aggregation shorter than the pool (ranges count by their widest block)', () => {
    const result = build(NODE + PEER + pool('"10.0.0.10-10.0.0.20"', ', aggregationLength: 28'));
    assert.match(result.errors.join('\n'), /more specific than the aggregation length/);
    assert.deepEqual(build(NODE + PEER + pool('10.0.0.0/26', ', aggregationLength: 28')).errors, []);
  });

  test('two advertisements of a pool with different localPref on the same nodes and peers', () => {
    const second = `---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: {name: a2, namespace: metallb-system}
spec: {ipAddressPools: [p], localPref: 200}
`;
    const result = build(NODE + PEER + pool('10.0.0.0/24', ', localPref: 100') + second);
    assert.match(result.errors.join('\n'), /invalid local preference/);
  });

  test('peers on one node must agree on routerID', () => {
    const other = `---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: tor2, namespace: metallb-system}
spec: {myASN: 64512, peerASN: 64513, peerAddress: 10.0.0.2, routerID: 10.255.0.1}
`;
    assert.match(build(NODE + PEER + other).errors.join('\n'), /different routerIDs/);
  });

  test('unknown BFD profile and missing ASN', () => {
    const peers = `---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: bfd, namespace: metallb-system}
spec: {myASN: 64512, peerASN: 64513, peerAddress: 10.0.0.2, bfdProfile: nope}
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: no-asn, namespace: metallb-system}
spec: {myASN: 64512, peerAddress: 10.0.0.3}
`;
    const errors = build(NODE + peers).errors.join('\n');
    assert.match(errors, /referencing non existing bfd profile nope/);
    assert.match(errors, /missing peer ASN and dynamicASN/);
  });
});

describe('serviceSelectors', () => {
  test('an advertisement with serviceSelectors applies only to matching Services', () => {
    const yaml = `${NODE}${PEER}---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: p, namespace: metallb-system}
spec: {addresses: [10.0.0.0/24]}
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: {name: gold, namespace: metallb-system}
spec:
  ipAddressPools: [p]
  communities: ["1:1"]
  serviceSelectors: [{matchLabels: {tier: gold}}]
---
apiVersion: v1
kind: Service
metadata: {name: gold, namespace: x, labels: {tier: gold}}
spec: {type: LoadBalancer}
status: {loadBalancer: {ingress: [{ip: 10.0.0.1}]}}
---
apiVersion: v1
kind: Service
metadata: {name: plain, namespace: x}
spec: {type: LoadBalancer}
status: {loadBalancer: {ingress: [{ip: 10.0.0.2}]}}
`;
    const result = build(yaml);
    assert.deepEqual(result.config.sessions[0].advertised, [{ prefix: '10.0.0.1/32', localPref: 0, communities: ['1:1'] }]);
  });
});

describe('listNodes', () => {
  test('Node objects, sorted, with the exclusion label flagged', () => {
    const listing = listNodes(
      parseManifests(`apiVersion: v1
kind: Node
metadata: {name: b, labels: {node.kubernetes.io/exclude-from-external-load-balancers: ""}}
---
apiVersion: v1
kind: Node
metadata: {name: a}
`).resources,
    );
    assert.deepEqual(
      listing.nodes.map((n) => [n.name, n.excludedFromLoadBalancers]),
      [['a', false], ['b', true]],
    );
    assert.equal(listing.explanation, undefined);
  });

  test('without Nodes: the hostnames selectors mention, and why', () => {
    const listing = listNodes(
      parseManifests(`apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: p, namespace: metallb-system}
spec:
  myASN: 1
  peerASN: 2
  peerAddress: 10.0.0.1
  nodeSelectors:
  - matchLabels: {kubernetes.io/hostname: n2}
  - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [n1, n3]}]
`).resources,
    );
    assert.deepEqual(listing.nodes, []);
    assert.deepEqual(listing.mentioned, ['n1', 'n2', 'n3']);
    assert.match(listing.explanation ?? '', /no Node/);
  });
});

describe('bad input never throws', () => {
  test('junk, binary and half-typed manifests', () => {
    const inputs = [
      '',
      '\u0000\u0001\u0002binary',
      'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec: {myASN: "x", peerAddress: [1], holdTime: 5}',
      'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nspec: {addresses: ["::/0", "0.0.0.0/0", "1.1.1.1-"]}',
      `${NODE}${PEER}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer}\nstatus: {loadBalancer: {ingress: [{hostname: x}]}}`,
    ];
    for (const text of inputs) assert.doesNotThrow(() => build(text), JSON.stringify(text));
  });

  test('a large manifest set builds', () => {
    const services = Array.from(
      { length: 2000 },
      (_, i) =>
        `---\napiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {type: LoadBalancer}\nstatus: {loadBalancer: {ingress: [{ip: 10.${i >> 8}.${i & 255}.1}]}}\n`,
    ).join('');
    const pool = `---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: big, namespace: metallb-system}\nspec: {addresses: ["10.0.0.0/8"]}\n---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: all, namespace: metallb-system}\n`;
    const result = build(NODE + PEER + pool + services);
    assert.equal(result.config.sessions[0].advertised.length, 2000);
  });
});
