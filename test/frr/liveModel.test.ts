/**
 * A live model brought through chains of random edits must say exactly what a model built from
 * scratch says of the same text: every symbol with its definitions and references, route-maps,
 * prefix-lists, BGP instances, neighbor uses, timers, and the occurrences on every line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveModel } from '../../server/src/service/frr/liveModel';
import { buildModel, type FrrModel } from '../../server/src/service/frr/model';
import { parseFrr } from '../../server/src/service/frr/parser';
import { reparseDeltaOf, reparseFrr } from '../../server/src/service/frr/reparse';
import { document, edit, random } from './randomConfigs';

const span = (range: { start: number; end: number }) => [range.start, range.end];

/** Everything a model says, as plain data (symbols by kind as sets: their order is by first mention either way). */
export function modelSnapshot(model: FrrModel): unknown {
  const symbols = [...model.symbols.values()]
    .map((entry) => ({
      key: entry.key,
      definitions: entry.definitions.map((d) => [d.line, ...span(d.range)]),
      references: entry.references.map((r) => [r.line, ...span(r.range), r.usage, r.ifMissing, r.weak ?? false, r.configures ?? false, r.within?.name]),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byKind = [...model.symbolsByKind].map(([kind, list]) => [kind, list.map((entry) => entry.key)]).filter(([, list]) => list.length > 0);
  byKind.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const routeMaps = [...model.routeMaps.values()]
    .map((map) => ({
      name: map.name,
      entries: map.entries.map((entry) => ({
        seq: entry.seq,
        action: entry.action,
        headers: entry.headers.map((h) => [h.line, h.action, ...span(h.range), ...span(h.actionRange)]),
        matches: [...entry.matches].map(([kind, clause]) => [kind, clause.line, ...span(clause.range)]),
        sets: [...entry.sets].map(([kind, clause]) => [kind, clause.line]),
        replaced: entry.replaced.map(({ clause, by }) => [clause.line, by.line]),
        jumps: entry.jumps.map((jump) => [jump.kind, jump.target, jump.line, jump.targetRange && span(jump.targetRange)]),
      })),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const prefixLists = (['ipv4', 'ipv6'] as const).map((family) =>
    [...model.prefixLists[family].values()]
      .map((list) => ({
        name: list.name,
        entries: list.entries.map((entry) => entry.line),
        lines: list.lines.map((entry) => [entry.line, entry.seq, entry.status, entry.other?.line, entry.prefixToken && span(entry.prefixToken), entry.writtenAsIp]),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  );
  return {
    symbols,
    byKind,
    routeMaps,
    prefixLists,
    routers: [...model.routers.values()].map((r) => [r.vrf, r.asn, r.headers]).sort(),
    rejected: model.rejectedRouters.map((r) => [r.line, r.asn, r.runningLine, ...span(r.asnRange)]),
    uses: model.neighborUses.map((u) => [u.line, u.scope, u.peer, u.resolved, ...span(u.peerRange)]),
    timers: model.timers.map((t) => [t.line, t.scope, t.peer, t.keepalive, t.hold, ...span(t.holdRange)]),
    occurrences: model.occurrences.map((o) => [o.kind, o.name, o.line, ...span(o.range)]),
    perLine: model.parse.lines.map((_, index) => model.occurrencesOn(index).map((o) => [o.kind, o.name, ...span(o.range)])),
  };
}

test('a live model brought through chains of random edits equals a model built from scratch', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    let text = document(next);
    let parse = parseFrr(text);
    const live = new LiveModel(parse);
    for (let step = 0; step < 6; step++) {
      text = edit(next, text);
      const reread = reparseFrr(parse, text);
      live.update(reread, reread === parse ? undefined : reparseDeltaOf(reread));
      parse = reread;
      assert.deepStrictEqual(modelSnapshot(live.model), modelSnapshot(buildModel(parseFrr(text))), `seed ${seed}, edit ${step + 1}`);
    }
  }
});

test('renaming a route-map header moves the clauses of its entry to the new name', () => {
  const before = 'route-map A permit 10\n match ip address prefix-list PL\nip prefix-list PL seq 5 permit 10.0.0.0/8\n';
  const after = before.replace('route-map A', 'route-map B');
  const parse = parseFrr(before);
  const live = new LiveModel(parse);
  const reread = reparseFrr(parse, after);
  const { names } = live.update(reread, reparseDeltaOf(reread));
  assert.deepStrictEqual(modelSnapshot(live.model), modelSnapshot(buildModel(parseFrr(after))));
  assert.ok(names?.has('A') && names.has('B') && names.has('PL'), `rebuilt ${[...(names ?? [])]}`);
  assert.equal(live.model.symbols.get('ip-prefix-list||PL')?.references[0]?.within?.name, 'B');
});

test('an edit rebuilds only the names its lines touch', () => {
  // The re-read starts a line before the edit: a blank line keeps prefix-list A out of it.
  const text = ['ip prefix-list A seq 5 permit 10.0.0.0/8', '', 'ip prefix-list B seq 5 permit 10.1.0.0/16', 'route-map RM permit 10', ' match ip address prefix-list A', ''].join('\n');
  const parse = parseFrr(text);
  const live = new LiveModel(parse);
  const edited = text.replace('10.1.0.0/16', '10.2.0.0/16');
  const reread = reparseFrr(parse, edited);
  const { names } = live.update(reread, reparseDeltaOf(reread));
  assert.deepStrictEqual([...(names ?? [])], ['B']);
  assert.deepStrictEqual(modelSnapshot(live.model), modelSnapshot(buildModel(parseFrr(edited))));
});

test('breaking a route-map header hands its clauses to the entry before it', () => {
  const before = ['route-map OUT permit 1', ' match ipv6 address prefix-list PL6', 'route-map IN permit 10', ' match ip address prefix-list PL', ''].join('\n');
  const after = before.replace('route-map IN permit 10', 'route-map IN proute-map IN permit 10\nermit 10');
  const parse = parseFrr(before);
  const live = new LiveModel(parse);
  const reread = reparseFrr(parse, after);
  live.update(reread, reparseDeltaOf(reread));
  assert.deepStrictEqual(modelSnapshot(live.model), modelSnapshot(buildModel(parseFrr(after))));
  assert.equal(live.model.symbols.get('ip-prefix-list||PL')?.references[0]?.within?.name, 'OUT');
});
