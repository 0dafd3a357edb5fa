#!/usr/bin/env node
// Writes the man page, corpus(1), from the built program (dist/, so run it after tsc): the
// commands, arguments and options as `--help` prints them, walked by src/cli/man-page.ts, with
// the page's prose from src/cli/man-page-text.ts. `npm run build` runs it.
//
//   node scripts/build-man.mjs          writes man/corpus.1 (`man ./man/corpus.1` reads it)
//   node scripts/build-man.mjs <file>   writes <file>

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describeProgram } from '../dist/cli/command-tree.js';
import { manPage } from '../dist/cli/man-page.js';
import { buildProgram } from '../dist/cli/program.js';
import { capturedOutput } from '../dist/format/output-stream.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? resolve(root, 'man/corpus.1'));

// The program is only walked, never run: an io that goes nowhere will do.
/** @type {import('../dist/cli/io.js').Io} */
const io = {
  stdout: capturedOutput(false),
  stderr: capturedOutput(false),
  stdin: Readable.from([]),
  stdinIsTTY: true,
  env: {},
  cwd: root,
  columns: 80,
  rows: 24,
};
const program = buildProgram(io, () => {});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, manPage(describeProgram(program)));
