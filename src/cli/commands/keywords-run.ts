// `corpus keywords`: keyness between a target and a reference sub-corpus (docs/spec.md §5,
// keywords): each counted in its own pass, then every term scored.

import { buildFilter, FilterError } from '../../core/filter.js';
import type { DocumentRecord } from '../../core/types.js';
import type { MergedCounts } from '../../core/words/count-terms.js';
import type { Direction } from '../../core/words/keywords.js';
import type { CountOptions } from '../../core/words/words-shard.js';
import { createRowWriter } from '../../format/row-writer.js';
import { KEYWORD_COLUMNS, keywordJson } from '../../format/keywords-columns.js';
import { moreLine } from '../../format/words-view.js';
import type { Io } from '../io.js';
import { CorpusError, EXIT, UsageError } from '../errors.js';
import {
  corpusContext,
  finalStatus,
  loadAnalysis,
  outputContext,
  printTypeList,
  reportSkipped,
  type CorpusContext,
} from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';
import { countOptions, type TermFlags } from './words-run.js';

export interface KeywordsFlags extends CorpusFlags, OutputFlags, FilterFlags, TermFlags {
  ref?: string[];
  refLang?: string;
  refSince?: string;
  refUntil?: string;
  refSource?: string;
  refFlag?: string;
  top: string;
  minFreq: string;
  direction: Direction;
  maxP: string;
}

/** The reference's filters, as the target's are named. */
function refFilters(flags: KeywordsFlags): FilterFlags {
  return {
    lang: flags.refLang,
    since: flags.refSince,
    until: flags.refUntil,
    source: flags.refSource,
    flag: flags.refFlag,
  };
}

const given = (f: FilterFlags): boolean => Object.values(f).some((v) => v !== undefined);

/** The predicate of the --ref-* filters; a value that cannot be understood is named by its --ref- option. */
async function refFilterOf(filters: FilterFlags): Promise<((r: DocumentRecord) => boolean) | null> {
  try {
    return await buildFilter(filters);
  } catch (err) {
    if (err instanceof FilterError) throw new UsageError(err.message.replace(/^--/, '--ref-'));
    throw err;
  }
}

/** Counts one side's terms. */
async function countSide(corpus: CorpusContext, counting: CountOptions): Promise<MergedCounts> {
  const { analyseCorpus } = await loadAnalysis();
  const { countTerms } = await import('../../core/words/count-terms.js');
  const docs = analyseCorpus({ ...corpus.options, withText: false }, corpus.run);
  const { merged } = await countTerms(docs, counting, {
    jobs: corpus.options.jobs,
    onWarning: corpus.options.onWarning,
  });
  return merged;
}

/** An empty side is an error: keyness against nothing means nothing. */
function checkSide(side: 'target' | 'reference', counts: MergedCounts): void {
  if (counts.documents === 0) throw new CorpusError(`the ${side} is empty: no document passes its paths and filters`);
  if (counts.words === 0) throw new CorpusError(`the ${side} has no word: its ${counts.documents} documents are empty`);
}

/** Runs `keywords`; resolves to the exit status (1 when no keyword passes the filters). */
export async function runKeywords(paths: string[], flags: KeywordsFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const counting = await countOptions(flags);
  const top = wholeNumber('--top', flags.top, 1);
  const minFreq = wholeNumber('--min-freq', flags.minFreq, 1);
  const refFilter = refFilters(flags);
  const targetFilter: FilterFlags = {
    lang: flags.lang,
    since: flags.since,
    until: flags.until,
    source: flags.source,
    flag: flags.flag,
  };
  const rest = flags.ref === undefined && !given(refFilter);
  if (rest && !given(targetFilter))
    throw new UsageError(
      'keywords needs a reference: --ref <path>, a --ref-* filter, or a filter on the target (the rest of the corpus is then the reference)',
    );
  const target = await corpusContext(paths, flags, io);
  // The reference: the --ref paths with the --ref-* filters; or the target's corpus (read from
  // the same inputs: stdin is not read twice) with the --ref-* filters, or with the documents the
  // target's filters leave out.
  let reference: CorpusContext;
  if (flags.ref !== undefined) reference = await corpusContext(flags.ref, { ...flags, ...refFilter, corpus: [] }, io);
  else {
    const keep = target.options.filter;
    const filter = rest ? (keep ? (r: DocumentRecord) => !keep(r) : null) : await refFilterOf(refFilter);
    reference = { ...target, options: { ...target.options, filter }, run: { missing: [], skipped: new Map() } };
  }
  const out = outputContext(flags, io);
  const targetCounts = await countSide(target, counting);
  checkSide('target', targetCounts);
  const refCounts = await countSide(reference, counting);
  checkSide('reference', refCounts);
  const { keywordRows } = await import('../../core/words/keywords.js');
  const result = keywordRows(targetCounts, refCounts, {
    minFreq,
    top,
    direction: flags.direction,
    maxP: Number(flags.maxP),
  });
  const writer = createRowWriter({
    format: out.format,
    columns: KEYWORD_COLUMNS,
    out: io.stdout,
    chalk: out.chalk,
    header: flags.header,
    width: io.columns,
    json: keywordJson,
  });
  for (const r of result.rows) await writer.write(r);
  await writer.end();
  if (out.format === 'table' && result.rows.length > 0) await io.stdout.write(moreLine(result.more, 1, out.chalk));
  await reportSkipped(target, io);
  const status = finalStatus(result.rows.length > 0 ? EXIT.results : EXIT.noResults, target, flags);
  return Math.max(status, finalStatus(status, reference, flags));
}
