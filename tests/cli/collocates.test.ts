import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// On the seeds (five French articles): Loukachenko's collocates without stop words, 3 a side.
const ARGS = ['collocates', '-i', 'Loukachenko', '--no-stopwords', '--window', '3', '--min-freq', '2', 'seeds'];
const ROWS = [
  ['alexandre', '3', '3', '0', '3', '7', '0.062', '13.263', '5.586', '8.756', '1.696', '23.448'],
  ['président', '3', '3', '0', '10', '7', '0.208', '12.497', '3.849', '7.019', '1.612', '11.505'],
  ['biélorusse', '2', '2', '0', '14', '7', '0.291', '11.608', '2.779', '4.779', '1.208', '4.583'],
];
const KEYS = [
  'collocate',
  'freq_span',
  'freq_left',
  'freq_right',
  'freq_corpus',
  'freq_node',
  'expected',
  'logdice',
  'mi',
  'mi3',
  't',
  'll',
];
const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('corpus collocates', () => {
  test('through a pipe: TSV rows, best logDice first, no header', async () => {
    const r = await runCli(ARGS);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(ROWS.map((row) => row.join('\t') + '\n').join(''));
  });

  test('--header and CSV head the rows with the column keys', async () => {
    const tsv = await runCli([...ARGS, '--header']);
    expect(tsv.stdout.split('\n')[0]).toBe(KEYS.join('\t'));
    const csv = await runCli([...ARGS, '--format', 'csv']);
    expect(csv.stdout).toBe([KEYS, ...ROWS].map((row) => row.join(',') + '\n').join(''));
  });

  test('JSON and JSON Lines give every count and measure as numbers', async () => {
    const json = await runCli([...ARGS, '--json']);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      collocate: 'alexandre',
      freq_span: 3,
      freq_left: 3,
      freq_right: 0,
      freq_corpus: 3,
      freq_node: 7,
      expected: 0.062,
      logdice: 13.263,
      mi: 5.586,
      mi3: 8.756,
      t: 1.696,
      ll: 23.448,
    });
    const jsonl = await runCli([...ARGS, '--format', 'jsonl']);
    const lines = jsonl.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(rows);
  });

  test('on a terminal: what was counted, the table, and how many rows --top left out', async () => {
    const r = await runCli([...ARGS, '--top', '2'], { tty: true, columns: 120 });
    expect(r.status).toBe(0);
    const lines = strip(r.stdout).split('\n');
    expect(lines[0]).toBe('Loukachenko: 7 occurrences in 4 of 5 documents, 2,018 tokens; window 3,3');
    expect(lines[1]?.split(/\s+/)).toEqual([
      'COLLOCATE',
      'FREQ',
      'LEFT',
      'RIGHT',
      'CORPUS',
      'NODE',
      'EXPECTED',
      'LOGDICE',
      'MI',
      'MI3',
      'T',
      'LL',
    ]);
    expect(lines[2]?.split(/\s+/)).toEqual(ROWS[0]?.map((cell, i) => (i >= 6 ? Number(cell).toFixed(3) : cell)));
    expect(lines[4]).toBe('and 1 more collocate (a larger --top shows them)');
    expect(lines).toHaveLength(6);
  });

  test('a narrow terminal drops whole columns, never the measure the rows are sorted by', async () => {
    const heads = async (...extra: string[]) => {
      const r = await runCli([...ARGS, ...extra], { tty: true, columns: 40 });
      return strip(r.stdout).split('\n')[1]?.split(/\s+/);
    };
    expect(await heads()).toEqual(['COLLOCATE', 'FREQ', 'LOGDICE', 'MI', 'LL']);
    expect(await heads('--measure', 't')).toEqual(['COLLOCATE', 'FREQ', 'LOGDICE', 'MI', 'T']);
  });

  test('--measure sorts by that measure; ties go by co-occurrences, then by the text', async () => {
    const firsts = async (measure: string) => {
      const args = ['collocates', '-i', 'Biélorussie', '--no-stopwords', '--min-freq', '2', '--top', '4', 'seeds'];
      const r = await runCli([...args, '--measure', measure]);
      return r.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[0]);
    };
    // logDice of russie (O11 4, f(c) 23) and envoyait (2, 2) are equal, 14 + log2(8/42) = 14 + log2(4/21):
    // russie goes first on its O11.
    expect(await firsts('logdice')).toEqual(['russie', 'envoyait', 'mènent', 'conjoints']);
    expect(await firsts('t')).toEqual(['envoyait', 'mènent', 'signer', 'accord']);
    // By co-occurrences, ties go by logDice: of the O11 = 2, envoyait (f(c) 2) before accord (4).
    expect(await firsts('freq')).toEqual(['russie', 'conjoints', 'envoyait', 'mènent']);
  });

  test('a window of one side only, and N as N,N', async () => {
    const left = await runCli([...ARGS.slice(0, -5), '--window', '3,0', '--min-freq', '2', 'seeds']);
    expect(left.stdout.split('\n').map((line) => line.split('\t').slice(0, 4).join(' '))).toEqual([
      'alexandre 3 3 0',
      'président 3 3 0',
      'biélorusse 2 2 0',
      '',
    ]);
    const right = await runCli([...ARGS.slice(0, -5), '--window', '0,3', '--min-freq', '2', 'seeds']);
    expect(right).toMatchObject({ status: 1, stdout: '' });
  });

  test('--within-sentence keeps windows inside the sentence; --lang counts only those documents', async () => {
    const sums = async (...extra: string[]) => {
      const r = await runCli(['collocates', 'Biélorussie', '--min-freq', '1', '--top', '0', 'seeds', ...extra]);
      return r.stdout
        .trimEnd()
        .split('\n')
        .reduce((sum, line) => sum + Number(line.split('\t')[1]), 0);
    };
    const across = await sums();
    const within = await sums('--within-sentence');
    expect(within).toBeGreaterThan(0);
    expect(within).toBeLessThan(across);
    expect(await runCli(['collocates', 'Biélorussie', '--lang', 'eng', 'seeds'])).toMatchObject({
      status: 1,
      stdout: '',
    });
    expect((await runCli(['collocates', 'Biélorussie', '--lang', 'fra', 'seeds'])).stdout).toBe(
      (await runCli(['collocates', 'Biélorussie', 'seeds'])).stdout,
    );
  });

  test('a term that never occurs: nothing, exit 1; an empty array in JSON', async () => {
    expect(await runCli(['collocates', 'Zanzibar', 'seeds'])).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(await runCli(['collocates', '--json', 'Zanzibar', 'seeds'])).toMatchObject({ status: 1, stdout: '[]\n' });
    const tty = await runCli(['collocates', 'Zanzibar', 'seeds'], { tty: true });
    expect(tty).toMatchObject({ status: 1, stdout: '' });
  });

  test.each([['0,0'], ['0'], ['-1'], ['3,-2'], ['x'], ['1,2,3'], ['']])(
    '--window %j is an error, exit 2',
    async (w) => {
      const r = await runCli(['collocates', '--window', w, 'Minsk', 'seeds']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`corpus: --window takes N or L,R: whole numbers of tokens, not both 0 (not '${w}')\n`);
    },
  );

  test('an invalid pattern, no term, or a bad --min-freq is an error, exit 2', async () => {
    expect(await runCli(['collocates', 'a(', 'seeds'])).toMatchObject({ status: 2, stdout: '' });
    expect(await runCli(['collocates'])).toMatchObject({
      status: 2,
      stderr: 'corpus: collocates needs a term (or -e PATTERN)\n',
    });
    expect(await runCli(['collocates', '--min-freq', '0', 'Minsk', 'seeds'])).toMatchObject({
      status: 2,
      stderr: "corpus: --min-freq takes a whole number from 1, not '0'\n",
    });
    expect((await runCli(['collocates', '--measure', 'dice', 'Minsk', 'seeds'])).status).toBe(2);
  });
});
