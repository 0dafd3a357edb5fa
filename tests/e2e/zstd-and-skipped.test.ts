// The built corpus on `.zst` files and on files it has no reader for: every command reads a
// `.txt.zst` and a `.jsonl.zst`, and the line that counts the skipped files is the same whether
// grep's workers walk the folders or this thread does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';
import { zstdFrame } from '../helpers/zstd-frames.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-zstd-e2e-'));
  // About 300 files in three folders: enough for grep's workers to walk the last whole (see grep-jobs.test.ts).
  for (let i = 0; i < 300; i++) {
    const folder = path.join(dir, `f${Math.floor(i / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    const text = `Title ${i}\n\n${i % 4 === 0 ? 'the harbour budget' : 'nothing'} line\n`;
    const name = `${String(i).padStart(3, '0')}_doc`;
    if (i % 50 === 8) fs.writeFileSync(path.join(folder, `${name}.txt.zst`), zstdFrame(Buffer.from(text)));
    else fs.writeFileSync(path.join(folder, `${name}.txt`), text);
    if (i % 100 === 3) fs.writeFileSync(path.join(folder, `${name}.pdf`), '%PDF-1.4');
  }
  fs.writeFileSync(path.join(dir, 'f2', 'extra.docx'), 'PK');
  fs.copyFileSync(path.join(ROOT, 'tests/fixtures/zstd/records.jsonl.zst'), path.join(dir, 'f2', 'records.jsonl.zst'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PARALLEL = { CORPUS_GREP_PARALLEL_FROM: '200', CORPUS_MAX_JOBS: '3' };
const SKIPPED = 'corpus: skipped 4 files with no reader: 3 .pdf, 1 .docx\n';

describe('zstd and skipped files, end to end', () => {
  test('grep -c counts in .zst files and says what it skipped, the same with workers walking folders', () => {
    const one = runBin(['grep', '--jobs', '1', '-c', 'harbour', '--no-cache', dir]);
    const three = runBin(['grep', '--jobs', '3', '-c', 'harbour', '--no-cache', dir], { env: PARALLEL });
    expect(one.stderr).toBe(SKIPPED);
    expect(one.status).toBe(0);
    expect(three).toEqual(one);
    // One document in four has the word (75, the .txt.zst ones among them), and three records.
    const lines = one.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('r'))).toEqual(['r1:1', 'r2:1', 'r3:1']);
    expect(lines).toContain('f2/208_doc:1');
    expect(lines.length).toBe(75 + 3);
  });

  test('list, summarise and show read the .zst documents', () => {
    const list = runBin(['list', '--fields', 'id,words', '--no-cache', dir]);
    expect(list.status).toBe(0);
    expect(list.stderr).toBe(SKIPPED);
    const rows = list.stdout.split('\n');
    // A .txt.zst document counts as the plain one of the same shape beside it.
    const words = (id: string): string | undefined => rows.find((row) => row.startsWith(`${id}\t`))?.split('\t')[1];
    expect(words('f0/008_doc')).toBe(words('f0/004_doc'));
    expect(words('f0/008_doc')).toMatch(/^[1-9]\d*$/);
    expect(rows).toContain('r5\t120');
    expect(rows.length).toBe(300 + 5 + 1);
    const summary = runBin(['summarise', '--only', 'overview', '--json', '--no-cache', dir]);
    expect(JSON.parse(summary.stdout).overview.documents).toBe(305);
    const show = runBin(['show', '--corpus', dir, '--no-cache', 'f0/008_doc']);
    expect([show.stdout, show.stderr, show.status]).toEqual(['Title 8\n\nthe harbour budget line\n', '', 0]);
  });
});
