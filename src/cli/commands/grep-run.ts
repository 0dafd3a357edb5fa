// `corpus grep`: ripgrep-style search over the documents, each hit knowing its document;
// counts, document lists, JSON, or an aligned keyword-in-context concordance.

import type { KwicRow, KwicSort } from '../../core/search/kwic.js';
import type { Matcher, MatcherOptions } from '../../core/search/index.js';
import { PatternTooCostlyError } from '../../core/search/backtracking-guard.js';
import type { GrepDocument } from '../../core/search/grep-settle.js';
import type { GrepSpec } from '../../core/search/grep-task.js';
import type { DocumentRecord } from '../../core/types.js';
import {
  countPrinter,
  filesPrinter,
  jsonPrinter,
  linesPrinter,
  type DocInfo,
  type GrepPrinter,
} from '../../format/grep-output.js';
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
  filesWithMatches?: boolean;
  paths?: boolean;
  kwic?: boolean;
  width?: string;
  sort?: KwicSort;
}

function count(name: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : wholeNumber(name, value);
}

/** What the command line asks of a grep, checked: what to search for, where, and how. */
interface GrepOptions {
  paths: string[];
  matcher: MatcherOptions;
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
  if (flags.kwic && (flags.count || flags.filesWithMatches))
    throw new UsageError('--kwic cannot be combined with -c or -l');
  if (flags.sort && !flags.kwic) throw new UsageError('--sort goes with --kwic');
  const matcher: MatcherOptions = {
    patterns,
    fixedStrings: flags.fixedStrings,
    ignoreCase: flags.ignoreCase,
    smartCase: flags.smartCase,
    wordRegexp: flags.wordRegexp,
    fold: flags.fold,
  };
  const mode = flags.filesWithMatches ? 'files' : flags.count ? 'count' : 'lines';
  const parallelFrom = io.env.CORPUS_GREP_PARALLEL_FROM;
  return {
    paths,
    matcher,
    spec: { mode, before, after, maxCount },
    width,
    minParallelFiles: parallelFrom ? Number(parallelFrom) : undefined,
  };
}

/** The matcher; an invalid pattern is a UsageError. */
async function matcherOf(options: MatcherOptions): Promise<Matcher> {
  const search = await import('../../core/search/index.js');
  search.enableLinearRegExpEngine();
  try {
    return search.buildMatcher(options);
  } catch (err) {
    if (err instanceof search.PatternError) throw new UsageError(err.message);
    throw err;
  }
}

/** The printer of the documents (all but the concordance), as the flags and the output ask. */
function printerFor(flags: GrepFlags, spec: GrepSpec, out: OutputContext, io: Io): GrepPrinter {
  const terminal = out.format === 'table';
  const { before, after } = spec;
  if (flags.filesWithMatches)
    return filesPrinter(io.stdout, out.chalk, terminal, flags.paths === true, flags.null === true);
  if (flags.count) return countPrinter(io.stdout, out.chalk, terminal);
  if (out.format === 'json' || out.format === 'jsonl')
    return jsonPrinter(io.stdout, out.format === 'jsonl', before, after);
  return linesPrinter({ out: io.stdout, chalk: out.chalk, heading: terminal, before, after });
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

/** Prints the concordance of the matching documents' hits; resolves to how many documents matched. */
async function printKwic(
  found: AsyncIterable<GrepDocument[]>,
  width: number | undefined,
  flags: GrepFlags,
  out: OutputContext,
  io: Io,
): Promise<number> {
  // The concordance's module sets up a collator (ICU data, milliseconds): loaded only for it.
  const kwic = await import('../../core/search/kwic.js');
  const { Columns } = await import('../../core/search/grep.js');
  const kwicWidth = width ?? (io.stdout.isTTY ? Math.max(20, Math.floor((io.columns - 40) / 2)) : 40);
  const rows: KwicRow[] = [];
  let matched = 0;
  const collect = (batch: GrepDocument[]): void => {
    for (const { search: result } of batch) {
      matched++;
      for (const hit of result.hits) {
        const columns = new Columns(hit.text);
        for (const m of hit.matches)
          rows.push(kwic.kwicRow(result.doc.id, hit.line, columns.of(m.start), hit.text, m.start, m.end, kwicWidth));
      }
    }
  };
  for await (const batch of found) collect(batch);
  if (flags.sort) kwic.sortKwic(rows, flags.sort);
  await writeKwicTable(rows, flags, out, io);
  return matched;
}

/** Writes the concordance's rows as a table (ID, LINE, LEFT, MATCH, RIGHT) in the output format. */
async function writeKwicTable(rows: KwicRow[], flags: GrepFlags, out: OutputContext, io: Io): Promise<void> {
  const { createRowWriter } = await import('../../format/row-writer.js');
  const writer = createRowWriter<KwicRow>({
    format: out.format,
    columns: [
      { key: 'id', header: 'ID', value: (r) => r.id, style: (t, _r, c) => c.magenta(t) },
      { key: 'line', header: 'LINE', value: (r) => r.line, align: 'right', style: (t, _r, c) => c.green(t) },
      { key: 'left', header: 'LEFT', value: (r) => r.left, text: (r) => r.left.trimEnd(), align: 'right' },
      { key: 'match', header: 'MATCH', value: (r) => r.match, style: (t, _r, c) => c.bold.red(t) },
      { key: 'right', header: 'RIGHT', value: (r) => r.right, text: (r) => r.right.trimStart() },
    ],
    out: io.stdout,
    chalk: out.chalk,
    header: flags.header,
    width: io.columns,
    json: (r) => r,
  });
  for (const row of rows) await writer.write(row);
  await writer.end();
}

/** Runs `grep`; resolves to the exit status: 0 when something matched, 1 when nothing did. */
export async function runGrep(args: string[], flags: GrepFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const options = grepOptions(args, flags, io);
  const matcher = await matcherOf(options.matcher);
  const corpus = await corpusContext(options.paths, flags, io);
  const out = outputContext(flags, io);
  const { grepDocuments } = await import('../../core/search/grep-corpus.js');
  const terminal = out.format === 'table';
  const json = out.format === 'json' || out.format === 'jsonl';
  const printer = flags.kwic ? null : printerFor(flags, options.spec, out, io);
  const found = grepDocuments(corpus.options, corpus.run, matcher, {
    matcherOptions: options.matcher,
    spec: options.spec,
    // The records, for the metadata the output shows.
    records: json || (terminal && !flags.count && !flags.filesWithMatches && !flags.kwic),
    minParallelFiles: options.minParallelFiles,
  });
  let matched: number;
  try {
    matched = printer ? await printDocuments(found, printer) : await printKwic(found, options.width, flags, out, io);
  } catch (err) {
    // The pattern, not the corpus, is at fault: status 2, with what to do about it.
    if (err instanceof PatternTooCostlyError) throw new UsageError(err.message);
    throw err;
  }
  await reportSkipped(corpus, io);
  return finalStatus(matched > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}
