// The bench's jobs: each command timed, beside which outside tool, with a cold or a warm cache,
// and the target it is held to; and the word that `grep` looks for in the generated corpus.

import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_BIN = join(ROOT, 'bin', 'corpus.js');
export const NODE = process.execPath;
const FRANC_LOOP = join(ROOT, 'bench', 'lib', 'franc-loop.js');
const GREP_FLOOR = join(ROOT, 'bench', 'lib', 'grep-floor.js');
const SHARD_MERGE = join(ROOT, 'bench', 'lib', 'shard-merge.sh');

/** The case-insensitive regex for `grep -i`: the same meaning in Rust's regex and in JS `u` mode. */
export const REGEX = 'free(?:dom|ly)|libert[éa]|freiheit|свобод|[0-9]{4}-[0-9]{2}-[0-9]{2}';

/** Every job, in the order they run. */
export const JOBS = /** @type {const} */ ([
  'list-cold',
  'list-warm',
  'grep-fixed',
  'grep-floor',
  'grep-regex',
  'grep-jsonl',
  'list-jsonl',
  'list-parquet',
  'summarise-cold',
  'summarise-warm',
  'summarise-memory',
  'shard-merge',
  'grep-trend',
  'grep-plot',
  'words-warm',
  'collocates-warm',
  'keywords-warm',
  'report-warm',
  'version',
  'seeds',
]);

/** @typedef {typeof JOBS[number]} JobName */

/**
 * A command to time: what to spawn, and how the report names it.
 * @typedef {object} Spec
 * @property {string} cmd
 * @property {string[]} args
 * @property {string} label
 */

/**
 * The target a job is held to: its median in seconds, its ratio to the outside tool, its figure
 * (at least `max`), or its peak memory (under `max` MiB).
 * @typedef {object} Target
 * @property {'seconds' | 'ratio' | 'rate' | 'rss' | 'plus'} kind - `plus`: at most `max` seconds more than the outside command
 * @property {number} max
 * @property {string} text
 */

/**
 * One job: what to time, beside which outside tool, with which cache, and what to check.
 * @typedef {object} JobDef
 * @property {string} title
 * @property {Spec} run
 * @property {string} [reads] - the corpus it reads, warmed in the page cache before it runs (else
 *   the corpus or the JSON Lines file when among its arguments)
 * @property {{ key: string, unit: string }} [figure] - the job's figure is not its time but a
 *   number the run prints: the field `key` of the JSON on its last line of output
 * @property {'cold' | 'warm'} cache
 * @property {string} [prime] - the key of the cache-filling run, when not the name's first word
 * @property {(number | null)[]} ok - the exit codes of a good run
 * @property {Spec} [outside]
 * @property {number} [outsideRuns] - runs of the outside tool, when fewer than --runs
 * @property {Target | null} target
 * @property {number} [expectLines] - the records a run prints
 * @property {number} [pages] - pages it reads: its notes give pages per CPU-second (a shared host
 *   changes wall time more than CPU time)
 * @property {boolean} [compareCounts] - the counts must equal ripgrep's
 */

/**
 * Picks the grep word: the candidate whose share of documents is closest to 10%, never 0 or all.
 * @param {{ docs: number, documentFrequency: Record<string, number> }} manifest
 * @returns {{ word: string, df: number | null }}
 */
export function pickWord(manifest) {
  const entries = Object.entries(manifest.documentFrequency).filter(([, df]) => df > 0 && df < manifest.docs);
  const [best] = entries.sort((a, b) => Math.abs(a[1] / manifest.docs - 0.1) - Math.abs(b[1] / manifest.docs - 0.1));
  return best === undefined ? { word: 'freedom', df: null } : { word: best[0], df: best[1] };
}

/**
 * What the jobs of one run need to know of the corpus.
 * @typedef {object} CorpusRun
 * @property {string} bin - the `corpus` launcher run
 * @property {string} dir - the corpus folder
 * @property {string | null} jsonl - the corpus as one JSON Lines file, when a job needs it
 * @property {string} word - the grep word
 * @property {boolean} hasNoCache - whether `list --no-cache` exists
 */

/**
 * A command of `corpus` on this corpus, labelled with `<corpus>` for its paths.
 * @param {CorpusRun} run
 * @param {string[]} args
 * @returns {Spec}
 */
function corpus({ bin, dir, jsonl }, ...args) {
  return {
    cmd: NODE,
    args: [bin, ...args],
    label: `corpus ${args.map((a) => (a === dir ? '<corpus>' : a === jsonl ? '<corpus>.jsonl' : a)).join(' ')}`,
  };
}

/**
 * A command of another tool.
 * @param {string} label
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Spec}
 */
const outside = (label, cmd, args) => ({ cmd, args, label });

/**
 * Every job for one corpus.
 * @param {CorpusRun} run
 * @param {{ docs: number, runs: number, francRuns: number }} o - the command line
 * @returns {Record<JobName, JobDef>}
 */
export function defineJobs(run, o) {
  const { dir, hasNoCache } = run;
  const francRuns = Math.min(o.francRuns, o.runs);
  return {
    'list-cold': {
      title: '`list` cold, every field (jsonl)',
      run: corpus(run, 'list', ...(hasNoCache ? ['--no-cache'] : []), '--format', 'jsonl', dir),
      cache: 'cold',
      ok: [0],
      outside:
        o.francRuns === 0
          ? undefined
          : outside(`franc-all loop (${francRuns} run${francRuns > 1 ? 's' : ''})`, NODE, [FRANC_LOOP, dir]),
      outsideRuns: o.francRuns,
      target: { kind: 'seconds', max: 40, text: '≤ 40 s' },
      expectLines: o.docs,
    },
    'list-warm': {
      title: '`list` warm (cache)',
      run: corpus(run, 'list', '--format', 'jsonl', dir),
      cache: 'warm',
      ok: [0],
      target: { kind: 'seconds', max: 3, text: '≤ 3 s' },
      expectLines: o.docs,
    },
    ...grepJobs(run),
    // The same records in one JSON Lines file: no file of their own to stat, all from the cache.
    'list-jsonl': {
      title: '`list` warm, one JSON Lines file',
      run: corpus(run, 'list', '--format', 'jsonl', run.jsonl ?? ''),
      cache: 'warm',
      prime: 'list-jsonl',
      ok: [0],
      target: null,
      expectLines: o.docs,
    },
    // Issue 21: the records as a Parquet file (docs/parquet.md).
    'list-parquet': {
      title: '`list` warm, a Parquet file',
      run: corpus(run, 'list', '--format', 'parquet', '-o', join(tmpdir(), 'corpus-bench.parquet'), dir),
      cache: 'warm',
      prime: 'list',
      ok: [0],
      target: null,
    },
    'summarise-cold': {
      title: '`summarise` cold',
      run: corpus(run, 'summarise', '--format', 'json', dir),
      cache: 'cold',
      ok: [0],
      target: null,
    },
    'summarise-warm': {
      title: '`summarise` warm',
      run: corpus(run, 'summarise', '--format', 'json', dir),
      cache: 'warm',
      ok: [0],
      target: { kind: 'seconds', max: 30, text: '≤ 30 s' },
    },
    // Issue 21: the peak memory of the same run (its target is bounded memory, not time).
    'summarise-memory': {
      title: '`summarise` warm, peak memory',
      run: corpus(run, 'summarise', '--format', 'json', dir),
      cache: 'warm',
      prime: 'summarise',
      ok: [0],
      target: { kind: 'rss', max: 400, text: '< 400 MB' },
    },
    // Issue 21: four shards' partials, one after the other, then merged (a cluster runs them at once).
    'shard-merge': {
      title: '`summarise --shard i/4 --partial` ×4, then `merge`',
      run: {
        cmd: 'bash',
        args: [SHARD_MERGE, NODE, run.bin, dir, '4'],
        label: 'bench/lib/shard-merge.sh <corpus> 4',
      },
      reads: dir,
      cache: 'warm',
      prime: 'summarise',
      ok: [0],
      outside: corpus(run, 'summarise', '--format', 'json', dir),
      target: null,
    },
    ...wordJobs(run),
    version: {
      title: '`corpus --version`',
      run: corpus(run, '--version'),
      cache: 'warm',
      ok: [0],
      outside: outside("node -e ''", NODE, ['-e', '']),
      target: { kind: 'ratio', max: 1.5, text: "≤ 1.5 × node -e ''" },
    },
    seeds: {
      title: '`list` of the seeds, warm',
      run: corpus(run, 'list'),
      cache: 'warm',
      ok: [0],
      outside: outside("node -e ''", NODE, ['-e', '']),
      target: { kind: 'ratio', max: 2.5, text: "≤ 2.5 × node -e ''" },
    },
  };
}

/**
 * The `grep` jobs: counts beside ripgrep, a trend and a plot.
 * @param {CorpusRun} run
 * @returns {Record<'grep-fixed' | 'grep-floor' | 'grep-regex' | 'grep-jsonl' | 'grep-trend' | 'grep-plot', JobDef>}
 */
function grepJobs(run) {
  return { ...grepCountJobs(run), ...grepViewJobs(run) };
}

/**
 * The trend and the plot of the grep word: a trend costs the same grep and the records' words.
 * @param {CorpusRun} run
 * @returns {Record<'grep-trend' | 'grep-plot', JobDef>}
 */
function grepViewJobs(run) {
  const { dir, word } = run;
  return {
    'grep-trend': {
      title: `\`grep --by month -F ${word}\``,
      run: corpus(run, 'grep', '--by', 'month', '-F', word, dir),
      cache: 'warm',
      prime: 'list',
      ok: [0, 1],
      outside: corpus(run, 'grep', '-c', '-F', word, dir),
      target: { kind: 'plus', max: 1, text: '≤ grep -c + 1 s' },
    },
    'grep-plot': {
      title: `\`grep --plot -F ${word}\``,
      run: corpus(run, 'grep', '--plot', '-F', word, dir),
      cache: 'warm',
      prime: 'list',
      ok: [0, 1],
      target: null,
    },
  };
}

/**
 * The questions about words, and the report, with a warm cache.
 * @param {CorpusRun} run
 * @returns {Record<'words-warm' | 'collocates-warm' | 'keywords-warm' | 'report-warm', JobDef>}
 */
function wordJobs(run) {
  const { dir, word } = run;
  return {
    'words-warm': {
      title: '`words` warm',
      run: corpus(run, 'words', '--format', 'tsv', dir),
      cache: 'warm',
      prime: 'list',
      ok: [0],
      target: { kind: 'seconds', max: 10, text: '≤ 10 s' },
    },
    'collocates-warm': {
      title: `\`collocates ${word}\` warm`,
      run: corpus(run, 'collocates', word, '--format', 'tsv', dir),
      cache: 'warm',
      prime: 'list',
      ok: [0, 1],
      target: { kind: 'seconds', max: 5, text: '≤ 5 s' },
    },
    'keywords-warm': {
      title: '`keywords` 2024 against 2023, warm',
      run: corpus(
        run,
        'keywords',
        '--since',
        '2024',
        '--ref-since',
        '2023',
        '--ref-until',
        '2023',
        '--format',
        'tsv',
        dir,
      ),
      cache: 'warm',
      prime: 'list',
      ok: [0, 1],
      target: null,
    },
    'report-warm': {
      title: '`report` warm',
      run: corpus(run, 'report', '-o', join(tmpdir(), 'corpus-bench-report.html'), dir),
      cache: 'warm',
      prime: 'list',
      ok: [0],
      target: null,
    },
  };
}

/**
 * The counts of the grep word, against ripgrep's.
 * @param {CorpusRun} run
 * @returns {Record<'grep-fixed' | 'grep-floor' | 'grep-regex' | 'grep-jsonl', JobDef>}
 */
function grepCountJobs(run) {
  const { dir, jsonl, word } = run;
  const rgFixed = outside(`rg -c -F ${word}`, 'rg', ['--no-config', '-c', '-F', word, dir]);
  return {
    'grep-fixed': {
      title: `\`grep -c -F ${word}\``,
      run: corpus(run, 'grep', '-c', '-F', word, dir),
      cache: 'warm',
      ok: [0, 1],
      outside: rgFixed,
      target: { kind: 'ratio', max: 1.5, text: '≤ 1.5 × rg' },
      compareCounts: true,
    },
    // Not `corpus`: the least any Node program takes for the same output (bench/lib/grep-floor.js),
    // to tell how much of the gap to ripgrep is Node's own.
    'grep-floor': {
      title: `Node floor of \`grep -c -F ${word}\``,
      run: outside(`node grep-floor.js ${word}`, NODE, [GREP_FLOOR, word, dir]),
      cache: 'warm',
      ok: [0],
      outside: rgFixed,
      target: null,
      compareCounts: true,
    },
    'grep-regex': {
      title: '`grep -c -i <regex>`',
      run: corpus(run, 'grep', '-c', '-i', REGEX, dir),
      cache: 'warm',
      ok: [0, 1],
      outside: outside('rg -c -i <regex>', 'rg', ['--no-config', '-c', '-i', REGEX, dir]),
      target: null,
      compareCounts: true,
    },
    // The same documents as one JSON Lines file: ripgrep counts the records that hold the
    // word, corpus the lines of their texts, so the counts differ and are not compared.
    'grep-jsonl': {
      title: `\`grep -c -F ${word}\`, one JSON Lines file`,
      run: corpus(run, 'grep', '-c', '-F', word, jsonl ?? ''),
      cache: 'warm',
      ok: [0, 1],
      outside: outside(`rg -c -F ${word}`, 'rg', ['--no-config', '-c', '-F', word, jsonl ?? '']),
      target: null,
    },
  };
}
