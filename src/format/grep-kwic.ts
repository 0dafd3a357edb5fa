// `grep --kwic`: the matching documents' hits as a keyword-in-context concordance, sorted as
// asked, written as a table (ID, LINE, LEFT, MATCH, RIGHT) in the output format; JSON and JSON
// Lines also give each row its column, path and document, as the other grep modes do.

import type { KwicRow, KwicSort } from '../core/search/kwic.js';
import type { GrepDocument } from '../core/search/grep-settle.js';
import type { DocumentRecord } from '../core/types.js';
import type { DocInfo } from './grep-output.js';
import type { GrepRowsOptions } from './grep-rows.js';
import { createRowWriter } from './row-writer.js';
import { displayWidth } from './table.js';

/** A concordance row with the document it comes from. */
interface KwicDocRow extends KwicRow {
  path: string;
  doc: DocInfo | null;
}

/**
 * A left context cut to `width` terminal columns (a CJK character or an emoji takes two, a
 * combining mark none), keeping its end, by the match; a partial first word is dropped unless
 * that drops more than half the width, as core's cut in characters does (core/search/kwic.ts).
 */
export function leftInColumns(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let start = chars.length;
  let used = 0;
  while (start > 0) {
    const w = displayWidth(chars[start - 1] as string);
    if (used + w > width) break;
    used += w;
    start--;
  }
  const cut = chars.slice(start).join('');
  const space = cut.indexOf(' ');
  return space >= 0 && displayWidth(cut.slice(0, space)) <= width / 2 ? cut.slice(space + 1) : cut;
}

/** {@link leftInColumns} for a right context: its start is kept, a partial last word dropped. */
export function rightInColumns(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let cut = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width) break;
    cut += ch;
    used += w;
  }
  const space = cut.lastIndexOf(' ');
  return space >= 0 && displayWidth(cut.slice(0, space)) >= width / 2 ? cut.slice(0, space) : cut;
}

/** The metadata of a document the rows show. */
const info = (r: DocumentRecord): DocInfo => ({ title: r.title, lang: r.lang, date: r.date, source: r.source });

/**
 * Prints the concordance of the matching documents' hits, `width` columns of context a side;
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
          // Core cuts `width` characters a side; a context is `width` columns (docs/spec.md §5, grep).
          row.left = leftInColumns(row.left, width);
          row.right = rightInColumns(row.right, width);
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
      // On a narrow terminal the contexts are cut to 12 columns, on the side away from the
      // match; then the line goes, then the id: a concordance is read in its contexts.
      { key: 'id', header: 'ID', value: (r) => r.id, style: (t, _r, c) => c.magenta(t), drop: 2 },
      {
        key: 'line',
        header: 'LINE',
        value: (r) => r.line,
        align: 'right',
        style: (t, _r, c) => c.green(t),
        drop: 1,
      },
      {
        key: 'left',
        header: 'LEFT',
        value: (r) => r.left,
        text: (r) => r.left.trimEnd(),
        align: 'right',
        minWidth: 12,
        cut: 'start',
      },
      { key: 'match', header: 'MATCH', value: (r) => r.match, style: (t, _r, c) => c.bold.red(t) },
      { key: 'right', header: 'RIGHT', value: (r) => r.right, text: (r) => r.right.trimStart(), minWidth: 12 },
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
