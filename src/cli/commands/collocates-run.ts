// `corpus collocates`: the words found within a window of a node (a word or a grep pattern),
// counted over the documents' bodies, with their association measures, in every output format
// (docs/spec.md §5, collocates).

import type { CollocatesOptions, CollocatesSpec, Measure } from '../../core/collocates/index.js';
import { collocateColumns, collocateJson, collocatesHeading, collocatesMore } from '../../format/collocates-columns.js';
import { createRowWriter } from '../../format/row-writer.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, loadAnalysis, outputContext, printTypeList, reportSkipped } from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';
import { readStopwordOptions, type StopwordChoice, type StopwordFlags } from '../stopword-options.js';

export interface CollocatesFlags extends CorpusFlags, OutputFlags, FilterFlags, StopwordFlags {
  regexp?: string[];
  fixedStrings?: boolean;
  ignoreCase?: boolean;
  smartCase?: boolean;
  wordRegexp?: boolean;
  partial?: boolean;
  fold?: boolean;
  window: string;
  measure: Measure;
  minFreq: string;
  top: string;
  withinSentence?: boolean;
}

/**
 * `--window`: `L,R` or `N` (N,N), whole numbers, not both 0.
 * @throws UsageError otherwise (status 2).
 */
export function parseWindow(value: string): { left: number; right: number } {
  const parts = value.split(',').map((p) => p.trim());
  const bad = (): UsageError =>
    new UsageError(`--window takes N or L,R: whole numbers of tokens, not both 0 (not '${value}')`);
  if (parts.length > 2 || parts.some((p) => !/^\d+$/.test(p))) throw bad();
  const left = Number(parts[0]);
  const right = Number(parts[1] ?? parts[0]);
  if (left + right === 0 || !Number.isSafeInteger(left + right)) throw bad();
  return { left, right };
}

/** What the command line asks of a run, checked. */
function optionsOf(
  args: string[],
  flags: CollocatesFlags,
  stop: StopwordChoice,
): { paths: string[]; node: string; spec: CollocatesSpec } {
  const patterns = flags.regexp ?? (args.length > 0 ? [args[0] as string] : []);
  const paths = flags.regexp ? args : args.slice(1);
  if (patterns.length === 0) throw new UsageError('collocates needs a term (or -e PATTERN)');
  const window = parseWindow(flags.window);
  const spec: CollocatesSpec = {
    matcher: {
      patterns,
      fixedStrings: flags.fixedStrings,
      ignoreCase: flags.ignoreCase,
      smartCase: flags.smartCase,
      wordRegexp: flags.wordRegexp,
      fold: flags.fold,
    },
    wholeTokens: flags.partial !== true,
    ...window,
    fold: flags.ignoreCase === true || flags.fold === true,
    stopwords: !stop.leaveOut,
    stopList: stop.settings,
    sentence: flags.withinSentence === true,
  };
  return { paths, node: patterns.join(' | '), spec };
}

/** Checks the node's pattern before the corpus is read: an invalid one is a UsageError. */
async function checkPattern(spec: CollocatesSpec): Promise<void> {
  const search = await import('../../core/search/index.js');
  search.enableLinearRegExpEngine();
  try {
    search.buildMatcher(spec.matcher);
  } catch (err) {
    if (err instanceof search.PatternError) throw new UsageError(err.message);
    throw err;
  }
}

/** Runs `collocates`; resolves to the exit status: 1 when no collocate was found (the node never occurs). */
export async function runCollocates(args: string[], flags: CollocatesFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const { paths, node, spec } = optionsOf(args, flags, await readStopwordOptions(flags));
  const options: Omit<CollocatesOptions, 'jobs' | 'onWarning'> = {
    spec,
    minFreq: wholeNumber('--min-freq', flags.minFreq, 1),
    measure: flags.measure,
    top: wholeNumber('--top', flags.top),
  };
  await checkPattern(spec);
  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const { analyseCorpus } = await loadAnalysis();
  const { collocates } = await import('../../core/collocates/index.js');
  // The text is read where it is counted (in the workers), not here.
  const docs = analyseCorpus({ ...corpus.options, withText: false }, corpus.run);
  const result = await collocates(docs, {
    ...options,
    jobs: corpus.options.jobs,
    onWarning: corpus.options.onWarning,
  });
  const terminal = out.format === 'table';
  if (terminal && result.node.frequency > 0)
    await io.stdout.write(`${collocatesHeading(node, result, spec, out.chalk)}\n`);
  const writer = createRowWriter({
    format: out.format,
    columns: collocateColumns(flags.measure),
    out: io.stdout,
    chalk: out.chalk,
    header: flags.header,
    width: io.columns,
    json: collocateJson,
  });
  for (const row of result.collocates) await writer.write(row);
  await writer.end();
  const more = collocatesMore(result.more, out.chalk);
  if (terminal && more !== '') await io.stdout.write(`${more}\n`);
  await reportSkipped(corpus, io);
  return finalStatus(result.collocates.length > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}
