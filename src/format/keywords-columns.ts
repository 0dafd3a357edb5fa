// What `keywords` prints: one column description for every row format (table, TSV, CSV, JSON,
// JSON Lines), each figure rounded alike in all of them.

import type { Column } from './column.js';
import type { KeywordRow } from '../core/words/keywords.js';
import { stars } from '../core/words/measures.js';
import { num } from './summary-draw.js';
import { round } from './words-view.js';

/** %DIFF as text: `inf` for a term absent from the reference. */
const pctDiffText = (r: KeywordRow): string => (r.pctDiff === null ? 'inf' : r.pctDiff.toFixed(1));

/** The columns of the keyword list. */
export const KEYWORD_COLUMNS: Column<KeywordRow>[] = [
  { key: 'term', header: 'TERM', value: (r) => r.term, grow: true, style: (t, _r, chalk) => chalk.bold(t) },
  {
    key: 'direction',
    header: '±',
    value: (r) => r.direction,
    style: (t, r, chalk) => (r.direction === '+' ? chalk.green(t) : chalk.red(t)),
  },
  { key: 'freq_target', header: 'TARGET', value: (r) => r.freqTarget, text: (r) => num(r.freqTarget), align: 'right' },
  { key: 'freq_ref', header: 'REF', value: (r) => r.freqRef, text: (r) => num(r.freqRef), align: 'right' },
  {
    key: 'pm_target',
    header: 'PM TARGET',
    value: (r) => round(r.pmTarget, 2),
    text: (r) => r.pmTarget.toFixed(2),
    align: 'right',
    drop: 2,
  },
  {
    key: 'pm_ref',
    header: 'PM REF',
    value: (r) => round(r.pmRef, 2),
    text: (r) => r.pmRef.toFixed(2),
    align: 'right',
    drop: 1,
  },
  { key: 'g2', header: 'G2', value: (r) => round(r.g2, 2), text: (r) => r.g2.toFixed(2), align: 'right' },
  {
    key: 'p',
    header: 'P',
    value: (r) => r.p,
    text: (r) => (r.p < 1 ? `<${r.p} ${stars(r.p)}` : 'ns'),
    style: (t, _r, chalk) => chalk.dim(t),
  },
  {
    key: 'log_ratio',
    header: 'LOG RATIO',
    value: (r) => round(r.logRatio, 3),
    text: (r) => r.logRatio.toFixed(2),
    align: 'right',
  },
  {
    key: 'pct_diff',
    header: '%DIFF',
    value: (r) => (r.pctDiff === null ? 'inf' : round(r.pctDiff, 1)),
    text: pctDiffText,
    align: 'right',
    drop: 3,
  },
];

/** A keyword as JSON: the columns' values, %DIFF null when infinite. */
export function keywordJson(r: KeywordRow): object {
  return {
    term: r.term,
    direction: r.direction,
    freq_target: r.freqTarget,
    freq_ref: r.freqRef,
    pm_target: round(r.pmTarget, 2),
    pm_ref: round(r.pmRef, 2),
    g2: round(r.g2, 2),
    p: r.p,
    log_ratio: round(r.logRatio, 3),
    pct_diff: r.pctDiff === null ? null : round(r.pctDiff, 1),
  };
}
