// The `list` command as declared: its arguments and options, each with its help text. The
// work is in list-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions } from '../options.js';
import { FILE_FORMATS, OUTPUT_FORMATS } from '../../format/formats.js';
import { SORT_KEYS, type ListFlags } from './list-flags.js';

/** The `list` command. */
export function listCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('list')
    .description('list the documents of the corpus, one row each')
    .argument('[paths...]', 'folders, files or globs to read (- reads paths from stdin)')
    .addOption(new Option('--sort <key>', 'sort by this field').choices([...SORT_KEYS]))
    .addOption(new Option('-r, --reverse', 'reverse the sort order (alone: by id, descending)'))
    .addOption(new Option('--fields <names>', 'fields to print, comma-separated (a record field, or extra.<name>)'))
    .addOption(new Option('--paths', 'print only the paths of the documents, for xargs'))
    .addOption(new Option('-o, --output <file>', 'write the rows to this file (- or none: standard output)'))
    .addOption(new Option('--with-text', 'with --format parquet: add the columns text and body'));
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  // list also writes Parquet, a format of files: its --format takes more than the others' (docs/parquet.md).
  cmd.options.find((o) => o.long === '--format')?.choices([...OUTPUT_FORMATS, ...FILE_FORMATS]);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  corpus list --sort date --fields id,date,title  # oldest first, three columns\n' +
      '  corpus list seeds/ --sort words -r --json       # longest first, every field in JSON\n' +
      '  corpus list --lang fr --since 2024 --paths      # the French documents of 2024 and later\n' +
      '  corpus list --flag no-title -0 --paths | xargs -0 wc -w  # the untitled ones, to xargs\n' +
      '  corpus list --format parquet -o - > docs.parquet  # every record, for DuckDB, Spark or pandas',
  );
  return cmd.action(async (paths: string[], flags: ListFlags) =>
    setStatus(await (await import('./list-run.js')).runList(paths, flags, io)),
  );
}
