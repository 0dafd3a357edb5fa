// The cluster recipes of examples/ on a real scheduler: a one-node Slurm cluster started by
// scripts/slurm/cluster.sh runs examples/slurm/summarise.sh (four phases, two of them array jobs
// over 4 shards), GNU parallel runs examples/parallel/summarise.sh, and either's merged summary is
// byte for byte what one `corpus summarise` over the whole corpus prints, as TSV and as --json.
// Slurm (slurm-wlm, munge) and GNU parallel must be installed (.ci/run does): without them the
// tests fail, never skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, TEST_CACHE, runBin } from '../helpers/run-bin.js';

const CLUSTER = path.join(ROOT, 'scripts/slurm/cluster.sh');
const SLURM_RECIPE = path.join(ROOT, 'examples/slurm/summarise.sh');
const PARALLEL_RECIPE = path.join(ROOT, 'examples/parallel/summarise.sh');
/** The built CLI of the tree under test, as the recipes' CORPUS_CMD runs it. */
const CORPUS_CMD = `${process.execPath} ${BIN}`;
/** Minutes, not seconds: four phases of node processes on a loaded two-core machine. */
const RUN_TIMEOUT = 10 * 60_000;

let work: string;
/** The cluster's private state folder and port: never a cluster the machine already runs. */
let clusterEnv: NodeJS.ProcessEnv;
let slurmConf: string;
/** A corpus of several files, among them a JSON Lines file of many records, with shared lines. */
let fixture: string;
/** Stands in for `corpus` until `merge` exists: see standInText. */
let standIn: string;

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeout = 120_000) {
  const r = spawnSync(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** The environment a recipe runs in (and, through sbatch, its jobs). */
function recipeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { XDG_CACHE_HOME: TEST_CACHE, NO_COLOR: '1', SLURM_CONF: slurmConf, CORPUS_CMD, ...extra };
}

/**
 * A stand-in for `corpus` that follows the contract's phases with deterministic text: each shard
 * writes what it is and, in phase 3, the merged line counts it was given; merge sorts and joins.
 * STAND_IN_EMPTY_SHARD makes a shard exit 1 (no documents: still a valid partial),
 * STAND_IN_FAIL_SHARD makes one fail with status 2.
 */
const standInText = `import fs from 'node:fs';
const [command, ...args] = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const output = option('-o');
if (command === 'summarise') {
  const shard = option('--shard');
  const index = shard.split('/')[0];
  if (process.env.STAND_IN_FAIL_SHARD === index) {
    process.stderr.write('stand-in: shard ' + shard + ' fails\\n');
    process.exit(2);
  }
  const top = args.includes('--top') ? ' top ' + option('--top') : '';
  const counts = args.includes('--lines') ? fs.readFileSync(option('--lines'), 'utf8').trim().split('\\n').join(',') : '';
  const text = args.includes('--count-lines') ? 'lines ' + shard + top : 'part ' + shard + ' of ' + args[0] + top + ' after ' + counts;
  fs.writeFileSync(output, text + '\\n');
  process.exitCode = process.env.STAND_IN_EMPTY_SHARD === index ? 1 : 0;
} else if (command === 'merge') {
  const files = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-o');
  const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').trim().split('\\n')).sort();
  const text = args.includes('--json') ? JSON.stringify(lines) + '\\n' : lines.join('\\n') + '\\n';
  if (output) fs.writeFileSync(output, text);
  else process.stdout.write(text);
} else process.exit(2);
`;

/** What the stand-in's phases give for `<corpus> 4 <out> --top 3`: summary.txt, then summary.json. */
function standInSummary(corpus: string): [string, string] {
  const counts = [1, 2, 3, 4].map((i) => `lines ${i}/4 top 3`).join(',');
  const parts = [1, 2, 3, 4].map((i) => `part ${i}/4 of ${corpus} top 3 after ${counts}`);
  return [`${parts.join('\n')}\n`, `${JSON.stringify(parts)}\n`];
}

/** Writes the fixture corpus: the recurring and dupes fixtures, and 60 news records as JSON Lines. */
function writeFixture(dir: string): void {
  for (const scenario of ['recurring', 'dupes']) {
    const from = path.join(ROOT, 'tests/fixtures', scenario);
    for (const name of fs.readdirSync(from))
      fs.copyFileSync(path.join(from, name), path.join(dir, `${scenario}-${name}`));
  }
  const sentences = [
    'The council voted on Tuesday to rebuild the old footbridge over the river before the winter floods.',
    'Farmers at the weekly market said the late frost had cut the apple harvest by almost a third.',
    'A new bus line will link the hospital with the villages of the northern valley from next month.',
    'The museum opened a room of maps drawn by the first surveyors of the coast two centuries ago.',
    'Volunteers cleared four tonnes of plastic from the beaches of the bay in a single weekend.',
    'The school will teach swimming to every child under ten after the pool reopens in the spring.',
    'Night trains return to the mountain line after ten years, with sleeping cars built in the town.',
    'The library lends tools as well as books now, from drills to sewing machines and ladders.',
  ];
  const sources = ['Valley Courier', 'Harbour Post', 'Hill Gazette'];
  const records: string[] = [];
  for (let i = 0; i < 60; i++) {
    const body = [0, 3, 5].map((k) => sentences[(i + k * (1 + (i % 3))) % sentences.length]).join(' ');
    const figure = `Report ${i}: ${(i * 37) % 101} people came, ${(i * 13) % 29} more than the week before.`;
    // A footer on most records, a subscription line on some: lines that recur across documents.
    const foot = i % 4 === 3 ? '' : '\nFollow the Valley Courier for more local news';
    const subscribe = i % 5 === 0 ? '\nSubscribe to our newsletter for more local news' : '';
    const record = {
      id: `news-${i}`,
      title: `Local news number ${i % 50}`,
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      source: sources[i % sources.length],
      // Records 9, 29 and 49 are copies of one another, most likely in different shards: each of
      // their lines recurs, so the whole corpus's line counts make them all boilerplate.
      text:
        i % 20 === 9
          ? `${sentences[6]}\n${sentences[7]}\nFollow the Valley Courier for more local news`
          : `${figure} ${body}${foot}${subscribe}`,
    };
    records.push(JSON.stringify(record));
  }
  fs.writeFileSync(path.join(dir, 'news.jsonl'), `${records.join('\n')}\n`);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-slurm-test-'));
  // munged serves its socket only from folders that every user may enter.
  fs.chmodSync(work, 0o755);
  // A port of its own beside Slurm's default 6817, so a cluster the machine runs is left alone.
  clusterEnv = { CORPUS_SLURM_DIR: path.join(work, 'cluster'), CORPUS_SLURM_PORT: '16817' };
  slurmConf = path.join(work, 'cluster', 'slurm.conf');
  fixture = path.join(work, 'fixture');
  fs.mkdirSync(fixture);
  writeFixture(fixture);
  standIn = path.join(work, 'stand-in.mjs');
  fs.writeFileSync(standIn, standInText);
});

afterAll(() => {
  // Stopped even when a test failed; the folder goes only once no daemon is left writing in it.
  const r = sh(CLUSTER, ['stop'], clusterEnv);
  if (r.status === 0) fs.rmSync(work, { recursive: true, force: true });
}, 120_000);

/** Runs a recipe; returns the job ids it printed (Slurm) and its output folder. */
function runRecipe(recipe: string, corpus: string, env: NodeJS.ProcessEnv, options: string[] = []) {
  const out = fs.mkdtempSync(path.join(work, 'out-'));
  const r = sh('bash', [recipe, corpus, '4', out, ...options], recipeEnv(env), RUN_TIMEOUT);
  return { ...r, out, ids: r.stdout.trim().split(/\s+/).filter(Boolean) };
}

/** Waits until Slurm has no job of `ids` pending or running; returns each job's task states. */
async function waitForJobs(ids: string[]): Promise<string[]> {
  const env = { SLURM_CONF: slurmConf };
  const deadline = Date.now() + RUN_TIMEOUT;
  for (;;) {
    const q = sh('squeue', ['--noheader', '--format=%i', `--jobs=${ids.join(',')}`], env);
    if (q.status !== 0) throw new Error(`squeue failed: ${q.stderr}`);
    if (q.stdout.trim() === '') break;
    if (Date.now() > deadline) throw new Error(`jobs ${ids.join(' ')} still queued:\n${q.stdout}`);
    await sleep(500);
  }
  // A finished job stays known to the controller for MinJobAge (300 s); an array job has a line
  // per task, in no set order.
  return ids.map((id) => {
    const s = sh('scontrol', ['--oneliner', 'show', 'job', id], env);
    const tasks = s.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => ({
        task: Number(/ArrayTaskId=(\d+)/.exec(line)?.[1] ?? 0),
        state: /JobState=(\w+)/.exec(line)?.[1],
      }));
    return tasks
      .sort((a, b) => a.task - b.task)
      .map((t) => t.state)
      .join(' ');
  });
}

/** The job logs of a run, to show when a phase failed. */
function logs(out: string): string {
  const dir = path.join(out, 'logs');
  if (!fs.existsSync(dir)) return '(no logs)';
  return fs
    .readdirSync(dir)
    .map((name) => `--- ${name}\n${fs.readFileSync(path.join(dir, name), 'utf8')}`)
    .join('\n');
}

/** Runs the Slurm recipe to its end and checks that every phase completed. */
async function summariseOnSlurm(corpus: string, env: NodeJS.ProcessEnv = {}, options: string[] = []) {
  const run = runRecipe(SLURM_RECIPE, corpus, env, options);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.ids).toHaveLength(4);
  const states = await waitForJobs(run.ids);
  const completed = ['COMPLETED COMPLETED COMPLETED COMPLETED', 'COMPLETED'];
  if (states.join('|') !== [...completed, ...completed].join('|'))
    throw new Error(`the phases ended ${JSON.stringify(states)}; their logs:\n${logs(run.out)}`);
  return run.out;
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('a one-node Slurm cluster (scripts/slurm/cluster.sh)', () => {
  // Why the cluster is not up, if it is not: every test then fails with it (one failed hook
  // would only skip them, and CI's count of failed tests would miss them).
  let missing: string | undefined;
  beforeAll(() => {
    if (sh('sh', ['-c', 'command -v sbatch']).status !== 0)
      missing = 'sbatch not found: install Slurm and munge (apt-get install slurm-wlm munge), as .ci/run does';
    const r = missing ? undefined : sh(CLUSTER, ['start'], clusterEnv);
    if (r && r.status !== 0) missing = `cluster.sh start failed (status ${r.status}):\n${r.stderr}`;
  }, 120_000);
  const slurmTest = (name: string, fn: () => unknown, timeout?: number) =>
    test(
      name,
      async () => {
        if (missing) throw new Error(missing);
        await fn();
      },
      timeout,
    );

  slurmTest('start is quiet, and starting a running cluster does nothing', () => {
    const before = sh(CLUSTER, ['status'], clusterEnv);
    expect(before.stdout).toMatch(/^running: node localhost idle /);
    expect(sh(CLUSTER, ['start'], clusterEnv)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(sh(CLUSTER, ['status'], clusterEnv).stdout).toBe(before.stdout);
  });

  slurmTest(
    'the recipe runs its four phases in order over 4 shards (a stand-in for corpus)',
    async () => {
      const env = { CORPUS_CMD: `${process.execPath} ${standIn}`, STAND_IN_EMPTY_SHARD: '2' };
      const out = await summariseOnSlurm('seeds', env, ['--top', '3']);
      const [txt, json] = standInSummary('seeds');
      expect(read(path.join(out, 'summary.txt'))).toBe(txt);
      expect(read(path.join(out, 'summary.json'))).toBe(json);
    },
    RUN_TIMEOUT,
  );

  slurmTest(
    'a shard that fails cancels the later phases, and no summary is written',
    async () => {
      const env = { CORPUS_CMD: `${process.execPath} ${standIn}`, STAND_IN_FAIL_SHARD: '3' };
      const run = runRecipe(SLURM_RECIPE, 'seeds', env);
      expect(run.status).toBe(0);
      const states = await waitForJobs(run.ids);
      expect(states).toEqual(['COMPLETED COMPLETED FAILED COMPLETED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
      expect(fs.existsSync(path.join(run.out, 'summary.txt'))).toBe(false);
    },
    RUN_TIMEOUT,
  );

  for (const [name, corpus] of [
    ['the seeds', () => 'seeds'],
    ['a corpus of files and a JSON Lines file with shared lines', () => fixture],
  ] as const) {
    slurmTest(
      `4 shards on Slurm print what one run prints, TSV and --json: ${name}`,
      async () => {
        const out = await summariseOnSlurm(corpus());
        const tsv = runBin(['summarise', corpus()]);
        const json = runBin(['summarise', corpus(), '--json']);
        expect(tsv.status).toBe(0);
        expect(read(path.join(out, 'summary.txt'))).toBe(tsv.stdout);
        expect(read(path.join(out, 'summary.json'))).toBe(json.stdout);
      },
      RUN_TIMEOUT,
    );
  }

  slurmTest('stop leaves no daemon running, and a second stop is fine', () => {
    const dir = clusterEnv.CORPUS_SLURM_DIR as string;
    const pids = ['slurmctld.pid', 'slurmd.pid', 'munge/munged.pid'].map((f) => read(path.join(dir, f)).trim());
    expect(sh(CLUSTER, ['stop'], clusterEnv)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    for (const pid of pids) {
      // Gone, or a zombie its parent has not reaped yet: either way it runs no more.
      const stat = fs.existsSync(`/proc/${pid}/stat`) ? read(`/proc/${pid}/stat`) : '';
      expect(stat.replace(/^.*\) /s, '').charAt(0) || 'gone').toMatch(/^(gone|Z)$/);
    }
    expect(sh(CLUSTER, ['status'], clusterEnv)).toMatchObject({ status: 3, stdout: 'stopped\n' });
    expect(sh(CLUSTER, ['stop'], clusterEnv)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });
});

describe('GNU parallel (examples/parallel/summarise.sh, on this machine: --sshlogin :)', () => {
  let missing: string | undefined;
  beforeAll(() => {
    if (sh('sh', ['-c', 'command -v parallel']).status !== 0)
      missing = 'GNU parallel not found: apt-get install parallel, as .ci/run does';
  });
  const parallelTest = (name: string, fn: () => unknown, timeout?: number) =>
    test(
      name,
      () => {
        if (missing) throw new Error(missing);
        fn();
      },
      timeout,
    );

  parallelTest(
    'the recipe runs its four phases in order over 4 shards (a stand-in for corpus)',
    () => {
      const env = { CORPUS_CMD: `${process.execPath} ${standIn}`, STAND_IN_EMPTY_SHARD: '2' };
      const run = runRecipe(PARALLEL_RECIPE, 'seeds', env, ['--top', '3']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const [txt, json] = standInSummary('seeds');
      expect(read(path.join(run.out, 'summary.txt'))).toBe(txt);
      expect(read(path.join(run.out, 'summary.json'))).toBe(json);
    },
    RUN_TIMEOUT,
  );

  parallelTest(
    'a shard that fails stops the run with status 1, and no summary is written',
    () => {
      const env = { CORPUS_CMD: `${process.execPath} ${standIn}`, STAND_IN_FAIL_SHARD: '3' };
      const run = runRecipe(PARALLEL_RECIPE, 'seeds', env);
      expect(run.stderr).toContain('stand-in: shard 3/4 fails\n');
      expect(run.status).toBe(1);
      expect(fs.existsSync(path.join(run.out, 'summary.txt'))).toBe(false);
    },
    RUN_TIMEOUT,
  );

  parallelTest(
    '4 shards with GNU parallel print what one run prints, TSV and --json',
    () => {
      for (const corpus of ['seeds', fixture]) {
        const run = runRecipe(PARALLEL_RECIPE, corpus, {});
        if (run.status !== 0) throw new Error(`the recipe failed (status ${run.status}):\n${run.stderr}`);
        const tsv = runBin(['summarise', corpus]);
        const json = runBin(['summarise', corpus, '--json']);
        expect(tsv.status).toBe(0);
        expect(read(path.join(run.out, 'summary.txt'))).toBe(tsv.stdout);
        expect(read(path.join(run.out, 'summary.json'))).toBe(json.stdout);
      }
    },
    RUN_TIMEOUT,
  );
});
