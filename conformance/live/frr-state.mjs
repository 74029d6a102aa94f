// Reads what FRR actually holds: route-map entries from the running config, the routes a peer
// got through, session state, and the deltas frr-reload.py announces.

/** Entries of one route-map in `show running-config`, in order: { action, seq, lines }. */
export function routeMapEntries(runningConfig, name) {
  const entries = [];
  let current;
  for (const raw of runningConfig.split('\n')) {
    const header = /^route-map (\S+) (permit|deny) (\d+)\s*$/.exec(raw);
    if (header) {
      current = header[1] === name ? { action: header[2], seq: Number(header[3]), lines: [] } : undefined;
      if (current) entries.push(current);
      continue;
    }
    if (!current) continue;
    if (/^\s+\S/.test(raw)) current.lines.push(raw.trim());
    else current = undefined;
  }
  return entries;
}

export function describeEntries(entries) {
  if (entries.length === 0) return '(no entries)';
  return entries.map((e) => `${e.action} ${e.seq}${e.lines.length ? ` [${e.lines.join('; ')}]` : ''}`).join(', ');
}

/** Prefixes in the IPv4 unicast table that have a path learned from `peer`, sorted. */
export function prefixesFromPeer(bgpTable, peer) {
  const routes = bgpTable?.routes ?? {};
  return Object.keys(routes)
    .filter((prefix) => [].concat(routes[prefix]).some((path) => path?.peerId === peer))
    .sort();
}

export function sessionState(neighbors, peer) {
  return neighbors?.[peer]?.bgpState ?? 'absent';
}

/**
 * `frr-reload.py --test` output: the commands it would delete and add that mention `needle`. Each
 * command is printed as its context headers followed by the indented line, so one command is one
 * block, shown here joined with " > ".
 */
export function reloadDeltas(testOutput, needle) {
  const deltas = { del: [], add: [] };
  let section;
  let block;
  const flush = () => {
    if (section && block && block.some((l) => l.includes(needle))) deltas[section].push(block.join(' > '));
    block = undefined;
  };
  for (const line of testOutput.split('\n')) {
    if (/^Lines To (Delete|Add)/.test(line) || /^=+$/.test(line) || line.trim() === '') {
      flush();
      if (/^Lines To Delete/.test(line)) section = 'del';
      if (/^Lines To Add/.test(line)) section = 'add';
    } else if (/^\S/.test(line)) {
      flush();
      block = [line.trim()];
    } else if (block) {
      block.push(line.trim());
    }
  }
  flush();
  return deltas;
}

export const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
