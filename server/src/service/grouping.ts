/** Lists kept by key, as several indexes of the service hold them. */

/** Adds `item` to the list `map` keeps under `key`, starting the list if there is none. */
export function fileUnder<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
