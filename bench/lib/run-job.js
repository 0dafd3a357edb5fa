// Runs one job of the bench: fills its cache once, untimed, times its runs and the outside
// tool's, sums them up against the target, and checks what they printed.

import { rmSync } from 'node:fs';
import { folderSize, warmPageCache } from './corpus-files.js';
import { ROOT } from './jobs.js';
import { measure, median } from './measure.js';
import { fmtMiB, fmtS } from './report.js';

/** @typedef {import('./measure.js').RunResult} RunResult */
/** @typedef {import('./jobs.js').JobDef} JobDef */
/** @typedef {import('./jobs.js').Spec} Spec */

/**
 * One job's results, as reported and written to the JSON results.
 * @typedef {object} JobResult
 * @property {string} name
 * @property {string} title
 * @property {string} [command]
 * @property {string | null} [outsideCommand]
 * @property {RunResult[]} runs
 * @property {RunResult[]} outsideRuns
 * @property {string | null} [error]
 * @property {string[]} [notes]
 * @property {{ seconds: number, maxRssKiB: number | null }} [prime] - the cache-filling run
 * @property {{ files: number, bytes: number }} [cacheAfterPrime]
 * @property {number | null} [figure] - for a job whose figure is printed, not timed: its median
 * @property {string} [figureUnit]
 * @property {Record<string, unknown> | null} [figureDetails] - the first good run's printed JSON
 * @property {number | null} [median]
 * @property {number | null} [outsideMedian]
 * @property {number | null} [ratio]
 * @property {number | null} [maxRssKiB]
 * @property {number | null} [cpuMedian] - median CPU time (user + system) of the good runs
 * @property {number | null} [outsideMaxRssKiB]
 * @property {string | null} [target]
 * @property {string} [status] - PASS, FAIL, ERROR, n/a, or '' for a job without a target
 * @property {{ corpusDocs: number, corpusLines: number, rgFiles: number, rgLines: number }} [counts]
 * @property {string} [peakOf] - for the peak memory line: the job that had the peak
 */

/**
 * What every job of one bench run shares.
 * @typedef {object} Session
 * @property {string} dir - the corpus
 * @property {string | null} jsonl - the corpus as one JSON Lines file, when a job needs it
 * @property {number} runs - timed runs a job
 * @property {number} timeout - seconds before a run is killed
 * @property {'gnu-time' | 'proc-poll'} method - how peak memory is measured
 * @property {string} warmCache - the cache folder the warm runs share
 * @property {() => string} freshCache - a new cache folder, for a cold run
 * @property {(cache: string) => NodeJS.ProcessEnv} envWith - the environment of a run
 * @property {Set<string>} primed - the caches filled so far, by key
 * @property {(line: string) => void} log
 */

/**
 * Why a run failed, in a few words.
 * @param {RunResult} run
 */
function describeFailure(run) {
  if (run.error) return `could not start: ${run.error}`;
  if (run.timedOut) return 'timed out';
  if (run.signal) return `killed by ${run.signal}`;
  const tail = run.stderr.trim().split('\n').slice(-3).join(' / ');
  return `exit ${run.code}${tail ? `: ${tail.slice(0, 300)}` : ''}`;
}

/**
 * Runs a job: its notes for the report come back beside its results, each prefixed with its name.
 * A job whose cache-filling run fails has its error, and neither runs nor notes.
 * @param {string} name
 * @param {JobDef} def
 * @param {Session} session
 * @returns {Promise<{ job: JobResult, notes: string[] }>}
 */
export async function runJob(name, def, session) {
  const { dir, jsonl, log } = session;
  log(`${name}: ${def.run.label}${def.outside ? `  vs  ${def.outside.label}` : ''}`);
  /** @type {JobResult & { notes: string[] }} */
  const job = {
    name,
    title: def.title,
    command: def.run.label,
    outsideCommand: def.outside?.label ?? null,
    runs: [],
    outsideRuns: [],
    error: null,
    notes: [],
  };
  const read = def.reads ?? def.run.args.find((a) => a === dir || (jsonl !== null && a === jsonl));
  if (read) log(`  ${name} page cache warmed: every file read in ${fmtS(warmPageCache(read))} s`);
  if (!(await primeCache(name, def, session, job))) return { job, notes: [] };
  const good = await timeRuns(name, def, session, job);
  sumUp(def, job, good);
  checkOutput(name, def, job, good[0]);
  const notes = job.notes.map((n) => `${name}: ${n}`);
  if (job.error) notes.push(`${name}: FAILED — ${job.error}`);
  return { job, notes };
}

/**
 * Fills the cache of a warm job once, untimed, unless a job before it filled the same one: warm
 * runs then reuse it. False when the run failed (the job's error says why).
 * @param {string} name
 * @param {JobDef} def
 * @param {Session} session
 * @param {JobResult} job
 */
async function primeCache(name, def, session, job) {
  const primeKey = def.prime ?? name.replace(/-.*/, '');
  if (def.cache !== 'warm' || session.primed.has(primeKey)) return true;
  const prime = await measure(def.run.cmd, def.run.args, {
    env: session.envWith(session.warmCache),
    cwd: ROOT,
    timeoutSeconds: session.timeout,
    method: session.method,
  });
  session.primed.add(primeKey);
  job.prime = { seconds: prime.seconds, maxRssKiB: prime.maxRssKiB };
  session.log(`  ${name} cache-filling run: ${fmtS(prime.seconds)} s, ${fmtMiB(prime.maxRssKiB)} MiB`);
  if (!def.ok.includes(prime.code)) {
    job.error = `cache-filling run failed: ${describeFailure(prime)}`;
    return false;
  }
  job.cacheAfterPrime = folderSize(session.warmCache);
  return true;
}

/**
 * Times the job's runs, each followed by one of the outside tool's, until one fails; a cold run
 * has a cache folder of its own, removed after it. The good runs come back.
 * @param {string} name
 * @param {JobDef} def
 * @param {Session} session
 * @param {JobResult} job
 */
async function timeRuns(name, def, session, job) {
  /**
   * @param {Spec} spec
   * @param {string} cache
   * @param {string} side
   * @param {number} r
   */
  const timed = async (spec, cache, side, r) => {
    const res = await measure(spec.cmd, spec.args, {
      env: session.envWith(cache),
      cwd: ROOT,
      timeoutSeconds: session.timeout,
      method: session.method,
    });
    session.log(
      `  ${name} ${side} run ${r}: ${fmtS(res.seconds)} s, ${fmtMiB(res.maxRssKiB)} MiB${res.code === 0 ? '' : `, exit ${res.code ?? res.signal}`}`,
    );
    return res;
  };
  for (let r = 1; r <= session.runs; r++) {
    let cache = session.warmCache;
    if (def.cache === 'cold') cache = session.freshCache();
    const res = await timed(def.run, cache, 'corpus', r);
    if (def.cache === 'cold') rmSync(cache, { recursive: true, force: true });
    job.runs.push(res);
    if (!def.ok.includes(res.code) || res.signal || res.timedOut || res.error) {
      job.error = describeFailure(res);
      break;
    }
    if (def.outside && r <= (def.outsideRuns ?? session.runs))
      job.outsideRuns.push(await timed(def.outside, session.warmCache, 'outside', r));
  }
  return job.runs.filter((x) => def.ok.includes(x.code) && !x.signal && !x.timedOut && !x.error);
}

/**
 * The job's medians, ratio, peak memory, and how it stands against its target.
 * @param {JobDef} def
 * @param {JobResult} job
 * @param {RunResult[]} good - its good runs
 */
function sumUp(def, job, good) {
  const jobMedian = job.error ? null : median(good.map((x) => x.seconds));
  const outsideMedian = median(job.outsideRuns.filter((x) => x.code === 0 || x.code === 1).map((x) => x.seconds));
  const ratio = jobMedian !== null && outsideMedian ? jobMedian / outsideMedian : null;
  job.median = jobMedian;
  job.outsideMedian = outsideMedian;
  job.ratio = ratio;
  job.cpuMedian = median(good.flatMap((x) => (x.cpuSeconds === null ? [] : [x.cpuSeconds])));
  job.maxRssKiB = job.runs.reduce((a, x) => Math.max(a, x.maxRssKiB ?? 0), 0) || null;
  job.outsideMaxRssKiB = job.outsideRuns.reduce((a, x) => Math.max(a, x.maxRssKiB ?? 0), 0) || null;
  job.target = def.target?.text ?? null;
  if (def.figure) readFigure(def.figure, job, good);
  if (job.error) job.status = 'ERROR';
  else if (!def.target) job.status = '';
  else if (def.target.kind === 'rate')
    job.status =
      job.figure === null || job.figure === undefined ? 'n/a' : job.figure >= def.target.max ? 'PASS' : 'FAIL';
  // As the peak memory line of the text jobs: MiB against the target's number.
  else if (def.target.kind === 'rss')
    job.status = job.maxRssKiB ? (job.maxRssKiB / 1024 < def.target.max ? 'PASS' : 'FAIL') : 'n/a';
  // As `null <= max` would: a median is null without an error only when there were no runs.
  else if (def.target.kind === 'seconds') job.status = (jobMedian ?? 0) <= def.target.max ? 'PASS' : 'FAIL';
  else if (def.target.kind === 'plus')
    job.status =
      jobMedian === null || outsideMedian === null
        ? 'n/a'
        : jobMedian - outsideMedian <= def.target.max
          ? 'PASS'
          : 'FAIL';
  else job.status = ratio !== null && ratio <= def.target.max ? 'PASS' : ratio === null ? 'n/a' : 'FAIL';
}

/**
 * The median of the figure the good runs printed (the field `key` of the JSON on their last line),
 * and the first one's JSON whole.
 * @param {{ key: string, unit: string }} figure
 * @param {JobResult} job
 * @param {RunResult[]} good
 */
function readFigure(figure, job, good) {
  /** @type {number[]} */
  const values = [];
  job.figureDetails = null;
  for (const run of good) {
    const last = run.stdoutTail.trim().split('\n').pop() ?? '';
    try {
      const printed = JSON.parse(last);
      job.figureDetails ??= printed;
      if (typeof printed[figure.key] === 'number') values.push(printed[figure.key]);
    } catch {
      // not JSON: no figure from this run
    }
  }
  job.figure = median(values);
  job.figureUnit = figure.unit;
  if (job.figure === null && !job.error) job.error = `no ${figure.key} in what the runs printed`;
}

/**
 * Notes on what the first good run printed: lines on stderr, a record count other than the
 * corpus's, counts other than ripgrep's, a warm job that wrote no cache.
 * @param {string} name
 * @param {JobDef} def
 * @param {JobResult & { notes: string[] }} job
 * @param {RunResult | undefined} first
 */
function checkOutput(name, def, job, first) {
  if (first && first.stderrLines > 0)
    job.notes.push(
      `${first.stderrLines} line(s) on stderr, last: ${(first.stderr.trim().split('\n').pop() ?? '').slice(0, 200)}`,
    );
  if (first && def.expectLines !== undefined && first.stdoutLines !== def.expectLines)
    job.notes.push(`printed ${first.stdoutLines} records for ${def.expectLines} documents`);
  const rg = job.outsideRuns[0];
  if (first && def.compareCounts && rg) {
    job.counts = {
      corpusDocs: first.stdoutLines,
      corpusLines: first.countSum,
      rgFiles: rg.stdoutLines,
      rgLines: rg.countSum,
    };
    if (first.countSum !== rg.countSum || first.stdoutLines !== rg.stdoutLines) {
      job.notes.push(
        `counts differ from rg: corpus ${first.countSum} lines in ${first.stdoutLines} docs, rg ${rg.countSum} lines in ${rg.stdoutLines} files`,
      );
    }
  }
  if (def.pages && job.cpuMedian)
    job.notes.push(
      `median CPU time ${fmtS(job.cpuMedian)} s (user + system, every thread): ` +
        `${(def.pages / job.cpuMedian).toFixed(0)} pages per CPU-second`,
    );
  // A reader that reads nothing makes grep's "no match" look like a fast, good run (against
  // ripgrep's counts only: a trend's rows are no `id:count` lines).
  if (first && rg && def.outside?.cmd === 'rg' && !def.compareCounts && first.countSum === 0 && rg.countSum > 0)
    job.notes.push(`corpus found no match where ${def.outside?.label ?? 'the outside tool'} counted ${rg.countSum}`);
  if (job.cacheAfterPrime && job.cacheAfterPrime.files === 0 && (name === 'list-warm' || name === 'summarise-warm')) {
    job.notes.push('nothing was written under XDG_CACHE_HOME: no cache, warm = cold');
  }
}
