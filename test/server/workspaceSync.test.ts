import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateWorkspaceReply } from '../../server/src/lsp/protocol';
import { EXTRAS, PEERS } from './fixtures';
import { TestClient } from './lspClient';

const BROKEN_FRR = 'router bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n neighbor 10.0.0.1 timers 30 2\n';
const MESSAGE_ERROR = 1;
const MESSAGE_WARNING = 2;
const SEVERITY_WARNING = 2;

const COLLISION = 'metallb/in-seq-collision';

function workspaceFolder(files: Record<string, string>): { folder: string; uri: (name: string) => string } {
  const folder = mkdtempSync(join(tmpdir(), 'frr-lsp-sync-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return { folder, uri: (name) => pathToFileURL(join(folder, name)).toString() };
}

describe('language server workspace glue', () => {
  const clients: TestClient[] = [];
  const start = async (folder: string) => {
    const client = await TestClient.start(pathToFileURL(folder).toString());
    clients.push(client);
    return client;
  };
  after(async () => {
    for (const client of clients) await client.stop();
  });

  it('validates every indexed file, open or not, despite a dangling symlink, and publishes their diagnostics', async () => {
    const { folder, uri } = workspaceFolder({ 'peers.yaml': PEERS, 'bgpextras.yaml': EXTRAS, 'bgpd.conf': BROKEN_FRR, 'nginx.conf': 'server { listen 80; }\n' });
    symlinkSync(join(folder, 'gone.conf'), join(folder, 'zebra.conf'));
    const client = await start(folder);
    const reply = await client.request<ValidateWorkspaceReply>('frrMetallb/validateWorkspace', {});
    assert.equal(reply.checked, 3, 'peers.yaml, bgpextras.yaml and bgpd.conf; not nginx.conf nor the dangling zebra.conf');
    assert.ok(reply.errors >= 1);
    assert.ok(reply.warnings >= 1);
    assert.equal(reply.files, 2);
    const frr = await client.diagnosticsFor(uri('bgpd.conf'), (d) => d.diagnostics.length > 0);
    assert.ok(frr.diagnostics.some((d) => d.code === 'frr/timers'));
    const extras = await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => d.diagnostics.length > 0);
    assert.ok(extras.diagnostics.some((d) => d.code === COLLISION), 'the extras see the peers indexed from disk');
  });

  it('reverts a closed document to its text on disk for the cross-file findings of the others', async () => {
    const { folder, uri } = workspaceFolder({ 'peers.yaml': PEERS, 'bgpextras.yaml': EXTRAS });
    const client = await start(folder);
    await client.request('frrMetallb/validateWorkspace', {});
    client.open(uri('peers.yaml'), 'yaml', PEERS.replace('10.0.0.1', '10.0.0.9'));
    client.open(uri('bgpextras.yaml'), 'yaml', EXTRAS);
    await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => d.version === 1 && !d.diagnostics.some((x) => x.code === COLLISION));
    client.close(uri('peers.yaml'));
    const after = await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => d.diagnostics.some((x) => x.code === COLLISION));
    assert.ok(after.diagnostics.some((d) => d.code === COLLISION), 'the peer on disk (10.0.0.1) is back');
  });

  it('forgets a closed untitled document', async () => {
    const { folder, uri } = workspaceFolder({ 'bgpextras.yaml': EXTRAS });
    const client = await start(folder);
    client.open(uri('bgpextras.yaml'), 'yaml', EXTRAS);
    client.open('untitled:Untitled-1', 'yaml', PEERS.replace('10.0.0.1', '10.0.0.9'));
    // With a BGPPeer in the workspace, 10.0.0.1-in names no MetalLB route-map and collides with nothing.
    await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => !d.diagnostics.some((x) => x.code === COLLISION));
    client.close('untitled:Untitled-1');
    await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => d.diagnostics.some((x) => x.code === COLLISION));
  });

  it('falls back to the default for invalid settings and warns once per invalid value', async () => {
    const { folder, uri } = workspaceFolder({ 'peers.yaml': PEERS, 'bgpextras.yaml': EXTRAS });
    const client = await start(folder);
    client.open(uri('bgpextras.yaml'), 'yaml', EXTRAS);
    await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => d.diagnostics.some((x) => x.code === COLLISION));
    const settings = {
      frrMetallb: { metallbVersion: '0.12', frrVersion: '7.5', mode: 'bgp', rules: { [COLLISION]: 'loud', 'metallb/missing-peer-lines': 'off' } },
    };
    client.configure(settings);
    client.configure(settings);
    await client.until(() => client.messages.length >= 4, 'four warnings');
    const published = await client.diagnosticsFor(uri('bgpextras.yaml'), (d) => !d.diagnostics.some((x) => x.code === 'metallb/missing-peer-lines'));
    const collision = published.diagnostics.find((d) => d.code === COLLISION);
    assert.equal(collision?.severity, SEVERITY_WARNING, 'an invalid rule setting keeps the rule severity');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const warnings = client.messages.filter((m) => m.type === MESSAGE_WARNING).map((m) => m.message);
    assert.equal(warnings.length, 4, warnings.join('\n'));
    for (const value of ['"0.12"', '"7.5"', '"bgp"', '"loud"']) assert.ok(warnings.some((w) => w.includes(value)), value);
  });

  it('generates extras only with a valid CIDR, and replaces existing extras only once confirmed', async () => {
    const { folder } = workspaceFolder({ 'peers.yaml': PEERS, 'bgpextras.yaml': EXTRAS });
    const client = await start(folder);
    await client.request('frrMetallb/validateWorkspace', {});
    const generate = (cidrs: string[]) => client.request('workspace/executeCommand', { command: 'frrMetallb.server.generateExtras', arguments: [{ cidrs }] });

    await generate(['not-a-cidr']);
    assert.equal(client.appliedEdits.length, 0);
    assert.ok(client.messages.some((m) => m.type === MESSAGE_ERROR && m.message.includes('not-a-cidr')));

    client.answer = 'Cancel';
    await generate(['172.16.0.0/16']);
    assert.equal(client.appliedEdits.length, 0, 'cancelled');
    assert.ok(client.messages.some((m) => m.type === MESSAGE_WARNING && /Replace the existing bgpextras/.test(m.message)));

    client.answer = 'Replace';
    await generate(['172.16.0.0/16']);
    assert.equal(client.appliedEdits.length, 1);
    assert.match(JSON.stringify(client.appliedEdits[0]), /172\.16\.0\.0\/16/);
  });
});
