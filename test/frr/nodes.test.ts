import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODELLED_NODES } from '../../server/src/service/frr/commands/config';
import { BGP_ADDRESS_FAMILY_NODES, isBgpFamily, parentNode } from '../../server/src/service/frr/nodes';

test('BGP address-family nodes: one list behind the node tree, the exits and the model', () => {
  for (const node of BGP_ADDRESS_FAMILY_NODES) {
    assert.equal(parentNode(node), 'BGP', node);
    assert.ok(MODELLED_NODES.includes(node), node);
    assert.ok(isBgpFamily(node), node);
  }
  assert.deepEqual(
    MODELLED_NODES.filter(isBgpFamily).sort(),
    ['BGP', 'BGP_EVPN_VNI', ...BGP_ADDRESS_FAMILY_NODES].sort(),
  );
  assert.equal(isBgpFamily('RMAP'), false);
});
