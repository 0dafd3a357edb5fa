// Issue 21, points 1 and 2: `--shard i/n` splits any corpus by its documents' ids, and the
// partials of every shard (`summarise --partial`), merged (`corpus merge`), print what one
// `summarise` over the whole corpus prints, byte for byte: with the counting phase of edge lines
// (`--count-lines`, `--lines`) or without it, in steps, from pieces of a stream; and partials
// that do not go together are refused, naming the file. Through the built bin/corpus.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin, type BinRun } from '../helpers/run-bin.js';

let corpus: string;
let work: string;

/** Made-up words, so the documents differ: a few hundred documents start summarise's workers. */
const SYL = ['ka', 'lo', 'mi', 'ne', 'pu', 'ra', 'si', 'to', 'vu', 'ze'];
const word = (i: number) => SYL[i % 10]! + SYL[Math.floor(i / 10) % 10]! + SYL[Math.floor(i / 100) % 10]!;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-shards-'));
  corpus = path.join(work, 'corpus');
  fs.mkdirSync(corpus);
  fs.cpSync(path.join(ROOT, 'seeds'), path.join(corpus, 'seeds'), { recursive: true });
  for (const f of ['recurring', 'dupes', 'formats', 'near-copy', 'words-multilingual', 'mixed-language'])
    fs.cpSync(path.join(ROOT, 'tests/fixtures', f), path.join(corpus, f), { recursive: true });
  // A big file of records: shared among the shards record by record. A third of them carry a
  // site's header and footer (recurring lines, found only by counting the whole corpus), some
  // are dated, some are exact copies of another.
  const records: string[] = [];
  for (let r = 0; r < 260; r++) {
    const words = Array.from({ length: 60 }, (_, k) => word(r * 7 + k * 13)).join(' ');
    const head = r % 3 === 0 ? 'Kalomi Daily Wire\n' : '';
    const foot = r % 3 === 0 ? '\nSubscribe to the Kalomi Daily Wire' : '';
    const text =
      r % 50 === 7 ? records.length > 0 && JSON.parse(records[0]!).text : `${head}Report ${r}\n\n${words}.${foot}`;
    records.push(
      JSON.stringify({ id: `wire-${r}`, text, ...(r % 4 === 0 ? { date: `2024-0${(r % 9) + 1}-1${r % 10}` } : {}) }),
    );
  }
  fs.writeFileSync(path.join(corpus, 'wire.jsonl'), `${records.join('\n')}\n`);
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const inWork = (name: string) => path.join(work, name);

function ok(r: BinRun): BinRun {
  expect(r.stderr.replace(/^corpus: warning: .*\n/gm, '')).toBe('');
  expect(r.status).toBe(0);
  return r;
}

/** The partials of n shards, with the counting phase or without, in files named after `tag`. */
function partials(n: number, tag: string, extra: string[] = [], lines = true): string[] {
  const lineArgs: string[] = [];
  if (lines) {
    const counts = [];
    for (let i = 1; i <= n; i++) {
      const file = inWork(`${tag}-lines-${i}.corpus`);
      ok(runBin(['summarise', corpus, '--shard', `${i}/${n}`, '--count-lines', '-o', file]));
      counts.push(file);
    }
    ok(runBin(['merge', ...counts, '-o', inWork(`${tag}-lines.corpus`)]));
    lineArgs.push('--lines', inWork(`${tag}-lines.corpus`));
  }
  const files = [];
  for (let i = 1; i <= n; i++) {
    const file = inWork(`${tag}-part-${i}.corpus`);
    ok(runBin(['summarise', corpus, ...extra, '--shard', `${i}/${n}`, ...lineArgs, '--partial', '-o', file]));
    files.push(file);
  }
  return files;
}

describe('issue 21: shards merged are one run', () => {
  test('four shards with the counting phase: TSV and JSON as one run prints them, with workers or not', () => {
    const files = partials(4, 'four');
    const one = runBin(['summarise', corpus]);
    const oneJson = runBin(['summarise', corpus, '--json']);
    const oneThread = runBin(['summarise', corpus, '--json', '-j', '1']);
    expect(one.status).toBe(0);
    expect(JSON.parse(oneJson.stdout).overview.documents).toBeGreaterThan(250);
    expect(oneThread.stdout).toBe(oneJson.stdout);
    // Shards given in any order.
    const merged = runBin(['merge', ...[...files].reverse()]);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    expect(runBin(['merge', ...files, '--json']).stdout).toBe(oneJson.stdout);
    // The site's lines were found recurring across shards, as in one run.
    expect(JSON.parse(oneJson.stdout).boilerplate.top.map((l: { text: string }) => l.text)).toContain(
      'Subscribe to the Kalomi Daily Wire',
    );
    expect(runBin(['merge', ...files, '--only', 'overview,quality']).stdout).toBe(
      runBin(['summarise', corpus, '--only', 'overview,quality']).stdout,
    );
  }, 240_000);

  test('without the counting phase, and grouped by month, --top 5', () => {
    const files = partials(3, 'three', ['--by', 'month', '--top', '5'], false);
    const one = runBin(['summarise', corpus, '--by', 'month', '--top', '5', '--json']);
    expect(runBin(['merge', ...files, '--json']).stdout).toBe(one.stdout);
  }, 240_000);

  test('a merge in steps: two merged partials (one gzip-compressed) merged again', () => {
    const files = partials(4, 'steps', [], false);
    ok(runBin(['merge', files[0]!, files[2]!, '-o', inWork('steps-a.corpus.gz')]));
    ok(runBin(['merge', files[1]!, files[3]!, '-o', inWork('steps-b.corpus')]));
    const merged = runBin(['merge', inWork('steps-b.corpus'), inWork('steps-a.corpus.gz')]);
    expect(merged.stdout).toBe(runBin(['summarise', corpus]).stdout);
  }, 240_000);

  test('shards are disjoint and cover the corpus: list and grep', () => {
    const all = runBin(['list', corpus, '--fields', 'id']).stdout.trim().split('\n').sort();
    const parts = [1, 2, 3].map((i) =>
      runBin(['list', corpus, '--shard', `${i}/3`, '--fields', 'id'])
        .stdout.trim()
        .split('\n')
        .filter(Boolean),
    );
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(parts.flat().sort()).toEqual(all);
    const grep = runBin(['grep', '-c', '-i', 'kalomi', corpus]).stdout.trim().split('\n').sort();
    const grepParts = [1, 2, 3].flatMap((i) =>
      runBin(['grep', '-c', '-i', 'kalomi', corpus, '--shard', `${i}/3`])
        .stdout.trim()
        .split('\n')
        .filter(Boolean),
    );
    expect(grepParts.sort()).toEqual(grep);
    // show finds a document in its shard only, and says which shard it looked in.
    const seeds = path.join(ROOT, 'seeds');
    expect(runBin(['show', '003', seeds, '--shard', '1/3', '--meta']).status).toBe(0);
    const elsewhere = runBin(['show', '003', seeds, '--shard', '2/3']);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toBe("corpus: no document matches '003' in shard 2/3\n");
  }, 120_000);

  test('a shard with no document is a valid partial (status 0), and merges', () => {
    const seeds = path.join(ROOT, 'seeds');
    const files = [];
    for (let i = 1; i <= 9; i++) {
      const file = inWork(`seeds-${i}.corpus`);
      ok(runBin(['summarise', seeds, '--shard', `${i}/9`, '--partial', '-o', file]));
      files.push(file);
    }
    expect(
      files.some(
        (f) =>
          fs
            .readFileSync(f, 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('{"d"')).length === 0,
      ),
    ).toBe(true);
    expect(runBin(['merge', ...files]).stdout).toBe(runBin(['summarise', seeds]).stdout);
  }, 120_000);

  test('pieces of a stream (--stdin-docs), counted then summarised, merge into one run over the stream', () => {
    const wire = fs.readFileSync(path.join(corpus, 'wire.jsonl'), 'utf8').trim().split('\n');
    const pieces = [wire.slice(0, 100), wire.slice(100, 180), wire.slice(180)].map((p) => `${p.join('\n')}\n`);
    const counts = pieces.map((input, i) => {
      const file = inWork(`stream-lines-${i}.corpus`);
      ok(runBin(['summarise', '--stdin-docs', '--count-lines', '-o', file], { input }));
      return file;
    });
    ok(runBin(['merge', ...counts, '-o', inWork('stream-lines.corpus')]));
    // One piece written to standard output, as RDD.pipe or Hadoop Streaming would collect it.
    const parts = pieces.map((input, i) => {
      const r = ok(
        runBin(['summarise', '--stdin-docs', '--lines', inWork('stream-lines.corpus'), '--partial', '-o', '-'], {
          input,
        }),
      );
      const file = inWork(`stream-${i}.corpus`);
      fs.writeFileSync(file, r.stdout);
      return file;
    });
    const one = runBin(['summarise', '--stdin-docs', '--json'], { input: `${wire.join('\n')}\n` });
    expect(JSON.parse(one.stdout).overview.documents).toBe(260);
    expect(runBin(['merge', ...parts, '--json']).stdout).toBe(one.stdout);
    // Pieces merged in steps keep their order.
    ok(runBin(['merge', parts[0]!, parts[1]!, '-o', inWork('stream-01.corpus')]));
    expect(runBin(['merge', inWork('stream-01.corpus'), parts[2]!, '--json']).stdout).toBe(one.stdout);
    const list = runBin(['list', '--stdin-docs', '--fields', 'id,path'], { input: pieces[0] });
    expect(list.stdout.split('\n')[0]).toBe('wire-0\tstdin');
  }, 240_000);
});

describe('issue 21: partials that do not go together are refused, naming the file (status 2, nothing printed)', () => {
  let files: string[];
  beforeAll(() => {
    files = partials(2, 'bad', [], false);
  }, 120_000);

  const refused = (args: string[], message: RegExp) => {
    const r = runBin(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  };

  test('a foreign file, a cut one, another version, a missing one', () => {
    fs.writeFileSync(inWork('foreign.corpus'), 'id\ttitle\n003\tPoutine\n');
    refused(['merge', files[0]!, inWork('foreign.corpus')], /^corpus: .*foreign\.corpus: not a corpus partial/);
    const text = fs.readFileSync(files[1]!, 'utf8');
    fs.writeFileSync(inWork('cut.corpus'), text.slice(0, Math.floor(text.length / 2)).replace(/[^\n]*$/, ''));
    refused(['merge', files[0]!, inWork('cut.corpus')], /cut\.corpus: cut short/);
    const lines = text.split('\n');
    fs.writeFileSync(
      inWork('v99.corpus'),
      [lines[0]!.replace('"version":1', '"version":99'), ...lines.slice(1)].join('\n'),
    );
    refused(['merge', files[0]!, inWork('v99.corpus')], /v99\.corpus: a partial of format version 99/);
    refused(['merge', files[0]!, inWork('nowhere.corpus')], /nowhere\.corpus: cannot be read/);
    // Lines that parse but are not what a partial holds: a document line, a line of counts.
    const damaged = (name: string, from: RegExp, to: string) => {
      fs.writeFileSync(inWork(name), text.replace(from, to));
      return inWork(name);
    };
    refused(
      ['merge', files[0]!, damaged('bad-doc.corpus', /"words":\d+/, '"words":"many"')],
      /bad-doc\.corpus:\d+: a damaged document line/,
    );
    refused(
      ['merge', files[0]!, damaged('bad-vocab.corpus', /"words":\[\[/, '"words":[7,[')],
      /bad-vocab\.corpus:\d+: a damaged or unknown line/,
    );
    refused(['merge', files[0]!], /shard 2\/2 missing/);
    refused(['merge', files[0]!, files[0]!, files[1]!], /shard 1\/2 is also in/);
  });

  test('partials of another corpus, other options, another shard count', () => {
    const seeds = inWork('seeds-other.corpus');
    ok(runBin(['summarise', path.join(ROOT, 'seeds'), '--shard', '2/2', '--partial', '-o', seeds]));
    refused(['merge', files[0]!, seeds], /seeds-other\.corpus: its corpus differs/);
    const top = inWork('top5.corpus');
    ok(runBin(['summarise', corpus, '--top', '5', '--shard', '2/2', '--partial', '-o', top]));
    refused(['merge', files[0]!, top], /top5\.corpus: its options differ/);
    const three = inWork('three.corpus');
    ok(runBin(['summarise', corpus, '--shard', '2/3', '--partial', '-o', three]));
    refused(['merge', files[0]!, three], /three\.corpus: its shard count \(3\) differs/);
    refused(
      ['summarise', path.join(ROOT, 'seeds'), '--lines', inWork('four-lines.corpus')],
      /four-lines\.corpus: counted on another corpus/,
    );
  });

  test('usage: -o, --shard, the phases', () => {
    refused(['summarise', corpus, '--partial'], /--partial writes a file: give -o/);
    refused(
      ['summarise', corpus, '--shard', '5/4', '--partial', '-o', inWork('x.corpus')],
      /--shard takes i\/n with 1 ≤ i ≤ n/,
    );
    refused(['list', corpus, '--shard', 'half'], /--shard takes i\/n/);
    refused(['summarise', corpus, '--partial', '--count-lines', '-o', inWork('x.corpus')], /two phases/);
    refused(['summarise', corpus, '--flag', 'duplicate', '--partial', '-o', inWork('x.corpus')], /not in a partial/);
    expect(fs.existsSync(inWork('x.corpus'))).toBe(false);
  });
});
