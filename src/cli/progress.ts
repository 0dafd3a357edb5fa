// A progress bar on stderr for work that lasts: documents done, documents a second, time left.
// Only on a terminal, never in a pipe or in CI; it appears after a second and is cleared at the
// end. One bar a run, whatever the passes over the corpus; a warning is written above it.

import type { Io } from './io.js';

const DELAY_MS = 1000;
const EVERY_MS = 100;
const WIDTH = 24;
/** A bar narrower than this says nothing: the numbers are shown without it. */
const MIN_BAR = 5;
const CLEAR_LINE = '\r\u001b[K';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The text of the bar, at `rate` documents a second: `[█████·····] 1,234/10,000 docs  812/s  0:11 left`,
 * within `columns` columns less one: a line that wraps cannot be redrawn by `\r`. The bar
 * narrows first, then goes, then the rate and the time left; the count stays. `toGo`, the
 * documents the time left is counted for, is what the count does not reach, unless told.
 */
export function progressLine(done: number, total: number, rate: number, columns = 80, toGo = total - done): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const left = rate > 0 ? toGo / rate : Infinity;
  const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} docs`;
  const speed = `  ${Math.round(rate).toLocaleString('en-US')}/s  ${clock(left)} left`;
  const room = columns - 1;
  // All the text is ASCII but the bar: its length is its width.
  const text = count.length + speed.length <= room ? `${count}${speed}` : count;
  const width = Math.min(WIDTH, room - text.length - 3);
  if (width < MIN_BAR) return text.slice(0, Math.max(0, room));
  const filled = Math.round(ratio * width);
  return `[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${text}`;
}

/** The bar of a run: core calls `update`; a warning is written through `above`. */
export interface ProgressBar {
  /** Progress of the current pass: `done` documents of `total`. */
  update: (done: number, total: number) => void;
  /**
   * Writes text (whole lines) to stderr: with the bar shown, its line is cleared first and the
   * bar drawn again below the text, so that a warning never lands on the bar.
   */
  above: (text: string) => void;
}

/** The bar of a run, or undefined when no bar should be drawn (not a terminal, or CI). */
export function progressBar(io: Io, now: () => number = Date.now): ProgressBar | undefined {
  if (!io.stderr.isTTY || (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false')) return undefined;
  const start = now();
  const write = (text: string): void => void io.stderr.write(text).catch(() => {});
  // The rate is measured from the first document of the pass, not from start-up.
  let first: { t: number; done: number } | null = null;
  let last = 0;
  let lastDone = 0;
  // The most the bar has shown: a second pass (a cold run counts the corpus, then reads it
  // again from the cache) does not start a second bar from zero; the bar holds until that
  // pass overtakes it, with the rate and the time left of the pass.
  let reached = 0;
  let line: string | null = null;
  let ended = false;
  return {
    update(done, total) {
      if (ended) return;
      const t = now();
      if (first === null || done < lastDone) first = { t, done };
      lastDone = done;
      if (done >= total) {
        // The end of the run's bar: nothing after it draws another.
        if (line !== null) write(CLEAR_LINE);
        line = null;
        ended = true;
        return;
      }
      // A pass's rate is measured over 100 ms at least: two documents a millisecond apart are no rate.
      if (t - start < DELAY_MS || t - last < EVERY_MS || t - first.t < EVERY_MS) return;
      last = t;
      reached = Math.max(reached, Math.min(done, total));
      const rate = ((done - first.done) * 1000) / (t - first.t);
      // The time left is the pass's own, from its real count.
      line = progressLine(reached, total, rate, io.columns, total - done);
      write(`${CLEAR_LINE}${line}`);
    },
    above(text) {
      write(line === null ? text : `${CLEAR_LINE}${text}${line}`);
    },
  };
}
