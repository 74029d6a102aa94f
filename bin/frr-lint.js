#!/usr/bin/env node
'use strict';
const { join } = require('node:path');
const { existsSync } = require('node:fs');

const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('frr-lint: not built yet; run `npm run build` first\n');
  process.exit(2);
}
require(cli).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
