// Fixture-driven: each folder under fixtures/ named bgp-* holds an input.conf and an expected.txt
// listing, per line, the node it is read in and the command and arguments the parser must report
// (or `error` for an frr/syntax error). The errors were checked with FRR 8.4.4's vtysh -C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrr } from '../../server/src/service/frr/parser';

const fixtures = join(import.meta.dirname, 'fixtures');

interface ExpectedLine {
  line: number;
  node: string;
  id: string;
  negated: boolean;
  args: Record<string, string>;
}

function readExpected(path: string): ExpectedLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [line, node, id, ...rest] = l.trim().split(/\s+/);
      const args = Object.fromEntries(rest.filter((r) => r.includes('=')).map((r) => r.split('=', 2) as [string, string]));
      return { line: Number(line), node: node!, id: id!, negated: rest.includes('negated'), args };
    });
}

for (const name of readdirSync(fixtures).filter((n) => n.startsWith('bgp-')).sort()) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(join(fixtures, name, 'input.conf'), 'utf8');
    const parse = parseFrr(text, { frrVersion: '8.4' });
    const syntaxErrorLines = new Set(
      parse.findings
        .filter((f) => f.code === 'frr/syntax')
        .map((f) => parse.lines.find((l) => l.range.start <= f.range.start && f.range.start <= l.range.end)!.line + 1),
    );
    const expected = readExpected(join(fixtures, name, 'expected.txt'));
    const expectedErrors = new Set(expected.filter((e) => e.id === 'error').map((e) => e.line));
    assert.deepEqual([...syntaxErrorLines].sort((a, b) => a - b), [...expectedErrors].sort((a, b) => a - b), 'frr/syntax lines');
    for (const want of expected) {
      const got = parse.lines[want.line - 1];
      assert.ok(got, `line ${want.line} missing`);
      assert.equal(got.node, want.node, `line ${want.line}: node`);
      if (want.id === 'error') continue;
      assert.equal(got.command?.id, want.id, `line ${want.line}: id`);
      assert.equal(got.command?.negated, want.negated, `line ${want.line}: negated`);
      const args = Object.fromEntries(Object.entries(got.command?.args ?? {}).map(([k, v]) => [k, v.value]));
      assert.deepEqual(args, want.args, `line ${want.line}: args`);
    }
  });
}

test('half-typed and junk lines inside router bgp and its families never throw', () => {
  const prefixes = ['router bgp 65000', ' address-family ipv4 unicast', '  vni 1', ' address-family l2vpn evpn'];
  const junk = ['neighbor', 'neighbor 1.1.1.1 remote-as 4294967296', 'neighbor \u0000\uD800 x', 'n'.repeat(5000), 'address-family ipv4 unicast extra', 'vni', '<>|{}[]...$x'];
  const text = prefixes.flatMap((p) => [p, ...junk]).join('\n');
  for (const version of ['any', '8.4', '9.1', '10.x'] as const) {
    const parse = parseFrr(text, { frrVersion: version });
    assert.ok(parse.findings.some((f) => f.code === 'frr/syntax'));
    assert.ok(parse.lines.length >= text.split('\n').length);
  }
});
