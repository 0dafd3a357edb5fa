// `corpus grep --by` and `corpus grep --plot`: the two views of a grep that read every document's
// record, a trend per period or group and a dispersion plot per document (docs/spec.md §5, grep,
// "Trends" and "Dispersion plot"). Loaded only when one of them is asked for.

import { PatternTooCostlyError } from '../../core/search/backtracking-guard.js';
import type { MatcherOptions } from '../../core/search/index.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, outputContext, reportSkipped } from '../context.js';
import { wholeNumber } from '../options.js';
import { matcherOf, type GrepFlags } from './grep-run.js';

/** The flags that go with neither `--by` nor `--plot`, as the error names them. */
const REFUSED: [keyof GrepFlags, string][] = [
  ['quiet', '-q'],
  ['filesWithoutMatch', '-L'],
  ['filesWithMatches', '-l'],
  ['countMatches', '--count-matches'],
  ['count', '-c'],
  ['onlyMatching', '-o'],
  ['kwic', '--kwic'],
  ['invertMatch', '-v'],
  ['afterContext', '-A'],
  ['beforeContext', '-B'],
  ['context', '-C'],
  ['maxCount', '-m'],
  ['stats', '--stats'],
  ['paths', '--paths'],
  ['sort', '--sort'],
];

/** A UsageError when the flags ask for something a trend or a plot cannot give. */
export function checkViewFlags(flags: GrepFlags): void {
  const view = flags.by !== undefined ? '--by' : '--plot';
  if (flags.by !== undefined && flags.plot) throw new UsageError('--by cannot be combined with --plot: one view a run');
  const given = REFUSED.filter(([key]) => flags[key] !== undefined && flags[key] !== false).map(([, name]) => name);
  if (given.length > 0)
    throw new UsageError(
      `${view} cannot be combined with ${given.join(', ')}: it counts every match of every document`,
    );
  if (flags.width !== undefined && flags.by !== undefined) throw new UsageError('--width goes with --kwic or --plot');
}

/** Runs `grep --by` or `grep --plot`; resolves to the exit status: 0 when a term matched, 1 when none did. */
export async function runGrepView(args: string[], flags: GrepFlags, io: Io): Promise<number> {
  checkViewFlags(flags);
  const patterns = flags.regexp ?? (args.length > 0 ? [args[0] as string] : []);
  const paths = flags.regexp ? args : args.slice(1);
  if (patterns.length === 0) throw new UsageError('grep needs a pattern (or -e PATTERN)');
  const cells = flags.width === undefined ? undefined : wholeNumber('--width', flags.width, 1);
  const matcherOptions: MatcherOptions = {
    patterns,
    fixedStrings: flags.fixedStrings,
    ignoreCase: flags.ignoreCase,
    smartCase: flags.smartCase,
    wordRegexp: flags.wordRegexp,
    fold: flags.fold,
  };
  const matcher = await matcherOf(matcherOptions);
  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const output = { format: out.format, out: io.stdout, chalk: out.chalk, header: flags.header, width: io.columns };
  let matched: boolean;
  try {
    if (flags.by !== undefined) {
      const { grepTrend } = await import('../../core/search/grep-trends-pass.js');
      const parallelFrom = io.env.CORPUS_GREP_PARALLEL_FROM;
      const trend = await grepTrend(corpus.options, corpus.run, {
        by: flags.by,
        matcher,
        matcherOptions,
        minParallelFiles: parallelFrom ? Number(parallelFrom) : undefined,
      });
      matched = trend.rows.some((r) => r.matches > 0);
      // A term that never occurs: nothing printed, as grep prints nothing (status 1).
      if (matched) await (await import('../../format/grep-trends.js')).printTrend(trend, output);
    } else {
      const { termMatchers } = await import('../../core/search/grep-trends-pass.js');
      const { grepPlot } = await import('../../core/search/grep-plot-pass.js');
      const terms = termMatchers(matcherOptions).map((m, i) => ({ term: patterns[i] as string, matcher: m }));
      const plot = await grepPlot(corpus.options, corpus.run, terms);
      matched = plot.rows.length > 0;
      await (await import('../../format/grep-plot.js')).printPlot(plot, { ...output, cells });
    }
  } catch (err) {
    // The pattern, not the corpus, is at fault: status 2, with what to do about it.
    if (err instanceof PatternTooCostlyError) throw new UsageError(err.message);
    throw err;
  }
  await reportSkipped(corpus, io);
  return finalStatus(matched ? EXIT.results : EXIT.noResults, corpus, flags);
}
