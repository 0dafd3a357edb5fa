// `corpus show`: one or several documents, by id, unique id prefix or path.

import { AmbiguousIdError } from '../../core/errors.js';
import type { AnalysedDocument } from '../../core/analyse/analyse-document.js';
import { RECORD_FIELDS } from '../../core/types.js';
import type { Shard } from '../../core/input/shard.js';
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
  body?: boolean;
  pager: boolean;
  /** False with --no-sanitize: the text goes to a terminal as decoded, escapes and all. */
  sanitize: boolean;
}

/** A document's body as text: its paragraphs (boilerplate lines left out), a blank line between two. */
export const bodyText = (d: AnalysedDocument): string => d.paragraphs.join('\n\n');

const identity = (text: string): string => text;

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') || text.endsWith('\r') ? text : `${text}\n`;
}

/** Runs `show`; resolves to the exit status. */
export async function runShow(ids: string[], paths: string[], flags: ShowFlags, io: Io): Promise<number> {
  if (flags.typeList) return printTypeList(io);
  if (ids.length === 0) throw new UsageError('show needs at least one document id');
  if ([flags.raw, flags.body, flags.meta].filter(Boolean).length > 1)
    throw new UsageError('--raw, --body and --meta each choose what show prints: give one');
  const { resolveIds, splitArguments } = await import('../../core/input/resolve-id.js');
  // Without --corpus, an argument naming a file or folder is the corpus to show from (docs/spec.md §5).
  const named = flags.corpus?.length ? { paths: [], ids } : splitArguments(ids, io.cwd);
  const corpus = await corpusContext([...paths, ...named.paths], flags, io);
  const out = outputContext(flags, io);
  let status: number = EXIT.results;
  const wanted = new Set<string>();
  // Paths alone show all their documents: no ids to look up first.
  const all = named.ids.length === 0;
  try {
    for (const r of all ? [] : await resolveIds(named.ids, corpus.options, corpus.run)) {
      if (r.ids.length === 0) {
        await io.stderr.write(`corpus: no document matches '${visible(r.query)}'${inShard(corpus.options.shard)}\n`);
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
  if (wanted.size === 0 && !all) return finalStatus(status, corpus, flags);

  // The second pass reads only the documents asked for; warnings were given in the first.
  const { analyseCorpus } = await loadAnalysis();
  // A WARC record's page is kept beside its text only for --raw (it doubles what a record holds).
  if (flags.raw) (await import('../../core/input/formats/warc.js')).setWarcRaw(true);
  const found = new Map<string, AnalysedDocument>();
  const quiet = all
    ? corpus.options
    : { ...corpus.options, onWarning: () => {}, wantId: (id: string) => wanted.has(id) };
  for await (const d of analyseCorpus(quiet)) found.set(d.record.id, d);
  // In the order asked for, each document once; paths alone, in corpus order.
  const docs = all ? [...found.values()] : [...wanted].flatMap((id) => found.get(id) ?? []);

  // Text written as it is reaches a terminal made visible, unless --no-sanitize; a pipe gets it as decoded.
  const asIs = io.stdout.isTTY && flags.sanitize !== false ? visibleText : identity;
  if (flags.raw) {
    // The source as it came: a file's bytes (decompressed), a record's source (a WARC record's
    // page), else its text as decoded. A terminal gets it decoded and made visible.
    const { rawSource } = await import('../../core/input/raw-source.js');
    const warn = (path: string, why: string) => io.stderr.write(`corpus: warning: ${visible(path)}: ${visible(why)}\n`);
    for (const d of docs) {
      const raw = rawSource(d, (path, why) => void warn(path, why));
      if (raw === null) status = EXIT.error;
      else if (raw.bytes && asIs === identity) await io.stdout.write(raw.bytes);
      else await io.stdout.write(asIs(raw.text));
    }
  } else if (flags.body && out.format !== 'json' && out.format !== 'jsonl' && out.format !== 'csv') {
    for (const d of docs) await io.stdout.write(asIs(ensureNewline(bodyText(d))));
  } else if (out.format === 'json' || out.format === 'jsonl' || out.format === 'csv') {
    const writer = createRowWriter<AnalysedDocument>({
      format: out.format,
      columns: [...RECORD_FIELDS, 'extra', 'text', 'body'].map((key) => ({
        key,
        header: key.toUpperCase(),
        value: (d: AnalysedDocument) =>
          key === 'text' ? d.text : key === 'body' ? bodyText(d) : (d.record[key as keyof typeof d.record] ?? null),
      })),
      out: io.stdout,
      chalk: out.chalk,
      json: (d) => (flags.meta ? d.record : { ...d.record, text: d.text, body: bodyText(d) }),
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
      if (d.record.extra !== undefined) await io.stdout.write(`extra\t${field(cellText(d.record.extra))}\n`);
    }
  } else {
    for (const d of docs) await io.stdout.write(asIs(ensureNewline(d.text)));
  }
  return finalStatus(status, corpus, flags);
}

/** In a shard's run the document may be in another shard: the shard looked in, for the message. */
function inShard(shard: Shard | null | undefined): string {
  return shard && shard.count > 1 ? ` in shard ${shard.index + 1}/${shard.count}` : '';
}
