#!/usr/bin/env node
// `npm run bench`: generates (or reuses) the bench corpus, times corpus's commands as whole
// processes beside the nearest outside tool, and prints medians, ratios, peak memory and targets.
//
//   node bench/run.js [--docs 100000] [--runs 5] [--out DIR] [--only job,job] [--json [FILE]]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { defaultOut, ensureCorpus } from './generate.js';
import { distStamp, gitDescribe, machine } from './lib/build-info.js';
import { ensureJsonl } from './lib/corpus-files.js';
import { CORPUS_BIN, defineJobs, JOBS, NODE, pickWord, REGEX, ROOT } from './lib/jobs.js';
import { cleanupMeasure, memoryMethod } from './lib/measure.js';
import { peakMemoryLine, printReport } from './lib/report.js';
import { runJob } from './lib/run-job.js';

/** @typedef {import('./lib/jobs.js').JobName} JobName */
/** @typedef {import('./lib/measure.js').RunResult} RunResult */
/** @typedef {import('./lib/report.js').CorpusInfo} CorpusInfo */
/** @typedef {import('./lib/run-job.js').JobResult} JobResult */

const USAGE = `usage: node bench/run.js [options]

  --docs N          documents in the generated corpus (default 100000)
  --runs N          timed runs per command (default 5); medians are reported
  --out DIR         where the corpus is (default $TMPDIR/corpus-bench/<N>)
  --only a,b        run only these jobs: ${JOBS.join(', ')}
  --json [FILE]     also write the results as JSON (default <out>/../results-<N>.json)
  --seed S          generator seed (default corpus-bench)
  --per-folder N    documents per subfolder (default 1000)
  --franc-runs N    runs of the franc-all loop beside list cold (default 1: it is slow; 0: skip it)
  --timeout S       seconds before one run is killed (default 3600)
  --regen           regenerate the corpus even if it is there
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
    else if (arg === '-h' || arg === '--help') o.help = true;
    else throw new Error(`unknown option ${arg}\n\n${USAGE}`);
  }
  return o;
}

/**
 * The jobs of `--only a,b`, every one of them known.
 * @param {string} list
 * @returns {JobName[]}
 */
function jobList(list) {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  /** @type {readonly string[]} */
  const known = JOBS;
  const unknown = names.filter((j) => !known.includes(j));
  if (unknown.length) throw new Error(`unknown job ${unknown.join(', ')}; jobs: ${JOBS.join(', ')}`);
  return /** @type {JobName[]} */ (names);
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
  const selected = o.only ?? JOBS;
  /** @type {string[]} */
  const notes = [];

  const build = { git: gitDescribe(ROOT), distBuilt: distStamp(ROOT) };
  if (!build.distBuilt) throw new Error('dist/ is missing: run `npm run build` first');
  const manifest = ensureCorpus({ docs: o.docs, out, seed: o.seed, perFolder: o.perFolder, force: o.regen, log });
  const dir = manifest.dir;
  const { word, df } = pickWord(manifest);

  // Warm the OS page cache so that neither side pays for the first read from disk.
  spawnSync('rg', ['--no-config', '-c', '-F', 'zz-no-such-text-zz', dir], { stdio: 'ignore' });

  const listHelp = spawnSync(NODE, [CORPUS_BIN, 'list', '--help'], { cwd: ROOT, encoding: 'utf8' });
  const hasNoCache = /--no-cache\b/.test(listHelp.stdout ?? '');
  if (!hasNoCache)
    notes.push('`list --no-cache` does not exist yet: list cold runs plain `list` with a fresh, empty XDG_CACHE_HOME.');

  const tempRoot = mkdtempSync(join(os.tmpdir(), 'corpus-bench-cache-'));
  let coldCount = 0;
  const jsonl =
    selected.includes('grep-jsonl') || selected.includes('list-jsonl') ? ensureJsonl(dir, o.docs, log) : null;
  const defs = defineJobs({ dir, jsonl, word, hasNoCache }, o);

  const m = machine(memory);
  const corpusInfo = describeCorpus(manifest, word, df);
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}`);
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
  const distAfter = distStamp(ROOT);
  if (distAfter !== build.distBuilt) {
    notes.unshift(
      `dist/ was rebuilt during the run (${build.distBuilt} → ${distAfter}): the results mix two builds; run again.`,
    );
  }
  const memoryLine = peakMemoryLine(results);
  if (memoryLine) results.push(memoryLine);

  printReport({ m, build, corpusInfo, results, notes, o });

  if (o.json !== null) {
    const file = resolve(o.json || join(dirname(dir), `results-${o.docs}.json`));
    /** @param {RunResult[]} runs */
    const strip = (runs) => runs.map(({ stderr: _stderr, ...rest }) => rest);
    const data = {
      date: new Date().toISOString(),
      machine: m,
      build,
      corpus: corpusInfo,
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
