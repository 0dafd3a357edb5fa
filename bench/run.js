#!/usr/bin/env node
// `npm run bench`: generates (or reuses) the bench corpus, times corpus's commands as whole
// processes beside the nearest outside tool, and prints medians, ratios, peak memory and targets.
//
//   node bench/run.js [--docs 100000] [--runs 5] [--out DIR] [--only job,job] [--json [FILE]]
//   node bench/run.js --only html,warc --runs 3 [--html-source real] [--build DIR]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { defaultOut, ensureCorpus, webCorpusDir } from './generate.js';
import { distStamp, gitDescribe, machine } from './lib/build-info.js';
import { ensureJsonl } from './lib/corpus-files.js';
import { defineJobs, JOBS, NODE, pickWord, REGEX, ROOT } from './lib/jobs.js';
import { cleanupMeasure, memoryMethod } from './lib/measure.js';
import { peakMemoryLine, printReport } from './lib/report.js';
import { PAGE_SOURCES } from './lib/page-source.js';
import { runJob } from './lib/run-job.js';
import { ensureWarc } from './lib/warc-file.js';
import { ensureHtmlFolder } from './lib/web-corpus.js';
import { defineWebJobs, pickWebWord, WEB_JOBS } from './lib/web-jobs.js';

/** @typedef {import('./lib/jobs.js').JobName | import('./lib/web-jobs.js').WebJobName} JobName */
/** @typedef {import('./lib/page-source.js').PageSourceName} PageSourceName */
/** @typedef {import('./lib/report.js').WebInfo} WebInfo */

/** Every job, the text corpus's first. */
const ALL_JOBS = [...JOBS, ...WEB_JOBS];
/** Names that `--only` takes for a group of jobs. */
const GROUPS = {
  text: [...JOBS],
  html: WEB_JOBS.filter((j) => j.startsWith('html-')),
  warc: WEB_JOBS.filter((j) => j.startsWith('warc-')),
  web: [...WEB_JOBS],
};
/** @typedef {import('./lib/measure.js').RunResult} RunResult */
/** @typedef {import('./lib/report.js').CorpusInfo} CorpusInfo */
/** @typedef {import('./lib/run-job.js').JobResult} JobResult */

const USAGE = `usage: node bench/run.js [options]

  --docs N          documents in the generated corpus (default 100000)
  --runs N          timed runs per command (default 5); medians are reported
  --out DIR         where the corpus is (default $TMPDIR/corpus-bench/<N>)
  --only a,b        run only these jobs: ${ALL_JOBS.join(', ')};
                    or groups: text (the first ${JOBS.length}), html, warc, web (html and warc)
  --json [FILE]     also write the results as JSON (default <out>/../results-<N>.json, or
                    results-web-<source>-<pages>.json when only web jobs run)
  --seed S          generator seed (default corpus-bench)
  --per-folder N    documents per subfolder (default 1000)
  --franc-runs N    runs of the franc-all loop beside list cold (default 1: it is slow; 0: skip it)
  --timeout S       seconds before one run is killed (default 3600)
  --regen           regenerate the corpus even if it is there
  --html-pages N    pages in the folder of HTML files and in the WARC (default 20000)
  --html-source S   synthetic (default: generated news pages, ~100 KB) or real (the pages of
                    /tmp/html-eval-data, from bench/html-eval/prepare.sh, cycled)
  --html-sample N   pages the html-extract job extracts a run (default 2000)
  --build DIR       the folder whose bin/corpus.js and dist/ are run (default the repository;
                    also CORPUS_BENCH_BUILD)
  -h, --help        this help
`;

/**
 * The command line, parsed.
 * @typedef {object} Options
 * @property {number} docs
 * @property {number} runs
 * @property {string | undefined} out
 * @property {JobName[] | null} only
 * @property {string | null} json - a file, '' for the default file, null for no JSON
 * @property {string} seed
 * @property {number} perFolder
 * @property {number} timeout
 * @property {boolean} regen
 * @property {number} francRuns
 * @property {number} htmlPages
 * @property {PageSourceName} htmlSource
 * @property {number} htmlSample
 * @property {string | undefined} build
 * @property {boolean} [help]
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  /** @type {Options} */
  const o = {
    docs: 100000,
    runs: 5,
    out: undefined,
    only: null,
    json: null,
    seed: 'corpus-bench',
    perFolder: 1000,
    timeout: 3600,
    regen: false,
    francRuns: 1,
    htmlPages: 20000,
    htmlSource: 'synthetic',
    htmlSample: 2000,
    build: process.env.CORPUS_BENCH_BUILD || undefined,
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const value = () => {
      const next = argv[k + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      k++;
      return next;
    };
    const int = (min = 1) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${arg} needs an integer ≥ ${min}`);
      return n;
    };
    if (arg === '--docs') o.docs = int();
    else if (arg === '--runs') o.runs = int();
    else if (arg === '--out') o.out = value();
    else if (arg === '--only') o.only = jobList(value());
    else if (arg === '--json') {
      // The file is optional: a next argument that is an option is not it.
      const next = argv[k + 1];
      if (next !== undefined && !next.startsWith('--')) {
        o.json = next;
        k++;
      } else o.json = '';
    } else if (arg === '--seed') o.seed = value();
    else if (arg === '--per-folder') o.perFolder = int();
    else if (arg === '--timeout') o.timeout = int();
    else if (arg === '--franc-runs') o.francRuns = int(0);
    else if (arg === '--regen') o.regen = true;
    else if (arg === '--html-pages') o.htmlPages = int();
    else if (arg === '--html-sample') o.htmlSample = int();
    else if (arg === '--build') o.build = value();
    else if (arg === '--html-source') {
      const source = value();
      /** @type {readonly string[]} */
      const known = PAGE_SOURCES;
      if (!known.includes(source)) throw new Error(`--html-source is one of ${PAGE_SOURCES.join(', ')}`);
      o.htmlSource = /** @type {PageSourceName} */ (source);
    } else if (arg === '-h' || arg === '--help') o.help = true;
    else throw new Error(`unknown option ${arg}\n\n${USAGE}`);
  }
  return o;
}

/**
 * The jobs of `--only a,b`, every one of them known, groups expanded, in the order given.
 * @param {string} list
 * @returns {JobName[]}
 */
function jobList(list) {
  /** @type {Record<string, readonly string[]>} */
  const groups = GROUPS;
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((n) => groups[n] ?? [n]);
  /** @type {readonly string[]} */
  const known = ALL_JOBS;
  const unknown = names.filter((j) => !known.includes(j));
  if (unknown.length)
    throw new Error(
      `unknown job ${unknown.join(', ')}; jobs: ${ALL_JOBS.join(', ')}; groups: ${Object.keys(GROUPS).join(', ')}`,
    );
  return /** @type {JobName[]} */ ([...new Set(names)]);
}

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Runs the bench.
 * @param {string[]} argv
 * @returns {Promise<number>} the exit code: 2 when a job failed
 */
async function main(argv) {
  const o = parseArgs(argv);
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const memory = memoryMethod();
  const out = resolve(o.out ?? defaultOut(o.docs));
  /** @type {JobName[]} */
  const selected = o.only ?? ALL_JOBS;
  /** @type {string[]} */
  const notes = [];

  const buildDir = resolve(o.build ?? ROOT);
  const bin = join(buildDir, 'bin', 'corpus.js');
  const build = {
    git: gitDescribe(ROOT),
    distBuilt: distStamp(buildDir),
    dir: buildDir === ROOT ? '' : `${buildDir}/`,
  };
  if (!build.distBuilt) throw new Error(`${build.dir}dist/ is missing: run \`npm run build\` first`);
  /** @type {readonly string[]} */
  const textJobs = JOBS;
  const manifest = selected.some((j) => textJobs.includes(j))
    ? ensureCorpus({ docs: o.docs, out, seed: o.seed, perFolder: o.perFolder, force: o.regen, log })
    : null;
  const dir = manifest?.dir ?? '';
  const { word, df } = manifest ? pickWord(manifest) : { word: 'freedom', df: null };

  // Warm the OS page cache so that neither side pays for the first read from disk.
  if (manifest) spawnSync('rg', ['--no-config', '-c', '-F', 'zz-no-such-text-zz', dir], { stdio: 'ignore' });

  const listHelp = spawnSync(NODE, [bin, 'list', '--help'], { cwd: ROOT, encoding: 'utf8' });
  const hasNoCache = /--no-cache\b/.test(listHelp.stdout ?? '');
  if (!hasNoCache)
    notes.push('`list --no-cache` does not exist yet: list cold runs plain `list` with a fresh, empty XDG_CACHE_HOME.');

  const tempRoot = mkdtempSync(join(os.tmpdir(), 'corpus-bench-cache-'));
  let coldCount = 0;
  const jsonl =
    selected.includes('grep-jsonl') || selected.includes('list-jsonl') ? ensureJsonl(dir, o.docs, log) : null;
  const web = webCorpora(selected, o, dirname(out));
  const defs = {
    ...defineJobs({ bin, dir, jsonl, word, hasNoCache }, o),
    ...defineWebJobs({ bin, dist: join(buildDir, 'dist'), hasNoCache, ...web.run }, o),
  };
  if (selected.includes('html-extract'))
    notes.push(
      `html-extract: pages per CPU-second spent in extractHtml (${build.dir}dist/core/input/html/extract.js), ` +
        `${Math.min(o.htmlSample, o.htmlPages)} pages a run after 20 untimed, each read and decoded untimed; one thread, so per core.`,
    );

  const m = machine(memory);
  const corpusInfo = manifest ? describeCorpus(manifest, word, df) : null;
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}`);
  if (corpusInfo)
    log(`corpus: ${corpusInfo.docs} docs, ${corpusInfo.megabytes} MB, ${corpusInfo.languages} languages in ${dir}`);

  /** @type {JobResult[]} */
  const results = [];
  try {
    const session = {
      dir,
      jsonl,
      runs: o.runs,
      timeout: o.timeout,
      method: memory.method,
      warmCache: join(tempRoot, 'warm'),
      freshCache: () => join(tempRoot, `cold-${++coldCount}`),
      /** @param {string} cache */
      envWith: (cache) => ({ ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' }),
      /** @type {Set<string>} */
      primed: new Set(),
      log,
    };
    for (const name of selected) {
      const ran = await runJob(name, defs[name], session);
      results.push(ran.job);
      notes.push(...ran.notes);
    }
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
    cleanupMeasure();
  }
  const distAfter = distStamp(buildDir);
  if (distAfter !== build.distBuilt) {
    notes.unshift(
      `${build.dir}dist/ was rebuilt during the run (${build.distBuilt} → ${distAfter}): the results mix two builds; run again.`,
    );
  }
  const memoryLine = peakMemoryLine(results);
  if (memoryLine) results.push(memoryLine);

  printReport({ m, build, corpusInfo, webInfo: web.info, results, notes, o });

  if (o.json !== null) {
    const name = manifest ? `results-${o.docs}.json` : `results-web-${o.htmlSource}-${o.htmlPages}.json`;
    const file = resolve(o.json || join(dirname(out), name));
    /** @param {RunResult[]} runs */
    const strip = (runs) => runs.map(({ stderr: _stderr, stdoutTail: _stdoutTail, ...rest }) => rest);
    const data = {
      date: new Date().toISOString(),
      machine: m,
      build,
      corpus: corpusInfo,
      web: web.info,
      runs: o.runs,
      listNoCache: hasNoCache,
      notes,
      jobs: results.map((j) => ({ ...j, runs: strip(j.runs), outsideRuns: strip(j.outsideRuns) })),
    };
    writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
    log(`results written to ${file}`);
  }
  return results.some((j) => j.status === 'ERROR') ? 2 : 0;
}

/**
 * Makes (or reuses) the web corpora the selected jobs read, beside the text corpus: the folder of
 * HTML pages, the WARC of the same pages. Their grep word, and what the report says of them.
 * @param {readonly string[]} selected
 * @param {Options} o
 * @param {string} parent - the folder they go in
 * @returns {{ run: { html: string | null, warc: string | null, pages: number, source: string, htmlWord: string },
 *   info: WebInfo | null }}
 */
function webCorpora(selected, o, parent) {
  const wantHtml = selected.some((j) => j.startsWith('html-'));
  const wantWarc = selected.some((j) => j.startsWith('warc-'));
  const common = { pages: o.htmlPages, seed: o.seed, source: o.htmlSource, force: o.regen, log };
  const html = wantHtml
    ? ensureHtmlFolder({ ...common, dir: webCorpusDir(parent, 'html', o.htmlSource, o.htmlPages) })
    : null;
  const warc = wantWarc
    ? ensureWarc({ ...common, dir: webCorpusDir(parent, 'warc', o.htmlSource, o.htmlPages) })
    : null;
  const df = html?.documentFrequency ?? warc?.documentFrequency ?? {};
  const htmlWord = pickWebWord(df, o.htmlPages);
  const run = {
    html: html?.path ?? null,
    warc: warc?.path ?? null,
    pages: o.htmlPages,
    source: o.htmlSource,
    htmlWord,
  };
  if (!html && !warc) return { run, info: null };
  /** @param {number} bytes */
  const mb = (bytes) => +(bytes / 1e6).toFixed(1);
  return {
    run,
    info: {
      source: o.htmlSource,
      pages: o.htmlPages,
      word: htmlWord,
      wordPages: df[htmlWord] ?? null,
      html: html && { dir: html.path, megabytes: mb(html.bytes), languages: html.languages, reused: html.reused },
      warc: warc && {
        file: warc.path,
        megabytes: mb(warc.fileBytes ?? 0),
        htmlMegabytes: mb(warc.bytes),
        otherRecords: warc.otherRecords ?? 0,
        reused: warc.reused,
      },
    },
  };
}

/**
 * What the report and the JSON results say of the corpus.
 * @param {ReturnType<typeof ensureCorpus>} manifest
 * @param {string} word - the grep word
 * @param {number | null} df - the documents that hold it
 * @returns {CorpusInfo}
 */
function describeCorpus(manifest, word, df) {
  return {
    dir: manifest.dir,
    docs: manifest.docs,
    megabytes: +(manifest.stats.bytes / 1e6).toFixed(1),
    languages: manifest.stats.languageCount,
    folders: manifest.folders,
    exactDuplicates: manifest.stats.exactDuplicates,
    nearDuplicates: manifest.stats.nearDuplicates,
    mixedLanguage: manifest.stats.mixed,
    generationSeconds: manifest.generationSeconds,
    reused: manifest.reused,
    grepWord: word,
    grepWordDocs: df,
    grepRegex: REGEX,
  };
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = 2;
  },
);
