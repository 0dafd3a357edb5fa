#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI.
import { main } from '../dist/cli/main.js';

let finished = false;
process.on('exit', () => {
  // A run whose work stopped without an answer (nothing left to wait on) must not look like success.
  if (!finished) {
    process.stderr.write('corpus: internal error: the run stopped before it finished\n');
    process.exitCode = 2;
  }
});

main(process.argv.slice(2)).then((code) => {
  finished = true;
  process.exitCode = code;
});
