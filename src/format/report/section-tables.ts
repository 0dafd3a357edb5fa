// The report's sections that are lists rather than charts, as HTML tables: the overview, terms
// and bigrams per language, distinctive terms, duplicate groups, boilerplate lines, quality
// flags. Every cell is escaped; a list the page cuts says how many it left out.

import type { DocumentKeyTerms } from '../../core/stats/distinctive.js';
import type { Summary } from '../../core/summary/sections.js';
import { count, escapeHtml } from './escape.js';

/** A cell: text (escaped here) or a number (right-aligned, with separators). */
export type Cell = string | number;

/** An HTML table with a caption, a header row and rows of cells. */
export function htmlTable(caption: string, head: string[], rows: Cell[][], className = ''): string {
  const cell = (c: Cell, tag: 'td' | 'th') =>
    typeof c === 'number' ? `<${tag} class="n">${count(c)}</${tag}>` : `<${tag}>${escapeHtml(c)}</${tag}>`;
  const cls = className === '' ? '' : ` class="${className}"`;
  if (rows.length === 0) return `<p class="empty"><strong>${escapeHtml(caption)}</strong>: none.</p>`;
  return (
    `<table${cls}><caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** A dim line under a list saying how many items it left out; empty when none. */
export function moreLine(left: number, what: string, where: string): string {
  return left > 0 ? `<p class="more">and ${count(left)} more ${escapeHtml(what)} (${escapeHtml(where)})</p>` : '';
}

/** The overview: the figures of `summarise`'s first section. */
export function overviewTable(o: Summary['overview']): string {
  const rows: Cell[][] = [
    ['documents', o.documents],
    ['bytes', o.bytes],
    ['words', o.words],
    ['distinct words', o.distinctWords],
    ['type/token ratio', String(o.typeTokenRatio)],
    ['words a document', `mean ${count(o.meanWords)}, median ${count(o.medianWords)}`],
    ['shortest', o.shortest ? `${o.shortest.id} (${count(o.shortest.words)} words)` : '—'],
    ['longest', o.longest ? `${o.longest.id} (${count(o.longest.words)} words)` : '—'],
    ['dates', o.dateRange ? `${o.dateRange.from} … ${o.dateRange.to}` : '—'],
    ['without date', o.undated],
    ['without title', o.untitled],
  ];
  return htmlTable('The corpus in figures', ['', ''], rows, 'overview');
}

/** Languages whose terms are shown unfolded. */
const LANGUAGES_OPEN = 3;

/** Top terms and bigrams, a pair of tables per language. */
export function vocabularyTables(v: Summary['vocabulary'], languageName: (code: string) => string): string {
  if (v.languages.length === 0) return '<p>No words.</p>';
  return v.languages
    .map((l, i) => {
      const name = languageName(l.lang);
      const terms = htmlTable(
        `Top terms, ${name}`,
        ['term', 'count', 'documents'],
        l.terms.map((t) => [t.form, t.count, t.docs]),
      );
      const bigrams = htmlTable(
        `Top bigrams, ${name}`,
        ['bigram', 'count', 'documents'],
        l.bigrams.map((t) => [t.form, t.count, t.docs]),
      );
      // A corpus of many languages would make a long page: each language folds, the first open.
      return (
        `<details${i < LANGUAGES_OPEN ? ' open' : ''}><summary>${escapeHtml(name)}: ${count(l.tokens)} words, ` +
        `${count(l.types)} distinct</summary>` +
        `<div class="pair"><div>${terms}${moreLine(l.more.terms, 'terms', 'a larger --top shows them')}</div>` +
        `<div>${bigrams}${moreLine(l.more.bigrams, 'bigrams', 'a larger --top shows them')}</div></div></details>`
      );
    })
    .join('');
}

/** The first `top` documents with distinctive terms, and their terms. */
export function distinctiveTable(d: Summary['distinctive'], top: number): string {
  // One walk of the documents (they are read from disk: see core/summary/lazy-list.ts).
  const shown: DocumentKeyTerms[] = [];
  let withTerms = 0;
  for (const x of d.documents) {
    if (x === undefined || x.terms.length === 0) continue;
    if (withTerms++ < top) shown.push(x);
  }
  return (
    `<p class="note">${escapeHtml(d.measure)}.</p>` +
    htmlTable(
      'Distinctive terms of the first documents',
      ['document', 'language', 'terms'],
      shown.map((x) => [x.id, x.lang, x.terms.map((t) => t.term).join(', ')]),
    ) +
    moreLine(
      withTerms - shown.length,
      'documents',
      'summarise --json has all; the table below shows each sampled document’s',
    )
  );
}

/** Exact and near-duplicate groups, the first `top` of each. */
export function duplicatesTables(d: Summary['duplicates'], top: number): string {
  const { shingleWords, permutations, threshold } = d.method;
  const exact = d.exact.slice(0, top);
  const near = d.near.slice(0, top);
  return (
    htmlTable(
      'Exact duplicates (same body hash)',
      ['group', 'documents', 'ids'],
      exact.map((g, i) => [i + 1, g.ids.length, g.ids.join(' ')]),
    ) +
    moreLine(d.exact.length - exact.length, 'groups', 'summarise --json has all') +
    htmlTable(
      `Near duplicates (MinHash over ${shingleWords}-word shingles, ${permutations} permutations, Jaccard ≥ ${threshold})`,
      ['group', 'documents', 'similarity', 'ids'],
      near.map((g, i) => [i + 1, g.ids.length, g.similarity.toFixed(2), g.ids.join(' ')]),
    ) +
    moreLine(d.near.length - near.length, 'groups', 'summarise --json has all')
  );
}

/** Lines shared across documents, and the most common boilerplate lines. */
export function boilerplateTables(b: Summary['boilerplate']): string {
  return (
    `<p>${count(b.documents)} documents hold ${count(b.lines)} lines of boilerplate proper (interface strings, teasers, captions, page furniture, recurring lines).</p>` +
    htmlTable(
      'Lines shared across documents',
      ['line', 'documents', 'occurrences'],
      b.shared.map((l) => [l.text, l.documents, l.occurrences]),
    ) +
    moreLine(b.more.shared, 'lines', 'a larger --top shows them') +
    htmlTable(
      'Most common boilerplate lines',
      ['line', 'documents', 'occurrences'],
      b.top.map((l) => [l.text, l.documents, l.occurrences]),
    ) +
    moreLine(b.more.top, 'lines', 'a larger --top shows them')
  );
}

/** Ids listed per flag in the quality table. */
const IDS_SHOWN = 5;

/** The documents carrying each flag. */
export function qualityTable(q: Summary['quality']): string {
  return htmlTable(
    'Documents per flag',
    ['flag', 'documents', 'first documents'],
    q.map((f) => [
      f.flag,
      f.documents,
      f.ids.slice(0, IDS_SHOWN).join(' ') +
        (f.ids.length > IDS_SHOWN ? ` and ${count(f.ids.length - IDS_SHOWN)} more` : ''),
    ]),
  );
}
