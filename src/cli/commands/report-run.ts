// `corpus report`: one self-contained HTML page with the corpus at a glance (docs/spec.md §5,
// report), written to a file (default corpus-report.html) or to standard output with `-o -`.

import fs from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from '../../core/version.js';
import { visible } from '../../format/sanitize.js';
import type { Io } from '../io.js';
import { CorpusError, EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, loadAnalysis, printTypeList, reportSkipped } from '../context.js';
import { wholeNumber, type CorpusFlags, type FilterFlags } from '../options.js';
import { readStopwordOptions, type StopwordFlags } from '../stopword-options.js';

export interface ReportFlags extends CorpusFlags, FilterFlags, StopwordFlags {
  output: string;
  top: string;
}

/** Why a file cannot be written, as the system says it. */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')} (${e.code})` : String(err);
}

/**
 * Checks before the run that the file can be written (its folder exists and takes files; it is
 * not a folder), so that a long run does not end in an error.
 */
async function checkWritable(file: string, shown: string): Promise<void> {
  try {
    const stat = await fs.stat(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (stat?.isDirectory()) throw new CorpusError(`cannot write ${shown}: it is a folder`);
    await fs.access(stat ? file : path.dirname(file), fs.constants.W_OK);
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    throw new CorpusError(`cannot write ${shown}: ${reason(err)}`);
  }
}

/** What was read, in one line for the page: the paths and the filters. */
function corpusLine(inputs: { given: string }[], flags: ReportFlags): string {
  const filters = (['lang', 'since', 'until', 'source', 'flag'] as const)
    .filter((f) => flags[f] !== undefined)
    .map((f) => `--${f} ${flags[f]}`);
  return [inputs.map((i) => i.given).join(' '), ...filters].join(' ');
}

/** When the report was made: SOURCE_DATE_EPOCH when set (reproducible files), else now. */
function madeAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Runs `report`; resolves to the exit status (1 when no document was left to report on). */
export async function runReport(paths: string[], flags: ReportFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  const top = wholeNumber('--top', flags.top, 1);
  const stop = await readStopwordOptions(flags);
  if (flags.output === '') throw new UsageError("-o takes a file name, or - for standard output, not ''");
  const toStdout = flags.output === '-';
  // An HTML page is no terminal reading: as gh refuses to write binary to one.
  if (toStdout && io.stdout.isTTY)
    throw new UsageError(
      '-o - writes the HTML page to standard output, which is a terminal: redirect it or name a file',
    );
  const file = path.resolve(io.cwd, flags.output);
  const shown = io.stderr.isTTY ? visible(flags.output) : flags.output;
  if (!toStdout) await checkWritable(file, shown);
  const corpus = await corpusContext(paths, flags, io);
  const { analyseCorpus } = await loadAnalysis();
  const { reportData } = await import('../../core/report/index.js');
  const { languageName } = await import('../../core/analyse/language/lang-codes.js');
  const names = await languageName();
  // As summarise: the text is read where it is analysed; the sampled documents' again at the end.
  const docs = analyseCorpus({ ...corpus.options, withText: false, nearDuplicates: true }, corpus.run);
  const data = await reportData(docs, {
    top,
    stopwords: stop.settings,
    languageName: names,
    jobs: corpus.options.jobs,
    onWarning: corpus.options.onWarning,
  });
  await reportSkipped(corpus, io);
  if (data.summary.overview.documents === 0) {
    await io.stderr.write('corpus: no document to report on: no file written\n');
    return finalStatus(EXIT.noResults, corpus, flags);
  }
  const { reportPage } = await import('../../format/report/page.js');
  const html = reportPage(data, {
    top,
    version: VERSION,
    generated: madeAt(io.env),
    corpus: corpusLine(corpus.options.inputs, flags),
    languageName: names,
  });
  if (toStdout) await io.stdout.write(html);
  else {
    try {
      await fs.writeFile(file, html);
    } catch (err) {
      throw new CorpusError(`cannot write ${shown}: ${reason(err)}`);
    }
    const bytes = Buffer.byteLength(html);
    // Said on a terminal only, as gh does: a script knows where it asked the page to go.
    if (io.stderr.isTTY)
      await io.stderr.write(
        `corpus: wrote ${shown} (${size(bytes)}; ${data.rule.documents.toLocaleString('en-US')} documents, ` +
          `${data.rule.rows.toLocaleString('en-US')} in its table)\n`,
      );
  }
  return finalStatus(EXIT.results, corpus, flags);
}
