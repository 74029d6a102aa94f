import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/service/workspace';

function check(kind: 'frr' | 'yaml', text: string) {
  const workspace = new Workspace();
  const uri = kind === 'frr' ? 'file:///t/frr.conf' : 'file:///t/m.yaml';
  workspace.setFile(uri, text, 1, kind);
  return workspace.check(uri);
}

function junk(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(state % 0xffff);
  }
  return out;
}

describe('bad input never crashes or hangs', () => {
  it('an empty file gives nothing', () => {
    assert.deepEqual(check('frr', ''), []);
    assert.deepEqual(check('yaml', ''), []);
  });

  it('binary junk gives findings or nothing, never a throw', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = junk(4000, seed);
      assert.ok(Array.isArray(check('frr', text)));
      assert.ok(Array.isArray(check('yaml', text)));
    }
  });

  it('a 100k-character line is split the way FRR reads it and reported, not choked on', () => {
    const long = `ip prefix-list x seq 5 permit 10.0.0.0/8 ${'le 24 '.repeat(17_000)}`;
    const findings = check('frr', `hostname a\n${long}\nhostname b\n`);
    assert.ok(findings.some((f) => f.code === 'frr/syntax'));
  });

  it('unbalanced contexts are handled as FRR handles them', () => {
    const text = 'exit-address-family\nexit-vrf\nrouter bgp 1\n address-family ipv4 unicast\n  exit\n exit\n exit\n exit\nroute-map x permit 10\n';
    const findings = check('frr', text);
    assert.ok(findings.some((f) => f.code === 'frr/syntax'), 'exit-address-family at top level is unknown');
  });

  it('a 50 MB configuration is checked completely', () => {
    const block = 'ip prefix-list big seq NUM permit 10.0.0.0/8 le 24\n';
    const lines: string[] = [];
    let size = 0;
    for (let i = 1; size < 50 * 1024 * 1024; i++) {
      const line = block.replace('NUM', String(i));
      lines.push(line);
      size += line.length;
    }
    lines.push('route-map broken permit 0\n');
    const findings = check('frr', lines.join(''));
    assert.ok(findings.some((f) => f.code === 'frr/syntax'), 'the bad last line is still found');
  });

  it('broken YAML with a MetalLB kind gives a clear finding', () => {
    const findings = check('yaml', 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec: [unclosed\n');
    assert.ok(findings.some((f) => f.code === 'k8s/yaml'));
  });

  it('a Helm template is skipped with one notice', () => {
    const findings = check('yaml', 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.code, 'k8s/not-yaml');
  });
});
