// `corpus grep`: ripgrep-style search over the documents, each hit knowing its document;
// lines, matches, counts, document lists or an aligned keyword-in-context concordance, in every
// output format (docs/spec.md §5).

import type { KwicSort } from '../../core/search/kwic.js';
import type { TrendGroupBy } from '../../core/search/grep-trends.js';
import type { Matcher, MatcherOptions } from '../../core/search/index.js';
import { PatternTooCostlyError } from '../../core/search/backtracking-guard.js';
import type { GrepDocument } from '../../core/search/grep-settle.js';
import type { GrepSpec } from '../../core/search/grep-task.js';
import type { DocumentRecord } from '../../core/types.js';
import { filesPrinter, jsonPrinter, linesPrinter, type DocInfo, type GrepPrinter } from '../../format/grep-output.js';
import {
  countLines,
  countRows,
  documentRows,
  lineRows,
  matchesIn,
  matchingLines,
  matchRows,
  type GrepRowsOptions,
} from '../../format/grep-rows.js';
import { countingStream, emptyStats, statsText } from '../../format/grep-stats.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import {
  corpusContext,
  finalStatus,
  outputContext,
  printTypeList,
  reportSkipped,
  type OutputContext,
} from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';

export interface GrepFlags extends CorpusFlags, OutputFlags, FilterFlags {
  regexp?: string[];
  fixedStrings?: boolean;
  ignoreCase?: boolean;
  smartCase?: boolean;
  wordRegexp?: boolean;
  fold?: boolean;
  afterContext?: string;
  beforeContext?: string;
  context?: string;
  maxCount?: string;
  count?: boolean;
  countMatches?: boolean;
  filesWithMatches?: boolean;
  filesWithoutMatch?: boolean;
  invertMatch?: boolean;
  onlyMatching?: boolean;
  quiet?: boolean;
  stats?: boolean;
  paths?: boolean;
  kwic?: boolean;
  width?: string;
  sort?: KwicSort;
  /** --by: a trend per period or group (grep-trends-run.ts). */
  by?: TrendGroupBy;
  /** --plot: a dispersion plot (grep-trends-run.ts). */
  plot?: boolean;
}

function count(name: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : wholeNumber(name, value);
}

/**
 * What is printed (docs/spec.md §5, "Output per mode"); the first of these flags given wins:
 * -q, -L, -l, --count-matches (or -c with -o), -c, --kwic, -o, else the matching lines.
 */
type Output = 'quiet' | 'without' | 'files' | 'countMatches' | 'count' | 'kwic' | 'only' | 'lines';

function outputOf(flags: GrepFlags): Output {
  if (flags.quiet) return 'quiet';
  if (flags.filesWithoutMatch) return 'without';
  if (flags.filesWithMatches) return 'files';
  // -o -c counts the matches -o would print, as in ripgrep.
  if (flags.countMatches || (flags.count && flags.onlyMatching)) return 'countMatches';
  if (flags.count) return 'count';
  if (flags.kwic) return 'kwic';
  return flags.onlyMatching ? 'only' : 'lines';
}

/** What the command line asks of a grep, checked: what to search for, where, and how. */
interface GrepOptions {
  paths: string[];
  matcher: MatcherOptions;
  output: Output;
  spec: GrepSpec;
  /** --width: characters of context a side in the concordance. */
  width: number | undefined;
  /** For tests, from CORPUS_GREP_PARALLEL_FROM: start the workers from this many files on. */
  minParallelFiles: number | undefined;
}

/** The options of a grep from its arguments and flags; a UsageError when they do not go together. */
function grepOptions(args: string[], flags: GrepFlags, io: Io): GrepOptions {
  const patterns = flags.regexp ?? (args.length > 0 ? [args[0] as string] : []);
  const paths = flags.regexp ? args : args.slice(1);
  if (patterns.length === 0) throw new UsageError('grep needs a pattern (or -e PATTERN)');
  const context = count('-C', flags.context) ?? 0;
  const before = count('-B', flags.beforeContext) ?? context;
  const after = count('-A', flags.afterContext) ?? context;
  const maxCount = count('-m', flags.maxCount);
  const width = count('--width', flags.width);
  if (flags.kwic && (flags.count || flags.filesWithMatches || flags.filesWithoutMatch || flags.countMatches))
    throw new UsageError('--kwic cannot be combined with -c, -l, -L or --count-matches');
  if (flags.kwic && flags.invertMatch) throw new UsageError('--kwic cannot be combined with -v: it shows matches');
  if (flags.filesWithoutMatch && flags.filesWithMatches) throw new UsageError('-L cannot be combined with -l');
  if (flags.sort && !flags.kwic) throw new UsageError('--sort goes with --kwic');
  const matcher: MatcherOptions = {
    patterns,
    fixedStrings: flags.fixedStrings,
    ignoreCase: flags.ignoreCase,
    smartCase: flags.smartCase,
    wordRegexp: flags.wordRegexp,
    fold: flags.fold,
    invertMatch: flags.invertMatch,
  };
  const output = outputOf(flags);
  // Matches are counted on the lines found (no byte shortcut knows them); --stats counts them in every mode.
  const mode =
    output === 'quiet' || output === 'without' || output === 'files' ? 'files' : output === 'count' ? 'count' : 'lines';
  const lines = mode === 'lines' || (flags.stats === true && output !== 'quiet');
  // Context goes with the modes that print lines.
  const withContext = output === 'lines' || output === 'only';
  const parallelFrom = io.env.CORPUS_GREP_PARALLEL_FROM;
  return {
    paths,
    matcher,
    output,
    spec: {
      mode: lines ? 'lines' : mode,
      before: withContext ? before : 0,
      after: withContext ? after : 0,
      maxCount,
    },
    width,
    minParallelFiles: parallelFrom ? Number(parallelFrom) : undefined,
  };
}

/** The matcher; an invalid pattern is a UsageError. */
export async function matcherOf(options: MatcherOptions): Promise<Matcher> {
  const search = await import('../../core/search/index.js');
  search.enableLinearRegExpEngine();
  try {
    return search.buildMatcher(options);
  } catch (err) {
    if (err instanceof search.PatternError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * True when the output is ripgrep's plain text (`id:line:text`, `id:count`, one id a line, a
 * heading per document on a terminal): no format, --json or --header asked for, or a table or
 * TSV for the matching lines, which are the table of a grep. Else rows in the format asked for.
 */
function plainText(output: Output, flags: GrepFlags, out: OutputContext): boolean {
  const asked = flags.format !== undefined || flags.json === true || flags.header === true;
  if (output === 'lines') return out.format === 'table' || (out.format === 'tsv' && !asked);
  return !asked && (out.format === 'table' || out.format === 'tsv');
}

/** The printer of the documents (all but the concordance), as the flags and the output ask. */
function printerFor(options: GrepOptions, flags: GrepFlags, out: OutputContext, io: Io): GrepPrinter {
  const { output } = options;
  const { before, after } = options.spec;
  const terminal = out.format === 'table';
  const invert = flags.invertMatch === true;
  const rows: GrepRowsOptions = {
    format: out.format,
    out: io.stdout,
    chalk: out.chalk,
    header: flags.header,
    width: io.columns,
  };
  if (!plainText(output, flags, out)) {
    if (output === 'files' || output === 'without') return documentRows(rows);
    if (output === 'count') return countRows(rows, matchingLines, 'count');
    if (output === 'countMatches') return countRows(rows, matchesIn(invert), 'matches');
    if (output === 'only') return matchRows(rows, invert);
    if (out.format === 'json' || out.format === 'jsonl')
      return jsonPrinter(io.stdout, out.format === 'jsonl', before, after, invert);
    return lineRows(rows, before, after);
  }
  if (output === 'files' || output === 'without')
    return filesPrinter(io.stdout, out.chalk, terminal, flags.paths === true, flags.null === true);
  if (output === 'count') return countLines(io.stdout, out.chalk, terminal, matchingLines);
  if (output === 'countMatches') return countLines(io.stdout, out.chalk, terminal, matchesIn(invert));
  return linesPrinter({
    out: io.stdout,
    chalk: out.chalk,
    heading: terminal,
    before,
    after,
    invert,
    only: output === 'only',
  });
}

/** The metadata of a document the printers show. */
const info = (r: DocumentRecord): DocInfo => ({ title: r.title, lang: r.lang, date: r.date, source: r.source });

/**
 * Prints the matching documents; resolves to how many there were. A document with many
 * matching lines comes in parts: the later ones (`continued`) print with the first's metadata.
 * A pattern found too costly stops the run, what was found until then printed.
 */
async function printDocuments(found: AsyncIterable<GrepDocument[]>, printer: GrepPrinter): Promise<number> {
  let matched = 0;
  let shown: DocInfo | null = null;
  // Each batch's documents in a function of their own: its loop, not this function, is what runs hot.
  const print = async (batch: GrepDocument[]): Promise<void> => {
    for (const { search: result, record } of batch) {
      if (!result.continued) {
        matched++;
        shown = record ? info(record) : null;
      }
      await printer.document(result, shown);
    }
  };
  try {
    for await (const batch of found) await print(batch);
  } catch (err) {
    if (err instanceof PatternTooCostlyError) await printer.end();
    throw err;
  }
  await printer.end();
  return matched;
}

/** `-q`: true at the first matching document (the search stops there: the generator is closed). */
async function anyFound(found: AsyncIterable<GrepDocument[]>): Promise<boolean> {
  for await (const batch of found) if (batch.length > 0) return true;
  return false;
}

/** Runs `grep`; resolves to the exit status: 0 when something matched, 1 when nothing did. */
export async function runGrep(args: string[], flags: GrepFlags, io: Io): Promise<number> {
  const started = performance.now();
  if (flags.typeList) return printTypeList(io);
  const options = grepOptions(args, flags, io);
  const matcher = await matcherOf(options.matcher);
  const corpus = await corpusContext(options.paths, flags, io);
  const out = outputContext(flags, io);
  const { output, spec } = options;
  const stats = flags.stats && output !== 'quiet' ? emptyStats() : null;
  // Statistics go after the results on stdout, as ripgrep's do, unless stdout holds data to parse.
  const statsOnStdout = stats !== null && plainText(output, flags, out);
  const printIo = stats ? { ...io, stdout: countingStream(io.stdout, stats) } : io;
  const terminal = out.format === 'table';
  const json = out.format === 'json' || out.format === 'jsonl';
  // The records, for the metadata the output shows: a JSON line or concordance row, a terminal heading.
  const records = (json && (output === 'lines' || output === 'kwic')) || (terminal && output === 'lines');
  // -L and --stats need every document read, matching or not: the scan does that, in this thread.
  const scan = output === 'without' || stats !== null;
  const searchStart = performance.now();
  let found: AsyncIterable<GrepDocument[]>;
  if (scan) {
    const { scanCorpus } = await import('../../core/search/scan-corpus.js');
    found = scanCorpus(corpus.options, corpus.run, matcher, {
      spec,
      without: output === 'without',
      records,
      tally: stats?.tally,
    });
  } else {
    const { grepDocuments } = await import('../../core/search/grep-corpus.js');
    found = grepDocuments(corpus.options, corpus.run, matcher, {
      matcherOptions: options.matcher,
      spec,
      records,
      minParallelFiles: options.minParallelFiles,
    });
  }
  let matched: number;
  try {
    if (output === 'quiet') matched = (await anyFound(found)) ? 1 : 0;
    else if (output === 'kwic') {
      const { printKwic } = await import('../../format/grep-kwic.js');
      const { width } = options;
      const kwicWidth = width ?? (io.stdout.isTTY ? Math.max(20, Math.floor((io.columns - 40) / 2)) : 40);
      const rows = {
        format: out.format,
        out: printIo.stdout,
        chalk: out.chalk,
        header: flags.header,
        width: io.columns,
      };
      matched = await printKwic(found, kwicWidth, flags.sort, rows);
    } else matched = await printDocuments(found, printerFor(options, flags, out, printIo));
  } catch (err) {
    // The pattern, not the corpus, is at fault: status 2, with what to do about it.
    if (err instanceof PatternTooCostlyError) throw new UsageError(err.message);
    throw err;
  }
  if (stats) {
    stats.searchSeconds = (performance.now() - searchStart) / 1000;
    stats.seconds = (performance.now() - started) / 1000;
    await (statsOnStdout ? io.stdout : io.stderr).write(statsText(stats));
  }
  // -q: a match found is success whatever went wrong elsewhere, as in ripgrep.
  if (output === 'quiet' && matched > 0) return EXIT.results;
  await reportSkipped(corpus, io);
  return finalStatus(matched > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}
