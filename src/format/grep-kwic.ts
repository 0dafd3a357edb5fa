// `grep --kwic`: the matching documents' hits as a keyword-in-context concordance, sorted as
// asked, written as a table (ID, LINE, LEFT, MATCH, RIGHT) in the output format; JSON and JSON
// Lines also give each row its column, path and document, as the other grep modes do.

import type { KwicRow, KwicSort } from '../core/search/kwic.js';
import type { GrepDocument } from '../core/search/grep-settle.js';
import type { DocumentRecord } from '../core/types.js';
import type { DocInfo } from './grep-output.js';
import type { GrepRowsOptions } from './grep-rows.js';
import { createRowWriter } from './row-writer.js';

/** A concordance row with the document it comes from. */
interface KwicDocRow extends KwicRow {
  path: string;
  doc: DocInfo | null;
}

/** The metadata of a document the rows show. */
const info = (r: DocumentRecord): DocInfo => ({ title: r.title, lang: r.lang, date: r.date, source: r.source });

/**
 * Prints the concordance of the matching documents' hits, `width` characters of context a side;
 * resolves to how many documents matched. Every row is held: the concordance is sorted.
 */
export async function printKwic(
  found: AsyncIterable<GrepDocument[]>,
  width: number,
  sort: KwicSort | undefined,
  options: GrepRowsOptions,
): Promise<number> {
  // The concordance's module sets up a collator (ICU data, milliseconds): loaded only for it.
  const kwic = await import('../core/search/kwic.js');
  const { Columns } = await import('../core/search/grep.js');
  const rows: KwicDocRow[] = [];
  let matched = 0;
  let doc: DocInfo | null = null;
  const collect = (batch: GrepDocument[]): void => {
    for (const { search: result, record } of batch) {
      if (!result.continued) {
        matched++;
        doc = record ? info(record) : null;
      }
      const { id, path } = result.doc;
      for (const hit of result.hits) {
        const columns = new Columns(hit.text);
        for (const m of hit.matches) {
          const row = kwic.kwicRow(id, hit.line, columns.of(m.start), hit.text, m.start, m.end, width);
          rows.push({ ...row, path, doc });
        }
      }
    }
  };
  for await (const batch of found) collect(batch);
  if (sort) kwic.sortKwic(rows, sort);
  await writeKwicTable(rows, options);
  return matched;
}

/** Writes the concordance's rows in the output format. */
async function writeKwicTable(rows: KwicDocRow[], options: GrepRowsOptions): Promise<void> {
  const writer = createRowWriter<KwicDocRow>({
    format: options.format,
    columns: [
      { key: 'id', header: 'ID', value: (r) => r.id, style: (t, _r, c) => c.magenta(t) },
      { key: 'line', header: 'LINE', value: (r) => r.line, align: 'right', style: (t, _r, c) => c.green(t) },
      { key: 'left', header: 'LEFT', value: (r) => r.left, text: (r) => r.left.trimEnd(), align: 'right' },
      { key: 'match', header: 'MATCH', value: (r) => r.match, style: (t, _r, c) => c.bold.red(t) },
      { key: 'right', header: 'RIGHT', value: (r) => r.right, text: (r) => r.right.trimStart() },
    ],
    out: options.out,
    chalk: options.chalk,
    header: options.header,
    width: options.width,
    json: (r) => ({
      id: r.id,
      path: r.path,
      line: r.line,
      column: r.column,
      left: r.left,
      match: r.match,
      right: r.right,
      doc: r.doc,
    }),
  });
  for (const row of rows) await writer.write(row);
  await writer.end();
}
