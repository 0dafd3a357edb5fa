#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI.
import os from 'node:os';
import v8 from 'node:v8';
import { main } from '../dist/cli/main.js';
import { removeTempFiles } from '../dist/core/temp-files.js';

// A big corpus makes garbage faster than V8's default heap growth collects it: the first pass of
// a cold `list` on 100,000 documents peaked at 470 MB, and at 320 MB with the heap grown by 40 %
// between full collections.
v8.setFlagsFromString('--heap-growing-percent=40');

let finished = false;
let interrupted = false;
// Ctrl-C (or a kill) ends the run as it would end without a handler, with the shell's status
// for the signal, but through the exit handler below: the run's temporary files go with it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = true;
    process.exit(128 + os.constants.signals[signal]);
  });
}
process.on('exit', () => {
  removeTempFiles();
  // A run whose work stopped without an answer (nothing left to wait on) must not look like success.
  if (!finished && !interrupted) {
    process.stderr.write('corpus: internal error: the run stopped before it finished\n');
    process.exitCode = 2;
  }
});

main(process.argv.slice(2)).then((code) => {
  finished = true;
  process.exitCode = code;
});
