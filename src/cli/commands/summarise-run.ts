// `corpus summarise` (also `summarize`, `summary`): the whole corpus at a glance.

import type { SectionName } from '../../core/summary/sections.js';
import { summaryRows, summaryView } from '../../format/summary-view.js';
import { createRowWriter } from '../../format/row-writer.js';
import { visibleJson } from '../../format/sanitize.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, loadAnalysis, outputContext, printTypeList, reportSkipped } from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';

export interface SummariseFlags extends CorpusFlags, OutputFlags, FilterFlags {
  top: string;
  by?: 'lang' | 'source' | 'month';
  only?: string;
}

/** Runs `summarise`; resolves to the exit status (1 when no document was left to summarise). */
export async function runSummarise(paths: string[], flags: SummariseFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const { SECTIONS } = await import('../../core/summary/sections.js');
  const top = wholeNumber('--top', flags.top, 1);
  let sections: readonly SectionName[] = SECTIONS;
  if (flags.only !== undefined) {
    const asked = flags.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (asked.length === 0)
      throw new UsageError(`--only takes sections, comma-separated (sections: ${SECTIONS.join(', ')})`);
    for (const s of asked) {
      if (!SECTIONS.includes(s as SectionName))
        throw new UsageError(`--only: unknown section '${s}' (sections: ${SECTIONS.join(', ')})`);
    }
    sections = SECTIONS.filter((s) => asked.includes(s));
  }
  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const { analyseCorpus } = await loadAnalysis();
  const { summarise } = await import('../../core/summary/index.js');
  const { languageName } = await import('../../core/analyse/language/lang-codes.js');
  const names = await languageName();
  // The text is read where it is analysed (in the workers), not here.
  const docs = analyseCorpus({ ...corpus.options, withText: false, nearDuplicates: true }, corpus.run);
  const summary = await summarise(docs, {
    top,
    by: flags.by,
    languageName: names,
    jobs: corpus.options.jobs,
    onWarning: corpus.options.onWarning,
  });
  const chosen = Object.fromEntries(sections.map((s) => [s, summary[s]]));

  // JSON on a terminal shows bidi and other invisible characters as \u escapes.
  const json = io.stdout.isTTY ? visibleJson : (text: string) => text;
  if (out.format === 'json') await io.stdout.write(`${json(JSON.stringify(chosen, null, 2))}\n`);
  else if (out.format === 'jsonl') {
    for (const s of sections) await io.stdout.write(`${json(JSON.stringify({ section: s, data: summary[s] }))}\n`);
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
  await reportSkipped(corpus, io);
  return finalStatus(summary.overview.documents > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}
