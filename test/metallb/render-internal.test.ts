import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InternalConfigError, parseInternalConfig, readInternalConfig } from '../../server/src/service/metallb/internal';

describe('readInternalConfig / parseInternalConfig', () => {
  it('fills MetalLB zero values and keeps unset timers undefined', () => {
    const config = parseInternalConfig({ sessions: [{ peerAddress: '10.0.0.1', holdTime: 0 }] });
    assert.equal(config.logLevel, 'informational');
    assert.equal(config.extras, '');
    assert.deepEqual(config.bfdProfiles, []);
    const s = config.sessions[0];
    assert.equal(s.holdTime, 0);
    assert.equal(s.keepaliveTime, undefined);
    assert.equal(s.connectTime, undefined);
    assert.equal(s.peerPort, 0);
    assert.equal(s.dynamicASN, '');
    assert.deepEqual(s.advertised, []);
  });

  it('keeps an explicit empty log level', () => {
    assert.equal(parseInternalConfig({ logLevel: '' }).logLevel, '');
  });

  it('merges largeCommunities into communities with the large: marker', () => {
    const config = parseInternalConfig({
      sessions: [{ peerAddress: '10.0.0.1', advertised: [{ prefix: '10.1.0.0/16', communities: ['1:2'], largeCommunities: ['1:2:3'] }] }],
    });
    assert.deepEqual(config.sessions[0].advertised[0].communities, ['1:2', 'large:1:2:3']);
  });

  it('reports wrong types without throwing, and the strict parser throws them', () => {
    const junk = { hostname: 5, sessions: [{ peerAddress: '', peerPort: -1, dynamicASN: 'maybe', advertised: 'x' }, 7] };
    const { config, problems } = readInternalConfig(junk);
    assert.equal(config.hostname, '');
    assert.equal(config.sessions.length, 2);
    assert.ok(problems.some((p) => p.includes('$.hostname')));
    assert.ok(problems.some((p) => p.includes('$.sessions[0].peerPort')));
    assert.ok(problems.some((p) => p.includes('$.sessions[0].dynamicASN')));
    assert.ok(problems.some((p) => p.includes('$.sessions[1]: expected an object')));
    assert.throws(() => parseInternalConfig(junk), InternalConfigError);
  });

  it('never throws on arbitrary input', () => {
    for (const input of [null, undefined, 42, 'x', [], [1, 2], { sessions: null }, { bfdProfiles: [null] }]) {
      assert.doesNotThrow(() => readInternalConfig(input));
    }
  });
});
