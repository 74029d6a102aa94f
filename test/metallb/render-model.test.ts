import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseInternalConfig } from '../../server/src/service/metallb/internal';
import { buildRenderModel, type RenderedNeighbor } from '../../server/src/service/metallb/render';

const config = parseInternalConfig(
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'render', 'all-branches.json'), 'utf8')),
);

function neighbor(id: string, version: '0.13' | '0.14' | '0.15' | '0.16' = '0.16'): RenderedNeighbor {
  const found = buildRenderModel(config, version).neighbors.find((n) => n.id === id);
  assert.ok(found, `neighbor ${id}`);
  return found;
}

describe('buildRenderModel', () => {
  it('groups routers by ASN/routerID/VRF and sorts neighbors by "<asn>@<addr>@<vrf>" as strings', () => {
    const model = buildRenderModel(config, '0.16');
    assert.deepEqual(
      model.routers.map((r) => r.key),
      ['64512@10.255.0.1@', '64520@10.255.0.1@red'],
    );
    assert.deepEqual(
      model.neighbors.map((n) => n.id),
      ['10.0.0.3', '10.0.0.1', 'fd00::2', 'ens5', '10.0.0.1-red'],
    );
    assert.deepEqual(model.routers[0].ipv4Prefixes, ['192.168.10.10/32', '192.168.10.9/32']);
    assert.deepEqual(model.routers[0].ipv6Prefixes, ['2001:db8::5/128']);
  });

  it('numbers -out entries: local-pref lists, then community lists by name, then the allowed lists', () => {
    const n = neighbor('10.0.0.1');
    assert.deepEqual(
      n.outEntries.map((e) => [e.seq, e.role, e.prefixList]),
      [
        [1, 'localpref', '10.0.0.1-150-ip-localpref-prefixes'],
        [2, 'community', '10.0.0.1-65000:100-ip-community-prefixes'],
        [3, 'large-community', '10.0.0.1-large:64512:10:20-ip-community-prefixes'],
        [4, 'allowed', '10.0.0.1-allowed-ipv4'],
        [5, 'allowed', '10.0.0.1-allowed-ipv6'],
      ],
    );
    assert.deepEqual(n.inRouteMap, { name: '10.0.0.1-in', action: 'deny', seq: 20 });
    const v6 = n.prefixLists.find((l) => l.name === '10.0.0.1-allowed-ipv6');
    assert.deepEqual(v6?.entries, [{ seq: 1, action: 'deny', prefix: 'any' }]);
  });

  it('derives families: single-stack by address, dual for dualStackAddressFamily and unnumbered peers', () => {
    assert.deepEqual(neighbor('10.0.0.1').activatedFamilies, ['ipv4']);
    assert.deepEqual(neighbor('fd00::2').activatedFamilies, ['ipv6']);
    assert.deepEqual(neighbor('10.0.0.3').activatedFamilies, ['ipv4', 'ipv6']);
    assert.equal(neighbor('ens5').family, 'dual');
    assert.equal(neighbor('ens5').peer, 'ens5');
    assert.equal(neighbor('ens5').remoteAS, 'external');
  });

  it('drops the other family from single-stack neighbors from v0.15 only', () => {
    assert.deepEqual(neighbor('10.0.0.1').prefixesV6, []);
    const legacy = neighbor('10.0.0.1', '0.14');
    assert.ok(legacy.prefixLists.some((l) => l.family === 'ipv6' && l.entries.some((e) => e.prefix === '2001:db8::5/128')));
    assert.deepEqual(legacy.activatedFamilies, ['ipv4', 'ipv6']);
  });

  it('disables the connected check only for single-hop IPv6 eBGP', () => {
    assert.deepEqual(
      buildRenderModel(config, '0.16').neighbors.filter((n) => n.disableConnectedCheck).map((n) => n.id),
      ['fd00::2'],
    );
  });

  it('suffixes VRF neighbors with -<vrf>', () => {
    const n = neighbor('10.0.0.1-red');
    assert.equal(n.vrf, 'red');
    assert.equal(n.outRouteMap, '10.0.0.1-red-out');
    assert.deepEqual(n.prefixLists.map((l) => l.name), ['10.0.0.1-red-allowed-ipv4', '10.0.0.1-red-allowed-ipv6']);
  });

  it('uses the pre-v0.15 names: one -pl-<neighbor family> list, family in property names', () => {
    const n = neighbor('10.0.0.1', '0.14');
    assert.ok(n.outEntries.every((e) => e.role !== 'allowed' || e.prefixList === '10.0.0.1-pl-ipv4'));
    assert.ok(n.prefixLists.some((l) => l.name === '10.0.0.1-150-ipv4-localpref-prefixes'));
    assert.deepEqual(
      n.outEntries.map((e) => e.role),
      ['localpref', 'large-community', 'community', 'community', 'allowed', 'allowed'],
    );
  });

  it('writes no seq before v0.14 and gives each advertisement its own -out entries', () => {
    const n = neighbor('10.0.0.1', '0.13');
    assert.ok(n.prefixLists.every((l) => l.entries.every((e) => e.seq === undefined)));
    assert.deepEqual(
      n.outEntries.map((e) => e.seq),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.ok(n.legacyFilterText?.startsWith('route-map 10.0.0.1-in deny 20\n'));
  });
});
