// Teardown that runs whichever way the run ends: normal exit, failure, timeout or a signal.
const actions = [];
let closing = false;
let drained = Promise.resolve();

async function drain() {
  while (actions.length > 0) {
    const { label, action } = actions.pop();
    try {
      await action();
    } catch (error) {
      console.error(`cleanup: ${label}: ${error.message}`);
    }
  }
}

/**
 * Registers an undo step; steps run in reverse order of registration. A step registered once the
 * teardown has begun (the scenario was still mid-step when a signal came) is undone right away.
 */
export function onCleanup(label, action) {
  actions.push({ label, action });
  if (closing) cleanup();
}

export function cleanup() {
  closing = true;
  drained = drained.then(drain);
  return drained;
}

/** Signals and a hard deadline end the run through the same teardown. */
export function installExitHandlers(deadlineMs, onDeadline) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\nfrr-bgp-live: ${signal}, cleaning up`);
      cleanup().finally(() => process.exit(1));
    });
  }
  const timer = setTimeout(() => {
    onDeadline();
    cleanup().finally(() => process.exit(1));
  }, deadlineMs);
  timer.unref();
}
