// The walk's choice of files by format (`--type`, `--type-not`) and its count of the files it has
// no reader for, in this thread and in a folder walked for grep (as a worker walks one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatGlobs, selectFormats, skippedKind, UnknownTypeError } from '../../src/core/input/file-kinds.js';
import {
  countSkipped,
  mergeSkipped,
  OTHER_KINDS,
  skippedByKind,
  type SkippedFiles,
} from '../../src/core/input/skipped-files.js';
import { walkFiles } from '../../src/core/input/walk.js';
import { FileReader } from '../../src/core/search/file-reader.js';
import { searchFolder } from '../../src/core/search/grep-batch.js';
import { buildMatcher } from '../../src/core/search/index.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-walk-types-'));
  for (const rel of [
    'a.txt',
    'b.md.zst',
    'c.jsonl.gz',
    'd.PDF',
    'sub/e.pdf',
    'sub/f.xlsx.gz',
    'sub/g.docx',
    'sub/README',
    '.hidden.pdf',
    'node_modules/h.pdf',
    'sub/.git/config',
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), 'x');
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function walk(options: Parameters<typeof walkFiles>[1]): { files: string[]; skipped: [string, number][] } {
  const skipped: SkippedFiles = new Map();
  const files = [...walkFiles([{ given: '.' }], { ...options, skipped })].map((f) => f.relPath);
  return { files, skipped: [...skipped].sort() };
}

describe('the file types', () => {
  test('the kind of a skipped file is its extension in lower case, compression kept', () => {
    expect(['a.PDF', 'b.csv.gz', 'c.docx.zst', 'Makefile', '.profile', 'x.tar.gz', 'y.gz'].map(skippedKind)).toEqual([
      '.pdf',
      '.csv.gz',
      '.docx.zst',
      '',
      '',
      '.tar.gz',
      '.gz',
    ]);
  });

  test('--type and --type-not names, repeated or comma-separated; unknown ones refused', () => {
    expect(selectFormats()).toBeNull();
    expect([...(selectFormats(['text, jsonl']) ?? [])]).toEqual(['text', 'jsonl']);
    expect([...(selectFormats(['text', 'markdown'], ['markdown']) ?? [])]).toEqual(['text']);
    expect([...(selectFormats([], ['text']) ?? [])]).not.toContain('text');
    expect([...(selectFormats([], ['text']) ?? [])]).toContain('jsonl');
    expect(() => selectFormats(['pdf'])).toThrow(UnknownTypeError);
    expect(() => selectFormats([], ['text,docx'])).toThrow("unknown type 'docx'");
  });

  test('a type reads its endings, each plain, gzipped and zstd-compressed', () => {
    expect(formatGlobs('markdown')).toEqual(['*.md', '*.md.gz', '*.md.zst']);
  });

  test('past 256 kinds, further kinds are counted together', () => {
    const skipped: SkippedFiles = new Map();
    for (let i = 0; i < 300; i++) countSkipped(skipped, `backup.${i}`);
    countSkipped(skipped, 'again.0');
    expect(skipped.size).toBe(257);
    expect([skipped.get('.0'), skipped.get('.255'), skipped.get(OTHER_KINDS)]).toEqual([2, 1, 44]);
  });

  test('skipped counts merge, most files first', () => {
    const into: SkippedFiles = new Map([['.pdf', 1]]);
    mergeSkipped(
      into,
      new Map([
        ['.pdf', 2],
        ['.docx', 3],
        ['', 1],
      ]),
    );
    expect(skippedByKind(into)).toEqual({
      total: 7,
      kinds: [
        ['.docx', 3],
        ['.pdf', 3],
        ['', 1],
      ],
    });
  });
});

describe('a walk', () => {
  test('counts the files it has no reader for, by kind; hidden ones and node_modules stay unsaid', () => {
    expect(walk({ cwd: dir })).toEqual({
      files: ['a.txt', 'b.md.zst', 'c.jsonl.gz'],
      skipped: [
        ['', 1],
        ['.docx', 1],
        ['.pdf', 2],
        ['.xlsx.gz', 1],
      ],
    });
  });

  test('does not count the files a --glob leaves out', () => {
    // Globs match case and all, as ripgrep's: d.PDF is not left out.
    expect(walk({ cwd: dir, globs: ['!*.pdf', '!sub/README'] }).skipped).toEqual([
      ['.docx', 1],
      ['.pdf', 1],
      ['.xlsx.gz', 1],
    ]);
  });

  test('with --type reads only those formats and counts nothing', () => {
    expect(walk({ cwd: dir, formats: selectFormats(['markdown', 'jsonl']) })).toEqual({
      files: ['b.md.zst', 'c.jsonl.gz'],
      skipped: [],
    });
  });

  test('of a folder for grep (as a worker walks one) hands back its skipped files and honours --type', () => {
    const matcher = buildMatcher({ patterns: ['x'], fixedStrings: true });
    const spec = { mode: 'count' as const, before: 0, after: 0 };
    const folder = { folder: true as const, absPath: path.join(dir, 'sub'), relPath: 'sub', displayHead: '' };
    const all = searchFolder(folder, {}, matcher, spec, new FileReader());
    expect(all.relPaths).toBe('');
    expect([...(all.skipped ?? [])].sort()).toEqual([
      ['', 1],
      ['.docx', 1],
      ['.pdf', 1],
      ['.xlsx.gz', 1],
    ]);
    const typed = searchFolder(folder, { formats: selectFormats(['text']) }, matcher, spec, new FileReader());
    expect(typed.skipped).toBeUndefined();
  });
});
