import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_TYPES } from '../../server/src/service/features/semanticTokens';
import { documentTokens } from '../features/helpers';
import { parseFrr } from '../../server/src/service/frr/parser';
import { document, edit, random } from '../frr/randomConfigs';
import { EXTRAS as SHARED_EXTRAS, PEERS } from './fixtures';
import { TestClient } from './lspClient';

/** The shared extras, with a `route-map ` being typed on line 10 for completion. */
const EXTRAS = `${SHARED_EXTRAS}    route-map \n`;

/** What the tokens of a text are, placed by the document's own positions, in LSP's encoding. */
function expectedTokens(text: string): number[] {
  const document = TextDocument.create('file:///expected.frr', 'frr', 1, text);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of documentTokens(parseFrr(text))) {
    const start = document.positionAt(token.start);
    const end = document.positionAt(token.end);
    if (start.line !== end.line) continue;
    data.push(start.line - line, start.line === line ? start.character - character : start.character, end.character - start.character, TOKEN_TYPES.indexOf(token.type), 0);
    line = start.line;
    character = start.character;
  }
  return data;
}

type Tokens = { data: number[] };

/** Tokens of an encoding as [line, character, length, type], each placed on its own. */
function placed(data: readonly number[]): number[][] {
  const out: number[][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    line += data[i]!;
    out.push([line, character, data[i + 2]!, data[i + 3]!]);
  }
  return out;
}

/** The tokens a text has on lines `from` to `to`. */
function expectedOn(text: string, from: number, to: number): number[][] {
  return placed(expectedTokens(text)).filter(([line]) => line! >= from && line! <= to);
}

const rangeOf = (from: number, to: number) => ({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });

describe('language server features over stdio', () => {
  let client: TestClient;
  let folder: string;
  let extrasUri: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'frr-lsp-ws-'));
    writeFileSync(join(folder, 'peers.yaml'), PEERS);
    writeFileSync(join(folder, 'bgpextras.yaml'), EXTRAS);
    extrasUri = pathToFileURL(join(folder, 'bgpextras.yaml')).toString();
    client = await TestClient.start(pathToFileURL(folder).toString());
    client.open(extrasUri, 'yaml', EXTRAS);
  });
  after(async () => {
    await client.stop();
  });

  it('diagnoses the extras against the BGPPeers of another file', async () => {
    const published = await client.diagnosticsFor(extrasUri, (d) => d.diagnostics.some((x) => x.code === 'metallb/in-seq-collision'));
    const collision = published.diagnostics.find((d) => d.code === 'metallb/in-seq-collision');
    assert.equal(collision?.range.start.line, 8);
    assert.ok(published.diagnostics.some((d) => d.code === 'metallb/missing-peer-lines'));
  });

  it('completes peer-named route-maps inside the extras block, missing overrides first', async () => {
    const result = await client.request<{ label: string; detail?: string; sortText?: string }[] | { items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri: extrasUri },
      position: { line: 10, character: 14 },
    });
    const items = (Array.isArray(result) ? result : result.items) as { label: string; detail?: string; sortText?: string }[];
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('10.0.0.2-in'), `got ${labels.slice(0, 10).join(', ')}`);
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0]?.label, '10.0.0.2-in');
    assert.match(items.find((item) => item.label === '10.0.0.2-in')?.detail ?? '', /tor-b/);
  });

  it('caps a huge completion list and marks it incomplete, filtered by what is typed', async () => {
    const uri = pathToFileURL(join(folder, 'big.frr')).toString();
    const maps = Array.from({ length: 1500 }, (_, i) => `route-map map-${i} permit 10`).join('\n');
    client.open(uri, 'frr', `${maps}\nrouter bgp 1\n neighbor 10.0.0.1 remote-as 2\n neighbor 10.0.0.1 route-map map-149\n`);
    const all = await client.request<{ isIncomplete: boolean; items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1502, character: 29 },
    });
    assert.equal(all.isIncomplete, true);
    assert.ok(all.items.length <= 500);
    const narrowed = await client.request<{ isIncomplete: boolean; items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1502, character: 36 },
    });
    assert.ok(narrowed.items.some((item) => item.label === 'map-1499'), 'an item beyond the first 500 is reached by typing');
    assert.ok(narrowed.items.every((item) => /m.*a.*p.*-.*1.*4.*9/i.test(item.label)));
  });

  it('sends the replaced range once to a client that takes list defaults, with the same edits', async () => {
    const withDefaults = await TestClient.start(pathToFileURL(folder).toString(), { completionItemDefaults: true });
    try {
      withDefaults.open(extrasUri, 'yaml', EXTRAS);
      // Once the peers of the other file are indexed, both servers see the same workspace.
      await withDefaults.diagnosticsFor(extrasUri, (d) => d.diagnostics.some((x) => x.code === 'metallb/in-seq-collision'));
      type Item = { label: string; textEdit?: { range: unknown; newText: string }; textEditText?: string };
      type List = { items: Item[]; itemDefaults?: { editRange?: unknown } };
      const params = { textDocument: { uri: extrasUri }, position: { line: 10, character: 14 } };
      const plain = await client.request<List>('textDocument/completion', params);
      const compact = await withDefaults.request<List>('textDocument/completion', params);
      assert.equal(plain.itemDefaults, undefined);
      assert.ok(compact.itemDefaults?.editRange, 'the list carries the shared range');
      assert.ok(compact.items.every((item) => item.textEdit === undefined));
      const edits = (list: List) =>
        list.items.map((item) => [item.label, item.textEdit?.range ?? list.itemDefaults?.editRange, item.textEdit?.newText ?? item.textEditText ?? item.label]);
      assert.ok(plain.items.length > 0);
      assert.deepEqual(edits(compact), edits(plain));
    } finally {
      await withDefaults.stop();
    }
  });

  it('offers the seq-10 quick fix for the permit 20 override', async () => {
    const actions = await client.request<{ title: string; kind?: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: extrasUri },
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 35 } },
      context: { diagnostics: [] },
    });
    const move = actions.find((action) => action.kind === 'quickfix' && /10/.test(action.title));
    assert.ok(move, `got ${actions.map((a) => a.title).join(' | ')}`);
    const edits = move.edit?.changes?.[extrasUri] ?? [];
    assert.ok(edits.some((edit) => edit.newText.includes('10')));
    assert.ok(actions.some((action) => action.title === 'Generate bgpextras for all peers'));
  });

  it('renames a prefix-list across its definition and uses', async () => {
    const edit = await client.request<{ changes: Record<string, { newText: string; range: { start: { line: number } } }[]> }>('textDocument/rename', {
      textDocument: { uri: extrasUri },
      position: { line: 7, character: 20 },
      newName: 'from-tor',
    });
    const lines = (edit.changes[extrasUri] ?? []).map((change) => change.range.start.line).sort();
    assert.deepEqual(lines, [7, 9]);
    assert.ok((edit.changes[extrasUri] ?? []).every((change) => change.newText === 'from-tor'));
  });

  it('hovers a peer route-map with the BGPPeer behind it', async () => {
    const result = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: extrasUri },
      position: { line: 8, character: 16 },
    });
    assert.match(result?.contents.value ?? '', /tor-a/);
  });

  it('renders the frr.conf of the workspace through the preview request', async () => {
    const reply = await client.request<{ nodes: string[]; text: string; header: string[] }>('frrMetallb/render', {});
    assert.match(reply.text, /^route-map 10\.0\.0\.1-in deny 20$/m);
    assert.match(reply.text, /^route-map 10\.0\.0\.1-in permit 20$/m);
    assert.ok(reply.header.some((line) => /no Service/.test(line)));
  });

  it('formats, outlines and folds an FRR document', async () => {
    const uri = pathToFileURL(join(folder, 'r.frr')).toString();
    client.open(uri, 'frr', 'router bgp 1\n      neighbor 10.0.0.1 remote-as 2\naddress-family ipv4 unicast\n neighbor 10.0.0.1 activate\nexit-address-family\n');
    const edits = await client.request<{ newText: string; range: { start: { line: number } } }[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(
      edits.map((edit) => [edit.range.start.line, edit.newText]),
      [
        [1, ' '],
        [2, ' '],
        [3, '  '],
        [4, ' '],
      ],
    );
    const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0]?.name, 'router bgp 1');
    assert.equal(symbols[0]?.children?.[0]?.name, 'address-family ipv4 unicast');
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((fold) => fold.startLine === 0 && fold.endLine === 4));
    const tokens = await client.request<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: rangeOf(0, 100) });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  });

  it('answers semantic tokens for the lines of a range, placed in the document', async () => {
    const uri = pathToFileURL(join(folder, 'tokens.frr')).toString();
    const stanza = (i: number) => `ip prefix-list pl-${i} seq 5 permit 10.${i}.0.0/16\nroute-map rm-${i} permit 10\n match ip address prefix-list pl-${i}\nexit\n!\n`;
    const text = Array.from({ length: 50 }, (_, i) => stanza(i)).join('');
    client.open(uri, 'frr', text);
    const middle = await client.request<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: rangeOf(100, 110) });
    assert.deepEqual(placed(middle.data), expectedOn(text, 100, 110));
    assert.deepEqual(placed(middle.data).slice(0, 3), [
      [100, 0, 2, 0],
      [100, 3, 11, 0],
      [100, 15, 5, 2],
    ]);
    // A line typed in the middle moves every later token down a line; a name changed on the next line reads anew.
    client.change(uri, 2, [
      { range: { start: { line: 100, character: 0 }, end: { line: 100, character: 0 } }, text: 'route-map extra deny 5\n' },
      { range: { start: { line: 101, character: 15 }, end: { line: 101, character: 20 } }, text: 'renamed-20' },
    ]);
    const edited = `${text.split('\n').slice(0, 100).join('\n')}\nroute-map extra deny 5\n${text.split('\n').slice(100).join('\n').replace('pl-20', 'renamed-20')}`;
    const after = await client.request<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: rangeOf(99, 102) });
    assert.deepEqual(placed(after.data), expectedOn(edited, 99, 102));
    assert.deepEqual(placed(after.data).filter(([line]) => line === 101).slice(0, 3), [
      [101, 0, 2, 0],
      [101, 3, 11, 0],
      [101, 15, 10, 2],
    ]);
    const beyond = await client.request<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: rangeOf(5000, 6000) });
    assert.deepEqual(beyond.data, []);
    // Ranges only: a whole document's tokens are never made.
    await assert.rejects(client.request('textDocument/semanticTokens/full', { textDocument: { uri } }), (error: { code?: number }) => error.code === -32601);
    client.close(uri);
  });

  it('keeps the tokens of any range exact through chains of random edits', async () => {
    const uri = pathToFileURL(join(folder, 'chain.frr')).toString();
    let compared = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const next = random(seed);
      let text = document(next);
      client.open(uri, 'frr', text);
      for (let step = 0; step < 8; step++) {
        text = edit(next, text);
        client.change(uri, step + 2, [{ text }]);
        const lines = text.split('\n').length;
        const from = Math.floor(next() * lines);
        const to = from + Math.floor(next() * 40);
        const reply = await client.request<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: rangeOf(from, to) });
        const expected = expectedOn(text, from, to);
        assert.deepEqual(placed(reply.data), expected, `seed ${seed}, edit ${step + 1}, lines ${from}-${to}`);
        compared += expected.length;
      }
      client.close(uri);
    }
    assert.ok(compared > 500, `tokens compared: ${compared}`);
  });

  it('keeps serving after a request on an unknown document', async () => {
    const result = await client.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri: 'file:///nowhere.frr' }, position: { line: 0, character: 0 } });
    assert.deepEqual(result.items, []);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: extrasUri },
      position: { line: 8, character: 16 },
    });
    assert.match(hover?.contents.value ?? '', /tor-a/, 'the next request is answered');
  });
});
