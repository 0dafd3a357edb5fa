// The `grep` command as declared: its arguments and options, each with its help text. The
// work is in grep-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions, collect } from '../options.js';
import type { GrepFlags } from './grep-run.js';
import { TREND_GROUPS } from '../../core/search/grep-trends.js';

/** The `grep` command. */
export function grepCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('grep')
    .description('search the documents line by line with a regular expression')
    .argument('[pattern]', 'a JavaScript regular expression (Unicode mode); with -e, a path')
    .argument('[paths...]', 'folders, files or globs to search (- reads paths from stdin)')
    .addOption(new Option('-e, --regexp <pattern>', 'a pattern to search for (repeatable)').argParser(collect))
    .addOption(new Option('-F, --fixed-strings', 'the pattern is a literal string'))
    .addOption(new Option('-i, --ignore-case', 'ignore case (Unicode)'))
    .addOption(new Option('-S, --smart-case', 'ignore case unless the pattern has an uppercase letter'))
    .addOption(new Option('-w, --word-regexp', 'match whole words only (Unicode word edges)'))
    .addOption(
      new Option('--fold', 'ignore diacritics, ligatures, case and apostrophe style (bielorussie finds Biélorussie)'),
    )
    .addOption(new Option('-A, --after-context <n>', 'lines of context after each match'))
    .addOption(new Option('-B, --before-context <n>', 'lines of context before each match'))
    .addOption(new Option('-C, --context <n>', 'lines of context before and after each match'))
    .addOption(new Option('-m, --max-count <n>', 'at most n matching lines per document'))
    .addOption(new Option('-v, --invert-match', 'select the lines that do not match'))
    .addOption(new Option('-o, --only-matching', 'print each match on a line of its own (id:line:match)'))
    .addOption(new Option('-c, --count', 'print id:count of matching lines per document'))
    .addOption(new Option('--count-matches', 'print id:count of matches (not lines) per document'))
    .addOption(new Option('-l, --files-with-matches', 'print the ids of matching documents'))
    .addOption(new Option('-L, --files-without-match', 'print the ids of documents with no matching line'))
    .addOption(new Option('-q, --quiet', 'print nothing; exit 0 at the first match, 1 if none'))
    .addOption(
      new Option('--stats', 'after the results, print what was searched and found (stderr with a data format)'),
    )
    .addOption(new Option('--paths', 'with -l: print paths instead of ids'))
    .addOption(new Option('--kwic', 'an aligned keyword-in-context concordance'))
    .addOption(
      new Option(
        '--width <n>',
        'with --kwic: columns of context a side (default: fit the terminal, 40 in a pipe); with --plot: cells of the strip',
      ),
    )
    .addOption(
      new Option('--sort <key>', 'with --kwic: sort by the words left or right of the match, the match, or id').choices(
        ['left', 'right', 'match', 'id'],
      ),
    )
    .addOption(
      new Option(
        '--by <group>',
        'a trend: matches, documents and matches per million words of each month, ISO week, year, source or language',
      ).choices(TREND_GROUPS),
    )
    .addOption(
      new Option('--plot', "a dispersion plot: where in each document the hits fall, with Juilland's D and Gries' DP"),
    );
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  corpus grep -w Minsk seeds/           # matching lines, a heading a document\n' +
      '  corpus grep -c --json -i nucléaire    # [{"id", "path", "count"}, …]\n' +
      '  corpus grep -q Minsk && echo found    # exit status only, stops at the first match\n' +
      '  corpus grep --kwic --sort right Minsk # a concordance\n' +
      '  corpus grep --by month -e Minsk -e Moscou  # a trend, per million words\n' +
      '  corpus grep --plot -w Minsk          # where in each document it falls',
  );
  return cmd.action(async (pattern: string | undefined, rest: string[], flags: GrepFlags) => {
    const args = pattern === undefined ? rest : [pattern, ...rest];
    // A trend or a plot reads every document's record: a run of its own.
    if (flags.by !== undefined || flags.plot === true)
      setStatus(await (await import('./grep-trends-run.js')).runGrepView(args, flags, io));
    else setStatus(await (await import('./grep-run.js')).runGrep(args, flags, io));
  });
}
