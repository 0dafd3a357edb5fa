// Zstandard-compressed documents: any format inside `.zst`, read whole or streamed, bounded by
// --max-filesize while decompressing, damaged data a warning that keeps what came before it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { decompressSync } from '../../src/core/input/compression.js';
import {
  compressionOf,
  formatOf,
  isCompressed,
  isDocumentFile,
  withoutCompression,
} from '../../src/core/input/file-kinds.js';
import { readJsonl } from '../../src/core/input/formats/jsonl.js';
import { readTextFile } from '../../src/core/input/formats/text.js';
import { fileId, IdRegistry } from '../../src/core/input/ids.js';
import { DEFAULT_MAX_FILE_SIZE, setMaxFileSize } from '../../src/core/input/limits.js';
import { readDocuments } from '../../src/core/input/read-documents.js';
import { zstdDecompressSync } from '../../src/core/input/zstd.js';
import { zstdWindow } from '../../src/core/input/zstd-window.js';
import { buildMatcher } from '../../src/core/search/index.js';
import { FileReader } from '../../src/core/search/file-reader.js';
import { Outcome, searchFile } from '../../src/core/search/grep-task.js';
import { zstdBomb, zstdFrame } from '../helpers/zstd-frames.js';

const fixtures = fileURLToPath(new URL('../fixtures/zstd/', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-zstd-'));
afterAll(() => {
  setMaxFileSize(DEFAULT_MAX_FILE_SIZE);
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (name: string): string => path.join(dir, name);
const file = (name: string, folder = dir) => ({ absPath: path.join(folder, name), relPath: name, displayPath: name });

async function jsonlOf(name: string, folder = dir): Promise<{ ids: string[]; warnings: string[] }> {
  const ids: string[] = [];
  const warnings: string[] = [];
  for await (const doc of readJsonl(file(name, folder), new IdRegistry(), (w, why) => warnings.push(`${w}: ${why}`)))
    ids.push(doc.id);
  return { ids, warnings };
}

const records = (from: number, to: number): string =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${JSON.stringify({ id: `r${from + i}`, text: `record ${from + i}` })}\n`,
  ).join('');

describe('the compression of a file name', () => {
  test('.gz is gzip and .zst zstd, in any case; anything else is not compressed', () => {
    expect(
      ['a.txt.gz', 'a.TXT.GZ', 'a.jsonl.zst', 'a.md.ZST', 'a.txt', 'a.zs', 'zst', 'a.gzip', 'a.tgz'].map(compressionOf),
    ).toEqual(['gzip', 'gzip', 'zstd', 'zstd', null, null, null, null, null]);
    expect(['a.txt.zst', 'a.zst', 'a.txt'].map(isCompressed)).toEqual([true, true, false]);
    expect(['a/b.jsonl.zst', 'a/b.txt.gz', 'a/b.zst'].map(withoutCompression)).toEqual(['a/b.jsonl', 'a/b.txt', 'a/b']);
  });

  test('a .zst file is read as the format inside it, and its id drops .zst as it drops .gz', () => {
    expect(['a.txt.zst', 'a.md.zst', 'a.jsonl.zst', 'a.ndjson.ZST', 'a.zst'].map(formatOf)).toEqual([
      'text',
      'markdown',
      'jsonl',
      'jsonl',
      'text',
    ]);
    expect(['a.txt.zst', 'a.jsonl.zst', 'a.pdf.zst', 'a.zst'].map(isDocumentFile)).toEqual([true, true, false, false]);
    expect(['news/a.txt.zst', 'news/a.jsonl.gz', 'news/a.b.md.zst'].map(fileId)).toEqual([
      'news/a',
      'news/a',
      'news/a.b',
    ]);
  });
});

describe('.zst documents', () => {
  test('a .txt.zst made by the zstd tool is read as its text', () => {
    const doc = readTextFile(file('news.txt.zst', fixtures), () => {});
    if (doc === null || doc === 'skipped') throw new Error('not read');
    expect(doc.text.split('\n')[0]).toBe('Harbour budget agreed');
    expect(doc.text).toContain('Paragraph 40: the council met on Tuesday');
    expect(doc.bytes).toBe(Buffer.byteLength(doc.text));
  });

  test('a .jsonl.zst of two frames gives the records of both', async () => {
    expect(await jsonlOf('records.jsonl.zst', fixtures)).toEqual({ ids: ['r1', 'r2', 'r3', 'r4', 'r5'], warnings: [] });
  });

  test('a .jsonl.zst bigger than a read chunk is streamed whole, record by record', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) =>
      JSON.stringify({ id: `n${i}`, text: `line ${i} `.repeat(10) }),
    );
    fs.writeFileSync(at('many.jsonl.zst'), zstdFrame(Buffer.from(`${lines.join('\n')}\n`)));
    const { ids, warnings } = await jsonlOf('many.jsonl.zst');
    expect(warnings).toEqual([]);
    expect(ids.length).toBe(30_000);
    expect([ids[0], ids[29_999]]).toEqual(['n0', 'n29999']);
  });

  test('a .txt.zst, .md.zst and .jsonl.zst are read by readDocuments, each as its format', async () => {
    fs.mkdirSync(at('mixed'));
    fs.writeFileSync(at('mixed/a.txt.zst'), zstdFrame(Buffer.from('plain text\n')));
    fs.writeFileSync(at('mixed/b.md.zst'), zstdFrame(Buffer.from('# Title\n\nbody\n')));
    fs.writeFileSync(at('mixed/c.jsonl.zst'), zstdFrame(Buffer.from(records(1, 2))));
    const found = ['a.txt.zst', 'b.md.zst', 'c.jsonl.zst'].map((name) => file(name, at('mixed')));
    const docs = [];
    for await (const doc of readDocuments(found, { onWarning: () => {} })) docs.push([doc.id, doc.format, doc.text]);
    expect(docs).toEqual([
      ['a', 'text', 'plain text\n'],
      ['b', 'markdown', '# Title\n\nbody\n'],
      ['r1', 'jsonl', 'record 1'],
      ['r2', 'jsonl', 'record 2'],
    ]);
  });

  test('grep reads a .txt.zst as it reads a .txt.gz', () => {
    const matcher = buildMatcher({ patterns: ['Правительство'], fixedStrings: true });
    const result = searchFile(
      { absPath: path.join(fixtures, 'news.txt.zst'), displayPath: 'news.txt.zst', format: 'text', compressed: true },
      matcher,
      { mode: 'count', before: 0, after: 0 },
      new FileReader(),
    );
    expect([result.outcome, result.match?.count]).toEqual([Outcome.Match, 40]);
  });
});

describe('zstd bounded by --max-filesize', () => {
  test('a zstd bomb is cut at --max-filesize while it decompresses', () => {
    const bomb = zstdBomb(8 * 1024 * 1024);
    expect(bomb.length).toBe(6 + 64 * 4);
    expect(() => zstdDecompressSync(bomb, 1024 * 1024)).toThrow('bigger than --max-filesize (1M), skipped');
    expect(zstdDecompressSync(bomb, 8 * 1024 * 1024).length).toBe(8 * 1024 * 1024);
  });

  test('a .txt.zst bomb is a warning naming the limit', () => {
    fs.writeFileSync(at('bomb.txt.zst'), zstdBomb(4 * 1024 * 1024));
    const warnings: string[] = [];
    setMaxFileSize(1024 * 1024);
    expect(readTextFile(file('bomb.txt.zst'), (w, why) => warnings.push(`${w}: ${why}`))).toBeNull();
    setMaxFileSize(DEFAULT_MAX_FILE_SIZE);
    expect(warnings).toEqual([
      'bomb.txt.zst: bigger than --max-filesize (1M), skipped; a larger --max-filesize reads it',
    ]);
  });

  test('a .jsonl.zst record bigger than the limit is dropped, the records around it kept', async () => {
    const big = Buffer.concat([
      Buffer.from('{"id":"big","text":"'),
      Buffer.alloc(3 * 1024 * 1024, 'a'),
      Buffer.from('"}\n'),
    ]);
    fs.writeFileSync(
      at('big-record.jsonl.zst'),
      zstdFrame(Buffer.concat([Buffer.from(records(1, 1)), big, Buffer.from(records(2, 2))])),
    );
    setMaxFileSize(1024 * 1024);
    const got = await jsonlOf('big-record.jsonl.zst');
    setMaxFileSize(DEFAULT_MAX_FILE_SIZE);
    expect(got).toEqual({
      ids: ['r1', 'r2'],
      warnings: ['big-record.jsonl.zst:2: bigger than --max-filesize (1M), skipped; a larger --max-filesize reads it'],
    });
  });

  test('a frame asking for a window bigger than the limit is refused before it is allocated', () => {
    // A 2 KiB window (descriptor 1 << 3), then one declaring 2 GiB ((21 << 3) | 0).
    expect(zstdWindow(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 1 << 3]))).toBe(2048);
    const huge = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3, 0x01, 0x00, 0x00]);
    expect(zstdWindow(huge)).toBe(2 ** 31);
    expect(() => zstdDecompressSync(huge, 256 * 1024 * 1024)).toThrow(
      'its zstd window (2G) is bigger than --max-filesize (256M), skipped; a larger --max-filesize reads it',
    );
  });
});

describe('zstd windows', () => {
  const hugeFrame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3, 0x01, 0x00, 0x00]);
  const skippable = Buffer.from([0x50, 0x2a, 0x4d, 0x18, 0x03, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63]);

  test('a frame after others, real ones with checksums, asking for too big a window is refused too', async () => {
    const real = fs.readFileSync(path.join(fixtures, 'records.jsonl.zst'));
    const refused =
      'its zstd window (2G) is bigger than --max-filesize (256M), skipped; a larger --max-filesize reads it';
    expect(() => zstdDecompressSync(Buffer.concat([real, skippable, hugeFrame]), 256 * 1024 * 1024)).toThrow(refused);
    fs.writeFileSync(at('late-window.jsonl.zst'), Buffer.concat([real, skippable, hugeFrame]));
    expect(await jsonlOf('late-window.jsonl.zst')).toEqual({
      ids: ['r1', 'r2', 'r3', 'r4', 'r5'],
      warnings: [`late-window.jsonl.zst: ${refused}`],
    });
  });

  test('real frames, skippable frames and frames of many small blocks pass the window watch', () => {
    const real = fs.readFileSync(path.join(fixtures, 'records.jsonl.zst'));
    const small = zstdFrame(Buffer.from(records(6, 7)), 5);
    const out = zstdDecompressSync(Buffer.concat([real, skippable, small, real]), 1 << 20);
    expect(
      out
        .toString()
        .split('\n')
        .filter((l) => l !== '').length,
    ).toBe(5 + 2 + 5);
  });
});

describe('damaged zstd', () => {
  test('a truncated .jsonl.zst keeps the complete records before the cut', async () => {
    const whole = zstdFrame(Buffer.from(records(1, 3)), 16);
    fs.writeFileSync(at('cut.jsonl.zst'), whole.subarray(0, whole.length - 20));
    expect(await jsonlOf('cut.jsonl.zst')).toEqual({
      ids: ['r1', 'r2'],
      warnings: ['cut.jsonl.zst: zstd data cut short after line 2 (unexpected EOF): the records before it kept'],
    });
  });

  test('a zstd frame followed by garbage keeps its records, and the warning says after which line', async () => {
    fs.writeFileSync(
      at('garbage.jsonl.zst'),
      Buffer.concat([zstdFrame(Buffer.from(records(1, 3))), Buffer.from('garbage after the frame\n')]),
    );
    expect(await jsonlOf('garbage.jsonl.zst')).toEqual({
      ids: ['r1', 'r2', 'r3'],
      warnings: ['garbage.jsonl.zst: zstd data damaged after line 3 (invalid zstd data): the records before it kept'],
    });
  });

  test('garbage after a whole frame keeps its last record, even without a line end', async () => {
    const body = `${records(1, 1)}${JSON.stringify({ id: 'r2', text: 'record 2' })}`;
    fs.writeFileSync(at('no-eol.jsonl.zst'), Buffer.concat([zstdFrame(Buffer.from(body)), Buffer.from('garbage')]));
    expect(await jsonlOf('no-eol.jsonl.zst')).toEqual({
      ids: ['r1', 'r2'],
      warnings: ['no-eol.jsonl.zst: zstd data damaged after line 2 (invalid zstd data): the records before it kept'],
    });
  });

  test('a file that is not zstd at all gives no record and says so', async () => {
    fs.writeFileSync(at('not.jsonl.zst'), records(1, 2));
    expect(await jsonlOf('not.jsonl.zst')).toEqual({
      ids: [],
      warnings: ['not.jsonl.zst: zstd data damaged before its first line ended (invalid zstd data): no record read'],
    });
  });

  test('a truncated .txt.zst is skipped with where it was cut', () => {
    const whole = zstdFrame(Buffer.from('some text\n'.repeat(10)));
    const cut = whole.subarray(0, whole.length - 10);
    expect(() => decompressSync(cut, 'zstd', 1 << 20)).toThrow(
      `zstd data cut short after ${cut.length} bytes (unexpected EOF), skipped`,
    );
  });
});
