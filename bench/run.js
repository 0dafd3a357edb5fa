#!/usr/bin/env node
// `npm run bench`: generates (or reuses) the bench corpus, times corpus's commands as whole
// processes beside the nearest outside tool, and prints medians, ratios, peak memory and targets.
//
//   node bench/run.js [--docs 100000] [--runs 5] [--out DIR] [--only job,job] [--json [FILE]]

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultOut, ensureCorpus } from './generate.js';
import { cleanupMeasure, measure, median, memoryMethod } from './lib/measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_BIN = join(ROOT, 'bin', 'corpus.js');
const FRANC_LOOP = join(ROOT, 'bench', 'lib', 'franc-loop.js');
const GREP_FLOOR = join(ROOT, 'bench', 'lib', 'grep-floor.js');
const NODE = process.execPath;

/** The case-insensitive regex for `grep -i`: the same meaning in Rust's regex and in JS `u` mode. */
const REGEX = 'free(?:dom|ly)|libert[éa]|freiheit|свобод|[0-9]{4}-[0-9]{2}-[0-9]{2}';

const JOBS = [
  'list-cold',
  'list-warm',
  'grep-fixed',
  'grep-floor',
  'grep-regex',
  'grep-jsonl',
  'list-jsonl',
  'summarise-cold',
  'summarise-warm',
  'version',
  'seeds',
];

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

function parseArgs(argv) {
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
      if (k + 1 >= argv.length || argv[k + 1].startsWith('--')) throw new Error(`${arg} needs a value`);
      return argv[++k];
    };
    const int = (min = 1) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${arg} needs an integer ≥ ${min}`);
      return n;
    };
    if (arg === '--docs') o.docs = int();
    else if (arg === '--runs') o.runs = int();
    else if (arg === '--out') o.out = value();
    else if (arg === '--only') {
      o.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = o.only.filter((j) => !JOBS.includes(j));
      if (unknown.length) throw new Error(`unknown job ${unknown.join(', ')}; jobs: ${JOBS.join(', ')}`);
    } else if (arg === '--json') o.json = k + 1 < argv.length && !argv[k + 1].startsWith('--') ? argv[++k] : '';
    else if (arg === '--seed') o.seed = value();
    else if (arg === '--per-folder') o.perFolder = int();
    else if (arg === '--timeout') o.timeout = int();
    else if (arg === '--franc-runs') o.francRuns = int(0);
    else if (arg === '--regen') o.regen = true;
    else if (arg === '-h' || arg === '--help') o.help = true;
    else throw new Error(`unknown option ${arg}\n\n${USAGE}`);
  }
  return o;
}

const log = (line) => process.stderr.write(`${line}\n`);

function machine(memory) {
  const cpus = os.cpus();
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    ripgrep: rg.status === 0 ? rg.stdout.split('\n')[0] : null,
    memoryMethod: memory.description,
  };
}

/**
 * Reads every file under `dir` once, untimed, and returns the seconds it took. This machine's page
 * cache is small and drops the corpus's files between jobs: read from the disk, a run measures
 * the disk. Warmed before each job, every run, ours and the outside tool's, reads from memory.
 */
function warmPageCache(dir) {
  const started = process.hrtime.bigint();
  const buf = Buffer.allocUnsafe(1 << 20);
  const read = (p) => {
    const fd = openSync(p, 'r');
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
  };
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) read(p);
    }
  };
  if (statSync(dir).isFile()) read(dir);
  else walk(dir);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Files and bytes a cache folder holds, to tell whether the tool wrote a cache at all. */
function folderSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/**
 * The corpus as one JSON Lines file beside it (`corpus-<N>-all.jsonl`: a record a document, text
 * and Markdown alike, in walk order, its text and an id), written once; for the jobs that grep and
 * list one big JSON Lines file. (`corpus-<N>.jsonl`, of earlier versions, left out the Markdown.)
 */
function ensureJsonl(dir, docs) {
  const file = join(dirname(dir), `corpus-${docs}-all.jsonl`);
  const manifestTime = statSync(dir).mtimeMs;
  try {
    if (statSync(file).mtimeMs >= manifestTime) return file;
  } catch {
    /* not there yet */
  }
  const started = process.hrtime.bigint();
  const fd = openSync(`${file}.tmp`, 'w');
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else if (e.isFile() && /\.(txt|md)$/.test(e.name))
        writeSync(
          fd,
          `${JSON.stringify({ id: rel + e.name.replace(/\.(txt|md)$/, ''), text: readFileSync(p, 'utf8') })}\n`,
        );
    }
  };
  walk(dir, '');
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
  log(
    `corpus as JSON Lines: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${fmtS(Number(process.hrtime.bigint() - started) / 1e9)} s`,
  );
  return file;
}

/** The newest modification time under dist/: tells whether the build changed during the run. */
function distStamp() {
  let newest = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  try {
    walk(join(ROOT, 'dist'));
  } catch {
    return null;
  }
  return newest ? new Date(newest).toISOString() : null;
}

/** The commit checked out, with a + when the work tree has changes (read-only git calls). */
function gitDescribe() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return head.stdout.trim() + (dirty.stdout.trim() ? '+' : '');
}

/** Picks the grep word: the candidate whose share of documents is closest to 10%, never 0 or all. */
function pickWord(manifest) {
  const entries = Object.entries(manifest.documentFrequency).filter(([, df]) => df > 0 && df < manifest.docs);
  if (entries.length === 0) return { word: 'freedom', df: null };
  entries.sort((a, b) => Math.abs(a[1] / manifest.docs - 0.1) - Math.abs(b[1] / manifest.docs - 0.1));
  return { word: entries[0][0], df: entries[0][1] };
}

const fmtS = (s) => (s === null || s === undefined ? '—' : s < 1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtMiB = (kib) => (kib === null || kib === undefined ? '—' : (kib / 1024).toFixed(0));

function describeFailure(run) {
  if (run.error) return `could not start: ${run.error}`;
  if (run.timedOut) return 'timed out';
  if (run.signal) return `killed by ${run.signal}`;
  const tail = run.stderr.trim().split('\n').slice(-3).join(' / ');
  return `exit ${run.code}${tail ? `: ${tail.slice(0, 300)}` : ''}`;
}

async function main(argv) {
  const o = parseArgs(argv);
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const memory = memoryMethod();
  const out = resolve(o.out ?? defaultOut(o.docs));
  const selected = o.only ?? JOBS;
  const notes = [];

  const build = { git: gitDescribe(), distBuilt: distStamp() };
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
  const warmCache = join(tempRoot, 'warm');
  let coldCount = 0;
  const freshCache = () => join(tempRoot, `cold-${++coldCount}`);
  const envWith = (cache) => ({ ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' });
  const jsonl = selected.includes('grep-jsonl') || selected.includes('list-jsonl') ? ensureJsonl(dir, o.docs) : null;
  const corpus = (...args) => ({
    cmd: NODE,
    args: [CORPUS_BIN, ...args],
    label: `corpus ${args.map((a) => (a === dir ? '<corpus>' : a === jsonl ? '<corpus>.jsonl' : a)).join(' ')}`,
  });
  const outside = (label, cmd, args) => ({ cmd, args, label });

  /** @type {Record<string, any>} */
  const defs = {
    'list-cold': {
      title: '`list` cold, every field (jsonl)',
      run: corpus('list', ...(hasNoCache ? ['--no-cache'] : []), '--format', 'jsonl', dir),
      cache: 'cold',
      ok: [0],
      outside:
        o.francRuns === 0
          ? undefined
          : outside(
              `franc-all loop (${Math.min(o.francRuns, o.runs)} run${Math.min(o.francRuns, o.runs) > 1 ? 's' : ''})`,
              NODE,
              [FRANC_LOOP, dir],
            ),
      outsideRuns: o.francRuns,
      target: { kind: 'seconds', max: 40, text: '≤ 40 s' },
      expectLines: o.docs,
    },
    'list-warm': {
      title: '`list` warm (cache)',
      run: corpus('list', '--format', 'jsonl', dir),
      cache: 'warm',
      ok: [0],
      target: { kind: 'seconds', max: 3, text: '≤ 3 s' },
      expectLines: o.docs,
    },
    'grep-fixed': {
      title: `\`grep -c -F ${word}\``,
      run: corpus('grep', '-c', '-F', word, dir),
      cache: 'warm',
      ok: [0, 1],
      outside: outside(`rg -c -F ${word}`, 'rg', ['--no-config', '-c', '-F', word, dir]),
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
      outside: outside(`rg -c -F ${word}`, 'rg', ['--no-config', '-c', '-F', word, dir]),
      target: null,
      compareCounts: true,
    },
    'grep-regex': {
      title: '`grep -c -i <regex>`',
      run: corpus('grep', '-c', '-i', REGEX, dir),
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
      run: corpus('grep', '-c', '-F', word, jsonl ?? ''),
      cache: 'warm',
      ok: [0, 1],
      outside: outside(`rg -c -F ${word}`, 'rg', ['--no-config', '-c', '-F', word, jsonl ?? '']),
      target: null,
    },
    // The same records in one JSON Lines file: no file of their own to stat, all from the cache.
    'list-jsonl': {
      title: '`list` warm, one JSON Lines file',
      run: corpus('list', '--format', 'jsonl', jsonl ?? ''),
      cache: 'warm',
      prime: 'list-jsonl',
      ok: [0],
      target: null,
      expectLines: o.docs,
    },
    'summarise-cold': {
      title: '`summarise` cold',
      run: corpus('summarise', '--format', 'json', dir),
      cache: 'cold',
      ok: [0],
      target: null,
    },
    'summarise-warm': {
      title: '`summarise` warm',
      run: corpus('summarise', '--format', 'json', dir),
      cache: 'warm',
      ok: [0],
      target: { kind: 'seconds', max: 30, text: '≤ 30 s' },
    },
    version: {
      title: '`corpus --version`',
      run: corpus('--version'),
      cache: 'warm',
      ok: [0],
      outside: outside("node -e ''", NODE, ['-e', '']),
      target: { kind: 'ratio', max: 1.5, text: "≤ 1.5 × node -e ''" },
    },
    seeds: {
      title: '`list` of the seeds, warm',
      run: corpus('list'),
      cache: 'warm',
      ok: [0],
      outside: outside("node -e ''", NODE, ['-e', '']),
      target: { kind: 'ratio', max: 2.5, text: "≤ 2.5 × node -e ''" },
    },
  };

  const m = machine(memory);
  const corpusInfo = {
    dir,
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
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}`);
  log(`corpus: ${corpusInfo.docs} docs, ${corpusInfo.megabytes} MB, ${corpusInfo.languages} languages in ${dir}`);

  const results = [];
  const primed = new Set();
  const timed = async (spec, env, jobName, side, r) => {
    const res = await measure(spec.cmd, spec.args, {
      env,
      cwd: ROOT,
      timeoutSeconds: o.timeout,
      method: memory.method,
    });
    log(
      `  ${jobName} ${side} run ${r}: ${fmtS(res.seconds)} s, ${fmtMiB(res.maxRssKiB)} MiB${res.code === 0 ? '' : `, exit ${res.code ?? res.signal}`}`,
    );
    return res;
  };

  for (const name of selected) {
    const def = defs[name];
    log(`${name}: ${def.run.label}${def.outside ? `  vs  ${def.outside.label}` : ''}`);
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
    results.push(job);
    const read = def.run.args.find((a) => a === dir || (jsonl !== null && a === jsonl));
    if (read) log(`  ${name} page cache warmed: every file read in ${fmtS(warmPageCache(read))} s`);
    const primeKey = def.prime ?? name.replace(/-.*/, '');
    if (def.cache === 'warm' && !primed.has(primeKey)) {
      // Fill the cache for this command once, untimed; warm runs then reuse it.
      const prime = await measure(def.run.cmd, def.run.args, {
        env: envWith(warmCache),
        cwd: ROOT,
        timeoutSeconds: o.timeout,
        method: memory.method,
      });
      primed.add(primeKey);
      job.prime = { seconds: prime.seconds, maxRssKiB: prime.maxRssKiB };
      log(`  ${name} cache-filling run: ${fmtS(prime.seconds)} s, ${fmtMiB(prime.maxRssKiB)} MiB`);
      if (!def.ok.includes(prime.code)) {
        job.error = `cache-filling run failed: ${describeFailure(prime)}`;
        continue;
      }
      const size = folderSize(warmCache);
      job.cacheAfterPrime = size;
    }
    for (let r = 1; r <= o.runs; r++) {
      let cache = warmCache;
      if (def.cache === 'cold') cache = freshCache();
      const res = await timed(def.run, envWith(cache), name, 'corpus', r);
      if (def.cache === 'cold') rmSync(cache, { recursive: true, force: true });
      job.runs.push(res);
      if (!def.ok.includes(res.code) || res.signal || res.timedOut || res.error) {
        job.error = describeFailure(res);
        break;
      }
      if (def.outside && r <= (def.outsideRuns ?? o.runs))
        job.outsideRuns.push(await timed(def.outside, envWith(warmCache), name, 'outside', r));
    }
    const good = job.runs.filter((x) => def.ok.includes(x.code) && !x.signal && !x.timedOut && !x.error);
    job.median = job.error ? null : median(good.map((x) => x.seconds));
    job.outsideMedian = median(job.outsideRuns.filter((x) => x.code === 0 || x.code === 1).map((x) => x.seconds));
    job.ratio = job.median !== null && job.outsideMedian ? job.median / job.outsideMedian : null;
    job.maxRssKiB = job.runs.reduce((a, x) => Math.max(a, x.maxRssKiB ?? 0), 0) || null;
    job.outsideMaxRssKiB = job.outsideRuns.reduce((a, x) => Math.max(a, x.maxRssKiB ?? 0), 0) || null;
    job.target = def.target?.text ?? null;
    if (job.error) job.status = 'ERROR';
    else if (!def.target) job.status = '';
    else if (def.target.kind === 'seconds') job.status = job.median <= def.target.max ? 'PASS' : 'FAIL';
    else job.status = job.ratio !== null && job.ratio <= def.target.max ? 'PASS' : job.ratio === null ? 'n/a' : 'FAIL';

    // Sanity checks on what the runs printed.
    const first = good[0];
    if (first && first.stderrLines > 0)
      job.notes.push(
        `${first.stderrLines} line(s) on stderr, last: ${first.stderr.trim().split('\n').pop().slice(0, 200)}`,
      );
    if (first && def.expectLines !== undefined && first.stdoutLines !== def.expectLines)
      job.notes.push(`printed ${first.stdoutLines} records for ${def.expectLines} documents`);
    if (first && def.compareCounts && job.outsideRuns[0]) {
      const rg = job.outsideRuns[0];
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
    if (job.cacheAfterPrime && job.cacheAfterPrime.files === 0 && (name === 'list-warm' || name === 'summarise-warm')) {
      job.notes.push('nothing was written under XDG_CACHE_HOME: no cache, warm = cold');
    }
    for (const n of job.notes) notes.push(`${name}: ${n}`);
    if (job.error) notes.push(`${name}: FAILED — ${job.error}`);
  }
  rmSync(tempRoot, { recursive: true, force: true });
  cleanupMeasure();
  const distAfter = distStamp();
  if (distAfter !== build.distBuilt) {
    notes.unshift(
      `dist/ was rebuilt during the run (${build.distBuilt} → ${distAfter}): the results mix two builds; run again.`,
    );
  }

  // Peak memory of list and grep, one target over all their runs.
  const memJobs = results.filter((j) => /^(list|grep)-/.test(j.name) && j.maxRssKiB);
  if (memJobs.length) {
    const peak = Math.max(...memJobs.map((j) => j.maxRssKiB));
    results.push({
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
      peakOf: memJobs.find((j) => j.maxRssKiB === peak).name,
    });
  }

  printReport({ m, build, corpusInfo, results, notes, o });

  if (o.json !== null) {
    const file = resolve(o.json || join(dirname(dir), `results-${o.docs}.json`));
    const strip = (runs) => runs.map(({ stderr, ...rest }) => rest);
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

function printReport({ m, build, corpusInfo, results, notes, o }) {
  const w = (s) => process.stdout.write(`${s}\n`);
  w('');
  w(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}${m.ripgrep ? `, ${m.ripgrep}` : ''}`,
  );
  w(
    `corpus:  ${corpusInfo.docs} docs, ${corpusInfo.megabytes} MB, ${corpusInfo.languages} languages, ${corpusInfo.folders} folders, ` +
      `${corpusInfo.exactDuplicates} exact + ${corpusInfo.nearDuplicates} near duplicates, ${corpusInfo.dir}`,
  );
  w(
    `runs:    ${o.runs} per command, medians; grep word "${corpusInfo.grepWord}" (in ${corpusInfo.grepWordDocs} docs), regex /${corpusInfo.grepRegex}/i`,
  );
  w(`build:   git ${build.git ?? '?'}, dist/ built ${build.distBuilt}`);
  w(`memory:  ${m.memoryMethod}`);
  w('');
  const header = ['job', 'corpus (s)', 'outside tool', 'outside (s)', 'ratio', 'peak RSS (MiB)', 'target', 'result'];
  const rows = results.map((j) => [
    j.title,
    fmtS(j.median),
    j.outsideCommand ?? (j.name === 'memory' ? `max of ${j.peakOf}` : '—'),
    fmtS(j.outsideMedian),
    j.ratio === null || j.ratio === undefined ? '—' : `${j.ratio.toFixed(2)}×`,
    fmtMiB(j.maxRssKiB) + (j.outsideMaxRssKiB ? ` (${fmtMiB(j.outsideMaxRssKiB)})` : ''),
    j.target ?? '—',
    j.status || '—',
  ]);
  const widths = header.map((h, c) => Math.max([...h].length, ...rows.map((r) => [...r[c]].length)));
  const line = (cells) => `| ${cells.map((x, c) => x + ' '.repeat(widths[c] - [...x].length)).join(' | ')} |`;
  w(line(header));
  w(`|${widths.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const r of rows) w(line(r));
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

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = 2;
  },
);
