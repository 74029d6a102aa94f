/**
 * A live check keeps lines an edit leaves alone, and with them their words. A word must not keep
 * the text it was read from: every edit would otherwise keep one more whole copy of the document.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LiveFrrCheck } from '../../../server/src/service/rules/frr/liveCheck';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapAfterCollecting(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

test('edits of a live check do not keep earlier texts alive', () => {
  // Long names (13 characters or more are where V8 slices by reference) on lines no edit touches.
  const stanza = (i: number) => `route-map UPLINK-POLICY-NUMBER-${i} permit 10\n match ip address prefix-list ALLOWED-PREFIXES-${i}\n!\n`;
  const lines: string[] = [];
  for (let i = 0; i < 8000; i++) lines.push(stanza(i));
  let text = lines.join('');
  const live = new LiveFrrCheck(text);
  const before = heapAfterCollecting();
  const edits = 20;
  for (let edit = 0; edit < edits; edit++) {
    // Each edit renames a different route-map, so each version's words stay in the check.
    const at = edit * 300;
    text = text.replace(`UPLINK-POLICY-NUMBER-${at} permit`, `UPLINK-POLICY-RENAMED-${at} permit`);
    live.update(text);
  }
  const grown = heapAfterCollecting() - before;
  // Each kept text would be text.length bytes (~0.8 MB here): 20 of them are ~16 MB.
  assert.ok(grown < 4 * text.length, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${edits} edits of a ${(text.length / 1e6).toFixed(1)} MB text`);
  assert.equal(live.current.parse.text, text);
});
