// One PASS/FAIL/SKIP line per check, then the totals; the exit code follows the failures.
const results = { passed: 0, failed: 0, skipped: 0 };

export function check(label, ok, detail = '') {
  results[ok ? 'passed' : 'failed']++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

export function skip(label, why) {
  results.skipped++;
  console.log(`SKIP ${label} — ${why}`);
}

export function note(text) {
  for (const line of text.split('\n')) console.log(`     ${line}`);
}

export function summary() {
  const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
  console.log(`${results.passed} passed, ${results.failed} failed${skipped}`);
  return results.failed === 0;
}
