/**
 * One full garbage collection after the server made and dropped a result as large as a whole large
 * document: its first check, or all of its semantic tokens (tens of megabytes at 100k lines, in
 * objects that outlive V8's young generation). V8 frees such garbage only at its next full
 * collection, and a session of small edits allocates too little to reach one: until the editor
 * goes idle, the server would hold that much more memory. The collection costs tens of milliseconds
 * once, after the reply. It needs the server started with `--expose-gc` (server/exec-argv.json);
 * without it, nothing happens.
 */

/** Results at least this large (characters of text, numbers of a reply) are followed by a collection. */
export const LARGE_RESULT = 1 << 20;

let scheduled = false;

export function collectAfterLargeResult(size: number): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect || size < LARGE_RESULT || scheduled) return;
  scheduled = true;
  // After the reply is written: the request that made the garbage is not kept waiting.
  setImmediate(() => {
    scheduled = false;
    collect();
  });
}
