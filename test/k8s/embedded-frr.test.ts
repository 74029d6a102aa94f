import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../server/src/service/k8s/parse';
import { mapFinding } from '../../server/src/service/k8s/embedded';
import type { ParseResult } from '../../server/src/service/frr/syntax';
import type { BgpExtrasConfigMap } from '../../server/src/service/k8s/resources';

/** A stand-in parser that flags every `bogus` word, so the mapping is tested apart from the FRR grammar. */
const flagBogus = (text: string): ParseResult => {
  const findings = [];
  for (let at = text.indexOf('bogus'); at >= 0; at = text.indexOf('bogus', at + 1)) {
    findings.push({
      code: 'frr/syntax',
      severity: 'error' as const,
      range: { start: at, end: at + 5 },
      message: 'unknown',
      related: [{ range: { start: 0, end: 3 }, message: 'first line' }],
      fixes: [{ title: 'drop', safe: false, edits: [{ range: { start: at, end: at + 5 }, newText: '' }] }],
    });
  }
  return { text, source: text, lines: [], blocks: [], findings };
};

for (const [style, value] of [
  ['literal', '|\n    route-map a permit 10\n      bogus here\n'],
  ['folded-keep', '>+\n    route-map a permit 10\n\n      bogus here\n'],
  ['double-quoted', '"route-map a permit 10\\n  bogus here\\n"'],
  ['crlf-literal', '|-\r\n    route-map a permit 10\r\n      bogus here\r\n'],
]) {
  test(`FRR findings inside ${style} extras land on the YAML characters`, () => {
    const source = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bgpextras\ndata:\n  extras: ${value}`;
    const file = parseManifests(source);
    const configMap = file.resources[0] as BgpExtrasConfigMap;
    const embedded = configMap.extras!.embedded;
    const result = flagBogus(embedded.value);
    const parsed = { result, findings: result.findings.map((finding) => mapFinding(embedded, finding)) };
    assert.equal(parsed.findings.length, 1);
    const [finding] = parsed.findings;
    assert.equal(source.slice(finding.range.start, finding.range.end), 'bogus');
    assert.equal(source.slice(finding.related![0].range.start, finding.related![0].range.end), 'rou');
    assert.deepEqual(finding.fixes![0].edits[0].range, finding.range);
    assert.equal(parsed.result.findings[0].range.start, configMap.extras!.value.indexOf('bogus'), 'the parse itself keeps value offsets');
  });
}
