#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI.
import os from 'node:os';
import v8 from 'node:v8';

// A big corpus makes garbage faster than V8's default heap growth collects it: the first pass of
// a cold `list` on 100,000 documents peaked at 470 MB, and at 320 MB with the heap grown by 40 %
// between full collections; `summarise` (warm, 100,000 documents) at 472-487 MB with 20 %, against
// 489-512 MB with 40 %, in the same time (cold `list` the same).
v8.setFlagsFromString('--heap-growing-percent=20');

// grep's worker boots while the rest loads (see src/core/workers/grep-prestart.ts). No top-level
// await: a module that awaits is evaluated asynchronously, and Node's V8 can abort in that
// evaluation when a collection falls in it ("Check failed: (location_) != nullptr" in
// SourceTextModule::ExecuteAsyncModule, nodejs/node#53238; seen once in 1,954 CI tests).
const argv = process.argv.slice(2);
const early =
  argv[0] === 'grep'
    ? import('../dist/bundle/early-grep-worker.js').then((m) => m.startEarlyGrepWorker(argv, os.availableParallelism()))
    : Promise.resolve();

let finished = false;
early
  .then(() => Promise.all([import('../dist/bundle/main.js'), import('../dist/bundle/temp-files.js')]))
  .then(([{ main }, { removeTempFiles }]) => {
    // No handler for SIGINT, SIGTERM or SIGHUP: a handler in JavaScript runs only when the main
    // thread is idle, and a busy run then ignored Ctrl-C for half a minute. Without one, the signal
    // ends the process at once, with the shell's status for it (130, 143, 129); the temporary files
    // it was writing carry its process id, and the next run removes them (src/core/cache/temp-files.ts).
    process.on('exit', () => {
      removeTempFiles();
      // A run whose work stopped without an answer (nothing left to wait on) must not look like success.
      if (!finished) {
        process.stderr.write('corpus: internal error: the run stopped before it finished\n');
        process.exitCode = 2;
      }
    });
    return main(argv).then((code) => {
      finished = true;
      process.exitCode = code;
    });
  });
