// `grep --plot` in-process on the seeds: -w Minsk falls 4 times in the body of 003 (522 words)
// and twice in 004 (434 words), out of 2018 words in all; Gries' DP is
// ½ (|4/6 − 522/2018| + |2/6 − 434/2018| + 1062/2018) = 0.526.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

describe('corpus grep --plot, piped', () => {
  test('a row a document and term, positions as numbers from 0 to 1', async () => {
    expect(await runCli(['grep', '--plot', '-w', 'Minsk', 'seeds', '--header'])).toEqual({
      status: 0,
      stderr: '',
      paged: [],
      stdout:
        'term\tid\tpath\thits\twords\tper_thousand\td\tdp\tpositions\n' +
        'Minsk\t003_d5acbb01e160b551\tseeds/003_d5acbb01e160b551.txt\t4\t522\t7.66\t0.447\t0.526\t0.2839,0.4663,0.6258,0.688\n' +
        'Minsk\t004_4beb03af83448623\tseeds/004_4beb03af83448623.txt\t2\t434\t4.61\t0.333\t0.526\t0.0463,0.8798\n',
    });
  });

  test('JSON Lines: the positions an array', async () => {
    expect((await runCli(['grep', '--plot', '-w', 'Minsk', 'seeds', '--format', 'jsonl'])).stdout).toBe(
      '{"term":"Minsk","id":"003_d5acbb01e160b551","path":"seeds/003_d5acbb01e160b551.txt","hits":4,"words":522,"per_thousand":7.66,"d":0.447,"dp":0.526,"positions":[0.2839,0.4663,0.6258,0.688]}\n' +
        '{"term":"Minsk","id":"004_4beb03af83448623","path":"seeds/004_4beb03af83448623.txt","hits":2,"words":434,"per_thousand":4.61,"d":0.333,"dp":0.526,"positions":[0.0463,0.8798]}\n',
    );
  });

  test('JSON and CSV', async () => {
    const json = JSON.parse((await runCli(['grep', '--plot', '-w', 'Minsk', 'seeds', '--json'])).stdout);
    expect(json.map((r: { id: string; positions: number[] }) => [r.id, r.positions])).toEqual([
      ['003_d5acbb01e160b551', [0.2839, 0.4663, 0.6258, 0.688]],
      ['004_4beb03af83448623', [0.0463, 0.8798]],
    ]);
    expect((await runCli(['grep', '--plot', '-w', 'Minsk', 'seeds', '--format', 'csv'])).stdout).toBe(
      'term,id,path,hits,words,per_thousand,d,dp,positions\n' +
        'Minsk,003_d5acbb01e160b551,seeds/003_d5acbb01e160b551.txt,4,522,7.66,0.447,0.526,"0.2839,0.4663,0.6258,0.688"\n' +
        'Minsk,004_4beb03af83448623,seeds/004_4beb03af83448623.txt,2,434,4.61,0.333,0.526,"0.0463,0.8798"\n',
    );
  });

  test('a term found nowhere: nothing printed, status 1', async () => {
    expect(await runCli(['grep', '--plot', 'Zanzibar', 'seeds'])).toEqual({
      status: 1,
      stdout: '',
      stderr: '',
      paged: [],
    });
  });
});

describe('corpus grep --plot, on a terminal', () => {
  test('a line a term, a strip a document', async () => {
    const r = await runCli(['grep', '--plot', '-w', '-e', 'Minsk', '-e', 'Moscou', 'seeds'], {
      tty: true,
      columns: 100,
    });
    expect(r.status).toBe(0);
    expect(plain(r.stdout)).toBe(
      'Minsk  6 hits in 2 of 5 documents, DP 0.526\n' +
        'ID                    HITS  WORDS  PER 1000      D  PLOT\n' +
        '003_d5acbb01e160b551     4    522      7.66  0.447  ▕·············│·······│······│··│··············▏\n' +
        '004_4beb03af83448623     2    434      4.61  0.333  ▕··│·····································│·····▏\n' +
        '\n' +
        'Moscou  9 hits in 5 of 5 documents, DP 0.262\n' +
        'ID                    HITS  WORDS  PER 1000      D  PLOT\n' +
        '000_fdb09ddbbd769acc     1    388      2.58  0.000  ▕····│·········································▏\n' +
        '001_34f256881794425b     1    292      3.42  0.000  ▕··········································│···▏\n' +
        '002_075e5e7c38a2ef25     3    382      7.85  0.491  ▕·│···························│··············│·▏\n' +
        '003_d5acbb01e160b551     1    522      1.92  0.000  ▕···································│··········▏\n' +
        '004_4beb03af83448623     3    434      6.91  0.289  ▕·····························│·······│··│·····▏\n',
    );
  });

  test('--width sets the cells of the strip; two hits in one cell are a heavy bar', async () => {
    const r = await runCli(['grep', '--plot', '-w', 'Minsk', 'seeds', '--width', '5'], { tty: true });
    expect(plain(r.stdout).split('\n').slice(2, 4)).toEqual([
      '003_d5acbb01e160b551     4    522      7.66  0.447  ▕·││┃·▏',
      '004_4beb03af83448623     2    434      4.61  0.333  ▕│···│▏',
    ]);
  });
});

describe('corpus grep --plot, refused', () => {
  test.each([[['-c']], [['-l']], [['-o']], [['--kwic']], [['-v']], [['-A', '1']]])(
    'with %s: status 2',
    async (flags) => {
      const r = await runCli(['grep', '--plot', ...flags, 'Minsk', 'seeds']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^corpus: --plot cannot be combined with -/);
    },
  );

  test('--width is a whole number', async () => {
    const r = await runCli(['grep', '--plot', '--width', '0', 'Minsk', 'seeds']);
    expect(r.status).toBe(2);
  });
});
