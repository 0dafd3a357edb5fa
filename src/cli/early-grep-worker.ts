// The guess, from the command line before commander has parsed it, of whether a grep may use a
// worker thread: then bin/ starts one before loading the rest (core/workers/grep-prestart.ts).

import { prestartGrepWorker } from '../core/workers/grep-prestart.js';

/**
 * True when the command line (without node and script) asks for a grep that may use a worker:
 * `grep` as the command, more than one core, and no `--jobs 1`. A wrong guess costs a worker's
 * start-up, or the head start.
 */
export function mayUseGrepWorker(argv: readonly string[], cores: number): boolean {
  if (argv[0] !== 'grep' || cores < 2) return false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (/^(?:-j|--jobs=)0*1$/.test(arg)) return false;
    // A worker started now would not see the limit or encoding set later (core/input/limits.ts).
    if (arg.startsWith('--max-filesize') || arg.startsWith('--encoding') || arg.startsWith('-E')) return false;
    // Nor the fields a record's text and id are read from (core/input/formats/fields.ts).
    if (/^--(?:text|id|title|date)-field/.test(arg)) return false;
    if ((arg === '-j' || arg === '--jobs') && /^0*1$/.test(argv[i + 1] ?? '')) return false;
  }
  return true;
}

/** Starts grep's worker ahead when the command line may use one. */
export function startEarlyGrepWorker(argv: readonly string[], cores: number, env = process.env): void {
  // A config file's flags (cli/config-file.ts) are read later and may set what the worker must
  // see from its start (the limit, the encoding, the fields): with one, no head start.
  if (env.CORPUS_CONFIG_PATH && !argv.includes('--no-config')) return;
  if (mayUseGrepWorker(argv, cores)) prestartGrepWorker();
}
