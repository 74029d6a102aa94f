import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neighborIDOf } from '../../server/src/service/metallb/neighbor-id';
import { neighborID as renderNeighborID } from '../../server/src/service/metallb/render/model';
import { emptyNeighbor, neighborID as frrk8sNeighborID } from '../../server/src/service/metallb/frrk8s/model';

test('one neighbor-ID rule: interface before address, VRF appended', () => {
  assert.equal(neighborIDOf('10.0.0.1', '', ''), '10.0.0.1');
  assert.equal(neighborIDOf('10.0.0.1', 'eth0', ''), 'eth0');
  assert.equal(neighborIDOf('fd00::1', '', 'red'), 'fd00::1-red');
  assert.equal(renderNeighborID({ peerAddress: '10.0.0.1', peerInterface: 'eth0', vrf: 'red' }), 'eth0-red');
  assert.equal(frrk8sNeighborID(emptyNeighbor({ asn: '1', addr: '10.0.0.1', vrf: 'red' })), '10.0.0.1-red');
});
