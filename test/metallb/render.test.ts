import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseInternalConfig } from '../../server/src/service/metallb/internal';
import { METALLB_VERSIONS, renderFrrConf } from '../../server/src/service/metallb/render';

const fixtures = join(import.meta.dirname, 'fixtures', 'render');

function loadConfig(name: string) {
  return parseInternalConfig(JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')));
}

describe('renderFrrConf fixtures (JSON in, frr.conf out, per version)', () => {
  const names = readdirSync(fixtures)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
  it('has fixtures', () => assert.ok(names.length >= 3));
  for (const name of names) {
    for (const version of METALLB_VERSIONS) {
      it(`${name} v${version}`, () => {
        const expected = readFileSync(join(fixtures, `${name}.v${version}.frr.conf`), 'utf8');
        assert.equal(renderFrrConf(loadConfig(name), version), expected);
      });
    }
  }
});

describe('renderFrrConf output quirks', () => {
  const minimal = () => loadConfig('minimal');

  it('leaves two-space lines where password and update-source are absent', () => {
    const text = renderFrrConf(minimal(), '0.16');
    assert.match(text, /neighbor 10\.20\.0\.1 port 179\n  \n  \n\n  address-family ipv4 unicast\n/);
  });

  it('leaves a two-space line where the port is absent', () => {
    const config = minimal();
    config.sessions[0].peerPort = 0;
    assert.match(renderFrrConf(config, '0.16'), /remote-as 65020\n  \n  \n  \n\n/);
  });

  it('appends extras after everything with one newline before and after', () => {
    const config = minimal();
    config.extras = 'route-map 10.20.0.1-in permit 10\n';
    const text = renderFrrConf(config, '0.16');
    assert.ok(text.endsWith('  exit-address-family\n\n\nroute-map 10.20.0.1-in permit 10\n\n'));
    config.extras = 'route-map 10.20.0.1-in permit 10';
    assert.ok(renderFrrConf(config, '0.16').endsWith('\nroute-map 10.20.0.1-in permit 10\n'));
  });

  it('writes the log line per version', () => {
    assert.ok(renderFrrConf(minimal(), '0.16').startsWith('log stdout informational\n'));
    assert.ok(renderFrrConf(minimal(), '0.15').startsWith('log file /etc/frr/frr.log informational\n'));
  });

  it('writes timers only when both are set, 0 included', () => {
    const config = minimal();
    config.sessions[0].holdTime = 0;
    assert.doesNotMatch(renderFrrConf(config, '0.16'), /timers/);
    config.sessions[0].keepaliveTime = 0;
    assert.match(renderFrrConf(config, '0.16'), /neighbor 10\.20\.0\.1 timers 0 0\n/);
  });

  it('omits timers connect, neighbor bfd and preserve-fw-state in v0.13', () => {
    const text = renderFrrConf(loadConfig('all-branches'), '0.13');
    assert.doesNotMatch(text, /timers connect|neighbor 10\.0\.0\.1 bfd\n|preserve-fw-state/);
    assert.match(text, /neighbor 10\.0\.0\.1 bfd profile fast\n/);
    assert.match(text, /echo-interval 50\n/);
  });

  it('splits the BFD echo interval from v0.14 and closes each profile with a four-space line', () => {
    const text = renderFrrConf(loadConfig('bfd-only'), '0.16');
    assert.ok(text.includes('\n\n\nbfd\n  profile slow\n    receive-interval 1000\n    transmit-interval 1000\n    \n# trailing extras\n'));
    const all = renderFrrConf(loadConfig('all-branches'), '0.15');
    assert.ok(all.includes('    echo receive-interval 50\n    echo transmit-interval 50\n'));
  });

  it('ends the file with a newline and never throws on half-filled sessions', () => {
    const config = parseInternalConfig({ sessions: [{ peerAddress: '10.0.0.1', advertised: [{ prefix: '10.1.0.0/16' }] }] });
    for (const version of METALLB_VERSIONS) assert.ok(renderFrrConf(config, version).endsWith('\n'));
  });

  it('renders a config with thousands of sessions', () => {
    const sessions = Array.from({ length: 2000 }, (_, i) => ({
      peerAddress: `10.${i >> 8}.${i & 255}.1`,
      peerPort: 179,
      myASN: 64512,
      peerASN: 64513,
      advertised: Array.from({ length: 5 }, (_, j) => ({ prefix: `192.168.${j}.${i & 255}/32`, localPref: 100, communities: ['65000:1'] })),
    }));
    const text = renderFrrConf(parseInternalConfig({ sessions }), '0.16');
    assert.equal(text.match(/^route-map \S+-in deny 20$/gm)?.length, 2000);
  });
});
