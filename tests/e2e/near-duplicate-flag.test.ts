// Issue 24, point 12: `near-duplicate` is a flag `list` sets, from the MinHash signature the
// analysis keeps with the cached record; the same with one thread or workers, cold or warm, and
// what summarise's quality section counts. Through the built bin/corpus, on a corpus big enough
// to start the workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

// Made-up words, so that no two documents share a 5-word shingle unless made to.
const SYL = ['ba', 'ko', 'ri', 'mu', 'te', 'sa', 'lo', 'ni', 'vu', 'pe'];
const word = (i: number) => {
  let w = '';
  for (let k = i; k > 0 || w === ''; k = Math.floor(k / 10)) w += SYL[k % 10];
  return w;
};
/** Three paragraphs of 40 words from `from`, the words at `changed` replaced. */
function body(from: number, changed: number[] = []): string {
  const words = Array.from({ length: 120 }, (_, i) => (changed.includes(i) ? 'zanzibar' : word(from + i)));
  return [0, 40, 80].map((at) => `${words.slice(at, at + 40).join(' ')}.`).join('\n\n');
}

let corpus: string;
let cacheHome: string;
/** The ids (file names without extension; the records' own) that must carry the flag. */
const near: string[] = [];

beforeAll(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-near-flag-'));
  cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-near-flag-cache-'));
  const put = (name: string, text: string) =>
    fs.writeFileSync(path.join(corpus, `${name}.txt`), `Title ${name}\n\n${text}\n`);
  for (let d = 0; d < 240; d++) {
    put(`d${String(d).padStart(3, '0')}`, body(d * 1000));
    // A near copy (one word of 120 changed, Jaccard ≈ 0.9) right after every 20th document…
    if (d % 20 === 3) {
      put(`d${String(d).padStart(3, '0')}n`, body(d * 1000, [60]));
      near.push(`d${String(d).padStart(3, '0')}n`);
    }
    // …an exact copy (a duplicate, not a near duplicate) after others…
    if (d % 50 === 7) put(`d${String(d).padStart(3, '0')}x`, body(d * 1000));
    // …and a copy with a third of its words changed: not near (Jaccard far below 0.8).
    if (d % 40 === 11)
      put(
        `d${String(d).padStart(3, '0')}y`,
        body(
          d * 1000,
          Array.from({ length: 40 }, (_, i) => i * 3),
        ),
      );
  }
  // A record of a JSON Lines file near a text file read before it (`r…` sorts after `d…`).
  const records = [
    { id: 'rec-near', text: body(5000, [100]) },
    { id: 'rec-other', text: body(999_000) },
  ];
  fs.writeFileSync(path.join(corpus, 'r.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  near.push('rec-near');
});

afterAll(() => {
  fs.rmSync(corpus, { recursive: true, force: true });
  fs.rmSync(cacheHome, { recursive: true, force: true });
});

function corpusRun(...args: string[]) {
  // CORPUS_MAX_JOBS lifts the cap on --jobs: two jobs whatever the machine.
  return runBin([...args, corpus], { env: { XDG_CACHE_HOME: cacheHome, CORPUS_MAX_JOBS: '2' } });
}

describe('issue 24: the near-duplicate flag in list', () => {
  test('flags the later of each near pair, cold and warm, with one thread and with workers', () => {
    const outputs = [
      corpusRun('list', '--flag', 'near-duplicate', '--fields', 'id', '--jobs', '1', '--no-cache'),
      corpusRun('list', '--flag', 'near-duplicate', '--fields', 'id', '--jobs', '2'),
      corpusRun('list', '--flag', 'near-duplicate', '--fields', 'id', '--jobs', '2'),
      corpusRun('list', '--flag', 'near-duplicate', '--fields', 'id', '--jobs', '1'),
    ];
    for (const r of outputs) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${near.join('\n')}\n`);
    }
  });

  test('an exact copy is a duplicate, not a near duplicate; the flags column shows both kinds', () => {
    // (Only the run's flags are compared: made-up words and no dates bring `und` and `no-date`.)
    const r = corpusRun('list', '--fields', 'id,flags', '--format', 'jsonl');
    expect(r.status).toBe(0);
    const flags = new Map(
      r.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; flags: string[] })
        .map((row) => [row.id, row.flags.filter((f) => f.endsWith('duplicate'))]),
    );
    expect(flags.get('d007x')).toEqual(['duplicate']);
    expect(flags.get('d003n')).toEqual(['near-duplicate']);
    expect(flags.get('d003')).toEqual([]);
    expect(flags.get('d011y')).toEqual([]);
    expect([...flags.values()].filter((f) => f.includes('near-duplicate'))).toHaveLength(near.length);
  });

  test("summarise's quality section counts what list flags; its groups hold each pair", () => {
    const r = corpusRun('summarise', '--format', 'json', '--only', 'quality,duplicates');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as {
      quality: { flag: string; ids: string[] }[];
      duplicates: { near: { ids: string[] }[] };
    };
    expect(s.quality.find((q) => q.flag === 'near-duplicate')?.ids).toEqual(near);
    const groups = s.duplicates.near.map((g) => [...g.ids].sort());
    expect(groups).toContainEqual(['d003', 'd003n']);
    expect(groups).toContainEqual(['d005', 'rec-near']);
  });
});

describe('issue 24: the near duplicates a run found, kept beside the cache', () => {
  const nearFiles = () => fs.readdirSync(path.join(cacheHome, 'corpus')).filter((n) => n.endsWith('.near'));
  const flagged = () => corpusRun('list', '--flag', 'near-duplicate', '--fields', 'id', '--jobs', '1');

  test('a warm run reads them; without the file, or once a file changed, they are found again', () => {
    expect(flagged().stdout).toBe(`${near.join('\n')}\n`);
    expect(nearFiles()).toHaveLength(1);
    const file = path.join(cacheHome, 'corpus', nearFiles()[0] as string);
    // What the file says is what a warm run flags: a position put in it shows.
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { near: string };
    fs.writeFileSync(file, JSON.stringify({ ...kept, near: `0,${kept.near}` }));
    expect(flagged().stdout.split('\n')[0]).toBe('d000');
    fs.rmSync(file);
    expect(flagged().stdout).toBe(`${near.join('\n')}\n`);
    expect(nearFiles()).toHaveLength(1);
    // A near copy made unlike its original: the cache changes, and the flags with it.
    const changed = path.join(corpus, 'd003n.txt');
    const before = fs.readFileSync(changed);
    fs.writeFileSync(changed, `Title d003n\n\n${body(777_000)}\n`);
    try {
      expect(flagged().stdout).toBe(`${near.filter((id) => id !== 'd003n').join('\n')}\n`);
    } finally {
      fs.writeFileSync(changed, before);
    }
    expect(flagged().stdout).toBe(`${near.join('\n')}\n`);
  });
});
