// The metadata cache and the worker threads, through the built bin/corpus (issue 6).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, runBin } from '../helpers/run-bin.js';

let corpus: string;
let cacheHome: string;
const SEED_DIR = path.resolve(__dirname, '../../seeds');

/** A corpus of 300 small documents made from the seeds, each made unique. */
beforeAll(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-'));
  const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
  for (let i = 0; i < 300; i++) {
    const dir = path.join(corpus, `part${Math.floor(i / 100)}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `doc${String(i).padStart(3, '0')}.txt`), `${seeds[i % 5]}\nDocument ${i}.\n`);
  }
});

// Every cache folder freshCache made, removed with the corpus.
const cacheHomes: string[] = [];

afterAll(() => {
  for (const dir of [corpus, ...cacheHomes]) fs.rmSync(dir, { recursive: true, force: true });
});

function freshCache(): string {
  cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-home-'));
  cacheHomes.push(cacheHome);
  return cacheHome;
}

/** A cache file's text with its trailer's checksum made right again, after a test changed an entry. */
function reseal(text: string): string {
  const lines = text.split('\n');
  const entries = `${lines.slice(1, -2).join('\n')}\n`;
  lines[lines.length - 2] = JSON.stringify({
    kind: 'corpus-cache-end',
    sha256: createHash('sha256').update(entries).digest('hex'),
  });
  return lines.join('\n');
}

function cacheFile(): string {
  const dir = path.join(cacheHome, 'corpus');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  return path.join(dir, files[0]!);
}

const list = (...args: string[]) =>
  runBin(['list', corpus, '--fields', 'id,lang,date,words,title', ...args], { env: { XDG_CACHE_HOME: cacheHome } });

describe('cache', () => {
  test('a second run reads the records from the cache: hit', () => {
    freshCache();
    const first = list();
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')).toHaveLength(301);
    // Mark one cached record: if the next run shows the mark, it came from the cache.
    const file = cacheFile();
    const text = fs.readFileSync(file, 'utf8');
    const marked = text.replace(/("f":"[^"]*doc001\.txt".*?"title":)"[^"]*"/, '$1"FROM THE CACHE"');
    expect(marked).not.toBe(text);
    expect(reseal(text)).toBe(text);
    fs.writeFileSync(file, reseal(marked));
    const second = list();
    expect(second.stdout.split('\n')[1]).toMatch(/^part0\/doc001\tfra\t2023-01-31T18:14\t\d+\tFROM THE CACHE$/);
    expect(second.stdout.split('\n').filter((l) => !l.includes('FROM THE CACHE'))).toEqual(
      first.stdout.split('\n').filter((l, i) => i !== 1),
    );
  });

  test('a changed file is analysed again: miss', () => {
    const target = path.join(corpus, 'part0/doc001.txt');
    const text = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(target, text.replace('Poutine approuve', 'Vladimir Poutine approuve'));
    const after = list();
    expect(after.stdout.split('\n')[1]).toMatch(
      /^part0\/doc001\tfra\t2023-01-31T18:14\t\d+\tVladimir Poutine approuve la création/,
    );
    fs.writeFileSync(target, text);
  });

  test('--no-cache neither reads nor writes the cache', () => {
    const file = cacheFile();
    const before = fs.readFileSync(file, 'utf8').replace(/("f":"[^"]*doc002\.txt".*?"words":)\d+/, '$11');
    fs.writeFileSync(file, before);
    const r = list('--no-cache');
    expect(r.stdout.split('\n')[2]).not.toMatch(/\t1\t/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('a damaged cache is ignored with a warning and rebuilt', () => {
    const file = cacheFile();
    const expected = list('--no-cache').stdout;
    fs.writeFileSync(file, '{"kind":"corpus-cache"\nthis is not JSON\n');
    const r = list();
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toMatch(
      /^corpus: warning: .*corpus-[0-9a-f]{16}\.jsonl: damaged cache ignored and rebuilt \(.*\)\n$/,
    );
    const again = list();
    expect(again).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(303);
  });

  test('a damaged entry is found when the cache is opened: warning, rebuilt, never served', () => {
    const file = cacheFile();
    const expected = list('--no-cache').stdout;
    const text = fs.readFileSync(file, 'utf8');
    // Still laid out as an entry, but no longer JSON: read lazily, it would reach the output.
    const damaged = text.replace(/("f":"[^"]*doc007\.txt".*?"lang":")/, '$1\u0001"');
    expect(damaged).not.toBe(text);
    fs.writeFileSync(file, damaged);
    const r = list();
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toMatch(
      /^corpus: warning: .*corpus-[0-9a-f]{16}\.jsonl: damaged cache ignored and rebuilt \(checksum mismatch\)\n$/,
    );
    expect(list()).toEqual({ status: 0, stdout: expected, stderr: '' });
    const jsonl = runBin(['list', corpus, '--format', 'jsonl'], { env: { XDG_CACHE_HOME: cacheHome } });
    for (const line of jsonl.stdout.trimEnd().split('\n')) JSON.parse(line);
  });

  test('two runs at once do not corrupt it', async () => {
    freshCache();
    const expected = list('--no-cache').stdout;
    const run = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'list', corpus, '--fields', 'id,lang,date,words,title'], {
          env: { PATH: process.env.PATH, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', () => resolve(out));
      });
    const outs = await Promise.all([run(), run(), run()]);
    for (const out of outs) expect(out).toBe(expected);
    const lines = fs.readFileSync(cacheFile(), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(302);
    for (const line of lines) JSON.parse(line);
    expect(fs.readdirSync(path.join(cacheHome, 'corpus')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(list()).toEqual({ status: 0, stdout: expected, stderr: '' });
  });

  test('writing the cache removes the caches of other versions and the temporary files of killed runs', () => {
    freshCache();
    const dir = path.join(cacheHome, 'corpus');
    fs.mkdirSync(dir, { recursive: true });
    const put = (name: string, text: string, ageDays = 0): void => {
      fs.writeFileSync(path.join(dir, name), text);
      const when = new Date(Date.now() - ageDays * 24 * 60 * 60 * 1000);
      fs.utimesSync(path.join(dir, name), when, when);
    };
    const header = (version: string) => `${JSON.stringify({ kind: 'corpus-cache', version, corpus: null })}\n`;
    put('corpus-00000000000000aa.jsonl', header('0.0.1+1'));
    put('corpus-00000000000000bb.jsonl.4242.k3j.tmp', header('0.0.1+1'), 2);
    // Kept: a run under way (this test's process) writes this one; not a cache file; not a cache header.
    const underWay = `corpus-00000000000000cc.jsonl.${process.pid}.x9.tmp`;
    put(underWay, 'partial');
    put('notes.txt', header('0.0.1+1'));
    put('corpus-00000000000000dd.jsonl', 'not a header');
    expect(list().status).toBe(0);
    const written = fs
      .readdirSync(dir)
      .filter(
        (f) =>
          /^corpus-[0-9a-f]{16}\.jsonl$/.test(f) &&
          f !== 'corpus-00000000000000dd.jsonl' &&
          f !== 'corpus-00000000000000aa.jsonl',
      );
    expect(written).toHaveLength(1);
    const mine = written[0] as string;
    expect(fs.readdirSync(dir).sort()).toEqual([underWay, 'corpus-00000000000000dd.jsonl', mine, 'notes.txt'].sort());
    // The cache just written is of this version: the next run keeps it and reads it.
    expect(list()).toMatchObject({ status: 0, stderr: '' });
    expect(fs.readdirSync(dir)).toContain(mine);
  });
});

describe('worker threads', () => {
  test('--jobs 1 and --jobs 2 give identical output, every field', () => {
    const one = runBin(['list', corpus, '--json', '--no-cache', '--jobs', '1']);
    const two = runBin(['list', corpus, '--json', '--no-cache', '--jobs', '2']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toHaveLength(300);
    expect(two.stdout).toBe(one.stdout);
    const sumOne = runBin(['summarise', corpus, '--json', '--no-cache', '-j', '1']);
    const sumTwo = runBin(['summarise', corpus, '--json', '--no-cache', '-j', '2']);
    expect(sumTwo.stdout).toBe(sumOne.stdout);
  });

  test('the first pass with workers fills the cache, and the next run reads it', () => {
    freshCache();
    const expected = runBin(['list', corpus, '--json', '--no-cache', '--jobs', '1']).stdout;
    const cold = runBin(['list', corpus, '--json', '--jobs', '2'], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(cold).toEqual({ status: 0, stdout: expected, stderr: '' });
    const lines = fs.readFileSync(cacheFile(), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(302); // header, 300 entries, trailer
    const header = JSON.parse(lines[0]!) as { corpus: { documents: number; recurring: string[] } };
    expect(header.corpus.documents).toBe(300);
    // The seeds' own headline and dateline lines recur in 60 documents each.
    expect(header.corpus.recurring.length).toBeGreaterThan(0);
    const warm = runBin(['list', corpus, '--json', '--jobs', '2'], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(warm).toEqual({ status: 0, stdout: expected, stderr: '' });
  });

  test('--no-cache with workers leaves no scratch file behind', ({ onTestFinished }) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-scratch-'));
    onTestFinished(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const r = runBin(['list', corpus, '--no-cache', '--jobs', '2', '--fields', 'id'], { env: { TMPDIR: tmp } });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(301);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  // Signals, and the temporary files a run killed leaves to the next: tests/e2e/signals.test.ts.

  test('a corpus of text files and JSON Lines gives the same output with one job or two', ({ onTestFinished }) => {
    const mixed = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-mixed-jobs-'));
    onTestFinished(() => fs.rmSync(mixed, { recursive: true, force: true }));
    const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
    for (let i = 0; i < 220; i++)
      fs.writeFileSync(path.join(mixed, `doc${String(i).padStart(3, '0')}.txt`), `${seeds[i % 5]}\nNote ${i}.\n`);
    const records = Array.from({ length: 80 }, (_, i) =>
      JSON.stringify({ id: `r${i}`, text: `${seeds[(i + 2) % 5]}\nRecord ${i}.` }),
    );
    fs.writeFileSync(path.join(mixed, 'records.jsonl'), `${records.join('\n')}\n`);
    const one = runBin(['list', mixed, '--json', '--no-cache', '--jobs', '1']);
    expect(JSON.parse(one.stdout)).toHaveLength(300);
    freshCache();
    const two = runBin(['list', mixed, '--json', '--jobs', '2'], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(two).toEqual(one);
    expect(runBin(['list', mixed, '--json', '--jobs', '2'], { env: { XDG_CACHE_HOME: cacheHome } })).toEqual(one);
  });

  test('one big JSON Lines file is shared out to the workers, with the output of one job', ({ onTestFinished }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-one-jsonl-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
    const records = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({
        ...(i % 7 === 3 ? {} : { id: `r${i % 390}` }),
        title: `T${i}`,
        text: `${seeds[i % 5]}\nRecord ${i}.`,
      }),
    );
    fs.writeFileSync(path.join(dir, 'records.jsonl'), `${records.join('\n')}\nnot json\n`);
    // One file, but bytes enough for 200 records of 4 KiB (see corpus.ts): workers take its records.
    expect(fs.statSync(path.join(dir, 'records.jsonl')).size).toBeGreaterThan(200 * 4096);
    const one = runBin(['list', dir, '--json', '--no-cache', '--jobs', '1']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toHaveLength(400);
    expect(one.stderr).toContain('records.jsonl:401: not valid JSON, skipped');
    expect(runBin(['list', dir, '--json', '--no-cache', '--jobs', '2'])).toEqual(one);
    freshCache();
    expect(runBin(['list', dir, '--json', '--jobs', '2'], { env: { XDG_CACHE_HOME: cacheHome } })).toEqual(one);
  });

  test('a file too big for a worker is analysed in the main thread, with the same result', ({ onTestFinished }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-big-jobs-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
    for (let i = 0; i < 210; i++)
      fs.writeFileSync(path.join(dir, `doc${String(i).padStart(3, '0')}.txt`), `${seeds[i % 5]}\nNote ${i}.\n`);
    // Over a mebibyte: past what a worker is given (see corpus.ts).
    fs.writeFileSync(path.join(dir, 'big.txt'), `Un très long document\n\n${seeds.join('\n\n').repeat(80)}`);
    expect(fs.statSync(path.join(dir, 'big.txt')).size).toBeGreaterThan(1024 * 1024);
    const one = runBin(['list', dir, '--json', '--no-cache', '--jobs', '1']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toHaveLength(211);
    expect(runBin(['list', dir, '--json', '--no-cache', '--jobs', '2'])).toEqual(one);
    freshCache();
    expect(runBin(['list', dir, '--json', '--jobs', '2'], { env: { XDG_CACHE_HOME: cacheHome } })).toEqual(one);
  });

  test('JSON Lines from the cache are the records as analysed, duplicates flagged', ({ onTestFinished }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-jsonl-warm-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
    for (let i = 0; i < 12; i++)
      fs.writeFileSync(path.join(dir, `doc "${i}".txt`), `${seeds[i % 5]}\n${i < 10 ? `Note ${i}.` : ''}\n`);
    const expected = runBin(['list', dir, '--format', 'jsonl', '--no-cache']);
    expect(expected.stdout).toContain('"duplicate"');
    freshCache();
    const env = { XDG_CACHE_HOME: cacheHome };
    expect(runBin(['list', dir, '--format', 'jsonl'], { env })).toEqual(expected);
    expect(runBin(['list', dir, '--format', 'jsonl'], { env })).toEqual(expected);
  });

  describe('a JSON Lines file is kept in the cache, record by record', () => {
    // Its last line recurs in three documents, not in two.
    const heron = (i: number) =>
      `Heading number ${i} of the day\n\nA body paragraph number ${i} with plenty of words about the weather and the river.\nThe grey heron stood by the mill pond at dawn\n`;
    let dir: string;
    let file: string;
    const env = () => ({ XDG_CACHE_HOME: cacheHome });
    const records = (): string[] => {
      const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
      // Ids asked for, clashing, by line; lines that hold no record, each with its warning or none.
      return [
        ...Array.from({ length: 30 }, (_, i) =>
          JSON.stringify({
            ...(i % 4 === 1 ? {} : { id: `r${i % 25}` }),
            title: `T${i}`,
            text: `${seeds[i % 5]}\nRecord ${i}.`,
          }),
        ),
        'not json',
        '',
        JSON.stringify({ id: 'c', text: heron(3) }),
        '[1, 2]',
        JSON.stringify({ id: 'no-text', title: 'x' }),
        JSON.stringify({ id: 'last', text: 'Le dernier document, bref.' }),
      ];
    };

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-jsonl-cache-'));
      file = path.join(dir, 'records.jsonl');
      fs.writeFileSync(file, `${records().join('\n')}\n`);
      fs.writeFileSync(path.join(dir, 'a.txt'), heron(1));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const jobs of ['1', '2']) {
      test(`list and summarise give what they give without the cache, cold and warm (--jobs ${jobs})`, () => {
        const expected = runBin(['list', dir, '--format', 'jsonl', '--no-cache', '--jobs', jobs]);
        expect(expected.status).toBe(0);
        expect(expected.stdout.trimEnd().split('\n')).toHaveLength(33);
        expect(expected.stderr.split('\n').filter((l) => l.includes('records.jsonl:'))).toHaveLength(5);
        const summary = runBin(['summarise', dir, '--json', '--no-cache', '--jobs', jobs]);
        freshCache();
        for (let run = 0; run < 2; run++) {
          expect(runBin(['list', dir, '--format', 'jsonl', '--jobs', jobs], { env: env() })).toEqual(expected);
          expect(runBin(['summarise', dir, '--json', '--jobs', jobs], { env: env() })).toEqual(summary);
          expect(runBin(['show', 'r3', dir, '--json', '--jobs', jobs], { env: env() })).toEqual(
            runBin(['show', 'r3', dir, '--json', '--no-cache', '--jobs', jobs]),
          );
        }
      });
    }

    test('a warm list does not read the file: its records and warnings come from the cache', () => {
      freshCache();
      // A time in whole seconds, which utimes sets exactly.
      const time = new Date('2025-06-01T12:00:00Z');
      fs.utimesSync(file, time, time);
      const expected = runBin(['list', dir, '--format', 'jsonl'], { env: env() });
      const cache = cacheFile();
      const text = fs.readFileSync(cache, 'utf8');
      const marked = text.replace(/("f":"[^"]*records\.jsonl".*?"title":)"T7"/, '$1"FROM THE CACHE"');
      expect(marked).not.toBe(text);
      fs.writeFileSync(cache, reseal(marked));
      // The file's bytes replaced by others of the same size and time, and its entries made to
      // hold its new change time (which the edit moved): nothing of them is read.
      const original = fs.readFileSync(file);
      try {
        fs.writeFileSync(file, Buffer.alloc(original.length, 'x'));
        fs.utimesSync(file, time, time);
        const ctime = JSON.stringify(fs.statSync(file).ctimeMs);
        const rekeyed = reseal(
          marked.replace(/("f":"[^"]*records\.jsonl","s":\d+,"m":[^,]+,"c":)[^,]+/g, `$1${ctime}`),
        );
        expect(rekeyed).not.toBe(reseal(marked));
        fs.writeFileSync(cache, rekeyed);
        const warm = runBin(['list', dir, '--format', 'jsonl'], { env: env() });
        expect(warm.stderr).toBe(expected.stderr);
        expect(warm.stdout).toBe(expected.stdout.replace('"title":"T7"', '"title":"FROM THE CACHE"'));
        expect(warm.stdout).not.toBe(expected.stdout);
      } finally {
        fs.writeFileSync(file, original);
      }
      // Changed (a new time): read and analysed again.
      expect(runBin(['list', dir, '--format', 'jsonl'], { env: env() })).toEqual(expected);
    });

    test('with workers, a run after another file changed carries the records over from the cache', () => {
      const many = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-jsonl-cache-many-'));
      try {
        const seeds = fs.readdirSync(SEED_DIR).map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
        // Enough documents for the first pass with workers (see corpus.ts).
        for (let i = 0; i < 220; i++)
          fs.writeFileSync(path.join(many, `doc${String(i).padStart(3, '0')}.txt`), `${seeds[i % 5]}\nNote ${i}.\n`);
        fs.copyFileSync(file, path.join(many, 'records.jsonl'));
        freshCache();
        const run = () => runBin(['list', many, '--format', 'jsonl', '--jobs', '2'], { env: env() });
        const expected = run();
        expect(expected.stdout.trimEnd().split('\n')).toHaveLength(252);
        const cache = cacheFile();
        fs.writeFileSync(
          cache,
          reseal(
            fs.readFileSync(cache, 'utf8').replace(/("f":"[^"]*records\.jsonl".*?"title":)"T7"/, '$1"FROM THE CACHE"'),
          ),
        );
        fs.appendFileSync(path.join(many, 'doc000.txt'), 'Changed.\n');
        const changed = runBin(['list', many, '--format', 'jsonl', '--no-cache'], { env: env() });
        expect(changed.stdout).toContain('"title":"T7"');
        const marked = { ...changed, stdout: changed.stdout.replace('"title":"T7"', '"title":"FROM THE CACHE"') };
        expect(run()).toEqual(marked);
        expect(run()).toEqual(marked);
      } finally {
        fs.rmSync(many, { recursive: true, force: true });
      }
    });

    test('a changed file is read again, and a record whose boilerplate changed is analysed again', () => {
      freshCache();
      const list = (...args: string[]) =>
        runBin(['list', dir, '--fields', 'id,boilerplate,title', ...args], { env: env() });
      const before = list();
      expect(before.stdout).toContain('\nc\t1\tHeading number 3');
      fs.appendFileSync(file, `${JSON.stringify({ id: 'appended', text: 'Un document ajouté à la fin.' })}\n`);
      const appended = list();
      expect(appended).toEqual(list('--no-cache'));
      expect(appended.stdout).toContain('\nappended\t');
      expect(list()).toEqual(appended);
      // A third document with the heron's line makes it recur: record c's last line is boilerplate now.
      fs.writeFileSync(path.join(dir, 'b.txt'), heron(2));
      try {
        const recurs = list();
        expect(recurs.stdout).toContain('\nc\t1,4\tHeading number 3');
        expect(recurs).toEqual(list('--no-cache'));
        expect(list('--jobs', '1')).toEqual(recurs);
      } finally {
        fs.rmSync(path.join(dir, 'b.txt'));
        fs.writeFileSync(file, `${records().join('\n')}\n`);
      }
    });
  });

  test('--jobs takes a whole number', () => {
    expect(runBin(['list', '--jobs', 'many']).stderr).toBe("corpus: --jobs takes a whole number from 1, not 'many'\n");
  });
});
