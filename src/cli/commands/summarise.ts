// The `summarise` command as declared: its arguments and options, each with its help text. The
// work is in summarise-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions } from '../options.js';
import { addStopwordOptions } from '../stopword-options.js';
import type { SummariseFlags } from './summarise-run.js';

/**
 * `--only <sections>`, of `summarise` and `merge`: the names written out, so that declaring the
 * command loads no section (docs/ARCHITECTURE.md).
 */
export function onlyOption(): Option {
  return new Option(
    '--only <sections>',
    'only these sections, comma-separated: overview, languages, timeline, sources, lengths, vocabulary, names, distinctive, duplicates, boilerplate, quality',
  );
}

/** The `summarise` command. */
export function summariseCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('summarise')
    .aliases(['summarize', 'summary'])
    .description('the whole corpus at a glance: languages, dates, sources, vocabulary, duplicates')
    .argument('[paths...]', 'folders, files or globs to read (- reads paths from stdin)')
    .addOption(new Option('--top <n>', 'rows per section').default('10'))
    .addOption(
      new Option('--by <group>', 'also give the overview per language, source or month').choices([
        'lang',
        'source',
        'month',
      ]),
    )
    .addOption(onlyOption());
  cmd
    .addOption(
      new Option(
        '--partial',
        "write this run's counts for `corpus merge` instead of a summary (with --shard: one shard's; to -o)",
      ),
    )
    .addOption(
      new Option(
        '--count-lines',
        "write the counts of the documents' edge lines, the first phase of a sharded run (to -o; merge them for --lines)",
      ),
    )
    .addOption(
      new Option('--lines <file>', 'the recurring lines counted by every shard (merged --count-lines): no count here'),
    )
    .addOption(new Option('-o, --output <file>', 'the file --partial or --count-lines writes; - for standard output'));
  addStopwordOptions(cmd);
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  corpus summarise                                 # the default corpus at a glance\n' +
      '  corpus summarise seeds/ --only sources,names --top 20  # two sections, longer lists\n' +
      '  corpus summarise --by month --only overview      # the figures of each month too\n' +
      '  corpus summarise --json | jq .names.more         # how many names --top left out\n' +
      '  corpus summarise --since 2024 --format csv > summary.csv\n' +
      "  corpus summarise seeds/ --shard 1/2 --partial -o - | wc -l  # one shard's counts, for corpus merge",
  );
  return cmd.action(async (paths: string[], flags: SummariseFlags) =>
    setStatus(await (await import('./summarise-run.js')).runSummarise(paths, flags, io)),
  );
}
