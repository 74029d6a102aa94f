// Preloaded into the `frr-lint` process the bench times: its own peak RSS, reported as it exits.
process.on('exit', () => {
  process.stderr.write(`\nfrr-lint-bench maxRSS ${process.resourceUsage().maxRSS}\n`);
});
