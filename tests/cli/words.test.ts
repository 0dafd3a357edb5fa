// `corpus words` in-process, terminal on and off: the frequency list in every format, trends with
// --by, and the statuses (1 for nothing listed, 2 for a bad value), on a corpus of three records
// whose figures are computed by hand below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// 19 words: a 8 (la guerre et la paix / la guerre continue), b 6, c 5.
// la: 3 + 2 + 1 = 6 → 6/19 per word = 315,789.47 per million. DP of guerre (2 in a, f = 2):
// |1 − 8/19| + 6/19 + 5/19 = 22/19, halved: 11/19 = 0.579. DP of paix (1 in a, 2 in b, f = 3):
// |1/3 − 8/19| + |2/3 − 6/19| + 5/19 = (5 + 20 + 15)/57, halved: 20/57 = 0.351.
const RECORDS = [
  { id: 'a', date: '2024-01-05', source: 'AFP', lang: 'fra', text: 'La guerre et la paix. La guerre continue.' },
  { id: 'b', date: '2024-02-10', source: 'Reuters', lang: 'fra', text: 'La paix revient. La paix dure.' },
  { id: 'c', date: '2024-02-20', source: 'AFP', lang: 'fra', text: 'Le froid et la neige.' },
];
let corpus: string;

beforeAll(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-words-'));
  fs.writeFileSync(path.join(corpus, 'news.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
});
afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));

const words = (args: string[], tty = false) => runCli(['words', ...args, corpus], { tty, env: { NO_COLOR: '1' } });

describe('corpus words', () => {
  test('through a pipe: TSV rows, term, freq, per million, docs, DP', async () => {
    const r = await words(['--top', '4']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      'la\t6\t315789.47\t3\t0.096\n' +
        'paix\t3\t157894.74\t2\t0.351\n' +
        'et\t2\t105263.16\t2\t0.316\n' +
        'guerre\t2\t105263.16\t1\t0.579\n',
    );
  });

  test('on a terminal: a table, and a line saying how many terms --top left out', async () => {
    const r = await words(['--top', '3'], true);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'TERM  FREQ  PER MILLION  DOCS     DP\n' +
        'la       6    315789.47     3  0.096\n' +
        'paix     3    157894.74     2  0.351\n' +
        'et       2    105263.16     2  0.316\n' +
        '  and 7 more terms (a larger --top shows them)\n',
    );
  });

  test('CSV with its header, JSON Lines, JSON, TSV with --header', async () => {
    expect((await words(['--top', '1', '--format', 'csv'])).stdout).toBe(
      'term,freq,per_million,docs,dp\nla,6,315789.47,3,0.096\n',
    );
    expect((await words(['--top', '1', '--format', 'jsonl'])).stdout).toBe(
      '{"term":"la","freq":6,"per_million":315789.47,"docs":3,"dp":0.096}\n',
    );
    expect(JSON.parse((await words(['--top', '2', '--json'])).stdout)).toEqual([
      { term: 'la', freq: 6, per_million: 315789.47, docs: 3, dp: 0.096 },
      { term: 'paix', freq: 3, per_million: 157894.74, docs: 2, dp: 0.351 },
    ]);
    expect((await words(['--top', '1', '--header'])).stdout).toBe(
      'term\tfreq\tper_million\tdocs\tdp\nla\t6\t315789.47\t3\t0.096\n',
    );
  });

  test('bigrams stop at sentence ends; -e lists the terms asked; --no-stopwords', async () => {
    // la paix: 1 in a, 2 in b (DP as paix's); et la: 1 in a, 1 in c: (3 + 12 + 9)/38 halved = 0.316.
    expect((await words(['--n', '2', '--top', '2'])).stdout).toBe(
      'la paix\t3\t157894.74\t2\t0.351\net la\t2\t105263.16\t2\t0.316\n',
    );
    expect((await words(['-e', 'Guerre', '-e', 'neige'])).stdout).toBe(
      'guerre\t2\t105263.16\t1\t0.579\nneige\t1\t52631.58\t1\t0.737\n',
    );
    expect((await words(['--no-stopwords', '--top', '2'])).stdout).toBe(
      'paix\t3\t157894.74\t2\t0.351\nguerre\t2\t105263.16\t1\t0.579\n',
    );
  });

  test('--by month: long rows through a pipe, per million words of each month', async () => {
    // January: a alone, 8 words, guerre 2 → 250,000; February: b + c, 11 words, paix 2 → 181,818.18.
    const r = await words(['--by', 'month', '-e', 'paix', '-e', 'guerre']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      '2024-01\tpaix\t1\t125000\n2024-01\tguerre\t2\t250000\n2024-02\tpaix\t2\t181818.18\n2024-02\tguerre\t0\t0\n',
    );
  });

  test('--by on a terminal: a sparkline a term over time, a bar a group by source', async () => {
    const time = await words(['--by', 'month', '-e', 'paix', '-e', 'guerre'], true);
    expect(time.stdout).toBe(
      'per million words of each period, 2024-01 … 2024-02 (2 with documents)\n' +
        '  TERM    FREQ  TREND  PEAK\n' +
        '  paix       3  ▆█     2024-02\n' +
        '  guerre     2  █·     2024-01\n',
    );
    // Bars of 40 cells on a terminal of 100 columns: 76,923.08 / 333,333.33 · 40 = 9.23 cells.
    const source = await words(['--by', 'source', '-e', 'paix'], true);
    expect(source.stdout).toBe(
      'paix  3\n' +
        '  GROUP    FREQ  PER MILLION\n' +
        '  AFP         1     76923.08  █████████▎\n' +
        `  Reuters     2    333333.33  ${'█'.repeat(40)}\n`,
    );
  });

  test('nothing to list: status 1, no output', async () => {
    expect(await words(['-e', 'absent'])).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(await words(['--min-freq', '99'])).toMatchObject({ status: 1, stdout: '' });
    expect(await words(['--lang', 'de'])).toMatchObject({ status: 1, stdout: '' });
  });

  test('bad values: status 2 and a message naming what is valid', async () => {
    for (const n of ['9', '0', 'two']) {
      const r = await words(['--n', n]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`corpus: --n takes a whole number from 1 to 5 (words per term), not '${n}'\n`);
    }
    expect(await words(['-e', 'la paix'])).toMatchObject({
      status: 2,
      stderr: "corpus: -e 'la paix' has 2 words; with --n 1 a term has 1\n",
    });
    expect((await words(['--top', '0'])).stderr).toBe("corpus: --top takes a whole number from 1, not '0'\n");
    expect((await words(['--by', 'day'])).status).toBe(2);
  });
});
