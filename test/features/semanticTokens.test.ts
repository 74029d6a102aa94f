/** Semantic tokens: comments from their mark to the end of the line, keywords, names by the role their command gives them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { semanticTokens } from '../../server/src/service/features/semanticTokens';
import { parseFrr } from '../../server/src/service/frr/parser';

test('comment lines, route-map names, actions and numbers get their token types', () => {
  const text = '  ! uplink policy\nroute-map RM-in permit 10\n match ip address prefix-list PL\n';
  const tokens = semanticTokens(parseFrr(text)).map((t) => [text.slice(t.start, t.end), t.type]);
  assert.deepEqual(tokens, [
    ['! uplink policy', 'comment'],
    ['route-map', 'keyword'],
    ['RM-in', 'function'],
    ['permit', 'enumMember'],
    ['10', 'number'],
    ['match', 'keyword'],
    ['ip', 'keyword'],
    ['address', 'keyword'],
    ['prefix-list', 'keyword'],
    ['PL', 'type'],
  ]);
});
