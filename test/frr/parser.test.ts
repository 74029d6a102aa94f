import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseFrr } from '../../server/src/service/frr/parser';
import type { ParseResult } from '../../server/src/service/frr/syntax';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function lineOf(result: ParseResult, text: string) {
  const line = result.lines.find((l) => result.text.slice(l.range.start, l.range.end).trim() === text);
  assert.ok(line, `no line ${text}`);
  return line;
}

function codes(result: ParseResult): string[] {
  return result.findings.map((f) => f.code);
}

test('MetalLB output parses with zero findings in every version, relying on implicit exits', () => {
  for (const frrVersion of ['any', '8.4', '9.1', '10.x'] as const) {
    const result = parseFrr(fixture('metallb/frr.conf'), { frrVersion });
    assert.deepEqual(result.findings, [], frrVersion);
  }
  const result = parseFrr(fixture('metallb/frr.conf'));
  const plist = lineOf(result, 'ip prefix-list 10.2.2.254-allowed-ipv4 seq 1 permit 172.16.1.10/24');
  assert.deepEqual([plist.node, plist.escapedFrom, plist.block], ['CONFIG', 'RMAP', -1]);
  assert.equal(plist.command!.args.prefix!.value, '172.16.1.10/24');
  const header = lineOf(result, 'route-map 10.2.2.254-out permit 1');
  const block = result.blocks[header.block]!;
  assert.equal(block.node, 'RMAP');
  assert.equal(result.text.slice(result.lines[block.last]!.range.start, result.lines[block.last]!.range.end).trim(), 'on-match next');
  const profile = lineOf(result, 'detect-multiplier 5');
  assert.equal(profile.node, 'BFD_PROFILE');
  assert.equal(result.blocks[result.blocks[profile.block]!.parent]!.node, 'BFD');
});

test('blocks: nesting, headers and explicit exits', () => {
  const result = parseFrr('router bgp 1\n address-family ipv4 unicast\n  network 10.0.0.0/8\n exit-address-family\nexit\n');
  assert.deepEqual(
    result.blocks.map((b) => [b.node, b.header, b.last, b.parent]),
    [
      ['BGP', 0, 4, -1],
      ['BGP_IPV4', 1, 3, 0],
    ],
  );
  assert.deepEqual(result.findings, [], 'an `exit` closing router bgp is not an early exit');
});

test('a BGP-level line inside an address-family escapes with a warning', () => {
  const text = 'router bgp 1\n neighbor 10.0.0.1 remote-as 2\n address-family ipv6 unicast\n  network 10.0.0.0/8\n  neighbor 10.0.0.1 description uplink\n';
  const result = parseFrr(text);
  assert.deepEqual(codes(result), ['frr/context-escape'], 'after the escape the neighbor line is at BGP level already');
  const network = lineOf(result, 'network 10.0.0.0/8');
  assert.deepEqual([network.node, network.escapedFrom, network.nodeAfter], ['BGP', 'BGP_IPV6', 'BGP']);
  assert.equal(result.findings[0]!.range.start, text.indexOf('network'));
});

test('top-level lines that end a route-map or router block do not warn', () => {
  const result = parseFrr('router bgp 1\n address-family ipv4 unicast\n  network 10.0.0.0/8\nroute-map A permit 10\nbfd\ninterface eth0\nip prefix-list p permit any\n');
  assert.deepEqual(result.findings, []);
});

test('a top-level exit ends the configuration: warning, later lines not read', () => {
  const result = parseFrr('hostname a\nexit\nthis is not a command\nroute-map X permit 10\n');
  assert.deepEqual(codes(result), ['frr/early-exit']);
  assert.deepEqual(result.lines.map((l) => l.kind), ['command', 'command', 'opaque', 'opaque', 'blank']);
});

test('exit-address-family outside an address-family is an unknown command', () => {
  const result = parseFrr('router bgp 1\n exit-address-family\n');
  assert.deepEqual(codes(result), ['frr/syntax']);
  assert.match(result.findings[0]!.message, /^% Unknown command/);
  assert.equal(result.lines[1]!.node, 'BGP');
});

test('errors: FRR wording, the offending token, a hint, and the node unchanged', () => {
  const text = 'route-map X permit 10\n set metric 10\n route-map Y allow 10\n set weight 5\nroute-map Z permit\n';
  const result = parseFrr(text);
  const [unknown, incomplete] = result.findings;
  assert.equal(unknown!.message, '% Unknown command: expected <deny|optimization-disabled|permit>');
  assert.equal(text.slice(unknown!.range.start, unknown!.range.end), 'allow');
  assert.equal(result.lines[3]!.node, 'RMAP', 'the failed line left the route-map current');
  assert.match(incomplete!.message, /^% Command incomplete: expected \(1-65535\)/);
  assert.equal(incomplete!.range.start, text.indexOf('permit\n') + 'permit'.length);
  assert.equal(incomplete!.range.end, incomplete!.range.start);
});

test('trailing comments are unknown commands', () => {
  const result = parseFrr('route-map X permit 10 ! keep\n');
  assert.deepEqual(codes(result), ['frr/syntax']);
});

test('BFD timer ranges differ between 8.4 and 10.x', () => {
  const text = 'bfd\n profile p\n  transmit-interval 99999\n  detect-multiplier 1\n';
  assert.equal(parseFrr(text, { frrVersion: '8.4' }).findings.length, 2);
  assert.deepEqual(parseFrr(text, { frrVersion: '10.x' }).findings, []);
  assert.deepEqual(parseFrr(text).findings, [], 'any accepts what some version accepts');
});

test('opaque blocks: nested sub-contexts keep their own exits', () => {
  const text = [
    'segment-routing',
    ' traffic-eng',
    '  segment-list A',
    '   index 10 mpls label 16001',
    '  exit',
    '  policy color 1 endpoint 1.1.1.1',
    '   candidate-path preference 100 name x explicit segment-list A',
    '   exit',
    '  exit',
    ' exit',
    'exit',
    'router ospf',
    ' ospf router-id 1.1.1.1',
    ' hostname dynamic',
    ' network 10.0.0.0/8 area 0',
    'route-map X permit 10',
  ].join('\n');
  const result = parseFrr(text);
  assert.deepEqual(result.findings, []);
  assert.equal(result.lines[9]!.nodeAfter, 'OPAQUE');
  assert.equal(result.lines[10]!.nodeAfter, 'CONFIG', 'the last exit leaves segment-routing');
  assert.equal(result.blocks[result.lines[2]!.block]!.label, 'segment-list A');
  assert.equal(result.lines[13]!.node, 'OPAQUE', 'an indented line of the daemon node stays inside');
  assert.equal(result.lines[15]!.node, 'CONFIG');
  assert.equal(result.blocks[result.lines[11]!.block]!.label, 'router ospf');
});

test('interface blocks accept other daemons lines; top-level lines still leave them', () => {
  const result = parseFrr('interface eth0\n ip ospf area 0\n isis circuit-type level-2\n ip address 10.0.0.1/24\nip prefix-list p permit any\n');
  assert.deepEqual(result.findings, []);
  assert.equal(result.lines[4]!.node, 'CONFIG');
  assert.equal(result.lines[4]!.escapedFrom, 'INTERFACE');
});

test('community lists derive their kind from the number', () => {
  const result = parseFrr('bgp community-list 10 permit 65000:1\nbgp community-list expanded X permit ^65000\n');
  assert.deepEqual(result.lines.slice(0, 2).map((l) => l.command!.args.kind!.value), ['standard', 'expanded']);
});

test('junk and huge input never throw', () => {
  const junk = '\u0000\uD800 route-map \uDFFF permit\n'.repeat(2000) + 'x'.repeat(10000);
  const result = parseFrr(junk);
  assert.ok(result.findings.length > 0);
  assert.ok(result.findings.every((f) => f.range.start <= f.range.end && f.range.end <= junk.length));
});

test('a tie between two keywords of one command is ambiguous, as in FRR', () => {
  const result = parseFrr('i nht resolve-via-default\n');
  assert.match(result.findings[0]!.message, /^% Ambiguous command/);
  assert.equal(result.findings[0]!.range.end, 1);
});

test('`no` lines may drop trailing arguments but not keywords', () => {
  const result = parseFrr('router bgp 1\n neighbor 10.0.0.1 remote-as 2\n no neighbor 10.0.0.1 password\n no bgp default\ndebug bgp\n');
  assert.deepEqual(
    result.findings.map((f) => f.message.split(':')[0]),
    ['% Command incomplete', '% Command incomplete'],
  );
  assert.equal(result.lines[2]!.command!.negated, true);
});
