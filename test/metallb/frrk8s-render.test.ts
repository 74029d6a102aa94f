import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goDuration } from '../../server/src/service/metallb/frrk8s/duration';
import { neighborToModel } from '../../server/src/service/metallb/frrk8s/toModel';
import { frrConfigurationFromInternal, frrConfigurationJson } from '../../server/src/service/metallb/frrk8s/fromInternal';
import { readFrrK8sConfig } from '../../server/src/service/metallb/frrk8s/read';
import { renderFrrK8s } from '../../server/src/service/metallb/frrk8s/render';
import { parseInternalConfig } from '../../server/src/service/metallb/internal';

describe('renderFrrK8s', () => {
  it('renders an empty config as frr-k8s does (header and two blank lines)', () => {
    const text = renderFrrK8s(readFrrK8sConfig({ hostname: 'n1' }));
    assert.equal(text, 'log stdout informational\nlog timestamp precision 3\nhostname n1\nip nht resolve-via-default\nipv6 nht resolve-via-default\n\n\n');
  });

  it('continues the route-map sequence from -out into -in, with always-block deny entries first', () => {
    const text = renderFrrK8s(
      readFrrK8sConfig({
        routers: [{ asn: 1, neighbors: [{ asn: 2, addr: '10.0.0.2', incoming: { all: true }, alwaysBlock: [{ prefix: '10.96.0.0/12', le: 32 }] }] }],
      }),
    );
    const seqs = [...text.matchAll(/route-map 10\.0\.0\.2-(out|in) (permit|deny) (\d+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    assert.deepEqual(seqs, ['out permit 1', 'out permit 2', 'in deny 3', 'in deny 4', 'in permit 5', 'in permit 6']);
    assert.match(text, /ip prefix-list 10\.0\.0\.2-denied-inpl-ipv4 seq 1 permit 10\.96\.0\.0\/12 le 32/);
  });

  it('sorts modifier lists by name and writes large communities without their marker', () => {
    const text = renderFrrK8s(
      readFrrK8sConfig({
        routers: [{ asn: 1, neighbors: [{ asn: 2, addr: '10.0.0.2', outgoing: { prefixesV4: ['10.1.0.0/24'], modifiers: [
          { name: 'b-large', family: 'ipv4', community: 'large:1:2:3', prefixes: ['10.1.0.0/24'] },
          { name: 'a-pref', family: 'ipv4', localPref: 50, prefixes: ['10.1.0.0/24'] },
        ] } }] }],
      }),
    );
    assert.ok(text.indexOf('a-pref') < text.indexOf('b-large'));
    assert.match(text, /set large-community 1:2:3 additive/);
    assert.match(text, /set local-preference 50\n  on-match next/);
  });

  it('writes the EVPN VRF/VNI blocks before the routers', () => {
    const text = renderFrrK8s(readFrrK8sConfig({ routers: [{ asn: 1, vrf: 'red', evpn: { l3vni: { vni: 30, rd: '1:30', advertiseUnicast: true } } }] }));
    assert.ok(text.indexOf('vrf red\n  vni 30\nexit-vrf') < text.indexOf('router bgp 1 vrf red'));
    assert.match(text, /address-family l2vpn evpn\n    advertise ipv4 unicast\n    advertise ipv6 unicast\n    rd 1:30\n  exit-address-family/);
  });

  it('never throws on junk input', () => {
    for (const junk of [null, 7, 'x', [], { routers: [null, 1, { neighbors: 'x' }] }, { routers: [{ neighbors: [{ outgoing: { modifiers: [null] } }] }] }]) {
      assert.doesNotThrow(() => renderFrrK8s(readFrrK8sConfig(junk)));
    }
  });
});

describe('durations', () => {
  it('formats like Go', () => {
    assert.deepEqual([0, 1, 90, 3600, 3725].map(goDuration), ['0s', '1s', '1m30s', '1h0m0s', '1h2m5s']);
  });

  it('reads neighbor timers as Go does, truncated to whole seconds', () => {
    const holdTime = (text: string) => neighborToModel({ asn: 1, address: '10.0.0.1', holdTime: text }, '', []).holdTime;
    const texts = ['90s', '1m30s', '1.5m', '500ms', '0', '+90s', '.5s', '90μs', '', 'ten', '5x', '90'];
    assert.deepEqual(texts.map(holdTime), [90, 90, 90, 0, 0, 90, 0, 0, undefined, undefined, undefined, undefined]);
  });
});

describe('frrConfigurationFromInternal', () => {
  it('groups sessions by router and writes the fields Go would marshal', () => {
    const internal = parseInternalConfig({
      sessions: [
        { peerAddress: '10.2.2.254', peerPort: 179, myASN: 100, peerASN: 200, routerID: '10.1.1.254', holdTime: 90, keepaliveTime: 30,
          advertised: [{ prefix: '172.16.1.10/32', localPref: 50, communities: ['1111:2222', 'large:1:2:3'] }] },
        { peerInterface: 'net0', peerPort: 179, myASN: 100, dynamicASN: 'external', routerID: '10.1.1.254' },
      ],
      bfdProfiles: [{ name: 'b' }, { name: 'a', receiveInterval: 60 }],
    });
    const object = frrConfigurationFromInternal(internal, { node: 'n1', namespace: 'metallb-system' });
    assert.equal(object.metadata.name, 'metallb-n1');
    const routers = object.spec.bgp?.routers ?? [];
    assert.equal(routers.length, 1);
    assert.deepEqual(routers[0].prefixes, ['172.16.1.10/32']);
    const [numbered, unnumbered] = routers[0].neighbors ?? [];
    assert.equal(numbered.holdTime, '1m30s');
    assert.deepEqual(numbered.toAdvertise?.withLocalPref, [{ prefixes: ['172.16.1.10/32'], localPref: 50 }]);
    assert.deepEqual(numbered.toAdvertise?.withCommunity?.map((c) => c.community), ['1111:2222', 'large:1:2:3']);
    assert.deepEqual(Object.keys(unnumbered), ['dynamicASN', 'interface', 'port', 'passwordSecret', 'toAdvertise', 'toReceive']);
    assert.deepEqual(object.spec.bgp?.bfdProfiles?.map((p) => p.name), ['a', 'b']);
    assert.ok(frrConfigurationJson(object).startsWith('{\n    "metadata": {\n        "name": "metallb-n1"'));
  });
});
