// The entry point: runs the program, maps errors to the exit statuses of docs/spec.md §4, and
// answers `--version` before loading anything else, as start-up time is part of the tool.

import { AmbiguousIdError } from '../core/errors.js';
import { FilterError } from '../core/filter.js';
import { VERSION } from '../core/version.js';
import { visible } from '../format/sanitize.js';
import { CorpusError, EXIT, UsageError } from './errors.js';
import { PipeClosedError } from '../format/output-stream.js';
import type { Io } from './io.js';
import { processIo } from './process-io.js';

/** Runs the program on the arguments (without node and script); resolves to the exit status. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    await io.stdout.write(`${VERSION}\n`).catch(() => {});
    return EXIT.results;
  }
  const { buildProgram } = await import('./program.js');
  let status: number = EXIT.results;
  const program = buildProgram(io, (code) => {
    status = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.error;
    }
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (err) {
    return report(err, io);
  }
}

async function report(err: unknown, io: Io): Promise<number> {
  if (err instanceof PipeClosedError) return EXIT.results;
  // Commander's errors (help shown, unknown option…), known by their code so that start-up
  // need not load commander to recognise them.
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    // Help and version are not errors; commander has already printed its message.
    return (err as { exitCode?: number }).exitCode === 0 ? EXIT.results : EXIT.error;
  }
  const message =
    err instanceof UsageError ||
    err instanceof CorpusError ||
    err instanceof FilterError ||
    err instanceof AmbiguousIdError
      ? err.message
      : `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  try {
    await io.stderr.write(`corpus: ${visible(message)}\n`);
  } catch {
    /* stderr is gone too */
  }
  return EXIT.error;
}
