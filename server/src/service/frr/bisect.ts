/** Binary searches over sorted arrays: lines by offset, occurrences by offset, names by spelling. */

/**
 * The first index in [`from`, `to`) at which `before` is false, or `to`. `before` must hold for a
 * leading part of the range and fail for the rest (as `start <= offset` does over sorted starts).
 */
export function partitionPoint(from: number, to: number, before: (index: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of sorted `names` whose name is not below `name` (a loop of its own: the parser asks for every word). */
export function lowerBound(names: readonly string[], name: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid]! < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `list` ordered by `key`, in place and stably. Lists built in document order are sorted but for
 * a few neighbours (the words of one line): an insertion pass puts those back in a few steps, and
 * only a list far from sorted pays for a full sort.
 */
export function sortedBy<T>(list: T[], key: (item: T) => number): T[] {
  let moves = 0;
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    const itemKey = key(item);
    let j = i - 1;
    if (key(list[j]!) <= itemKey) continue;
    do {
      list[j + 1] = list[j]!;
      j--;
      moves++;
    } while (j >= 0 && key(list[j]!) > itemKey);
    list[j + 1] = item;
    // Insertion keeps equal keys in order, so finishing with the (stable) native sort is still a stable sort.
    if (moves > list.length) return list.sort((a, b) => key(a) - key(b));
  }
  return list;
}
