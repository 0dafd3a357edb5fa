#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI.
import os from 'node:os';
import v8 from 'node:v8';

// A big corpus makes garbage faster than V8's default heap growth collects it: the first pass of
// a cold `list` on 100,000 documents peaked at 470 MB, and at 320 MB with the heap grown by 40 %
// between full collections.
v8.setFlagsFromString('--heap-growing-percent=40');

// grep's worker boots while the rest loads (see src/core/workers/grep-prestart.ts).
const argv = process.argv.slice(2);
if (argv[0] === 'grep')
  (await import('../dist/bundle/early-grep-worker.js')).startEarlyGrepWorker(argv, os.availableParallelism());
const { main } = await import('../dist/bundle/main.js');
const { removeTempFiles } = await import('../dist/bundle/temp-files.js');

let finished = false;
let interrupted = false;
// Ctrl-C (or a kill) ends the run as it would end without a handler, with the shell's status
// for the signal, but through the exit handler below: the run's temporary files go with it.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
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

main(argv).then((code) => {
  finished = true;
  process.exitCode = code;
});
