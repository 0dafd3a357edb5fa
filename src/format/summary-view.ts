// Draws a summary for a terminal: a titled block per section, tables from cli-table3, bars and
// sparklines in Unicode block characters; and flattens it into rows for TSV and CSV.

import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { SectionName, Summary } from '../core/summary/index.js';
import type { Overview } from '../core/summary/overview.js';
import { visibleCell } from './sanitize.js';
import { truncateToWidth } from './table.js';

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = '▁▂▃▄▅▆▇█';

/** A horizontal bar of `value / max` of `width` cells, in eighths. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (BLOCKS[eighths % 8] ?? '');
}

/** A sparkline: one block character a value, scaled to the largest; a zero is a dot, so gaps show. */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => (v === 0 || max === 0 ? '·' : (SPARKS[Math.min(7, Math.ceil((v / max) * 8) - 1)] as string)))
    .join('');
}

const PLAIN_TABLE = {
  chars: {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '  ',
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: '  ',
  },
  style: { head: [] as string[], border: [] as string[], 'padding-left': 0, 'padding-right': 0 },
};

function table(
  head: string[],
  rows: (string | number)[][],
  chalk: ChalkInstance,
  aligns?: ('left' | 'right')[],
): string {
  const t = new Table({
    ...PLAIN_TABLE,
    head: head.map((h) => chalk.dim(h)),
    colAligns: aligns ?? head.map(() => 'left'),
  });
  for (const r of rows) t.push(r.map((c) => (typeof c === 'number' ? String(c) : c)));
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

const num = (n: number) => n.toLocaleString('en-US');

function overviewRows(o: Overview): [string, string][] {
  return [
    ['documents', num(o.documents)],
    ['bytes', num(o.bytes)],
    ['words', `${num(o.words)} (${num(o.distinctWords)} distinct, type/token ${o.typeTokenRatio})`],
    ['words a document', `mean ${o.meanWords}, median ${o.medianWords}`],
    ['shortest', o.shortest ? `${visibleCell(o.shortest.id)} (${num(o.shortest.words)} words)` : '—'],
    ['longest', o.longest ? `${visibleCell(o.longest.id)} (${num(o.longest.words)} words)` : '—'],
    ['dates', o.dateRange ? `${o.dateRange.from} … ${o.dateRange.to}` : '—'],
    ['without date', num(o.undated)],
    ['without title', num(o.untitled)],
  ];
}

/** The terminal view of the chosen sections. */
export function summaryView(
  summary: Partial<Summary>,
  sections: readonly SectionName[],
  chalk: ChalkInstance,
  width: number,
  top: number,
): string {
  const blocks: string[] = [];
  const title = (t: string) => chalk.bold.underline(t);
  const barWidth = Math.max(10, Math.min(40, width - 50));
  const cut = (s: string, w: number) => truncateToWidth(visibleCell(s), w);
  for (const name of sections) {
    const lines: string[] = [];
    switch (name) {
      case 'overview': {
        const o = summary.overview;
        if (!o) break;
        lines.push(title('Overview'), table([], overviewRows(o), chalk));
        for (const g of o.groups ?? []) {
          lines.push(
            '',
            `${chalk.bold(`${g.by} ${visibleCell(g.group)}`)}`,
            table([], overviewRows(g.overview), chalk),
          );
        }
        break;
      }
      case 'languages': {
        const l = summary.languages;
        if (!l) break;
        const max = Math.max(...l.languages.map((x) => x.documents), 0);
        lines.push(
          title('Languages'),
          table(
            ['LANG', 'NAME', 'DOCS', 'WORDS', ''],
            l.languages
              .slice(0, top)
              .map((x) => [
                x.lang,
                x.name ?? '',
                x.documents,
                num(x.words),
                chalk.cyan(bar(x.documents, max, barWidth)),
              ]),
            chalk,
            ['left', 'left', 'right', 'right', 'left'],
          ),
        );
        lines.push(chalk.dim(`  mixed-language documents: ${l.mixed}, undetermined (und): ${l.und}`));
        break;
      }
      case 'timeline': {
        const t = summary.timeline;
        if (!t) break;
        lines.push(title(`Timeline (documents per ${t.unit})`));
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
              shown.map((p) => [p.period, p.documents, chalk.cyan(bar(p.documents, max, barWidth))]),
              chalk,
              ['left', 'right', 'left'],
            ),
          );
          const gaps = t.periods.length - shown.length;
          if (gaps > 0) lines.push(chalk.dim(`  and ${gaps} ${t.unit}s with no document`));
        }
        lines.push(
          chalk.dim(`  undated: ${t.undated}${t.yearOnly > 0 ? `, dated to the year only: ${t.yearOnly}` : ''}`),
        );
        break;
      }
      case 'sources': {
        const s = summary.sources;
        if (!s) break;
        const max = Math.max(...s.sources.map((x) => x.documents), 0);
        lines.push(title('Sources'));
        if (s.sources.length > 0)
          lines.push(
            table(
              ['SOURCE', 'DOCS', ''],
              s.sources.map((x) => [cut(x.source, 40), x.documents, chalk.cyan(bar(x.documents, max, barWidth))]),
              chalk,
              ['left', 'right', 'left'],
            ),
          );
        lines.push(chalk.dim(`  no source named: ${s.unknown}`));
        break;
      }
      case 'lengths': {
        const b = summary.lengths?.bins;
        if (!b) break;
        const max = Math.max(...b.map((x) => x.documents), 0);
        lines.push(
          title('Lengths (words)'),
          table(
            ['WORDS', 'DOCS', ''],
            b.map((x) => [
              x.to === null ? `${num(x.from)}+` : `${num(x.from)}–${num(x.to - 1)}`,
              x.documents,
              chalk.cyan(bar(x.documents, max, barWidth)),
            ]),
            chalk,
            ['right', 'right', 'left'],
          ),
        );
        break;
      }
      case 'vocabulary': {
        const v = summary.vocabulary;
        if (!v) break;
        lines.push(title('Vocabulary (stop words removed)'));
        for (const l of v.languages) {
          lines.push(
            chalk.bold(`  ${l.lang}`) +
              chalk.dim(`  ${num(l.tokens)} words, ${num(l.types)} distinct, type/token ${l.typeTokenRatio}`),
          );
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
          lines.push(
            table(['TERM', 'COUNT', 'DOCS', 'BIGRAM', 'COUNT'], cells, chalk, [
              'left',
              'right',
              'right',
              'left',
              'right',
            ]),
          );
        }
        break;
      }
      case 'names': {
        const n = summary.names;
        if (!n) break;
        lines.push(
          title('Names'),
          n.length > 0
            ? table(
                ['NAME', 'COUNT'],
                n.map((x) => [cut(x.name, 40), x.count]),
                chalk,
                ['left', 'right'],
              )
            : chalk.dim('  none seen twice'),
        );
        break;
      }
      case 'distinctive': {
        const d = summary.distinctive;
        if (!d) break;
        lines.push(title('Distinctive terms') + chalk.dim(`  (${d.measure})`));
        const docs = d.documents.slice(0, top);
        lines.push(
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
            chalk,
          ),
        );
        if (d.documents.length > docs.length)
          lines.push(chalk.dim(`  and ${d.documents.length - docs.length} more documents (--json has all)`));
        break;
      }
      case 'duplicates': {
        const d = summary.duplicates;
        if (!d) break;
        lines.push(
          title('Duplicates') +
            chalk.dim(
              `  (MinHash, ${d.method.shingleWords}-word shingles, ${d.method.permutations} permutations, Jaccard ≥ ${d.method.threshold})`,
            ),
        );
        if (d.exact.length === 0 && d.near.length === 0) lines.push(chalk.dim('  none'));
        for (const g of d.exact.slice(0, top)) lines.push(`  exact  ${g.ids.map(visibleCell).join(', ')}`);
        for (const g of d.near.slice(0, top))
          lines.push(`  near   ${g.ids.map(visibleCell).join(', ')}  ${chalk.dim(`similarity ${g.similarity}`)}`);
        break;
      }
      case 'boilerplate': {
        const b = summary.boilerplate;
        if (!b) break;
        lines.push(title('Boilerplate') + chalk.dim(`  (${b.lines} lines in ${b.documents} documents)`));
        lines.push(chalk.dim('  lines found in more than one document:'));
        lines.push(
          b.shared.length > 0
            ? table(
                ['DOCS', 'LINE'],
                b.shared.map((x) => [x.documents, cut(x.text, width - 12)]),
                chalk,
                ['right', 'left'],
              )
            : chalk.dim('    none'),
        );
        if (b.top.length > 0) {
          lines.push(chalk.dim('  boilerplate lines, most documents first:'));
          lines.push(
            table(
              ['DOCS', 'TIMES', 'LINE'],
              b.top.map((x) => [x.documents, x.occurrences, cut(x.text, width - 20)]),
              chalk,
              ['right', 'right', 'left'],
            ),
          );
        }
        break;
      }
      case 'quality': {
        const q = summary.quality;
        if (!q) break;
        lines.push(
          title('Quality flags'),
          table(
            ['FLAG', 'DOCS', 'IDS'],
            q.map((x) => [x.flag, x.documents, cut(x.ids.join(', '), Math.max(20, width - 30))]),
            chalk,
            ['left', 'right', 'left'],
          ),
        );
        break;
      }
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

const ITEM_KEYS = ['lang', 'term', 'period', 'source', 'flag', 'id', 'group', 'text', 'name', 'from'];

/** Flattens sections into `[section, key, value]` rows: dotted keys, list items named by their id. */
export function summaryRows(
  summary: Partial<Summary>,
  sections: readonly SectionName[],
): [string, string, string | number | boolean | null][] {
  const rows: [string, string, string | number | boolean | null][] = [];
  const walk = (section: string, prefix: string, value: unknown) => {
    if (value === null || typeof value !== 'object') {
      rows.push([section, prefix, value as string | number | boolean | null]);
      return;
    }
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) {
        rows.push([section, prefix, value.join(',')]);
        return;
      }
      value.forEach((item, i) => {
        const named = ITEM_KEYS.find((k) => item && typeof item === 'object' && k in item);
        const label = named ? String((item as Record<string, unknown>)[named]) : String(i);
        walk(section, prefix ? `${prefix}.${label}` : label, item);
      });
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(section, prefix ? `${prefix}.${k}` : k, v);
  };
  for (const s of sections) if (summary[s] !== undefined) walk(s, '', summary[s]);
  return rows;
}
