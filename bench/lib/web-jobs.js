// The bench's jobs on web pages (issue 18): the HTML extraction's pages per second per core,
// `list` cold on a folder of HTML pages, `list` of one WARC of the same pages (time and peak
// memory), and `grep -c` on each.

import { join } from 'node:path';
import { NODE, ROOT } from './jobs.js';

/** @typedef {import('./jobs.js').JobDef} JobDef */
/** @typedef {import('./jobs.js').Spec} Spec */

const EXTRACT_RATE = join(ROOT, 'bench', 'lib', 'html-extract-rate.js');

/** The web jobs, in the order they run. */
export const WEB_JOBS = /** @type {const} */ ([
  'html-extract',
  'html-list-cold',
  'html-grep',
  'warc-list-cold',
  'warc-grep',
]);

/** @typedef {typeof WEB_JOBS[number]} WebJobName */

/**
 * What the web jobs of one run need to know.
 * @typedef {object} WebRun
 * @property {string} bin - the `corpus` launcher run
 * @property {string} dist - the build it loads, for the extractor
 * @property {string | null} html - the folder of HTML pages, when a job needs it
 * @property {string | null} warc - the WARC file, when a job needs it
 * @property {number} pages - pages in each
 * @property {string} source - where the pages come from (synthetic or real)
 * @property {string} htmlWord - the grep word on the pages
 * @property {boolean} hasNoCache - whether `list --no-cache` exists
 */

/**
 * A command of `corpus`, labelled with `<html>` and `<warc>` for the corpora's paths.
 * @param {WebRun} run
 * @param {string[]} args
 * @returns {Spec}
 */
function corpus(run, ...args) {
  return {
    cmd: NODE,
    args: [run.bin, ...args],
    label: `corpus ${args.map((a) => (a === run.html ? '<html>' : a === run.warc ? '<warc>' : a)).join(' ')}`,
  };
}

/**
 * Every web job for these corpora.
 * @param {WebRun} run
 * @param {{ htmlSample: number }} o - the command line
 * @returns {Record<WebJobName, JobDef>}
 */
export function defineWebJobs(run, o) {
  const html = run.html ?? '';
  const warc = run.warc ?? '';
  const noCache = run.hasNoCache ? ['--no-cache'] : [];
  const what = `${run.pages} ${run.source} pages`;
  return {
    'html-extract': {
      title: `HTML extraction alone, ${run.source} pages (CPU time)`,
      run: {
        cmd: NODE,
        args: [EXTRACT_RATE, join(run.dist, 'core', 'input', 'html', 'extract.js'), html, String(o.htmlSample)],
        label: `node html-extract-rate.js <extract.js> <html> ${o.htmlSample}`,
      },
      reads: html,
      cache: 'cold',
      ok: [0],
      figure: { key: 'pagesPerCpuSecond', unit: 'pages/s/core' },
      target: { kind: 'rate', max: 200, text: '≥ 200 pages/s/core' },
    },
    'html-list-cold': {
      title: `\`list\` cold, ${what} (jsonl)`,
      run: corpus(run, 'list', ...noCache, '--format', 'jsonl', html),
      reads: html,
      cache: 'cold',
      ok: [0],
      target: null,
      expectLines: run.pages,
      pages: run.pages,
    },
    'html-grep': {
      title: `\`grep -c -F ${run.htmlWord}\`, ${what}`,
      run: corpus(run, 'grep', '-c', '-F', run.htmlWord, html),
      reads: html,
      cache: 'warm',
      prime: 'html-grep',
      ok: [0, 1],
      // Not the same count: ripgrep counts lines of markup, corpus lines of the extracted text.
      outside: { cmd: 'rg', args: ['--no-config', '-c', '-F', run.htmlWord, html], label: `rg -c -F ${run.htmlWord}` },
      target: null,
      pages: run.pages,
    },
    'warc-list-cold': {
      title: `\`list\` cold, one WARC of ${what} (jsonl)`,
      run: corpus(run, 'list', ...noCache, '--format', 'jsonl', warc),
      reads: warc,
      cache: 'cold',
      ok: [0],
      target: { kind: 'rss', max: 400, text: 'peak < 400 MB' },
      expectLines: run.pages,
      pages: run.pages,
    },
    'warc-grep': {
      title: `\`grep -c -F ${run.htmlWord}\`, one WARC of ${what}`,
      run: corpus(run, 'grep', '-c', '-F', run.htmlWord, warc),
      reads: warc,
      cache: 'warm',
      prime: 'warc-grep',
      ok: [0, 1],
      outside: {
        cmd: 'rg',
        args: ['--no-config', '-z', '-c', '-F', run.htmlWord, warc],
        label: `rg -z -c -F ${run.htmlWord}`,
      },
      target: { kind: 'rss', max: 400, text: 'peak < 400 MB' },
      pages: run.pages,
    },
  };
}

/**
 * Picks the grep word for the pages: the candidate in the share of pages closest to 10 %.
 * @param {Record<string, number>} df - pages holding each candidate
 * @param {number} pages
 */
export function pickWebWord(df, pages) {
  const entries = Object.entries(df).filter(([, n]) => n > 0 && n < pages);
  const [best] = entries.sort((a, b) => Math.abs(a[1] / pages - 0.1) - Math.abs(b[1] / pages - 0.1));
  return best === undefined ? 'freedom' : best[0];
}
