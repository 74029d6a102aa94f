/**
 * "Generate bgpextras for all peers": the generated ConfigMap (new file, or replacing an existing
 * `extras` value) run back through the whole extras analysis gives no finding at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../../server/src/service/k8s/parse';
import { buildExtrasContext, type ExtrasContext } from '../../server/src/service/metallb/extras/context';
import { generateBgpExtras, generateExtrasEdit, generateExtrasText } from '../../server/src/service/features/generateExtras';
import { applyOrder } from '../../server/src/service/rules/metallb/extras/applyOrder';
import { emptyMatch } from '../../server/src/service/rules/metallb/extras/emptyMatch';
import { extrasWrongMode } from '../../server/src/service/rules/metallb/extras/extrasWrongMode';
import { frrInExtras } from '../../server/src/service/rules/metallb/extras/frrInExtras';
import { inSeqCollision } from '../../server/src/service/rules/metallb/extras/inSeqCollision';
import { inSeqUnreachable } from '../../server/src/service/rules/metallb/extras/inSeqUnreachable';
import { missingPeerLines } from '../../server/src/service/rules/metallb/extras/missingPeerLines';
import { nameCollision } from '../../server/src/service/rules/metallb/extras/nameCollision';
import { outSeqCollision } from '../../server/src/service/rules/metallb/extras/outSeqCollision';
import { seqlessPrefixList } from '../../server/src/service/rules/metallb/extras/seqlessPrefixList';
import { unknownPeer } from '../../server/src/service/rules/metallb/extras/unknownPeer';
import { unsupportedExtras } from '../../server/src/service/rules/metallb/extras/unsupportedExtras';
import { OVERLAP_RULES } from '../../server/src/service/rules/metallb/extras-overlap';
import type { Finding, TextEdit } from '../../server/src/service/types';

const PEERS = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: leaf-v4
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64513
  peerAddress: 172.18.0.5
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: leaf-red
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64513
  peerAddress: 172.18.0.6
  vrf: red
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: leaf-v6
  namespace: metallb-system
spec:
  myASN: 64512
  peerASN: 64513
  peerAddress: fc00:f853:ccd:e793::5
  dualStackAddressFamily: true
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: public
  namespace: metallb-system
spec:
  addresses:
  - 10.1.0.0/24
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata:
  name: all
  namespace: metallb-system
`;

const RULES = [applyOrder, emptyMatch, extrasWrongMode, inSeqCollision, inSeqUnreachable, missingPeerLines, nameCollision, outSeqCollision, seqlessPrefixList, unknownPeer, unsupportedExtras, ...OVERLAP_RULES];

function everyFinding(ctx: ExtrasContext): Finding[] {
  const parse = ctx.extras ? ctx.extras.parse.findings : [];
  return [...ctx.findings, ...parse, ...frrInExtras(ctx), ...RULES.flatMap((rule) => rule(ctx))];
}

function context(texts: string[]): ExtrasContext {
  return buildExtrasContext(
    texts.map((text, i) => parseManifests(text, `file:///${i}.yaml`)),
    { metallbVersion: '0.15', mode: 'frr' },
  );
}

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((out, e) => out.slice(0, e.range.start) + e.newText + out.slice(e.range.end), text);
}

const CIDRS = ['172.16.0.0/16', '192.168.10.7/24', 'fd00:10::/64'];

test('the generated text: explicit seqs, le per family, one stanza per neighbor ID and family', () => {
  assert.equal(
    generateExtrasText(context([PEERS]), { cidrs: CIDRS }),
    [
      'ip prefix-list extras-received-ipv4 seq 5 permit 172.16.0.0/16 le 32',
      'ip prefix-list extras-received-ipv4 seq 10 permit 192.168.10.0/24 le 32',
      'ipv6 prefix-list extras-received-ipv6 seq 5 permit fd00:10::/64 le 128',
      'route-map 172.18.0.5-in permit 10',
      '  match ip address prefix-list extras-received-ipv4',
      'route-map 172.18.0.6-red-in permit 10',
      '  match ip address prefix-list extras-received-ipv4',
      'route-map fc00:f853:ccd:e793::5-in permit 10',
      '  match ip address prefix-list extras-received-ipv4',
      'route-map fc00:f853:ccd:e793::5-in permit 15',
      '  match ipv6 address prefix-list extras-received-ipv6',
      '',
    ].join('\n'),
  );
});

test('a generated ConfigMap, added as a file after the peers, gives no finding', () => {
  const ctx = context([PEERS]);
  const generated = generateBgpExtras(ctx, { cidrs: CIDRS, listName: 'from-leaves' });
  const after = context([generated, PEERS]);
  assert.ok(after.extras, 'the generated ConfigMap is read as bgpextras');
  assert.deepEqual(everyFinding(after), []);
});

test('replacing an existing extras value keeps the rest of the file byte-identical and gives no finding', () => {
  const existing = `apiVersion: v1
kind: ConfigMap
metadata:
  name: bgpextras
  namespace: metallb-system
data:
  extras: |
    route-map 172.18.0.5-in permit 20
      match ip address prefix-list allowed
  other: kept
`;
  const before = context([existing, PEERS]);
  assert.ok(everyFinding(before).length > 0, 'the permit 20 override is reported before');
  const { edits, createsFile } = generateExtrasEdit(before, { cidrs: CIDRS });
  assert.equal(createsFile, false);
  const fixed = apply(existing, edits);
  assert.ok(fixed.startsWith(existing.slice(0, existing.indexOf('|'))));
  assert.ok(fixed.endsWith('\n  other: kept\n'));
  assert.deepEqual(everyFinding(context([fixed, PEERS])), []);
});

test('without a bgpextras ConfigMap the edit creates the file', () => {
  const ctx = context([PEERS]);
  const { edits, createsFile } = generateExtrasEdit(ctx, { cidrs: CIDRS }, 'file:///bgpextras.yaml');
  assert.equal(createsFile, true);
  assert.equal(edits[0].uri, 'file:///bgpextras.yaml');
  assert.equal(edits[0].newText, generateBgpExtras(ctx, { cidrs: CIDRS }));
});

test('invalid CIDRs are returned, and the valid ones still generate the edit', () => {
  const ctx = context([PEERS]);
  const { edits, invalid } = generateExtrasEdit(ctx, { cidrs: ['10.0.0.0/33', '172.16.0.0/16', 'not-a-cidr'] });
  assert.deepEqual(invalid, ['10.0.0.0/33', 'not-a-cidr']);
  assert.equal(edits.length, 1);
  assert.match(edits[0].newText, /seq 5 permit 172\.16\.0\.0\/16 le 32/);
  assert.doesNotMatch(edits[0].newText, /\/33/);
});

test('without a valid CIDR there is no edit, so existing extras are not wiped', () => {
  const existing = `apiVersion: v1
kind: ConfigMap
metadata:
  name: bgpextras
  namespace: metallb-system
data:
  extras: |
    route-map 172.18.0.5-in permit 10
      match ip address prefix-list allowed
`;
  const withExtras = generateExtrasEdit(context([existing, PEERS]), { cidrs: ['10.0.0.0/33'] });
  assert.deepEqual(withExtras, { edits: [], createsFile: false, invalid: ['10.0.0.0/33'] });
  const withoutExtras = generateExtrasEdit(context([PEERS]), { cidrs: [] });
  assert.deepEqual(withoutExtras, { edits: [], createsFile: false, invalid: [] });
});
