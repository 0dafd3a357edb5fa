// The bench's report: the machine, the corpus and a table of medians, ratios, peak memory and
// targets, one row a job, then the notes; and the number formats the table and the log share.

/** @typedef {import('./run-job.js').JobResult} JobResult */
/** @typedef {ReturnType<typeof import('./build-info.js').machine>} Machine */

/**
 * What the report says of the corpus (also written to the JSON results).
 * @typedef {object} CorpusInfo
 * @property {string} dir
 * @property {number} docs
 * @property {number} megabytes
 * @property {number} languages
 * @property {number} folders
 * @property {number} exactDuplicates
 * @property {number} nearDuplicates
 * @property {number} mixedLanguage
 * @property {number} generationSeconds
 * @property {boolean} reused
 * @property {string} grepWord
 * @property {number | null} grepWordDocs
 * @property {string} grepRegex
 */

/**
 * What the report says of the web corpora (also written to the JSON results).
 * @typedef {object} WebInfo
 * @property {string} source - synthetic or real pages
 * @property {number} pages
 * @property {string} word - the grep word on them
 * @property {number | null} wordPages - the pages that hold it
 * @property {{ dir: string, megabytes: number, languages: number, reused: boolean } | null} html
 * @property {{ file: string, megabytes: number, htmlMegabytes: number, otherRecords: number, reused: boolean } | null} warc
 */

/**
 * Seconds with three significant digits or so; a dash for none.
 * @param {number | null | undefined} s
 */
export const fmtS = (s) =>
  s === null || s === undefined ? '—' : s < 1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s.toFixed(1);

/**
 * KiB as whole MiB; a dash for none.
 * @param {number | null | undefined} kib
 */
export const fmtMiB = (kib) => (kib === null || kib === undefined ? '—' : (kib / 1024).toFixed(0));

/**
 * The line of the table for peak memory: the highest of every `list` and `grep` run, held to one
 * target. Null when none of those jobs measured any.
 * @param {JobResult[]} results
 * @returns {JobResult | null}
 */
export function peakMemoryLine(results) {
  const memJobs = results.filter((j) => /^(list|grep)-/.test(j.name) && j.maxRssKiB);
  if (!memJobs.length) return null;
  const peak = Math.max(...memJobs.map((j) => /** @type {number} */ (j.maxRssKiB)));
  return {
    name: 'memory',
    title: 'peak memory, `list` and `grep`',
    median: null,
    outsideMedian: null,
    ratio: null,
    maxRssKiB: peak,
    target: '< 400 MB',
    status: peak / 1024 < 400 ? 'PASS' : 'FAIL',
    runs: [],
    outsideRuns: [],
    peakOf: memJobs.find((j) => j.maxRssKiB === peak)?.name,
  };
}

/**
 * Prints the report on stdout.
 * @param {{ m: Machine, build: { git: string | null, distBuilt: string | null, dir: string },
 *   corpusInfo: CorpusInfo | null, webInfo: WebInfo | null, results: JobResult[], notes: string[],
 *   o: { runs: number, docs: number } }} report
 */
export function printReport({ m, build, corpusInfo, webInfo, results, notes, o }) {
  /** @param {string} s */
  const w = (s) => process.stdout.write(`${s}\n`);
  w('');
  w(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}${m.ripgrep ? `, ${m.ripgrep}` : ''}`,
  );
  if (corpusInfo) {
    w(
      `corpus:  ${corpusInfo.docs} docs, ${corpusInfo.megabytes} MB, ${corpusInfo.languages} languages, ${corpusInfo.folders} folders, ` +
        `${corpusInfo.exactDuplicates} exact + ${corpusInfo.nearDuplicates} near duplicates, ${corpusInfo.dir}`,
    );
    w(
      `runs:    ${o.runs} per command, medians; grep word "${corpusInfo.grepWord}" (in ${corpusInfo.grepWordDocs} docs), regex /${corpusInfo.grepRegex}/i`,
    );
  } else w(`runs:    ${o.runs} per command, medians`);
  if (webInfo) {
    const { html, warc } = webInfo;
    const languages = html && html.languages > 0 ? `, ${html.languages} languages` : '';
    if (html) w(`html:    ${webInfo.pages} ${webInfo.source} pages, ${html.megabytes} MB${languages}, ${html.dir}`);
    if (warc)
      w(
        `warc:    ${webInfo.pages} ${webInfo.source} pages as response records (+${warc.otherRecords} warcinfo, request, metadata), ` +
          `${warc.megabytes} MB gzip per record (${warc.htmlMegabytes} MB of HTML), ${warc.file}`,
      );
    w(`         grep word on the pages "${webInfo.word}" (in ${webInfo.wordPages ?? '?'} pages' text)`);
  }
  w(`build:   git ${build.git ?? '?'}, ${build.dir}dist/ built ${build.distBuilt}`);
  w(`memory:  ${m.memoryMethod}`);
  w('');
  printTable(w, results);
  w('');
  w(
    'peak RSS: corpus (outside tool). Cold = fresh empty XDG_CACHE_HOME per run; warm = a shared one, filled by one untimed run.',
  );
  w(
    'Before each job that reads the corpus, every file of it is read once, untimed, so that all its runs read from the page cache.',
  );
  if (o.docs !== 100000) w(`note: the targets are set for 100,000 documents; this corpus has ${o.docs}.`);
  for (const n of notes) w(`note: ${n}`);
}

/**
 * The table of jobs, in Markdown, its columns padded to their widest cell.
 * @param {(line: string) => void} w
 * @param {JobResult[]} results
 */
function printTable(w, results) {
  const header = ['job', 'corpus (s)', 'outside tool', 'outside (s)', 'ratio', 'peak RSS (MiB)', 'target', 'result'];
  const rows = results.map((j) => [
    j.title,
    j.figure === null || j.figure === undefined ? fmtS(j.median) : `${j.figure.toFixed(0)} ${j.figureUnit ?? ''}`,
    j.outsideCommand ?? (j.name === 'memory' ? `max of ${j.peakOf}` : '—'),
    fmtS(j.outsideMedian),
    j.ratio === null || j.ratio === undefined ? '—' : `${j.ratio.toFixed(2)}×`,
    fmtMiB(j.maxRssKiB) + (j.outsideMaxRssKiB ? ` (${fmtMiB(j.outsideMaxRssKiB)})` : ''),
    j.target ?? '—',
    j.status || '—',
  ]);
  const widths = header.map((h, c) => Math.max([...h].length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((x, c) => x + ' '.repeat((widths[c] ?? 0) - [...x].length)).join(' | ')} |`;
  w(line(header));
  w(`|${widths.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const r of rows) w(line(r));
}
