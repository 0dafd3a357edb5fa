// The built bin/corpus's `words` and `keywords` on the seeds and on a small multilingual corpus
// (French, Chinese, Arabic, Russian; Chinese words cut by the segmenter), and the same figures
// from one thread as from worker threads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const MULTILINGUAL = path.join(ROOT, 'tests/fixtures/words-multilingual');

describe('bin/corpus words and keywords on the seeds', () => {
  test('words: the most frequent words, with per million, documents and DP', () => {
    expect(runBin(['words', '--top', '3'])).toEqual({
      status: 0,
      stderr: '',
      stdout: 'de\t138\t69207.62\t5\t0.075\n' + 'la\t87\t43630.89\t5\t0.106\n' + 'le\t63\t31594.78\t5\t0.184\n',
    });
  });

  test('words --n 2 --no-stopwords: clusters of content words', () => {
    expect(runBin(['words', '--n', '2', '--no-stopwords', '--top', '3']).stdout).toBe(
      'exercices militaires\t9\t4513.54\t5\t0.12\n' +
        'militaires conjoints\t8\t4012.04\t5\t0.289\n' +
        'vladimir poutine\t4\t2006.02\t4\t0.2\n',
    );
  });

  test('keywords: the 2024 documents against the others', () => {
    expect(runBin(['keywords', '--since', '2024', '--top', '3', '--header'])).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'term\tdirection\tfreq_target\tfreq_ref\tpm_target\tpm_ref\tg2\tp\tlog_ratio\tpct_diff\n' +
        'minsk\t+\t6\t0\t6349.21\t0\t8.96\t0.01\t3.736\tinf\n' +
        'région\t+\t6\t0\t6349.21\t0\t8.96\t0.01\t3.736\tinf\n' +
        'kiev\t+\t5\t0\t5291.01\t0\t7.47\t0.01\t3.473\tinf\n',
    });
  });

  test('a term that never occurs: status 1; --n 9: status 2', () => {
    expect(runBin(['words', '-e', 'zanzibar'])).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(runBin(['words', '--n', '9'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "corpus: --n takes a whole number from 1 to 5 (words per term), not '9'\n",
    });
  });
});

describe('bin/corpus words on a multilingual corpus', () => {
  test('Chinese words as the segmenter cuts them', () => {
    const r = runBin(['words', MULTILINGUAL, '--lang', 'cmn', '--top', '4']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      '北京\t5\t104166.67\t1\t0\n' +
        '的\t5\t104166.67\t1\t0\n' +
        '地铁\t2\t41666.67\t1\t0\n' +
        '很\t2\t41666.67\t1\t0\n',
    );
  });

  test('one term of each language, per language (--by lang), per million words of each', () => {
    const r = runBin([
      'words',
      MULTILINGUAL,
      '--by',
      'lang',
      '-e',
      '北京',
      '-e',
      'السوق',
      '-e',
      'река',
      '--format',
      'jsonl',
    ]);
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((row) => row.freq > 0);
    expect(rows).toEqual([
      { group: 'rus', term: 'река', freq: 3, per_million: 45454.55 },
      { group: 'cmn', term: '北京', freq: 5, per_million: 104166.67 },
      { group: 'arb', term: 'السوق', freq: 3, per_million: 83333.33 },
    ]);
  });
});

describe('worker threads', () => {
  let corpus: string;
  beforeAll(() => {
    // 300 documents (worker threads start from 200), words drawn from a fixed sequence.
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-words-jobs-'));
    const vocabulary = ['maison', 'rivière', 'pont', 'forêt', 'village', 'route', 'champ', 'colline'];
    for (let i = 0; i < 300; i++) {
      const words = Array.from({ length: 20 + (i % 13) }, (_, k) => vocabulary[(i * 7 + k * k) % (3 + (i % 6))]);
      fs.writeFileSync(path.join(corpus, `d${String(i).padStart(3, '0')}.txt`), `${words.join(' ')}.\n`);
    }
  });
  afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));

  test('the same list, DP and n-grams with 1 thread as with 3', () => {
    const env = { CORPUS_MAX_JOBS: '3' };
    for (const args of [['words'], ['words', '--n', '3'], ['words', '--by', 'lang', '--top', '3']]) {
      const one = runBin([...args, corpus, '--jobs', '1'], { env });
      const three = runBin([...args, corpus, '--jobs', '3'], { env });
      expect(one.status).toBe(0);
      expect(three).toEqual(one);
    }
  });
});
