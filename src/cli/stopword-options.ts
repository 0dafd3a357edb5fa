// The stop-word options of `summarise`, `words`, `keywords` and `collocates`, declared once: a list
// of one's own instead of each language's (`--stopwords FILE`) or added to it (`--stopwords
// +FILE`), and `--keep-stopwords` to count them all (docs/spec.md, `words`, Stop words).

import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parseStopwords, type StopwordSettings } from '../core/stats/stopwords.js';
import { UsageError } from './errors.js';

/** The flags the options set. `stopwords` is shared with `--no-stopwords` where a command has it. */
export interface StopwordFlags {
  /** The `--stopwords` files in order; false with `--no-stopwords`, true when neither is given. */
  stopwords?: string[] | boolean;
  keepStopwords?: boolean;
}

/** Adds `--stopwords <file>` (repeatable) and `--keep-stopwords` to a command. */
export function addStopwordOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--stopwords <file>',
        "leave out the stop words of a file (one a line, # comments) instead of each language's; +FILE adds them to it (repeatable)",
      ).argParser((value: string, previous: unknown) => [...(Array.isArray(previous) ? previous : []), value]),
    )
    .addOption(new Option('--keep-stopwords', 'count stop words too'));
}

/** What the options ask for: the settings of the stop words, and whether any were asked to be left out. */
export interface StopwordChoice {
  /** For the core's options (`stopwords`, collocates' `stopList`). */
  settings: StopwordSettings;
  /** `--no-stopwords` or a `--stopwords` file: the commands that keep stop words by default leave them out. */
  leaveOut: boolean;
}

/**
 * Reads the options and the files: the settings a run passes to the core, which sets them in
 * this thread and its workers (stats/stopwords.ts, `useStopwords`). A file that cannot be read, or `--keep-stopwords`
 * with `--stopwords` or `--no-stopwords`, is a usage error (status 2).
 */
export async function readStopwordOptions(flags: StopwordFlags): Promise<StopwordChoice> {
  const files = Array.isArray(flags.stopwords) ? flags.stopwords : [];
  const keep = flags.keepStopwords === true;
  if (keep && files.length > 0) throw new UsageError('--keep-stopwords cannot be combined with --stopwords');
  if (keep && flags.stopwords === false)
    throw new UsageError('--keep-stopwords cannot be combined with --no-stopwords');
  const replace: string[][] = [];
  const add: string[][] = [];
  for (const arg of files) {
    // `+FILE` adds; a file whose name starts with `+` is given as `./+FILE`.
    const adds = arg.startsWith('+');
    const path = adds ? arg.slice(1) : arg;
    if (path === '') throw new UsageError(`--stopwords takes a file (or +FILE), not '${arg}'`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? String(err));
      throw new UsageError(`--stopwords: cannot read '${path}' (${why})`);
    }
    (adds ? add : replace).push(parseStopwords(text));
  }
  const settings: StopwordSettings = {
    ...(replace.length > 0 ? { replace: replace.flat() } : {}),
    ...(add.length > 0 ? { add: add.flat() } : {}),
    ...(keep ? { keep } : {}),
  };
  return { settings, leaveOut: flags.stopwords === false || files.length > 0 };
}
