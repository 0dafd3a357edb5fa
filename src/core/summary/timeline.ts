// The timeline section of a summary: documents per month of their date, or per year when the
// dates span more than five years.

import type { DocumentRecord } from '../types.js';
import type { SummarySection } from './section.js';

/** Documents per period; gaps are listed with zero. */
export interface Timeline {
  unit: 'month' | 'year';
  periods: { period: string; documents: number }[];
  /** Documents whose date is a year alone, in a month timeline. */
  yearOnly: number;
  undated: number;
}

/** Counts documents per month of their date. */
export class TimelineAccumulator {
  private readonly months = new Map<string, number>();
  private readonly years = new Map<string, number>();
  private undated = 0;

  add(record: DocumentRecord): void {
    if (record.date === null) {
      this.undated++;
      return;
    }
    const year = record.date.slice(0, 4);
    this.years.set(year, (this.years.get(year) ?? 0) + 1);
    if (/^\d{4}-\d{2}/.test(record.date)) {
      const month = record.date.slice(0, 7);
      this.months.set(month, (this.months.get(month) ?? 0) + 1);
    }
  }

  /** Per month over the range, or per year when the range spans more than five years. */
  result(): Timeline {
    const years = [...this.years.keys()].sort();
    const first = Number(years[0]);
    const last = Number(years[years.length - 1]);
    if (years.length === 0) return { unit: 'month', periods: [], yearOnly: 0, undated: this.undated };
    if (last - first + 1 > 5) {
      const periods = [];
      for (let y = first; y <= last; y++)
        periods.push({ period: String(y), documents: this.years.get(String(y)) ?? 0 });
      return { unit: 'year', periods, yearOnly: 0, undated: this.undated };
    }
    const months = [...this.months.keys()].sort();
    const periods = [];
    if (months.length > 0) {
      let [y, m] = (months[0] as string).split('-').map(Number) as [number, number];
      const end = months[months.length - 1] as string;
      for (;;) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        periods.push({ period: key, documents: this.months.get(key) ?? 0 });
        if (key >= end) break;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
    const inMonths = [...this.months.values()].reduce((a, b) => a + b, 0);
    const dated = [...this.years.values()].reduce((a, b) => a + b, 0);
    return { unit: 'month', periods, yearOnly: dated - inMonths, undated: this.undated };
  }
}

/** Counts documents per period of their date. */
export const timelineSection: SummarySection<Timeline> = () => {
  const timeline = new TimelineAccumulator();
  return { addRecord: (record) => timeline.add(record), result: () => timeline.result() };
};
