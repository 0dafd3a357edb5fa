// Draws a summary for a terminal, a titled block per section (see summary-section-views.ts);
// and flattens it into rows for TSV and CSV.

import type { ChalkInstance } from 'chalk';
import { isLazyList } from '../core/summary/lazy-list.js';
import type { SectionName, Summary } from '../core/summary/sections.js';
import { SECTION_VIEWS } from './summary-section-views.js';
import { summaryDraw, type SummaryDraw } from './summary-draw.js';

/** The terminal view of the chosen sections (those the summary holds). */
export function summaryView(
  summary: Partial<Summary>,
  sections: readonly SectionName[],
  chalk: ChalkInstance,
  width: number,
  top: number,
): string {
  const draw = summaryDraw(chalk, width, top);
  const blocks: string[] = [];
  for (const name of sections) {
    const lines = sectionView(name, summary, draw);
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function sectionView<K extends SectionName>(name: K, summary: Partial<Summary>, draw: SummaryDraw): string[] {
  const section = summary[name];
  return section === undefined ? [] : SECTION_VIEWS[name](section, draw);
}

// The field that names a list item in a dotted key, first found first: `id` before `lang`, as a
// document's distinctive terms carry both and only the id tells the documents apart.
const ITEM_KEYS = ['id', 'lang', 'term', 'period', 'source', 'flag', 'group', 'text', 'name', 'from'];

/**
 * Flattens sections into `[section, key, value]` rows: dotted keys, list items named by their id.
 * The rows are yielded one at a time: the distinctive section alone gives a few million rows on
 * 100,000 documents, and building them all first held more memory than the whole summary.
 */
export function* summaryRows(
  summary: Partial<Summary>,
  sections: readonly SectionName[],
): Generator<[string, string, string | number | boolean | null]> {
  function* walk(
    section: string,
    prefix: string,
    value: unknown,
  ): Generator<[string, string, string | number | boolean | null]> {
    if (value === null || typeof value !== 'object') {
      yield [section, prefix, value as string | number | boolean | null];
      return;
    }
    // A list read from disk (a summary's distinctive terms: objects) is walked, never built.
    if (Array.isArray(value) || isLazyList(value)) {
      if (Array.isArray(value) ? value.every((v) => v === null || typeof v !== 'object') : value.length === 0) {
        yield [section, prefix, Array.isArray(value) ? value.join(',') : ''];
        return;
      }
      let i = 0;
      for (const item of value as Iterable<unknown>) {
        const named = ITEM_KEYS.find((k) => item && typeof item === 'object' && k in item);
        const label = named ? String((item as Record<string, unknown>)[named]) : String(i);
        yield* walk(section, prefix ? `${prefix}.${label}` : label, item);
        i++;
      }
      return;
    }
    for (const [k, v] of Object.entries(value)) yield* walk(section, prefix ? `${prefix}.${k}` : k, v);
  }
  for (const s of sections) if (summary[s] !== undefined) yield* walk(s, '', summary[s]);
}
