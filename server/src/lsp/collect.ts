/**
 * One full garbage collection after the server made a result as large as a whole large document:
 * its first check (tens of megabytes of garbage at 100k lines, in objects that outlive V8's young
 * generation). V8 frees such garbage only at its next full collection, and a session of small
 * edits allocates too little to reach one: until the editor goes idle, the server would hold that
 * much more memory. The collection costs tens of milliseconds once, after the reply. It needs the
 * server started with `--expose-gc` (server/exec-argv.json); without it, nothing happens.
 */

/** Documents at least this large (characters) are followed by a collection after their first check. */
const LARGE_DOCUMENT = 1 << 20;

let scheduled = false;

export function collectAfterFirstCheck(length: number): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect || length < LARGE_DOCUMENT || scheduled) return;
  scheduled = true;
  // After the reply is written: the request that made the garbage is not kept waiting.
  setImmediate(() => {
    scheduled = false;
    collect();
  });
}
