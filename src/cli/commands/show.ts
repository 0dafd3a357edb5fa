// The `show` command as declared: its arguments and options, each with its help text. The
// work is in show-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addOutputOptions } from '../options.js';
import type { ShowFlags } from './show-run.js';

/** The `show` command. */
export function showCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('show')
    .description('show documents by id, unique id prefix or path')
    .argument('<ids...>', 'ids or id prefixes; a file or folder: the corpus to show from')
    .addOption(new Option('--meta', 'only the metadata'))
    .addOption(new Option('--raw', "the source as it came: the file's bytes, a WARC record's page"))
    .addOption(new Option('--body', 'only the body: the text without its boilerplate lines'))
    .addOption(new Option('--no-pager', 'never page, even when the text is longer than the screen'))
    .addOption(
      new Option('--no-sanitize', 'with --raw, write the text to a terminal as decoded, escape sequences included'),
    );
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  corpus show 003                             # the document whose id starts with 003\n' +
      '  corpus show 003 --meta                      # its record, a field a line\n' +
      '  corpus show 000 001 --body                  # two documents, their boilerplate left out\n' +
      '  corpus show seeds/001_34f256881794425b.txt  # a file, by its path\n' +
      '  corpus show 004 --meta --json               # the record as JSON',
  );
  return cmd.action(async (ids: string[], flags: ShowFlags) =>
    setStatus(await (await import('./show-run.js')).runShow(ids, [], flags, io)),
  );
}
