import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommandDef } from '../../server/src/service/frr/commands/types';
import { buildNodeTables, Matcher } from '../../server/src/service/frr/grammar/match';
import { isAsnum, isIpv4, isIpv6 } from '../../server/src/service/frr/grammar/tokens';
import { TokenStore } from '../../server/src/service/frr/lexer';

function words(line: string): string[] {
  return line.split(' ');
}

/** The line's words as a parse keeps them. */
function storeOf(line: string): TokenStore {
  const store = new TokenStore(8);
  let at = 0;
  for (const text of line.split(' ')) {
    store.push(text, at);
    at += text.length + 1;
  }
  return store;
}

const DEFS: CommandDef[] = [
  { id: 'route-map', node: 'CONFIG', spec: 'route-map RMAP_NAME$name <deny|permit>$action (1-65535)$seq' },
  { id: 'prefix-list', node: 'CONFIG', spec: 'ip prefix-list WORD$name <deny|permit>$action A.B.C.D/M$prefix' },
  { id: 'ipv6-prefix-list', node: 'CONFIG', spec: 'ipv6 prefix-list WORD$name <deny|permit>$action X:X::X:X/M$prefix' },
  { id: 'peer', node: 'CONFIG', spec: 'peer <A.B.C.D|WORD>$peer' },
  { id: 'neighbor-remote-as', node: 'CONFIG', spec: 'neighbor WORD$peer remote-as (1-4294967295)$asn', versions: ['8.4'] },
  { id: 'neighbor-remote-as', node: 'CONFIG', spec: 'neighbor WORD$peer remote-as ASNUM$asn', versions: ['9.1', '10.x'] },
  { id: 'description', node: 'CONFIG', spec: 'description LINE...$text' },
  { id: 'network', node: 'CONFIG', spec: 'network A.B.C.D/M$prefix', negatable: true },
  { id: 'netmask', node: 'CONFIG', spec: 'netmask WORD' },
];
const table = buildNodeTables(DEFS).get('CONFIG')!;

/** The verdict with the line's words bound, as the parser binds them when a command is read. */
function match(line: string, version: '8.4' | '10.x' | 'any' = 'any') {
  const result = new Matcher(version).match(table, words(line));
  return { ...result, command: result.binding?.bind(storeOf(line), 0) };
}

test('keywords may be abbreviated; the full keyword is bound', () => {
  const r = match('route-m X per 10');
  assert.equal(r.status, 'full');
  assert.equal(r.command!.args.action!.value, 'permit');
  assert.equal(r.command!.args.name!.value, 'X');
});

test('`ip` abbreviates `ipv6`: an IPv6 prefix in `ip prefix-list` silently matches the IPv6 command', () => {
  assert.equal(match('ip prefix-list x permit 2001:db8::/32').def!.id, 'ipv6-prefix-list');
  assert.equal(match('ip prefix-list x permit 10.0.0.0/8').def!.id, 'prefix-list');
});

test('two partial keyword matches of different commands are ambiguous', () => {
  const r = match('net 10.0.0.0/8');
  assert.equal(r.status, 'full', 'only network takes a prefix');
  const amb = match('net x');
  assert.equal(amb.status, 'full', 'netmask takes WORD, network does not');
  assert.equal(new Matcher().match(buildNodeTables([...DEFS, { id: 'other', node: 'CONFIG', spec: 'netflow WORD' }]).get('CONFIG')!, words('net x')).status, 'ambiguous');
});

test('typed tokens beat VARIABLE', () => {
  const r = match('peer 1.2.3.4');
  assert.equal(r.status, 'full');
  assert.equal(r.command!.args.peer!.value, '1.2.3.4');
  assert.equal(match('peer spine').status, 'full');
});

test('ranges follow strtoll: sign and leading zeros allowed, bounds enforced', () => {
  assert.equal(match('route-map X permit +10').status, 'full');
  assert.equal(match('route-map X permit 010').status, 'full');
  for (const bad of ['0', '65536', '-0', 'ten']) assert.equal(match(`route-map X permit ${bad}`).status, 'none', bad);
});

test('a prefix of a command is incomplete; a wrong word is no match at that word', () => {
  const r = match('route-map X permit');
  assert.equal(r.status, 'incomplete');
  const none = match('route-map X allow 10');
  assert.deepEqual([none.status, none.failedAt], ['none', 2]);
  assert.deepEqual(new Matcher().explain(table, words('route-map X allow 10'), 'none').sort(), ['deny', 'permit']);
});

test('varargs take every remaining word', () => {
  const r = match('description two words here');
  assert.deepEqual(r.command!.args.text!.tokens.map((t) => t.text), ['two', 'words', 'here']);
  assert.equal(r.command!.args.text!.value, 'two words here');
});

test('asdot AS numbers exist only from 9.1; per-version variants are not ambiguous', () => {
  assert.equal(match('neighbor a remote-as 1.2', '8.4').status, 'none');
  assert.equal(match('neighbor a remote-as 1.2', '10.x').status, 'full');
  assert.equal(match('neighbor a remote-as 65000', 'any').status, 'full');
  assert.equal(match('neighbor a remote-as 4294967296', 'any').status, 'none');
});

test('no forms: negated flag, and trailing arguments may be left out', () => {
  const r = match('no network 10.0.0.0/8');
  assert.equal(r.command!.negated, true);
  const short = match('no network');
  assert.deepEqual([short.status, short.command!.negated], ['full', true]);
  assert.equal(match('no route-map X').status, 'none', 'route-map has no no form here');
});

test('token scanners', () => {
  assert.ok(isIpv4('10.0.0.1') && !isIpv4('01.2.3.4') && !isIpv4('1.2.3') && !isIpv4('256.1.1.1'));
  assert.ok(isIpv6('2001:db8::1') && isIpv6('::') && isIpv6('::ffff:1.2.3.4') && !isIpv6('1::2::3') && !isIpv6('abc'));
  assert.ok(isAsnum('65000') && isAsnum('1.10') && !isAsnum('0') && !isAsnum('0.0') && !isAsnum('4294967296'));
});
