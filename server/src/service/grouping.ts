/** Lists kept by key, as several indexes of the service hold them. */

/**
 * `list` with `item` added. An array grown by `push` reserves room for 17 entries, and the indexes
 * keep tens of thousands of lists that hold one or two: short ones are copied at their exact size.
 */
export function appended<T>(list: T[], item: T): T[] {
  if (list.length >= 4) {
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

/** Copies the lists of `map` at their exact size: filed one by one they kept room to grow, which an index built whole rarely uses. */
export function trimLists<K, T>(map: Map<K, T[]>): void {
  for (const [key, list] of map) map.set(key, list.slice());
}
