// The terminal view of each summary section: one function a section, found by the section's
// name. A view gives the section's lines: its title, its tables, its notes.

import type { OverviewSection, Overview } from '../core/summary/overview.js';
import type { SectionName, Summary } from '../core/summary/sections.js';
import { bar, moreText, num, sparkline, type Countable, type SummaryDraw } from './summary-draw.js';

/** Columns an id (or another name from the data) is cut to in a list: ids are 20 characters. */
const ID_WIDTH = 40;

// The nouns of the lines saying what a list left out (`and 3 more sources`).
const LANGUAGES: Countable = ['language', 'languages'];
const SOURCES: Countable = ['source', 'sources'];
const TERMS: Countable = ['term', 'terms'];
const BIGRAMS: Countable = ['bigram', 'bigrams'];
const NAMES: Countable = ['name', 'names'];
const DOCUMENTS: Countable = ['document', 'documents'];
const EXACT_GROUPS: Countable = ['exact group', 'exact groups'];
const NEAR_GROUPS: Countable = ['near-duplicate group', 'near-duplicate groups'];
const LINES: Countable = ['line', 'lines'];

/** Draws one section. */
type SectionView<T> = (section: T, draw: SummaryDraw) => string[];

/** Each section's view, by name. */
export const SECTION_VIEWS: { [K in SectionName]: SectionView<Summary[K]> } = {
  overview: overviewView,
  languages: languagesView,
  timeline: timelineView,
  sources: sourcesView,
  lengths: lengthsView,
  vocabulary: vocabularyView,
  names: namesView,
  distinctive: distinctiveView,
  duplicates: duplicatesView,
  boilerplate: boilerplateView,
  quality: qualityView,
};

function overviewRows(o: Overview, cut: SummaryDraw['cut']): [string, string][] {
  return [
    ['documents', num(o.documents)],
    ['bytes', num(o.bytes)],
    ['words', `${num(o.words)} (${num(o.distinctWords)} distinct, type/token ${o.typeTokenRatio})`],
    ['words a document', `mean ${o.meanWords}, median ${o.medianWords}`],
    ['shortest', o.shortest ? `${cut(o.shortest.id, ID_WIDTH)} (${num(o.shortest.words)} words)` : '—'],
    ['longest', o.longest ? `${cut(o.longest.id, ID_WIDTH)} (${num(o.longest.words)} words)` : '—'],
    ['dates', o.dateRange ? `${o.dateRange.from} … ${o.dateRange.to}` : '—'],
    ['without date', num(o.undated)],
    ['without title', num(o.untitled)],
  ];
}

function overviewView(o: OverviewSection, { chalk, title, table, cut, width }: SummaryDraw): string[] {
  const lines = [title('Overview'), table([], overviewRows(o, cut))];
  for (const g of o.groups ?? []) {
    lines.push(
      '',
      `${chalk.bold(`${g.by} ${cut(g.group, width - g.by.length - 1)}`)}`,
      table([], overviewRows(g.overview, cut)),
    );
  }
  return lines;
}

function languagesView(
  l: Summary['languages'],
  { chalk, title, table, cut, top, barWidth, more }: SummaryDraw,
): string[] {
  const max = Math.max(...l.languages.map((x) => x.documents), 0);
  return [
    title('Languages'),
    table(
      ['LANG', 'NAME', 'DOCS', 'WORDS', ''],
      l.languages
        .slice(0, top)
        .map((x) => [
          cut(x.lang, ID_WIDTH),
          x.name ?? '',
          x.documents,
          num(x.words),
          chalk.cyan(bar(x.documents, max, barWidth)),
        ]),
      ['left', 'left', 'right', 'right', 'left'],
    ),
    // The summary keeps every language; the view shows `--top` of them.
    ...more(l.languages.length - top, LANGUAGES, 'json'),
    chalk.dim(`  mixed-language documents: ${l.mixed}, undetermined (und): ${l.und}`),
  ];
}

function timelineView(t: Summary['timeline'], { chalk, title, table, cut, barWidth }: SummaryDraw): string[] {
  const lines = [title(`Timeline (documents per ${t.unit})`)];
  if (t.periods.length === 0) lines.push(chalk.dim('  no dated documents'));
  else {
    const max = Math.max(...t.periods.map((p) => p.documents));
    lines.push(
      `  ${chalk.cyan(sparkline(t.periods.map((p) => p.documents)))}  ${t.periods[0]?.period} … ${t.periods[t.periods.length - 1]?.period}`,
    );
    const shown = t.periods.filter((p) => p.documents > 0);
    lines.push(
      table(
        [],
        shown.map((p) => [cut(p.period, ID_WIDTH), p.documents, chalk.cyan(bar(p.documents, max, barWidth))]),
        ['left', 'right', 'left'],
      ),
    );
    const gaps = t.periods.length - shown.length;
    if (gaps > 0) lines.push(chalk.dim(`  and ${gaps} ${t.unit}s with no document`));
  }
  lines.push(chalk.dim(`  undated: ${t.undated}${t.yearOnly > 0 ? `, dated to the year only: ${t.yearOnly}` : ''}`));
  return lines;
}

function sourcesView(s: Summary['sources'], { chalk, title, table, cut, barWidth, more }: SummaryDraw): string[] {
  const max = Math.max(...s.sources.map((x) => x.documents), 0);
  const lines = [title('Sources')];
  if (s.sources.length > 0)
    lines.push(
      table(
        ['SOURCE', 'DOCS', ''],
        s.sources.map((x) => [cut(x.source, 40), x.documents, chalk.cyan(bar(x.documents, max, barWidth))]),
        ['left', 'right', 'left'],
      ),
    );
  lines.push(...more(s.more.sources, SOURCES, 'top'), chalk.dim(`  no source named: ${s.unknown}`));
  return lines;
}

function lengthsView({ bins }: Summary['lengths'], { chalk, title, table, barWidth }: SummaryDraw): string[] {
  const max = Math.max(...bins.map((x) => x.documents), 0);
  return [
    title('Lengths (words)'),
    table(
      ['WORDS', 'DOCS', ''],
      bins.map((x) => [
        x.to === null ? `${num(x.from)}+` : `${num(x.from)}–${num(x.to - 1)}`,
        x.documents,
        chalk.cyan(bar(x.documents, max, barWidth)),
      ]),
      ['right', 'right', 'left'],
    ),
  ];
}

function vocabularyView(v: Summary['vocabulary'], { chalk, title, table, cut }: SummaryDraw): string[] {
  const lines = [title('Vocabulary (stop words removed)')];
  for (const l of v.languages) {
    lines.push(
      chalk.bold(`  ${cut(l.lang, ID_WIDTH)}`) +
        chalk.dim(`  ${num(l.tokens)} words, ${num(l.types)} distinct, type/token ${l.typeTokenRatio}`),
    );
    // Terms and bigrams side by side, the shorter list padded with empty cells.
    const rows = Math.max(l.terms.length, l.bigrams.length);
    const cells: (string | number)[][] = [];
    for (let i = 0; i < rows; i++) {
      const t = l.terms[i];
      const b = l.bigrams[i];
      cells.push([
        t ? cut(t.form, 24) : '',
        t ? t.count : '',
        t ? t.docs : '',
        b ? cut(b.form, 32) : '',
        b ? b.count : '',
      ]);
    }
    lines.push(table(['TERM', 'COUNT', 'DOCS', 'BIGRAM', 'COUNT'], cells, ['left', 'right', 'right', 'left', 'right']));
    const left = moreText(
      [
        [l.more.terms, TERMS],
        [l.more.bigrams, BIGRAMS],
      ],
      'top',
    );
    if (left !== '') lines.push(chalk.dim(`  ${left}`));
  }
  return lines;
}

function namesView({ names, more: left }: Summary['names'], { chalk, title, table, cut, more }: SummaryDraw): string[] {
  return [
    title('Names'),
    names.length > 0
      ? table(
          ['NAME', 'COUNT'],
          names.map((x) => [cut(x.name, 40), x.count]),
          ['left', 'right'],
        )
      : chalk.dim('  none seen twice'),
    ...more(left.names, NAMES, 'top'),
  ];
}

function distinctiveView(
  d: Summary['distinctive'],
  { chalk, title, table, cut, top, width, more }: SummaryDraw,
): string[] {
  const docs = d.documents.slice(0, top).filter((x) => x !== undefined);
  const lines = [
    title('Distinctive terms') + chalk.dim(`  (${d.measure})`),
    table(
      ['ID', 'TERMS'],
      docs.map((x) => [
        chalk.cyan(cut(x.id, 24)),
        cut(
          x.terms
            .slice(0, 6)
            .map((t) => t.term)
            .join(', ') || '—',
          Math.max(20, width - 30),
        ),
      ]),
    ),
  ];
  lines.push(...more(d.documents.length - docs.length, DOCUMENTS, 'json'));
  return lines;
}

function duplicatesView(d: Summary['duplicates'], { chalk, title, cut, top, more }: SummaryDraw): string[] {
  const { shingleWords, permutations, threshold } = d.method;
  const lines = [
    title('Duplicates') +
      chalk.dim(`  (MinHash, ${shingleWords}-word shingles, ${permutations} permutations, Jaccard ≥ ${threshold})`),
  ];
  if (d.exact.length === 0 && d.near.length === 0) lines.push(chalk.dim('  none'));
  const ids = (list: string[]) => list.map((id) => cut(id, ID_WIDTH)).join(', ');
  // The summary keeps every group; the view shows `--top` of each kind.
  for (const g of d.exact.slice(0, top)) lines.push(`  exact  ${ids(g.ids)}`);
  lines.push(...more(d.exact.length - top, EXACT_GROUPS, 'json'));
  for (const g of d.near.slice(0, top))
    lines.push(`  near   ${ids(g.ids)}  ${chalk.dim(`similarity ${g.similarity}`)}`);
  lines.push(...more(d.near.length - top, NEAR_GROUPS, 'json'));
  return lines;
}

function boilerplateView(b: Summary['boilerplate'], { chalk, title, table, cut, width, more }: SummaryDraw): string[] {
  const lines = [
    title('Boilerplate') + chalk.dim(`  (${b.lines} lines in ${b.documents} documents)`),
    chalk.dim('  lines found in more than one document:'),
    b.shared.length > 0
      ? table(
          ['DOCS', 'LINE'],
          b.shared.map((x) => [x.documents, cut(x.text, width - 12)]),
          ['right', 'left'],
        )
      : chalk.dim('    none'),
    ...more(b.more.shared, LINES, 'top'),
  ];
  if (b.top.length > 0) {
    lines.push(
      chalk.dim('  boilerplate lines, most documents first:'),
      table(
        ['DOCS', 'TIMES', 'LINE'],
        b.top.map((x) => [x.documents, x.occurrences, cut(x.text, width - 20)]),
        ['right', 'right', 'left'],
      ),
      ...more(b.more.top, LINES, 'top'),
    );
  }
  return lines;
}

function qualityView(q: Summary['quality'], { title, table, cut, width }: SummaryDraw): string[] {
  return [
    title('Quality flags'),
    table(
      ['FLAG', 'DOCS', 'IDS'],
      q.map((x) => [x.flag, x.documents, cut(x.ids.join(', '), Math.max(20, width - 30))]),
      ['left', 'right', 'left'],
    ),
  ];
}
