/** Lists kept by key, as several indexes of the service hold them. */

/** Lists up to this long are copied at their exact size when they grow. */
const SHORT_LIST = 4;

/**
 * `list` with `item` added. An array grown by `push` reserves room for 17 entries, and the model and
 * its indexes keep tens of thousands of lists that hold one or two: short ones are copied at their
 * exact size.
 */
export function appended<T>(list: T[], item: T): T[] {
  if (list.length >= SHORT_LIST) {
    list.push(item);
    return list;
  }
  return list.concat([item]);
}

/** Adds `item` to the list `map` keeps under `key`, starting the list if there is none. */
export function fileUnder<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  const next = list ? appended(list, item) : [item];
  if (next !== list) map.set(key, next);
}

/**
 * Copies the lists of `map` that grew by `push` at their exact size: they kept room to grow, which
 * an index built whole rarely uses (shorter ones were copied at their size as they grew).
 */
export function trimLists<K, T>(map: Map<K, T[]>): void {
  for (const [key, list] of map) if (list.length > SHORT_LIST) map.set(key, list.slice());
}
