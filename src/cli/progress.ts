// A progress bar on stderr for work that lasts: documents done, documents a second, time left.
// Only on a terminal, never in a pipe or in CI; it appears after a second and is cleared at the end.

import type { Io } from './io.js';

const DELAY_MS = 1000;
const EVERY_MS = 100;
const WIDTH = 24;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The text of the bar, at `rate` documents a second: `[█████·····] 1,234/10,000 docs  812/s  0:11 left`. */
export function progressLine(done: number, total: number, rate: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * WIDTH);
  const left = rate > 0 ? (total - done) / rate : Infinity;
  return `[${'█'.repeat(filled)}${'·'.repeat(WIDTH - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} docs  ${Math.round(rate).toLocaleString('en-US')}/s  ${clock(left)} left`;
}

/** A progress callback for core, or undefined when no bar should be drawn. */
export function progressBar(io: Io, now: () => number = Date.now): ((done: number, total: number) => void) | undefined {
  if (!io.stderr.isTTY || (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false')) return undefined;
  const start = now();
  // The rate is measured from the first document done, not from start-up.
  let first: { t: number; done: number } | null = null;
  let last = 0;
  let lastDone = 0;
  let shown = false;
  return (done, total) => {
    const t = now();
    // A count that goes back is a new pass over the corpus: its rate is its own.
    if (first === null || done < lastDone) first = { t, done };
    lastDone = done;
    if (done >= total) {
      if (shown) void io.stderr.write('\r\u001b[2K').catch(() => {});
      shown = false;
      return;
    }
    if (t - start < DELAY_MS || t - last < EVERY_MS || t === first.t) return;
    last = t;
    shown = true;
    const rate = ((done - first.done) * 1000) / (t - first.t);
    void io.stderr.write(`\r\u001b[2K${progressLine(done, total, rate)}`).catch(() => {});
  };
}
