// `grep --by` in-process on the seeds: the terminal's table and sparklines, rows in every format,
// and the flags it refuses. Words per year (list): 2023 674, 2024 956, undated 388; -w Minsk
// matches 4 in 003 (2024-08) and 2 in 004 (2024-05); -w Moscou 1, 1, 3, 3, 3 in 000…004.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

describe('corpus grep --by, piped', () => {
  test('long rows: group, term, matches, docs, words, per million; the undated row last', async () => {
    const r = await runCli(['grep', '--by', 'year', '-w', '-e', 'Minsk', '-e', 'Moscou', 'seeds', '--header']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      paged: [],
      stdout:
        'group\tterm\tmatches\tdocs\twords\tper_million\n' +
        '2023\tMinsk\t0\t0\t674\t0\n' +
        '2023\tMoscou\t4\t2\t674\t5934.72\n' +
        '2024\tMinsk\t6\t2\t956\t6276.15\n' +
        '2024\tMoscou\t6\t2\t956\t6276.15\n' +
        '(undated)\tMinsk\t0\t0\t388\t0\n' +
        '(undated)\tMoscou\t1\t1\t388\t2577.32\n',
    });
  });

  test('every period between the first and the last is a row; one of no words has no frequency', async () => {
    const r = await runCli(['grep', '--by', 'month', '-w', 'Minsk', 'seeds']);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBe(22); // 2023-01 … 2024-08, (undated), and the last newline
    expect(lines.slice(0, 2)).toEqual(['2023-01\tMinsk\t0\t0\t674\t0', '2023-02\tMinsk\t0\t0\t0\t']);
    expect(lines.slice(16, 21)).toEqual([
      '2024-05\tMinsk\t2\t1\t434\t4608.29',
      '2024-06\tMinsk\t0\t0\t0\t',
      '2024-07\tMinsk\t0\t0\t0\t',
      '2024-08\tMinsk\t4\t1\t522\t7662.84',
      '(undated)\tMinsk\t0\t0\t388\t0',
    ]);
  });

  test('ISO weeks; a date without a day is undated for a week', async () => {
    const r = await runCli(['grep', '--by', 'week', '-w', 'Minsk', 'seeds']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('2023-W05\tMinsk\t0\t0\t292\t0');
    expect(lines).toContain('2023-W52\tMinsk\t0\t0\t0\t');
    expect(lines).toContain('2024-W01\tMinsk\t0\t0\t0\t');
    expect(lines).toContain('2024-W21\tMinsk\t2\t1\t434\t4608.29');
    expect(lines.at(-2)).toBe('2024-W33\tMinsk\t4\t1\t522\t7662.84');
    expect(lines.at(-1)).toBe('(undated)\tMinsk\t0\t0\t770\t0');
  });

  test('by source: most words first, the documents naming none last', async () => {
    expect((await runCli(['grep', '--by', 'source', '-w', 'Minsk', 'seeds'])).stdout).toBe(
      'La Gazette\tMinsk\t2\t1\t434\t4608.29\nCNN\tMinsk\t0\t0\t388\t0\n(no source)\tMinsk\t4\t1\t1196\t3344.48\n',
    );
  });

  test('by language', async () => {
    expect((await runCli(['grep', '--by', 'lang', '-w', 'Minsk', 'seeds'])).stdout).toBe(
      'fra\tMinsk\t6\t2\t2018\t2973.24\n',
    );
  });

  test('the filters choose the documents, and so the words counted', async () => {
    expect((await runCli(['grep', '--by', 'year', '--since', '2024', '-w', 'Minsk', 'seeds'])).stdout).toBe(
      '2024\tMinsk\t6\t2\t956\t6276.15\n',
    );
  });

  test('CSV has a header', async () => {
    expect((await runCli(['grep', '--by', 'year', '-w', 'Minsk', 'seeds', '--format', 'csv'])).stdout).toBe(
      'group,term,matches,docs,words,per_million\n2023,Minsk,0,0,674,0\n2024,Minsk,6,2,956,6276.15\n(undated),Minsk,0,0,388,0\n',
    );
  });

  test('JSON Lines and JSON: an object a row, no frequency as null', async () => {
    expect((await runCli(['grep', '--by', 'year', '-w', 'Minsk', 'seeds', '--format', 'jsonl'])).stdout).toBe(
      '{"group":"2023","term":"Minsk","matches":0,"docs":0,"words":674,"per_million":0}\n' +
        '{"group":"2024","term":"Minsk","matches":6,"docs":2,"words":956,"per_million":6276.15}\n' +
        '{"group":"(undated)","term":"Minsk","matches":0,"docs":0,"words":388,"per_million":0}\n',
    );
    const json = JSON.parse((await runCli(['grep', '--by', 'month', '-w', 'Minsk', 'seeds', '--json'])).stdout);
    expect(json).toHaveLength(21);
    expect(json[1]).toEqual({ group: '2023-02', term: 'Minsk', matches: 0, docs: 0, words: 0, per_million: null });
  });

  test('a term found nowhere: nothing printed, status 1', async () => {
    expect(await runCli(['grep', '--by', 'year', 'Zanzibar', 'seeds'])).toEqual({
      status: 1,
      stdout: '',
      stderr: '',
      paged: [],
    });
  });
});

describe('corpus grep --by, on a terminal', () => {
  test('a row a group, the terms side by side with a bar each, then a sparkline a term', async () => {
    const r = await runCli(['grep', '--by', 'year', '-w', '-e', 'Minsk', '-e', 'Moscou', 'seeds'], {
      tty: true,
      columns: 100,
    });
    expect(r.status).toBe(0);
    expect(plain(r.stdout)).toBe(
      'YEAR       WORDS  Minsk  DOCS  PER MILLION                 Moscou  DOCS  PER MILLION\n' +
        '2023         674      0     0         0.00                      4     2      5934.72  ████████████▎\n' +
        '2024         956      6     2      6276.15  █████████████       6     2      6276.15  █████████████\n' +
        '(undated)    388      0     0         0.00                      1     1      2577.32  █████▍\n' +
        '\n' +
        'Minsk   ▁█\n' +
        'Moscou  ██\n' +
        '        2023 … 2024, per million words\n',
    );
  });

  test('a period of no words is a blank in the sparkline', async () => {
    const r = await runCli(['grep', '--by', 'month', '-w', 'Minsk', 'seeds'], { tty: true, columns: 100 });
    expect(plain(r.stdout).split('\n').slice(-4)).toEqual([
      '',
      'Minsk  ▁               ▆  █',
      '       2023-01 … 2024-08, per million words',
      '',
    ]);
  });

  test('a narrow terminal: no bars, the numbers kept', async () => {
    const r = await runCli(['grep', '--by', 'source', '-w', 'Minsk', 'seeds'], { tty: true, columns: 46 });
    expect(plain(r.stdout)).toBe(
      'SOURCE       WORDS  Minsk  DOCS  PER MILLION\n' +
        'La Gazette     434      2     1      4608.29\n' +
        'CNN            388      0     0         0.00\n' +
        '(no source)   1196      4     1      3344.48\n',
    );
  });

  test('--format tsv on a terminal gives the rows', async () => {
    const r = await runCli(['grep', '--by', 'lang', '-w', 'Minsk', 'seeds', '--format', 'tsv'], { tty: true });
    expect(r.stdout).toBe('fra\tMinsk\t6\t2\t2018\t2973.24\n');
  });
});

describe('corpus grep --by, refused', () => {
  test.each([
    [['-c'], '-c'],
    [['-l'], '-l'],
    [['-L'], '-L'],
    [['-o'], '-o'],
    [['-q'], '-q'],
    [['--count-matches'], '--count-matches'],
    [['--kwic'], '--kwic'],
    [['-v'], '-v'],
    [['-C', '2'], '-C'],
    [['-m', '1'], '-m'],
    [['--stats'], '--stats'],
  ])('with %s: status 2', async (flags, name) => {
    expect(await runCli(['grep', '--by', 'year', ...flags, 'Minsk', 'seeds'])).toEqual({
      status: 2,
      stdout: '',
      stderr: `corpus: --by cannot be combined with ${name}: it counts every match of every document\n`,
      paged: [],
    });
  });

  test('with --plot', async () => {
    const r = await runCli(['grep', '--by', 'year', '--plot', 'Minsk', 'seeds']);
    expect([r.status, r.stderr]).toEqual([2, 'corpus: --by cannot be combined with --plot: one view a run\n']);
  });

  test('a group it does not know', async () => {
    const r = await runCli(['grep', '--by', 'day', 'Minsk', 'seeds']);
    expect([r.status, r.stderr]).toEqual([
      2,
      "corpus: option '--by <group>' argument 'day' is invalid. Allowed choices are month, week, year, source, lang.\n",
    ]);
  });
});
