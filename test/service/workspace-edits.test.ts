/**
 * A live workspace (the language server's) re-checks only what an edit changed in an FRR document:
 * after any sequence of edits its findings, parse and model must be those of a workspace that saw
 * the final text once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveFrrCheck } from '../../server/src/service/rules/frr/liveCheck';
import { Workspace } from '../../server/src/service/workspace';

const TEXT = `router bgp 64512
 neighbor 10.0.0.2 remote-as 64513
 address-family ipv4 unicast
  neighbor 10.0.0.2 route-map RM-in in
  neighbor 10.0.0.2 prefix-list MISSING out
 exit-address-family
exit
route-map RM-in permit 10
 match ip address prefix-list PL
ip prefix-list PL seq 5 permit 10.0.0.1/8
ip prefix-list PL seq 10 permit 10.0.0.0/8
`;

const EDITS: [string, string][] = [
  ['permit 10.0.0.1/8', 'permit 10.0.0.0/8'],
  [' exit-address-family\n', ''],
  ['route-map RM-in permit 10', 'route-map RM-in permit 20'],
  ['MISSING', 'PL'],
  ['exit\n', 'exit\nexit\n'],
  ['exit\nexit\n', 'exit\n'],
  ['64513', '64512'],
];

function summary(workspace: Workspace, uri: string) {
  const check = workspace.frrParse(uri)!;
  return {
    findings: workspace.check(uri).map((f) => [f.code, f.range.start, f.range.end, f.message]),
    lines: check.parse.lines.map((l) => [l.kind, l.node, l.block, l.range.start, l.commandId]),
    // By key: a live model files a rebuilt symbol anew, and nothing reads meaning into the map's order.
    symbols: [...check.model.symbols.values()].map((s) => [s.key, s.definitions.length, s.references.length]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  };
}

test('findings after a chain of edits equal a fresh check of the final text', () => {
  const uri = 'file:///router.frr';
  const editing = new Workspace({}, { live: true });
  let text = TEXT;
  editing.setFile(uri, text, 1, 'frr');
  editing.check(uri);
  EDITS.forEach(([from, to], i) => {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    editing.setFile(uri, text, i + 2, 'frr');
    const fresh = new Workspace();
    fresh.setFile(uri, text, 1, 'frr');
    assert.deepStrictEqual(summary(editing, uri), summary(fresh, uri), `after edit ${i + 1}`);
  });
});

test('an update that fails is not built on: the next request checks the text whole', (t) => {
  const uri = 'file:///router.frr';
  const editing = new Workspace({}, { live: true });
  editing.setFile(uri, TEXT, 1, 'frr');
  editing.check(uri);
  const edited = TEXT.replace('MISSING', 'PL');
  editing.setFile(uri, edited, 2, 'frr');
  const update = t.mock.method(LiveFrrCheck.prototype, 'update', () => {
    throw new Error('boom');
  });
  assert.throws(() => editing.check(uri), /boom/);
  update.mock.restore();
  const fresh = new Workspace();
  fresh.setFile(uri, edited, 1, 'frr');
  assert.deepStrictEqual(summary(editing, uri), summary(fresh, uri));
});

test('another FRR version reads the document whole with that version', () => {
  const uri = 'file:///router.frr';
  const editing = new Workspace({}, { live: true });
  editing.setFile(uri, TEXT, 1, 'frr');
  editing.check(uri);
  editing.setOptions({ frrVersion: '8.4' });
  const fresh = new Workspace({ frrVersion: '8.4' });
  fresh.setFile(uri, TEXT, 1, 'frr');
  assert.deepStrictEqual(summary(editing, uri), summary(fresh, uri));
});
