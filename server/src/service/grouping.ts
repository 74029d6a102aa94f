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
export function trimLists<K, V>(map: Map<K, V>): void {
  for (const [key, list] of map) if (Array.isArray(list) && list.length > SHORT_LIST) map.set(key, list.slice() as V);
}

/** One item alone, or several: a list of one costs more than its item, and most lists here hold one or none. */
export type OneOrMore<T extends object> = T | T[];

const NONE: readonly never[] = Object.freeze([]);

export function listOf<T extends object>(items: OneOrMore<T> | undefined): readonly T[] {
  if (items === undefined) return NONE;
  return Array.isArray(items) ? items : [items];
}

export function oneOrMore<T extends object>(list: T[]): OneOrMore<T> | undefined {
  return list.length === 0 ? undefined : list.length === 1 ? list[0]! : list;
}

/** `fileUnder` for a map that keeps a lone item as it is. */
export function fileOne<K, T extends object>(map: Map<K, OneOrMore<T>>, key: K, item: T): void {
  const held = map.get(key);
  map.set(key, held === undefined ? item : Array.isArray(held) ? appended(held, item) : [held, item]);
}
