// `corpus summarise` (also `summarize`, `summary`): the whole corpus at a glance.

import type { SectionName, Summary } from '../../core/summary/sections.js';
import type { PlannedCorpus } from '../../core/analyse/corpus-options.js';
import type { PartialHeader, PartialKind } from '../../core/partial/partial-file.js';
import { summaryRows, summaryView } from '../../format/summary-view.js';
import { createRowWriter } from '../../format/row-writer.js';
import { visibleJson } from '../../format/sanitize.js';
import { writeJson, writeJsonLine } from '../../format/json-stream.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import {
  corpusContext,
  finalStatus,
  loadAnalysis,
  outputContext,
  printTypeList,
  reportSkipped,
  type OutputContext,
} from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';
import { readStopwordOptions, type StopwordFlags } from '../stopword-options.js';
import type { StopwordSettings } from '../../core/stats/stopwords.js';

export interface SummariseFlags extends CorpusFlags, OutputFlags, FilterFlags, StopwordFlags {
  top: string;
  by?: 'lang' | 'source' | 'month';
  only?: string;
  /** --partial, --count-lines, --lines, -o (docs/partial-format.md). */
  partial?: boolean;
  countLines?: boolean;
  lines?: string;
  output?: string;
}

/** The sections `--only` asks for (all without it). */
export async function sectionsOf(only: string | undefined): Promise<readonly SectionName[]> {
  const { SECTIONS } = await import('../../core/summary/sections.js');
  if (only === undefined) return SECTIONS;
  const asked = only
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (asked.length === 0)
    throw new UsageError(`--only takes sections, comma-separated (sections: ${SECTIONS.join(', ')})`);
  for (const s of asked) {
    if (!SECTIONS.includes(s as SectionName))
      throw new UsageError(`--only: unknown section '${s}' (sections: ${SECTIONS.join(', ')})`);
  }
  return SECTIONS.filter((s) => asked.includes(s));
}

/** Runs `summarise`; resolves to the exit status (1 when no document was left to summarise). */
export async function runSummarise(paths: string[], flags: SummariseFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const top = wholeNumber('--top', flags.top, 1);
  const sections = await sectionsOf(flags.only);
  const stop = await readStopwordOptions(flags);
  if (flags.partial || flags.countLines) return runPartial(paths, flags, io, top, stop.settings);
  if (flags.output !== undefined)
    throw new UsageError('-o goes with --partial or --count-lines (a summary is printed)');
  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const { analyseCorpus } = await loadAnalysis();
  const { summarise } = await import('../../core/summary/index.js');
  const { languageName } = await import('../../core/analyse/language/lang-codes.js');
  const names = await languageName();
  const given = flags.lines === undefined ? null : await givenLines(flags.lines, flags);
  // The text is read where it is analysed (in the workers), not here.
  const docs = analyseCorpus({ ...corpus.options, withText: false, nearDuplicates: true, ...given }, corpus.run);
  const summary = await summarise(docs, {
    top,
    by: flags.by,
    stopwords: stop.settings,
    languageName: names,
    jobs: corpus.options.jobs,
    onWarning: corpus.options.onWarning,
    // For tests: the per-document state spills to disk from this many characters or signatures.
    spillAt: io.env.CORPUS_SPILL_AT ? wholeNumber('CORPUS_SPILL_AT', io.env.CORPUS_SPILL_AT, 1) : undefined,
  });
  await printSummary(summary, sections, top, flags, io, out);
  await reportSkipped(corpus, io);
  return finalStatus(summary.overview.documents > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}

/** Prints a summary's sections in the output format (`summarise`, `merge`). */
export async function printSummary(
  summary: Summary,
  sections: readonly SectionName[],
  top: number,
  flags: OutputFlags,
  io: Io,
  out: OutputContext,
): Promise<void> {
  const chosen = Object.fromEntries(sections.map((s) => [s, summary[s]]));
  // JSON on a terminal shows bidi and other invisible characters as \u escapes.
  const json = io.stdout.isTTY ? visibleJson : (text: string) => text;
  if (out.format === 'json') await writeJson(chosen, (text) => io.stdout.write(text), json);
  else if (out.format === 'jsonl') {
    for (const s of sections)
      await writeJsonLine({ section: s, data: summary[s] }, (text) => io.stdout.write(text), json);
  } else if (out.format === 'table') await io.stdout.write(summaryView(summary, sections, out.chalk, io.columns, top));
  else {
    const writer = createRowWriter<[string, string, unknown]>({
      format: out.format,
      columns: [
        { key: 'section', header: 'SECTION', value: (r) => r[0] },
        { key: 'key', header: 'KEY', value: (r) => r[1] },
        { key: 'value', header: 'VALUE', value: (r) => r[2] },
      ],
      out: io.stdout,
      chalk: out.chalk,
      header: flags.header,
      json: (r) => r,
    });
    for (const row of summaryRows(summary, sections)) await writer.write(row);
    await writer.end();
  }
}

/** The corpus of a partial made from a piece of a stream (`--stdin-docs`): no files to check. */
const STREAM_CORPUS = { files: 0, digest: 'stream' };

/** What a partial's header keeps of the options: those that change which files are read. */
function walkOptions(flags: SummariseFlags): Record<string, unknown> {
  return {
    glob: flags.glob ?? [],
    type: flags.type ?? [],
    typeNot: flags.typeNot ?? [],
    hidden: flags.hidden ?? false,
    follow: flags.follow ?? false,
    noIgnore: flags.ignore === false,
    maxFilesize: flags.maxFilesize ?? null,
    encoding: flags.encoding ?? null,
    fields: [flags.textField, flags.idField, flags.titleField, flags.dateField].map((f) => f ?? null),
  };
}

/** The corpus's recurring lines from `--lines`, for the analysis, checked against the run's corpus and walk. */
async function givenLines(file: string, flags: SummariseFlags) {
  const { readGivenLines } = await import('../../core/partial/lines-partial.js');
  const { corpusDigest } = await import('../../core/partial/partial-file.js');
  const { PartialError } = await import('../../core/errors.js');
  const lines = await readGivenLines(file);
  if (JSON.stringify(lines.options) !== JSON.stringify({ walk: walkOptions(flags) }))
    throw new PartialError(`${file}: counted with other options (--glob, --type, …) than this run's`);
  return {
    recurring: lines,
    onPlan: (plan: PlannedCorpus) => {
      const stream = lines.corpus.digest === STREAM_CORPUS.digest;
      if (stream !== (flags.stdinDocs === true))
        throw new PartialError(
          stream ? `${file}: counted on a stream: give --stdin-docs` : `${file}: counted on files, not on a stream`,
        );
      if (stream) return;
      const here = corpusDigest(plan.files, plan.stats);
      if (here.digest !== lines.corpus.digest || here.files !== lines.corpus.files)
        throw new PartialError(
          `${file}: counted on another corpus (${lines.corpus.files} files) than this run's (${here.files})`,
        );
    },
  };
}

/**
 * `summarise --partial` and `--count-lines` (docs/partial-format.md): a shard's counts, written
 * to -o (a file, or - for standard output). Status 0 once written, even for a shard with no
 * documents (a valid partial): a scheduler's next job depends on it.
 */
async function runPartial(
  paths: string[],
  flags: SummariseFlags,
  io: Io,
  top: number,
  stopwords: StopwordSettings,
): Promise<number> {
  checkPartialFlags(flags);
  const corpus = await corpusContext(paths, flags, io);
  const shard = corpus.options.shard ?? { index: 0, count: 1 };
  const { partialHeader, partialSink } = await import('../../core/partial/partial-file.js');
  const sink = partialSink(flags.output ?? '-', (text) => io.stdout.write(text));
  // A piece of a stream (--stdin-docs) is no shard of a corpus: `merge` takes the pieces in the
  // order it is given them (docs/partial-format.md).
  const header = (kind: PartialKind, corpusOf: PartialHeader['corpus'], options: Record<string, unknown>) =>
    flags.stdinDocs
      ? partialHeader(kind, STREAM_CORPUS, options, [], 0)
      : partialHeader(kind, corpusOf, options, [shard.index + 1], shard.count);
  try {
    if (flags.countLines) {
      const { writeLinesPartial } = await import('../../core/partial/lines-partial.js');
      await writeLinesPartial(
        corpus.options,
        corpus.run,
        (c) => header('lines', c, { walk: walkOptions(flags) }),
        sink,
      );
    } else {
      const { analyseCorpus } = await loadAnalysis();
      const { writeSummaryPartial } = await import('../../core/partial/summary-partial.js');
      const { corpusDigest } = await import('../../core/partial/partial-file.js');
      const given = flags.lines === undefined ? null : await givenLines(flags.lines, flags);
      let digest: PartialHeader['corpus'] = { files: 0, digest: '' };
      const docs = analyseCorpus(
        {
          ...corpus.options,
          withText: false,
          nearDuplicates: true,
          recurring: given?.recurring ?? null,
          onPlan: (plan) => {
            given?.onPlan(plan);
            digest = corpusDigest(plan.files, plan.stats);
          },
        },
        corpus.run,
      );
      const options = {
        walk: walkOptions(flags),
        top,
        ...(flags.by ? { by: flags.by } : {}),
        filter: { lang: flags.lang, since: flags.since, until: flags.until, source: flags.source, flag: flags.flag },
        lines: flags.lines !== undefined,
        stopwords,
      };
      await writeSummaryPartial(docs, () => header('summary', digest, options), sink, {
        top,
        by: flags.by,
        stopwords,
        onWarning: corpus.options.onWarning,
      });
    }
    await sink.close();
  } catch (err) {
    sink.abandon();
    throw err;
  }
  await reportSkipped(corpus, io);
  return finalStatus(EXIT.results, corpus, flags);
}

/** The usage errors of `--partial` and `--count-lines` (docs/spec.md §5, summarise). */
function checkPartialFlags(flags: SummariseFlags): void {
  if (flags.partial && flags.countLines) throw new UsageError('--partial and --count-lines are two phases: give one');
  if (flags.output === undefined)
    throw new UsageError(
      `${flags.partial ? '--partial' : '--count-lines'} writes a file: give -o <file> (or -o - for standard output)`,
    );
  if (flags.only !== undefined)
    throw new UsageError('--only goes with the summary that merge prints, not with a partial');
  if ((flags.flag ?? '').split(',').some((f) => ['duplicate', 'near-duplicate'].includes(f.trim())))
    throw new UsageError(
      '--flag duplicate and near-duplicate compare a document with the whole corpus: not in a partial',
    );
  if (flags.countLines && flags.lines !== undefined)
    throw new UsageError('--count-lines makes what --lines reads: give one');
  if (flags.stdinDocs && flags.shard !== undefined)
    throw new UsageError('--stdin-docs reads a piece of a stream, which is its own shard: no --shard with it');
}
