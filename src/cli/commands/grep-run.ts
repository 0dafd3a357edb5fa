// `corpus grep`: ripgrep-style search over the documents, each hit knowing its document;
// counts, document lists, JSON, or an aligned keyword-in-context concordance.

import type { KwicRow, KwicSort } from '../../core/search/kwic.js';
import type { Matcher } from '../../core/search/index.js';
import type { GrepDocument } from '../../core/search/grep-corpus.js';
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
import { corpusContext, finalStatus, outputContext } from '../context.js';
import { type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';

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
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} takes a whole number, not '${value}'`);
  return n;
}

/** Runs `grep`; resolves to the exit status: 0 when something matched, 1 when nothing did. */
export async function runGrep(args: string[], flags: GrepFlags, io: Io): Promise<number> {
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

  const search = await import('../../core/search/index.js');
  search.enableLinearRegExpEngine();
  const matcherOptions = {
    patterns,
    fixedStrings: flags.fixedStrings,
    ignoreCase: flags.ignoreCase,
    smartCase: flags.smartCase,
    wordRegexp: flags.wordRegexp,
    fold: flags.fold,
  };
  let matcher: Matcher;
  try {
    matcher = search.buildMatcher(matcherOptions);
  } catch (err) {
    if (err instanceof search.PatternError) throw new UsageError(err.message);
    throw err;
  }

  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const { effectiveInputs } = await import('../../core/input/corpus-files.js');
  const { walkFiles, walkUnits } = await import('../../core/input/walk.js');
  const { grepCorpus, searchesFolders } = await import('../../core/search/grep-corpus.js');
  const warn = corpus.options.onWarning ?? (() => {});
  const terminal = out.format === 'table';
  const json = out.format === 'json' || out.format === 'jsonl';
  // The analysis runs only when the output or a filter needs a document's metadata.
  const needInfo =
    json || (terminal && !flags.count && !flags.filesWithMatches && !flags.kwic) || corpus.options.filter != null;
  const info = (r: DocumentRecord): DocInfo => ({ title: r.title, lang: r.lang, date: r.date, source: r.source });

  const kwicRows: KwicRow[] = [];
  const kwicWidth = width ?? (io.stdout.isTTY ? Math.max(20, Math.floor((io.columns - 40) / 2)) : 40);
  let printer: GrepPrinter | null = null;
  if (!flags.kwic) {
    printer = flags.filesWithMatches
      ? filesPrinter(io.stdout, out.chalk, terminal, flags.paths === true, flags.null === true)
      : flags.count
        ? countPrinter(io.stdout, out.chalk, terminal)
        : json
          ? jsonPrinter(io.stdout, out.format === 'jsonl', before, after)
          : linesPrinter({ out: io.stdout, chalk: out.chalk, heading: terminal, before, after });
  }
  // The concordance's module sets up a collator (ICU data, milliseconds): loaded only for it.
  const kwic = flags.kwic ? await import('../../core/search/kwic.js') : null;
  const { columnOf } = await import('../../core/search/grep.js');

  let matched = 0;
  const spec = {
    mode: flags.filesWithMatches ? 'files' : flags.count ? 'count' : 'lines',
    before,
    after,
    maxCount,
  } as const;
  const jobs = corpus.options.jobs ?? 1;
  // With workers, and results small enough, a worker takes a whole subfolder: walks it too.
  const walk = jobs > 1 && searchesFolders(spec, needInfo) ? walkUnits : walkFiles;
  const found = grepCorpus(walk(effectiveInputs(corpus.options.inputs), corpus.options, corpus.run.missing), matcher, {
    matcherOptions,
    spec,
    analyse: needInfo,
    jobs,
    walk: { hidden: corpus.options.hidden, globs: corpus.options.globs },
    // For tests: workers on a small corpus.
    ...(io.env.CORPUS_GREP_PARALLEL_FROM ? { minParallelFiles: Number(io.env.CORPUS_GREP_PARALLEL_FROM) } : {}),
    onWarning: warn,
    backpressure: corpus.options.backpressure,
  });
  // Each batch's documents in a function of their own: its loop, not this function, is what runs hot.
  const print = async (batch: GrepDocument[]): Promise<void> => {
    for (const { search: result, record } of batch) {
      let docInfo: DocInfo | null = null;
      if (record) {
        if (corpus.options.filter && !corpus.options.filter(record)) continue;
        docInfo = info(record);
      }
      matched++;
      if (printer) await printer.document(result, docInfo);
      else if (kwic) {
        for (const hit of result.hits) {
          for (const m of hit.matches)
            kwicRows.push(
              kwic.kwicRow(result.doc.id, hit.line, columnOf(hit.text, m.start), hit.text, m.start, m.end, kwicWidth),
            );
        }
      }
    }
  };
  for await (const batch of found) await print(batch);
  if (printer) await printer.end();
  else {
    if (flags.sort) kwic?.sortKwic(kwicRows, flags.sort);
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
    for (const row of kwicRows) await writer.write(row);
    await writer.end();
  }
  return finalStatus(matched > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}
