// The report's charts, drawn by Observable Plot into SVG when the report is made (on linkedom's
// document: Node has no DOM), so the page needs no script to show them and nothing from the
// network. Plot draws in `currentColor` and the marks in `var(--accent)`: the page's light and
// dark colours apply. Each chart comes with its figures as a table, its text alternative.

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Summary } from '../../core/summary/sections.js';
import { count } from './escape.js';

/** One chart: its SVG, what it shows in words, and its figures as rows for a table. */
export interface Chart {
  id: string;
  title: string;
  /** The SVG (escaped by the DOM it was made in); empty when there is nothing to draw. */
  svg: string;
  /** One or two sentences saying what the chart shows: its caption and its `aria-label`. */
  summary: string;
  head: [string, string];
  rows: [string, number][];
}

const WIDTH = 960;
const BAR_HEIGHT = 22;
/** Labels longer than this are cut on the axis (the table under the chart has them whole). */
const LABEL_MAX = 28;

/** An axis of document counts: whole numbers only (a chart of 5 documents has no tick at 2.5). */
function countAxis(values: number[]): Plot.ScaleOptions {
  const max = Math.max(1, ...values);
  return {
    grid: true,
    label: 'documents',
    ticks: Math.min(max, 8),
    tickFormat: (d: number) => (Number.isInteger(d) ? count(d) : ''),
  };
}

function shortLabel(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A period of the timeline (`2023-04` or `2023`) as the first instant of it, in UTC. */
function periodStart(period: string): Date {
  const [year, month] = period.split('-');
  return new Date(Date.UTC(Number(year), month === undefined ? 0 : Number(month) - 1, 1));
}

/** Draws the charts of a summary; `top` bars at most for languages and sources. */
export function reportCharts(summary: Summary, top: number): Chart[] {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const draw = (options: Plot.PlotOptions): string =>
    // The types speak of the browser's DOM, which this program's compiler does not load.
    (Plot.plot({ ...options, document: document as never }) as unknown as { outerHTML: string }).outerHTML;
  return [
    timelineChart(summary, draw),
    languagesChart(summary, top, draw),
    sourcesChart(summary, top, draw),
    lengthsChart(summary, draw),
  ];
}

type Draw = (options: Plot.PlotOptions) => string;

function timelineChart(summary: Summary, draw: Draw): Chart {
  const { unit, periods, undated, yearOnly } = summary.timeline;
  const data = periods.map((p) => ({ start: periodStart(p.period), documents: p.documents }));
  const first = periods[0]?.period;
  const last = periods[periods.length - 1]?.period;
  const dated = periods.reduce((n, p) => n + p.documents, 0);
  const peak = periods.reduce((best, p) => (p.documents > (best?.documents ?? -1) ? p : best), periods[0]);
  let text =
    first === undefined
      ? 'No document has a date.'
      : `${plural(dated, 'dated document')} per ${unit}, from ${first} to ${last}; the most in ${peak?.period} (${count(peak?.documents ?? 0)}).`;
  if (undated > 0) text += ` ${plural(undated, 'document')} without a date.`;
  if (yearOnly > 0) text += ` ${plural(yearOnly, 'document')} dated by the year alone, not drawn.`;
  const svg =
    data.length === 0
      ? ''
      : draw({
          width: WIDTH,
          height: 220,
          x: { type: 'utc', label: null },
          y: countAxis(periods.map((p) => p.documents)),
          marks: [
            Plot.rectY(data, { x: 'start', y: 'documents', interval: unit, fill: 'var(--accent)', inset: 0.5 }),
            Plot.ruleY([0]),
          ],
        });
  return {
    id: 'timeline',
    title: 'Documents over time',
    svg,
    summary: text,
    head: [unit, 'documents'],
    rows: periods.map((p) => [p.period, p.documents]),
  };
}

/** Horizontal bars, one a label, in the order given. */
function barsChart(rows: [string, number][], draw: Draw): string {
  if (rows.length === 0) return '';
  const data = rows.map(([name, documents], i) => ({ name: shortLabel(name), documents, i }));
  return draw({
    width: WIDTH,
    height: 50 + BAR_HEIGHT * Math.max(2, data.length),
    marginLeft: 10 + 6 * Math.max(...data.map((d) => d.name.length)),
    x: countAxis(rows.map((r) => r[1])),
    y: { label: null, domain: data.map((d) => d.name) },
    marks: [
      Plot.barX(data, { y: 'name', x: 'documents', fill: 'var(--accent)' }),
      Plot.text(data, {
        y: 'name',
        x: 'documents',
        text: (d: { documents: number }) => count(d.documents),
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  });
}

function languagesChart(summary: Summary, top: number, draw: Draw): Chart {
  const { languages, mixed, und } = summary.languages;
  const rows: [string, number][] = languages.map((l) => [l.name ? `${l.name} (${l.lang})` : l.lang, l.documents]);
  const shown = rows.slice(0, top);
  let text =
    rows.length === 0
      ? 'No document.'
      : `${plural(rows.length, 'language')}; the most documents in ${rows[0]?.[0]} (${count(rows[0]?.[1] ?? 0)}).`;
  if (rows.length > shown.length) text += ` The ${shown.length} with the most documents are drawn.`;
  if (mixed > 0) text += ` ${plural(mixed, 'document')} of mixed languages.`;
  if (und > 0) text += ` ${plural(und, 'document')} of undetermined language.`;
  return {
    id: 'languages',
    title: 'Languages',
    svg: barsChart(shown, draw),
    summary: text,
    head: ['language', 'documents'],
    rows,
  };
}

function sourcesChart(summary: Summary, top: number, draw: Draw): Chart {
  const { sources, unknown, more } = summary.sources;
  const rows: [string, number][] = sources.map((s) => [s.source, s.documents]);
  const shown = rows.slice(0, top);
  const named = rows.length + more.sources;
  let text =
    rows.length === 0
      ? 'No document names its source.'
      : `${plural(named, 'named source')}; the most documents from ${rows[0]?.[0]} (${count(rows[0]?.[1] ?? 0)}).`;
  if (named > shown.length && rows.length > 0) text += ` The ${shown.length} with the most documents are drawn.`;
  if (unknown > 0) text += ` ${plural(unknown, 'document')} without a source.`;
  return {
    id: 'sources',
    title: 'Sources',
    svg: barsChart(shown, draw),
    summary: text,
    head: ['source', 'documents'],
    rows,
  };
}

/** A length bin's label: `200–499 words`, or `1,000+`. */
export function binLabel(from: number, to: number | null): string {
  return to === null ? `${count(from)}+` : `${count(from)}–${count(to - 1)}`;
}

function lengthsChart(summary: Summary, draw: Draw): Chart {
  const { bins } = summary.lengths;
  const rows: [string, number][] = bins.map((b) => [binLabel(b.from, b.to), b.documents]);
  const { meanWords, medianWords, shortest, longest } = summary.overview;
  const text =
    rows.length === 0
      ? 'No document.'
      : `Words a document: median ${count(medianWords)}, mean ${count(Math.round(meanWords))}, from ${count(shortest?.words ?? 0)} to ${count(longest?.words ?? 0)}.`;
  const data = rows.map(([bin, documents]) => ({ bin, documents }));
  const svg =
    data.length === 0
      ? ''
      : draw({
          width: WIDTH,
          height: 220,
          x: { label: 'words', domain: data.map((d) => d.bin) },
          y: countAxis(rows.map((r) => r[1])),
          marks: [Plot.barY(data, { x: 'bin', y: 'documents', fill: 'var(--accent)' }), Plot.ruleY([0])],
        });
  return { id: 'lengths', title: 'Lengths', svg, summary: text, head: ['words', 'documents'], rows };
}
