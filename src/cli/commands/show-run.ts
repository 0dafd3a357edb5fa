// `corpus show`: one or several documents, by id, unique id prefix or path.

import { AmbiguousIdError } from '../../core/errors.js';
import type { AnalysedDocument } from '../../core/analyse/analyse-document.js';
import { RECORD_FIELDS } from '../../core/types.js';
import { documentView, metadataLines } from '../../format/document-view.js';
import { createRowWriter } from '../../format/row-writer.js';
import { cellText, tsvCell } from '../../format/cells.js';
import { visible, visibleText } from '../../format/sanitize.js';
import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, loadAnalysis, outputContext, printTypeList } from '../context.js';
import { type CorpusFlags, type OutputFlags } from '../options.js';

export interface ShowFlags extends CorpusFlags, OutputFlags {
  meta?: boolean;
  raw?: boolean;
  pager: boolean;
  /** False with --no-sanitize: the text goes to a terminal as decoded, escapes and all. */
  sanitize: boolean;
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') || text.endsWith('\r') ? text : `${text}\n`;
}

/** Runs `show`; resolves to the exit status. */
export async function runShow(ids: string[], paths: string[], flags: ShowFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  if (ids.length === 0) throw new UsageError('show needs at least one document id');
  const corpus = await corpusContext(paths, flags, io);
  const out = outputContext(flags, io);
  const { resolveIds } = await import('../../core/input/resolve-id.js');
  let status: number = EXIT.results;
  const wanted = new Set<string>();
  try {
    for (const r of await resolveIds(ids, corpus.options, corpus.run)) {
      if (r.ids.length === 0) {
        await io.stderr.write(`corpus: no document matches '${visible(r.query)}'\n`);
        status = EXIT.noResults;
      }
      for (const id of r.ids) wanted.add(id);
    }
  } catch (err) {
    if (!(err instanceof AmbiguousIdError)) throw err;
    const lines = err.candidates.map((c) => `  ${visible(c)}\n`).join('');
    await io.stderr.write(`corpus: '${visible(err.query)}' is ambiguous; it matches:\n${lines}`);
    return EXIT.error;
  }
  if (wanted.size === 0) return finalStatus(status, corpus, flags);

  // The second pass reads only the documents asked for; warnings were given in the first.
  const { analyseCorpus } = await loadAnalysis();
  const found = new Map<string, AnalysedDocument>();
  const quiet = { ...corpus.options, onWarning: () => {}, wantId: (id: string) => wanted.has(id) };
  for await (const d of analyseCorpus(quiet)) found.set(d.record.id, d);
  // In the order asked for, each document once.
  const docs = [...wanted].flatMap((id) => found.get(id) ?? []);

  // Text written as it is reaches a terminal made visible, unless --no-sanitize; a pipe gets it as decoded.
  const asIs = io.stdout.isTTY && flags.sanitize !== false ? visibleText : (text: string) => text;
  if (flags.raw) {
    for (const d of docs) await io.stdout.write(asIs(d.text));
  } else if (out.format === 'json' || out.format === 'jsonl' || out.format === 'csv') {
    const writer = createRowWriter<AnalysedDocument>({
      format: out.format,
      columns: [...RECORD_FIELDS, 'text'].map((key) => ({
        key,
        header: key.toUpperCase(),
        value: (d: AnalysedDocument) => (key === 'text' ? d.text : d.record[key as keyof typeof d.record]),
      })),
      out: io.stdout,
      chalk: out.chalk,
      json: (d) => (flags.meta ? d.record : { ...d.record, text: d.text }),
    });
    for (const d of docs) await writer.write(d);
    await writer.end();
  } else if (out.format === 'table') {
    const views = docs.map((d) =>
      flags.meta ? `${metadataLines(d.record, out.chalk).join('\n')}\n` : documentView(d, out.chalk, io.columns),
    );
    const text = views.join('\n');
    const long = text.split('\n').length > io.rows;
    if (!(flags.pager && long && io.page && (await io.page(text)))) await io.stdout.write(text);
  } else if (flags.meta) {
    // A field a line: a value is escaped as a TSV cell is, so an id holding a newline stays one line.
    const field = io.stdout.isTTY ? (text: string) => visible(tsvCell(text)) : tsvCell;
    for (const d of docs) {
      for (const key of RECORD_FIELDS) await io.stdout.write(`${key}\t${field(cellText(d.record[key]))}\n`);
    }
  } else {
    for (const d of docs) await io.stdout.write(asIs(ensureNewline(d.text)));
  }
  return finalStatus(status, corpus, flags);
}
