// LSP latency as a client sees it: the bundled server over stdio, pull diagnostics (no debounce in
// the measurement), p50/p95 of edit→diagnostics, semantic tokens (of the visible lines), completion
// and hover, and the server's peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { generateConfig } from './generate.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = createRequire(import.meta.url)('vscode-jsonrpc/node');

// Enough samples at every size for a 95th percentile that is not simply the slowest one.
const ITERATIONS = { 1000: 40, 10000: 40, 100000: 40 };
// Rounds before the measured ones, as while typing: the first edits after opening a file run code
// V8 has not optimised yet (the first edit of a 100k-line file takes ~20 ms, the next ones ~4 ms).
const WARMUP = 5;

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
          semanticTokens: { requests: { range: true, full: { delta: true } }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
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

    const n = WARMUP + (ITERATIONS[size] ?? 10);
    const edit = [];
    const tokens = [];
    const completion = [];
    const hover = [];
    const mid = Math.floor(lines.length / 2);
    // Every edit really changes the text, and every edit is undone by the next but one: indent a line
    // and take the space back; type a character at the end of a prefix-list name in a match (the
    // reference breaks: two findings appear) and delete it.
    const matchLine = lines.findIndex((line, index) => index > mid && line.includes('match ip address prefix-list'));
    const at = (line, character) => ({ line, character });
    const nameEnd = lines[matchLine].length;
    const edits = [
      { range: { start: at(mid, 0), end: at(mid, 0) }, text: ' ' },
      { range: { start: at(mid, 0), end: at(mid, 1) }, text: '' },
      { range: { start: at(matchLine, nameEnd), end: at(matchLine, nameEnd) }, text: 'x' },
      { range: { start: at(matchLine, nameEnd), end: at(matchLine, nameEnd + 1) }, text: '' },
    ];
    for (let i = 0; i < n; i++) {
      const version = i + 2;
      const measured = i >= WARMUP;
      const record = (list, ms) => measured && list.push(ms);
      record(
        edit,
        await timed(async () => {
          await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edits[i % edits.length]] });
          await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        }),
      );
      // VS Code asks for the tokens of the lines on screen after each edit (the server offers ranges only).
      const view = { start: at(Math.max(0, mid - 30), 0), end: at(mid + 30, 0) };
      record(tokens, await timed(() => connection.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri }, range: view })));
      record(completion, await timed(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 10 } })));
      record(hover, await timed(() => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 12 } })));
    }
    const rss = peakRssMb(child.pid);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
    rows.push({ size, lines: lines.length, firstMs, edit, tokens, completion, hover, rss });
  }
  return rows;
}

export function printLsp(rows) {
  const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  console.log('\nLanguage server over stdio (pull diagnostics), ms: p50 / p95');
  console.log('| target | lines | open→diagnostics | edit→diagnostics | semantic tokens (60 lines) | completion | hover | server peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const pair = (values) => `${f(percentile(values, 50))} / ${f(percentile(values, 95))}`;
    console.log(`| ${r.size / 1000}k | ${r.lines} | ${f(r.firstMs)} | ${pair(r.edit)} | ${pair(r.tokens)} | ${pair(r.completion)} | ${pair(r.hover)} | ${r.rss.toFixed(0)} MB |`);
  }
  console.log('Targets at 100k lines: edit→diagnostics p95 ≤ 15 ms, completion p95 ≤ 5 ms, RSS ≤ 150 MB.');
}
