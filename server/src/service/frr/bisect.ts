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
 * `list` ordered by `key`, in place and stably. A list already in order (a configuration usually
 * writes seqs ascending) is only checked: sorting one costs an allocation even when nothing moves.
 */
export function sortedBy<T>(list: T[], key: (item: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    if (key(list[i - 1]!) > key(list[i]!)) return list.sort((a, b) => key(a) - key(b));
  }
  return list;
}
