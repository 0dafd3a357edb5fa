// The entry point: runs the program, maps errors to the exit statuses of docs/spec.md §4, and
// answers `--version` before loading anything else, as start-up time is part of the tool.

import { AmbiguousIdError, isScratchError, PartialError } from '../core/errors.js';
import { FilterError } from '../core/filter.js';
import { VERSION } from '../core/version.js';
import { visible } from '../format/sanitize.js';
import { CorpusError, EXIT, UsageError } from './errors.js';
import { OutputError, PipeClosedError } from '../format/output-stream.js';
import type { Io } from './io.js';
import { processIo } from './process-io.js';

/** Runs the program on the arguments (without node and script); resolves to the exit status. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    try {
      await io.stdout.write(`${VERSION}\n`);
    } catch (err) {
      return report(err, io);
    }
    return settled(EXIT.results, io);
  }
  const { buildProgram } = await import('./program.js');
  let status: number = EXIT.results;
  const program = buildProgram(io, (code) => {
    status = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return await settled(EXIT.error, io);
    }
    // The config file's default flags (CORPUS_CONFIG_PATH), loaded only when one is named.
    const args = io.env.CORPUS_CONFIG_PATH
      ? await (await import('./config-file.js')).withConfig(argv, program, io)
      : argv;
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof OutputError || err instanceof PipeClosedError) return report(err, io);
    // Help (shown through a commander error) must also have reached stdout.
    return settled(await report(err, io), io);
  }
  return settled(status, io);
}

/**
 * The status once every write has gone out: the last writes of a run can fail after the run
 * has finished writing (a full disk), and output lost is an error, never a success.
 */
async function settled(status: number, io: Io): Promise<number> {
  try {
    await io.stdout.settle?.();
  } catch (err) {
    return report(err, io);
  }
  try {
    await io.stderr.settle?.();
  } catch (err) {
    // Warnings or errors were lost, and there is nowhere left to say so.
    if (err instanceof OutputError) return EXIT.error;
  }
  return status;
}

async function report(err: unknown, io: Io): Promise<number> {
  if (err instanceof PipeClosedError) return EXIT.results;
  if (err instanceof OutputError) return reportLost(err, io);
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
    err instanceof AmbiguousIdError ||
    err instanceof PartialError ||
    isScratchError(err)
      ? err.message
      : `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  try {
    await io.stderr.write(`corpus: ${visible(message)}\n`);
  } catch {
    /* stderr is gone too */
  }
  return EXIT.error;
}

/** A failed write to stdout: said on stderr, status 2 (stderr's own failures end silently). */
async function reportLost(err: OutputError, io: Io): Promise<number> {
  if (err.stream === 'standard output') {
    try {
      await io.stderr.write(`corpus: ${err.message}\n`);
      await io.stderr.settle?.();
    } catch {
      /* stderr is gone too */
    }
  }
  return EXIT.error;
}
