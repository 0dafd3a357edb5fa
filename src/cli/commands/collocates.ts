// The `collocates` command as declared: its arguments and options, each with its help text. The
// work is in collocates-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions, collect } from '../options.js';
import { addStopwordOptions } from '../stopword-options.js';
import type { CollocatesFlags } from './collocates-run.js';

/** The `collocates` command. */
export function collocatesCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('collocates')
    .description('the words found near a word or pattern, with logDice, MI, MI3, t-score and log-likelihood')
    .argument('[term]', 'the node: a word, or a JavaScript regular expression as grep takes; with -e, a path')
    .argument('[paths...]', 'folders, files or globs to read (- reads paths from stdin)')
    .addOption(
      new Option('-e, --regexp <pattern>', 'a pattern for the node (repeatable: any of them)').argParser(collect),
    )
    .addOption(new Option('-F, --fixed-strings', 'the term is a literal string'))
    .addOption(new Option('-i, --ignore-case', 'ignore case in the node, and count collocates in lower case'))
    .addOption(new Option('-S, --smart-case', 'ignore case in the node unless the term has an uppercase letter'))
    .addOption(new Option('-w, --word-regexp', "grep's -w: no word character either side of a match"))
    .addOption(
      new Option('--partial', 'a match may cover part of a word (by default it must begin and end at word edges)'),
    )
    .addOption(
      new Option('--fold', 'ignore diacritics, ligatures and case in the node; count collocates in lower case'),
    )
    .addOption(
      new Option('--window <left,right>', 'tokens a window takes left and right of the node (N means N,N)').default(
        '5,5',
      ),
    )
    .addOption(
      new Option('--measure <name>', 'sort by this measure, or by co-occurrences (freq)')
        .choices(['logdice', 'mi', 'mi3', 't', 'll', 'freq'])
        .default('logdice'),
    )
    .addOption(new Option('--min-freq <n>', 'least co-occurrences a collocate needs').default('3'))
    .addOption(new Option('--top <n>', 'rows, best first (0: all)').default('20'))
    .addOption(new Option('--no-stopwords', "leave out the stop words of each document's language as collocates"))
    .addOption(new Option('--within-sentence', 'windows stop at sentence boundaries (by default they cross them)'));
  addStopwordOptions(cmd);
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  corpus collocates Biélorussie seeds/            # the words near it, by logDice\n' +
      '  corpus collocates -i --no-stopwords Loukachenko  # folded, without stop words\n' +
      '  corpus collocates -i poutine --window 3 --measure t   # a narrower span, by t-score\n' +
      '  corpus collocates --window 0,2 --min-freq 2 Minsk     # what follows it\n' +
      '  corpus collocates --json Russie | jq ".[0]"      # every count and measure',
  );
  return cmd.action(async (term: string | undefined, rest: string[], flags: CollocatesFlags) =>
    setStatus(
      await (await import('./collocates-run.js')).runCollocates(term === undefined ? rest : [term, ...rest], flags, io),
    ),
  );
}
