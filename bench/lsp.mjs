// LSP latency as a client sees it: the bundled server over stdio, pull diagnostics (no debounce in
// the measurement), p50/p95 of edit→diagnostics, completion and hover, and the server's peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { generateConfig } from './generate.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = createRequire(import.meta.url)('vscode-jsonrpc/node');

const ITERATIONS = { 1000: 40, 10000: 20, 100000: 8 };

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function benchLsp(root, sizes) {
  const rows = [];
  for (const size of sizes) {
    // The flags the extension starts the server with.
    const execArgv = JSON.parse(readFileSync(join(root, 'server', 'exec-argv.json'), 'utf8'));
    const child = spawn(process.execPath, [...execArgv, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      // What VS Code's client declares for the features measured.
      capabilities: {
        textDocument: {
          diagnostic: {},
          completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
        },
        workspace: { diagnostics: { refreshSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    const uri = `file:///bench/metallb-${size}.conf`;
    const text = `${generateConfig(size)}route-map \n`;
    const lines = text.split('\n');
    const lastLine = lines.length - 2;
    const hoverLine = lines.findIndex((line) => line.startsWith('route-map '));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'frr', version: 1, text } });
    const firstMs = await timed(() => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }));

    const n = ITERATIONS[size] ?? 10;
    const edit = [];
    const completion = [];
    const hover = [];
    const mid = Math.floor(lines.length / 2);
    for (let i = 0; i < n; i++) {
      const version = i + 2;
      edit.push(
        await timed(async () => {
          await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            // Alternately type a space and delete it, so every edit really changes the text.
            contentChanges: [{ range: { start: { line: mid, character: 0 }, end: { line: mid, character: i % 2 === 0 ? 0 : 1 } }, text: i % 2 === 0 ? ' ' : '' }],
          });
          await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        }),
      );
      completion.push(await timed(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 10 } })));
      hover.push(await timed(() => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 12 } })));
    }
    const rss = peakRssMb(child.pid);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
    rows.push({ size, lines: lines.length, firstMs, edit, completion, hover, rss });
  }
  return rows;
}

export function printLsp(rows) {
  const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  console.log('\nLanguage server over stdio (pull diagnostics), ms: p50 / p95');
  console.log('| target | lines | open→diagnostics | edit→diagnostics | completion | hover | server peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const pair = (values) => `${f(percentile(values, 50))} / ${f(percentile(values, 95))}`;
    console.log(`| ${r.size / 1000}k | ${r.lines} | ${f(r.firstMs)} | ${pair(r.edit)} | ${pair(r.completion)} | ${pair(r.hover)} | ${r.rss.toFixed(0)} MB |`);
  }
  console.log('Targets at 100k lines: edit→diagnostics p95 ≤ 15 ms, completion p95 ≤ 5 ms, RSS ≤ 150 MB.');
}
