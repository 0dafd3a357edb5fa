// grep --by and --plot through the built bin/corpus: the trend adds up to what grep
// --count-matches and list say, the same with workers as without, each warning said once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

let dir: string;

/**
 * 240 text files (undated) and a JSON Lines file of 60 dated records across the turn of 2023
 * (ISO weeks 2023-W52, 2024-W01), a binary file, and a record with no text.
 */
function makeCorpus(root: string): void {
  fs.mkdirSync(path.join(root, 'a'));
  fs.mkdirSync(path.join(root, 'b'));
  for (let i = 0; i < 240; i++) {
    const folder = i % 2 === 0 ? 'a' : 'b';
    const koursk = 'Koursk '.repeat(i % 3);
    fs.writeFileSync(
      path.join(root, folder, `${String(i).padStart(3, '0')}.txt`),
      `Headline ${i}\n\nThe front near ${koursk}moved again today.\nBelgorod was quiet.\n`,
    );
  }
  fs.writeFileSync(path.join(root, 'a', '999_bin.txt'), Buffer.from('Koursk\0binary'));
  const days = ['2023-12-24', '2023-12-28', '2023-12-31', '2024-01-01', '2024-01-07', '2024-02-03'];
  const records = Array.from({ length: 60 }, (_, i) =>
    JSON.stringify({
      id: `r${i}`,
      date: days[i % days.length],
      source: i % 2 === 0 ? 'Agency' : 'Daily',
      text: `Report ${i}. ${'Koursk and Belgorod. '.repeat(i % 4)}The rest of the report.`,
    }),
  );
  fs.writeFileSync(path.join(root, 'records.jsonl'), `${records.join('\n')}\n`);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-trends-'));
  makeCorpus(dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The rows of TSV output as arrays of cells. */
const rows = (tsv: string): string[][] =>
  tsv
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t'));

/** The total of `--count-matches` for a pattern. */
function countMatches(args: string[]): number {
  const r = runBin(['grep', '--count-matches', ...args, dir]);
  return r.stdout
    .trimEnd()
    .split('\n')
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
}

describe('grep --by on the built CLI', () => {
  test('the matches add up to grep --count-matches, the words to list', () => {
    const list = runBin(['list', '--fields', 'words', dir]);
    const words = rows(list.stdout).reduce((sum, [n]) => sum + Number(n), 0);
    for (const by of ['month', 'week', 'year', 'source', 'lang']) {
      const r = runBin(['grep', '--by', by, '-e', 'Koursk', '-e', 'Belgorod', dir]);
      expect(r.status, by).toBe(0);
      const got = rows(r.stdout);
      const sum = (term: string, column: number): number =>
        got.filter((row) => row[1] === term).reduce((s, row) => s + Number(row[column]), 0);
      expect(sum('Koursk', 2), by).toBe(countMatches(['Koursk']));
      expect(sum('Belgorod', 2), by).toBe(countMatches(['Belgorod']));
      expect(sum('Koursk', 4), by).toBe(words);
    }
  });

  test('ISO weeks across the turn of the year, the undated documents last', () => {
    const r = runBin(['grep', '--by', 'week', 'Koursk', dir]);
    expect(rows(r.stdout).map((row) => row[0])).toEqual([
      '2023-W51',
      '2023-W52',
      '2024-W01',
      '2024-W02',
      '2024-W03',
      '2024-W04',
      '2024-W05',
      '(undated)',
    ]);
  });

  test('the same rows with workers as without; the binary file said once', () => {
    const env = { CORPUS_GREP_PARALLEL_FROM: '1', CORPUS_MAX_JOBS: '3' };
    const one = runBin(['grep', '--by', 'month', '-e', 'Koursk', '-e', 'Belgorod', '--jobs', '1', dir], { env });
    const three = runBin(['grep', '--by', 'month', '-e', 'Koursk', '-e', 'Belgorod', '--jobs', '3', dir], { env });
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    const warnings = one.stderr.split('\n').filter((l) => l.includes('999_bin.txt'));
    expect(warnings).toHaveLength(1);
  });

  test('a term found nowhere: status 1, nothing on stdout', () => {
    const r = runBin(['grep', '--by', 'year', 'Zanzibar', dir]);
    expect([r.status, r.stdout]).toEqual([1, '']);
  });

  test('--by with -c is refused, status 2', () => {
    const r = runBin(['grep', '--by', 'year', '-c', 'Koursk', dir]);
    expect([r.status, r.stdout]).toEqual([2, '']);
  });
});

describe('grep --plot on the built CLI', () => {
  test('a row for each document whose body holds the term; positions from 0 to 1', () => {
    // `Belgorod was quiet.` closes every text file: a recurring line, boilerplate, not body.
    const r = runBin(['grep', '--plot', '--format', 'jsonl', 'Belgorod', dir]);
    expect(r.status).toBe(0);
    const got = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; hits: number; positions: number[]; dp: number });
    // The 45 records with the phrase at least once.
    expect(got).toHaveLength(45);
    expect(got.every((row) => row.id.startsWith('r'))).toBe(true);
    for (const row of got) {
      expect(row.positions).toHaveLength(row.hits);
      for (const p of row.positions) expect(p >= 0 && p < 1).toBe(true);
    }
    expect(new Set(got.map((row) => row.dp)).size).toBe(1);
  });
});
