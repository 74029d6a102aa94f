import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { extrasYaml } from '../features/helpers';
import { document, edit, random } from '../frr/randomConfigs';
import { TestClient } from './lspClient';

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('publishes diagnostics for an FRR document and updates them on incremental changes', async () => {
    const uri = 'file:///work/lsp-test/frr.conf';
    client.open(uri, 'frr', 'router bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n neighbor 10.0.0.1 timers 30 2\n');
    const first = await client.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
    const timers = first.diagnostics.find((d) => d.code === 'frr/timers');
    assert.ok(timers, 'hold time 2 is reported');
    assert.equal(timers.range.start.line, 2);

    client.change(uri, 2, [{ range: { start: { line: 2, character: 30 }, end: { line: 2, character: 31 } }, text: '90' }]);
    const second = await client.diagnosticsFor(uri, (d) => d.version === 2);
    assert.equal(second.diagnostics.filter((d) => d.code === 'frr/timers').length, 0);
  });

  it('reports FRR errors inside a bgpextras block at the right YAML position', async () => {
    const uri = 'file:///work/lsp-test/extras.yaml';
    // Seven header lines, so the block's second line (the misspelt `adress`) is line 8.
    const text = extrasYaml('route-map 10.0.0.1-in permit 10\n  match ip adress prefix-list x\n');
    client.open(uri, 'yaml', text);
    const published = await client.diagnosticsFor(uri, (d) => d.diagnostics.some((x) => x.code === 'frr/syntax'));
    const syntax = published.diagnostics.find((d) => d.code === 'frr/syntax');
    assert.ok(syntax);
    assert.equal(syntax.range.start.line, 8);
    assert.equal(syntax.range.start.character, 15);
  });

  it('leaves YAML that is not MetalLB or frr-k8s alone', async () => {
    const uri = 'file:///work/lsp-test/deploy.yaml';
    client.open(uri, 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x\n');
    const published = await client.diagnosticsFor(uri);
    assert.deepEqual(published.diagnostics, []);
  });

  it('survives binary junk without dying', async () => {
    const uri = 'file:///work/lsp-test/junk.frr';
    client.open(uri, 'frr', '\u0000\u0001\uffff\ud800 router bgp \u0007\n'.repeat(200));
    await client.diagnosticsFor(uri);
    const other = 'file:///work/lsp-test/after-junk.frr';
    client.open(other, 'frr', 'hostname ok\n');
    const published = await client.diagnosticsFor(other);
    assert.deepEqual(published.diagnostics, []);
  });
});

describe('language server with pull diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(null, { pullDiagnostics: true });
  });
  after(async () => {
    await client.stop();
  });

  it('answers textDocument/diagnostic with the current findings and asks for a refresh on change', async () => {
    const uri = 'file:///work/lsp-pull/frr.conf';
    client.open(uri, 'frr', 'route-map x permit 10\n on-match goto 5\n');
    const report = await client.request<{ kind: string; items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((item) => item.code === 'frr/goto-backwards'));
    client.change(uri, 2, [{ text: 'route-map x permit 10\n on-match goto 20\n' }]);
    const after = await client.request<{ items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(!after.items.some((item) => item.code === 'frr/goto-backwards'));
    const deadline = Date.now() + 10_000;
    while (client.refreshes === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(client.refreshes > 0, 'the server asked for a refresh within 10 s');
  });

  it('checks a document edited range by range exactly as the same text opened afresh', async () => {
    type Items = { items: { code?: string; message: string; range: unknown; relatedInformation?: { location: { uri: string } }[] }[] };
    // Related locations name the document: compared without it.
    const plain = (report: Items, uri: string) => JSON.stringify(report.items).split(JSON.stringify(uri)).join('"DOC"');
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed);
      // Several configurations one after another: a text of a few chunks, and edits that reach across them.
      const uri = `file:///work/lsp-pull/ranged-${seed}.frr`;
      let mirror = TextDocument.create(uri, 'frr', 1, Array.from({ length: 30 }, () => document(next)).join(''));
      client.open(uri, 'frr', mirror.getText());
      for (let step = 0; step < 10; step++) {
        const text = mirror.getText();
        const edited = edit(next, text);
        let prefix = 0;
        while (prefix < Math.min(text.length, edited.length) && text[prefix] === edited[prefix]) prefix++;
        let suffix = 0;
        while (suffix < Math.min(text.length, edited.length) - prefix && text[text.length - 1 - suffix] === edited[edited.length - 1 - suffix]) suffix++;
        const change = { range: { start: mirror.positionAt(prefix), end: mirror.positionAt(text.length - suffix) }, text: edited.slice(prefix, edited.length - suffix) };
        client.change(uri, step + 2, [change]);
        mirror = TextDocument.update(mirror, [change], step + 2);
        const live = await client.request<Items>('textDocument/diagnostic', { textDocument: { uri } });
        const freshUri = `file:///work/lsp-pull/fresh-${seed}-${step}.frr`;
        client.open(freshUri, 'frr', mirror.getText());
        const fresh = await client.request<Items>('textDocument/diagnostic', { textDocument: { uri: freshUri } });
        client.close(freshUri);
        assert.equal(plain(live, uri), plain(fresh, freshUri), `seed ${seed}, edit ${step + 1}`);
        compared += live.items.length;
      }
      client.close(uri);
    }
    assert.ok(compared > 100, `diagnostics compared: ${compared}`);
  });
});
