/** Semantic tokens: comments from their mark to the end of the line, keywords, names by the role their command gives them; the same for a line a live edit moved. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineTokens, tokenLength, tokenOffset, tokenType, TOKEN_TYPES } from '../../server/src/service/features/semanticTokens';
import { documentTokens } from './helpers';
import { parseFrr } from '../../server/src/service/frr/parser';
import { reparseFrr } from '../../server/src/service/frr/reparse';
import type { ParsedLine } from '../../server/src/service/frr/syntax';
import { document, edit, random } from '../frr/randomConfigs';

test('comment lines, route-map names, actions and numbers get their token types', () => {
  const text = '  ! uplink policy\nroute-map RM-in permit 10\n match ip address prefix-list PL\n';
  const tokens = documentTokens(parseFrr(text)).map((t) => [text.slice(t.start, t.end), t.type]);
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

test('a line keeps its tokens, as offsets from its start, when an edit above moves it', () => {
  const text = 'ip prefix-list PL seq 5 permit 10.0.0.0/8\nroute-map RM permit 10\n match ip address prefix-list PL\n';
  let parse = parseFrr(text);
  const match = parse.lines[2]!;
  const kept = lineTokens(match, parse.text);
  const edited = `!\n${text.replace('seq 5', 'seq 15')}`;
  parse = reparseFrr(parse, edited);
  assert.equal(parse.lines[3], match, 'the unchanged line is the same line, moved');
  assert.deepStrictEqual(lineTokens(match, parse.text), kept, 'its tokens, from its start, are those it had');
  assert.notEqual(lineTokens(parse.lines[1]!, parse.text), undefined);
  const read = (line: ParsedLine) =>
    lineTokens(line, parse.text).map((token) => {
      const start = line.start + tokenOffset(token);
      return [edited.slice(start, start + tokenLength(token)), TOKEN_TYPES[tokenType(token)]];
    });
  assert.deepEqual(read(match).slice(-1), [['PL', 'type']]);
  assert.deepEqual(read(parse.lines[1]!).slice(3, 5), [['seq', 'keyword'], ['15', 'number']]);
  assert.deepStrictEqual(documentTokens(parse), documentTokens(parseFrr(edited)));
});

test('through chains of random live edits, a line moved in place has the tokens it had, and all are those of a fresh parse', () => {
  let moved = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    let text = document(next);
    let parse = parseFrr(text);
    assert.deepStrictEqual(documentTokens(parse), documentTokens(parseFrr(text)), `seed ${seed}`);
    for (let step = 0; step < 6; step++) {
      // What each command line holds now; a re-read moves the lines it keeps (the parse itself is re-read in place).
      const before = new Map(parse.lines.filter((line) => line.commandId !== undefined).map((line) => [line, lineTokens(line, parse.text)]));
      text = edit(next, text);
      parse = reparseFrr(parse, text);
      for (const line of parse.lines) {
        const held = before.get(line);
        if (held === undefined) continue;
        assert.deepStrictEqual(lineTokens(line, parse.text), held, `seed ${seed}, edit ${step + 1}: line ${line.line}`);
        moved++;
      }
      assert.deepStrictEqual(documentTokens(parse), documentTokens(parseFrr(text)), `seed ${seed}, edit ${step + 1}`);
    }
  }
  assert.ok(moved > 10_000, `lines kept through edits: ${moved}`);
});
