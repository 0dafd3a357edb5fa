// `corpus words`: the frequency list of a corpus, or with `--by`, its terms per group (trends).

import type { WordRow, WordsResult } from '../../core/words/words.js';
import type { TrendRow } from '../../core/words/words.js';
import type { PeriodBy } from '../../core/words/periods.js';
import type { CountOptions } from '../../core/words/words-shard.js';
import { createRowWriter } from '../../format/row-writer.js';
import { moreLine, TREND_COLUMNS, trendJson, trendsView, wordColumns, wordJson } from '../../format/words-view.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, loadAnalysis, outputContext, printTypeList, reportSkipped } from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';
import { readStopwordOptions, type StopwordFlags } from '../stopword-options.js';

/** What `words` and `keywords` share: how terms are counted. */
export interface TermFlags extends StopwordFlags {
  n: string;
  fold?: boolean;
  numbers?: boolean;
}

export interface WordsFlags extends CorpusFlags, OutputFlags, FilterFlags, TermFlags {
  top: string;
  minFreq: string;
  term?: string[];
  by?: PeriodBy;
}

/** The most words an n-gram has. */
const MAX_N = 5;

/** How terms are counted, from the flags; `--n` is checked here, the stop-word files read. */
export async function countOptions(flags: TermFlags): Promise<CountOptions> {
  const n = /^\d+$/.test(flags.n) ? Number(flags.n) : Number.NaN;
  if (!(n >= 1 && n <= MAX_N))
    throw new UsageError(`--n takes a whole number from 1 to ${MAX_N} (words per term), not '${flags.n}'`);
  const stop = await readStopwordOptions(flags);
  const common = { n, fold: flags.fold !== false, numbers: flags.numbers === true };
  return { ...common, noStopwords: stop.leaveOut, stopwords: stop.settings };
}

/** The terms `-e` names, as the keys they are counted under; each must have `n` words. */
async function givenTerms(terms: string[] | undefined, options: CountOptions): Promise<string[] | undefined> {
  if (terms === undefined) return undefined;
  const { termKey } = await import('../../core/words/words.js');
  return terms.map((text) => {
    const words = termKey(text, options.fold);
    if (words.length !== options.n)
      throw new UsageError(
        `-e '${text}' has ${words.length} ${words.length === 1 ? 'word' : 'words'}; with --n ${options.n} a term has ${options.n}`,
      );
    return words.join(' ');
  });
}

/** Runs `words`; resolves to the exit status (1 when no term is listed). */
export async function runWords(paths: string[], flags: WordsFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const counting = await countOptions(flags);
  const top = wholeNumber('--top', flags.top, 1);
  const minFreq = wholeNumber('--min-freq', flags.minFreq, 1);
  const terms = await givenTerms(flags.term, counting);
  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const { analyseCorpus } = await loadAnalysis();
  const { wordFrequencies } = await import('../../core/words/words.js');
  const docs = analyseCorpus({ ...corpus.options, withText: false }, corpus.run);
  const result = await wordFrequencies(docs, {
    ...counting,
    by: flags.by,
    minFreq,
    top,
    terms,
    jobs: corpus.options.jobs,
    onWarning: corpus.options.onWarning,
  });
  if (flags.by === undefined) await writeList(result, counting.n, flags, out, io);
  else await writeTrends(result, flags.by, flags, out, io);
  if (result.estimated && result.rows.some((r) => r.error > 0))
    await io.stderr
      .write(
        'corpus: note: too many distinct n-grams to count them all exactly: some counts are estimates (--json gives each its error)\n',
      )
      .catch(() => {});
  await reportSkipped(corpus, io);
  return finalStatus(result.rows.length > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}

async function writeList(
  result: WordsResult,
  n: number,
  flags: WordsFlags,
  out: ReturnType<typeof outputContext>,
  io: Io,
): Promise<void> {
  const writer = createRowWriter<WordRow>({
    format: out.format,
    columns: wordColumns(n),
    out: io.stdout,
    chalk: out.chalk,
    header: flags.header,
    width: io.columns,
    json: (r) => wordJson(r, result.estimated),
  });
  for (const r of result.rows) await writer.write(r);
  await writer.end();
  // Nothing is cut in silence: the table says how many terms --top left out.
  if (out.format === 'table' && result.rows.length > 0) await io.stdout.write(moreLine(result.more, n, out.chalk));
}

async function writeTrends(
  result: WordsResult,
  by: PeriodBy,
  flags: WordsFlags,
  out: ReturnType<typeof outputContext>,
  io: Io,
): Promise<void> {
  if (out.format === 'table') {
    if (result.rows.length === 0) return;
    const { isTimePeriod } = await import('../../core/words/periods.js');
    await io.stdout.write(trendsView(result, isTimePeriod(by), out.chalk, io.columns));
    await io.stdout.write(moreLine(result.more, 1, out.chalk));
    return;
  }
  const writer = createRowWriter<TrendRow>({
    format: out.format,
    columns: TREND_COLUMNS,
    out: io.stdout,
    chalk: out.chalk,
    header: flags.header,
    width: io.columns,
    json: trendJson,
  });
  for (const r of result.trends ?? []) await writer.write(r);
  await writer.end();
}
