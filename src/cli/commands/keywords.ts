// The `keywords` command as declared: its arguments and options, each with its help text. The
// work is in keywords-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions, addOutputOptions, collect } from '../options.js';
import type { KeywordsFlags } from './keywords-run.js';
import { addTermOptions } from './words.js';

/** The `keywords` command. */
export function keywordsCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('keywords')
    .description('keyness: the terms over-used in a target against a reference (G², log ratio, %DIFF)')
    .argument('[paths...]', 'the target: folders, files or globs to read, narrowed by the filters')
    .addOption(
      new Option('--ref <path>', 'the reference: read this folder, file or glob (repeatable)').argParser(collect),
    )
    .addOption(new Option('--ref-lang <codes>', 'the reference: only documents in these languages'))
    .addOption(new Option('--ref-since <date>', 'the reference: only documents dated on or after this ISO date'))
    .addOption(new Option('--ref-until <date>', 'the reference: only documents dated on or before this ISO date'))
    .addOption(new Option('--ref-source <text>', 'the reference: only documents whose source contains this text'))
    .addOption(new Option('--ref-flag <names>', 'the reference: only documents carrying one of these flags'));
  addTermOptions(cmd)
    .addOption(new Option('--top <n>', 'rows of the list (the highest G² first)').default('50'))
    .addOption(new Option('--min-freq <n>', 'leave out terms seen fewer times where they are key').default('3'))
    .addOption(
      new Option('--direction <which>', 'positive: over-used in the target; negative: under-used; or both')
        .choices(['positive', 'negative', 'both'])
        .default('positive'),
    )
    .addOption(
      new Option('--max-p <p>', 'leave out keywords less significant than this (1 keeps all)')
        .choices(['0.05', '0.01', '0.001', '0.0001', '1'])
        .default('0.05'),
    );
  addFilterOptions(cmd);
  addOutputOptions(cmd);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    '\nThe target is the paths (or the default corpus) narrowed by --lang, --since, --until, --source, --flag.\n' +
      'The reference is --ref paths (default: the same corpus) narrowed by the --ref-* filters; with neither\n' +
      '--ref nor a --ref-* filter, it is the rest of the corpus: every document the target leaves out.\n' +
      'Columns: term, direction, freq_target, freq_ref, pm_target, pm_ref (per million words), g2 (log-\n' +
      'likelihood), p (< 0.05 at G² ≥ 3.84, 0.01 ≥ 6.63, 0.001 ≥ 10.83, 0.0001 ≥ 15.13), log_ratio (Hardie, a\n' +
      'zero count taken as 0.5), pct_diff (%DIFF, Gabrielatos & Marchi).\n' +
      '\nExamples:\n' +
      '  corpus keywords --since 2024                   # 2024 against every other document\n' +
      '  corpus keywords --since 2024 --ref-until 2023 --max-p 1  # 2024 against 2023 and before\n' +
      '  corpus keywords --source CNN --direction both  # one source against the others\n' +
      '  corpus keywords seeds/003* --ref seeds/00[0-2]* --min-freq 2  # some files against others\n' +
      '  corpus keywords --since 2024 --n 2 --max-p 1 --min-freq 2 --format csv > key-bigrams.csv',
  );
  return cmd.action(async (paths: string[], flags: KeywordsFlags) =>
    setStatus(await (await import('./keywords-run.js')).runKeywords(paths, flags, io)),
  );
}
