/**
 * The language server's live check, brought through chains of random edits, must report exactly
 * what checking each text from scratch reports: codes, ranges, messages (line numbers included),
 * related locations and fixes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFrrText } from '../../../server/src/service/rules/frr/check';
import { LiveFrrCheck } from '../../../server/src/service/rules/frr/liveCheck';
import { document, edit, random } from '../../frr/randomConfigs';

test('a live check through chains of random edits reports what a check from scratch does', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    let text = document(next);
    const live = new LiveFrrCheck(text);
    assert.deepStrictEqual(live.current.findings, checkFrrText(text).findings, `seed ${seed}`);
    for (let step = 0; step < 6; step++) {
      text = edit(next, text);
      assert.deepStrictEqual(live.update(text).findings, checkFrrText(text).findings, `seed ${seed}, edit ${step + 1}`);
    }
  }
});

test('a message citing a line follows it when lines are inserted above', () => {
  const text = 'ip prefix-list PL seq 5 permit 10.0.0.0/8\nip prefix-list PL seq 10 permit 10.0.0.0/8\n';
  const live = new LiveFrrCheck(text);
  const before = live.current.findings.find((f) => f.code === 'frr/duplicate-entry');
  assert.match(before?.message ?? '', /\(line 1\)/);
  const edited = `!\n!\n${text}`;
  const after = live.update(edited).findings.find((f) => f.code === 'frr/duplicate-entry');
  assert.match(after?.message ?? '', /\(line 3\)/);
  assert.deepStrictEqual(after?.range, { start: before!.range.start + 4, end: before!.range.end + 4 });
  assert.deepStrictEqual(live.current.findings, checkFrrText(edited).findings);
});
