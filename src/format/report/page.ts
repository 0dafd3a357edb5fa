// The report as one self-contained HTML page (docs/spec.md §5, report): the overview, the charts
// with their tables, the lists of `summarise`, and the document table, whose rows travel as JSON
// in the page and are drawn by its inline script. Nothing is fetched when the page is opened.

import type { ReportData, SampledDocument } from '../../core/report/index.js';
import { reportCharts, type Chart } from './charts.js';
import { count, escapeHtml, scriptJson } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import {
  boilerplateTables,
  distinctiveTable,
  duplicatesTables,
  htmlTable,
  overviewTable,
  qualityTable,
  vocabularyTables,
} from './section-tables.js';
import { COMMON_FLAGS, FLAGGED_CAP, SAMPLE_SIZE } from '../../core/report/document-sample.js';

/** What the page says about its making. */
export interface ReportPageOptions {
  /** Rows per list. */
  top: number;
  /** The tool's version. */
  version: string;
  /** When the report was made (ISO 8601). */
  generated: string;
  /** What was read: the paths and filters, as one line. */
  corpus: string;
  /** Language code → name; null when unknown. */
  languageName: (code: string) => string | null;
}

/** A row of the table as the page's script reads it (arrays: the JSON is a fifth the size). */
type PageRow = [
  string,
  string | null,
  string,
  string | null,
  string | null,
  number,
  string[],
  string | null,
  0 | 1,
  [number, string][],
  string,
];

/** The rows of the document table, with each document's distinctive terms. */
export function pageRows(data: ReportData): PageRow[] {
  const terms = new Map<string, string>();
  const wanted = new Set(data.documents.map((d) => d.id));
  for (const k of data.summary.distinctive.documents) {
    if (k !== undefined && wanted.has(k.id))
      terms.set(
        k.id,
        k.terms
          .slice(0, 8)
          .map((t) => t.term)
          .join(', '),
      );
  }
  return data.documents.map((d: SampledDocument) => [
    d.id,
    d.date,
    d.lang,
    d.source,
    d.title,
    d.words,
    d.flags,
    d.lines === null ? null : d.lines.join('\n'),
    d.cut ? 1 : 0,
    d.boilerplate,
    terms.get(d.id) ?? '',
  ]);
}

/** What the table holds, said in the page. */
export function sampleSentence(data: ReportData): string {
  const { rule } = data;
  const textCap = `Each document keeps the first ${count(rule.textCap)} bytes of its text at most.`;
  if (rule.documents <= SAMPLE_SIZE)
    return `The table holds every document of the corpus (${count(rule.documents)}). ${textCap}`;
  const common = [...COMMON_FLAGS].join(' and ');
  let text =
    `The table holds ${count(rule.rows)} of the ${count(rule.documents)} documents: ${count(SAMPLE_SIZE)} drawn at random ` +
    `(a uniform sample, the same for the same corpus) and every document with a flag other than ${common} ` +
    `(${count(rule.flagged)})`;
  if (rule.flaggedKept < rule.flagged)
    text += `, the first ${count(FLAGGED_CAP)} of them in corpus order (${count(rule.flagged - rule.flaggedKept)} more are not in the table: list --flag finds them)`;
  return `${text}. ${textCap}`;
}

function figure(chart: Chart): string {
  const table = htmlTable(`${chart.title}: the figures`, [chart.head[0], chart.head[1]], chart.rows);
  const drawn =
    chart.svg === ''
      ? `<p class="note">Nothing to draw.</p>`
      : `<div class="chart" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.summary}`)}">${chart.svg}</div>`;
  return (
    `<figure id="chart-${chart.id}"><h3>${escapeHtml(chart.title)}</h3>${drawn}` +
    `<figcaption>${escapeHtml(chart.summary)}</figcaption>` +
    `<details><summary>${escapeHtml(chart.title)} as a table</summary>${table}</details></figure>`
  );
}

function cards(data: ReportData): string {
  const o = data.summary.overview;
  const card = (value: string, key: string) =>
    `<div class="card"><div class="v">${escapeHtml(value)}</div><div class="k">${escapeHtml(key)}</div></div>`;
  return (
    `<div class="cards">${card(count(o.documents), 'documents')}${card(count(o.words), 'words')}` +
    card(count(data.summary.languages.languages.length), 'languages') +
    card(count(data.summary.sources.sources.length + data.summary.sources.more.sources), 'named sources') +
    card(o.dateRange ? `${o.dateRange.from.slice(0, 7)} – ${o.dateRange.to.slice(0, 7)}` : '—', 'dates') +
    card(count(o.medianWords), 'median words') +
    `</div>`
  );
}

function documentTable(data: ReportData, name: (code: string) => string): string {
  const langs = [...new Set(data.documents.map((d) => d.lang))].sort();
  const options = langs.map((l) => `<option value="${escapeHtml(l)}">${escapeHtml(name(l))}</option>`).join('');
  const heads = ['id', 'date', 'language', 'source', 'title', 'words', 'flags'];
  return (
    `<p class="note">${escapeHtml(sampleSentence(data))} Sort by a column with its heading; ` +
    `a row opens with Enter or a click, its boilerplate lines dimmed.</p>` +
    `<div class="controls"><label for="doc-filter">Filter<input id="doc-filter" type="search" placeholder="id, title, source, date, flag"></label>` +
    `<label for="doc-lang">Language<select id="doc-lang"><option value="">all languages</option>${options}</select></label>` +
    `<p id="doc-count" role="status" aria-live="polite"></p></div>` +
    `<div class="table-wrap"><table id="documents"><caption class="note">Documents of the table</caption><thead><tr>` +
    heads
      .map(
        (h) =>
          `<th scope="col" aria-sort="none"${h === 'words' ? ' class="n"' : ''}><button type="button">${h}</button></th>`,
      )
      .join('') +
    `</tr></thead><tbody></tbody></table></div>` +
    `<dialog id="doc-dialog" aria-labelledby="doc-dialog-title"><div class="dialog-head"><h3 id="doc-dialog-title" dir="auto"></h3>` +
    `<button type="button" class="close">Close</button></div><div class="dialog-body"></div></dialog>`
  );
}

/** The whole page. */
export function reportPage(data: ReportData, options: ReportPageOptions): string {
  const { summary } = data;
  const name = (code: string) => {
    const n = options.languageName(code);
    return n ? `${n} (${code})` : code;
  };
  const charts = reportCharts(summary, options.top);
  const languages = Object.fromEntries(
    [...new Set(data.documents.map((d) => d.lang))].map((l) => [l, options.languageName(l) ?? l]),
  );
  const json = scriptJson({ textCap: data.rule.textCap, languages, rows: pageRows(data) });
  const sections: [string, string, string][] = [
    ['overview', 'Overview', cards(data) + overviewTable(summary.overview)],
    ['charts', 'Charts', charts.map(figure).join('')],
    ['vocabulary', 'Top terms and bigrams', vocabularyTables(summary.vocabulary, name)],
    ['distinctive', 'Distinctive terms', distinctiveTable(summary.distinctive, options.top)],
    ['duplicates', 'Duplicates', duplicatesTables(summary.duplicates, options.top)],
    ['boilerplate', 'Boilerplate', boilerplateTables(summary.boilerplate)],
    ['quality', 'Quality flags', qualityTable(summary.quality)],
    ['table', 'Documents', documentTable(data, name)],
  ];
  const nav = sections.map(([id, title]) => `<li><a href="#${id}">${escapeHtml(title)}</a></li>`).join('');
  const body = sections
    .map(
      ([id, title, html]) =>
        `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(title)}</h2>${html}</section>`,
    )
    .join('\n');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="corpus ${escapeHtml(options.version)}">` +
    // No request leaves the page: not even for an icon.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">` +
    `<link rel="icon" href="data:,">` +
    `<title>Corpus report: ${count(summary.overview.documents)} documents</title><style>${PAGE_STYLE}</style></head>\n<body>` +
    `<header><h1>Corpus report</h1><p class="meta">${escapeHtml(options.corpus)} · ${count(summary.overview.documents)} documents · ` +
    `made ${escapeHtml(options.generated)} by corpus ${escapeHtml(options.version)}</p><nav aria-label="sections"><ul>${nav}</ul></nav></header>\n` +
    `<main>${body}</main>\n<footer>Made by <code>corpus report</code>; the figures are those of <code>corpus summarise --json</code> on the same corpus and filters.</footer>\n` +
    `<script type="application/json" id="report-data">${json}</script>\n<script>${PAGE_SCRIPT}</script>\n</body></html>\n`
  );
}
