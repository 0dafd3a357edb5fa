// The `words` command as declared: its arguments and options, each with its help text. The work
// is in words-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions, collect } from '../options.js';
import { addStopwordOptions } from '../stopword-options.js';
import type { WordsFlags } from './words-run.js';

/** The options `words` and `keywords` share: what a term is and how it is counted. */
export function addTermOptions(cmd: Command): Command {
  cmd
    .addOption(new Option('--n <k>', 'words per term: 1, or 2 to 5 for n-grams (clusters)').default('1'))
    .addOption(new Option('-i, --fold', 'count terms folded: lower case, apostrophes straight (the default)'))
    .addOption(new Option('--no-fold', 'count terms as written, case and all'))
    .addOption(
      new Option('--no-stopwords', 'leave out stop words, or n-grams that begin or end with one (kept by default)'),
    )
    .addOption(new Option('--numbers', 'count numbers as words (left out by default)'));
  return addStopwordOptions(cmd);
}

/** The `words` command. */
export function wordsCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('words')
    .description('a frequency list: terms or n-grams with per million words, documents and dispersion (DP)')
    .argument('[paths...]', 'folders, files or globs to read (- reads paths from stdin)');
  addTermOptions(cmd)
    .addOption(new Option('--top <n>', 'rows of the list (the most frequent first)').default('50'))
    .addOption(new Option('--min-freq <n>', 'leave out terms seen fewer times').default('1'))
    .addOption(
      new Option('-e, --term <term>', 'list this term (repeatable), instead of the most frequent').argParser(collect),
    )
    .addOption(
      new Option('--by <group>', 'each term per group, per million words of the group (trends)').choices([
        'month',
        'week',
        'year',
        'source',
        'lang',
      ]),
    );
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    "\nColumns: term, freq, per_million (per million words of the corpus read), docs, dp (Gries' DP over the\n" +
      'documents: 0 spread evenly, near 1 in few documents).\n' +
      '\nExamples:\n' +
      '  corpus words --top 20                          # the 20 most frequent words\n' +
      '  corpus words seeds/ --n 2 --min-freq 3         # bigrams seen 3 times or more\n' +
      '  corpus words --no-stopwords --lang fr --json   # content words only\n' +
      '  corpus words --by month -e russie -e ukraine   # two terms month by month\n' +
      '  corpus words --by source --top 5 --format csv > by-source.csv',
  );
  return cmd.action(async (paths: string[], flags: WordsFlags) =>
    setStatus(await (await import('./words-run.js')).runWords(paths, flags, io)),
  );
}
