// The `list` command as declared: its arguments and options, each with its help text. The
// work is in list-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions } from '../options.js';
import { SORT_KEYS, type ListFlags } from './list-flags.js';

/** The `list` command. */
export function listCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('list')
    .description('list the documents of the corpus, one row each')
    .argument('[paths...]', 'folders, files or globs to read (- reads paths from stdin)')
    .addOption(new Option('--sort <key>', 'sort by this field').choices([...SORT_KEYS]))
    .addOption(new Option('-r, --reverse', 'reverse the sort order (alone: by id, descending)'))
    .addOption(new Option('--fields <names>', 'fields to print, comma-separated (a record field, or extra.<name>)'))
    .addOption(new Option('--paths', 'print only the paths of the documents, for xargs'));
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  return cmd.action(async (paths: string[], flags: ListFlags) =>
    setStatus(await (await import('./list-run.js')).runList(paths, flags, io)),
  );
}
