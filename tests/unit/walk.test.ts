import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isDocumentFile } from '../../src/core/input/file-kinds.js';
import { walkFiles, walkFolder, walkUnits, type FoundFile, type WalkOptions } from '../../src/core/input/walk.js';

let root: string;

function touch(rel: string, text = 'x') {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-walk-'));
  for (const f of [
    'b.txt',
    'a.md',
    'sub/z.txt',
    'sub/c.jsonl',
    'sub/d.txt.gz',
    'image.png',
    '.hidden.txt',
    '.dir/e.txt',
    'node_modules/pkg/f.txt',
    'Z.text',
    'notes.ndjson',
    'sub/deep/er/g.txt',
    'sub/deep/.h/i.txt',
    'sub/deep/node_modules/j.md',
    'sub2/k.md',
    'sub2/zz/l.txt',
    'm.txt.gz',
  ])
    touch(f);
  fs.symlinkSync(path.join(root, 'sub'), path.join(root, 'link'));
  fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function walk(options: Partial<WalkOptions> = {}, given = '.') {
  const warnings: string[] = [];
  const missing: string[] = [];
  const files = [
    ...walkFiles([{ given }], { cwd: root, onWarning: (p, m) => warnings.push(`${p}: ${m}`), ...options }, missing),
  ];
  return { rel: files.map((f) => f.relPath), display: files.map((f) => f.displayPath), warnings, missing };
}

describe('walkFiles', () => {
  test('sorted, recursive, document extensions only, hidden and node_modules skipped, links not followed', () => {
    expect(walk().rel).toEqual([
      'Z.text',
      'a.md',
      'b.txt',
      'm.txt.gz',
      'notes.ndjson',
      'sub/c.jsonl',
      'sub/d.txt.gz',
      'sub/deep/er/g.txt',
      'sub/z.txt',
      'sub2/k.md',
      'sub2/zz/l.txt',
    ]);
  });

  test('display paths start from the path as given', () => {
    expect(walk({}, 'sub').display).toEqual(['sub/c.jsonl', 'sub/d.txt.gz', 'sub/deep/er/g.txt', 'sub/z.txt']);
    expect(walk({}, 'sub/').display).toEqual(['sub/c.jsonl', 'sub/d.txt.gz', 'sub/deep/er/g.txt', 'sub/z.txt']);
  });

  test('--hidden reads hidden files and node_modules', () => {
    expect(walk({ hidden: true }).rel).toEqual([
      '.dir/e.txt',
      '.hidden.txt',
      'Z.text',
      'a.md',
      'b.txt',
      'm.txt.gz',
      'node_modules/pkg/f.txt',
      'notes.ndjson',
      'sub/c.jsonl',
      'sub/d.txt.gz',
      'sub/deep/.h/i.txt',
      'sub/deep/er/g.txt',
      'sub/deep/node_modules/j.md',
      'sub/z.txt',
      'sub2/k.md',
      'sub2/zz/l.txt',
    ]);
  });

  test('--follow follows links and stops at a loop with a warning', () => {
    const { rel, warnings } = walk({ follow: true });
    expect(rel).toEqual([
      'Z.text',
      'a.md',
      'b.txt',
      'link/c.jsonl',
      'link/d.txt.gz',
      'link/deep/er/g.txt',
      'link/z.txt',
      'm.txt.gz',
      'notes.ndjson',
      'sub/c.jsonl',
      'sub/d.txt.gz',
      'sub/deep/er/g.txt',
      'sub/z.txt',
      'sub2/k.md',
      'sub2/zz/l.txt',
    ]);
    expect(warnings).toEqual([
      'link/loop: symbolic link loop, not followed',
      'sub/loop: symbolic link loop, not followed',
    ]);
  });

  test('--glob includes and excludes', () => {
    expect(walk({ globs: ['*.txt'] }).rel).toEqual(['b.txt', 'sub/deep/er/g.txt', 'sub/z.txt', 'sub2/zz/l.txt']);
    expect(walk({ globs: ['!sub'] }).rel).toEqual([
      'Z.text',
      'a.md',
      'b.txt',
      'm.txt.gz',
      'notes.ndjson',
      'sub2/k.md',
      'sub2/zz/l.txt',
    ]);
    expect(walk({ globs: ['sub/**', '!*.gz'] }).rel).toEqual(['sub/c.jsonl', 'sub/deep/er/g.txt', 'sub/z.txt']);
  });

  test('a file given by name is read whatever its extension', () => {
    expect(walk({}, 'image.png').display).toEqual(['image.png']);
  });

  test('a glob pattern as input', () => {
    expect(walk({}, 'sub/*.txt').display).toEqual(['sub/z.txt']);
  });

  test('a missing input is reported', () => {
    const { rel, warnings, missing } = walk({}, 'nope');
    expect(rel).toEqual([]);
    expect(missing).toEqual(['nope']);
    expect(warnings).toEqual(['nope: no such file or folder']);
  });
});

describe('walkUnits and walkFolder (grep workers walk whole subfolders)', () => {
  /** The files of walkUnits, each folder walked by walkFolder where it came: the same as walkFiles. */
  function byUnits(options: Partial<WalkOptions>, given: string) {
    const warnings: string[] = [];
    const onWarning = (p: string, m: string) => warnings.push(`${p}: ${m}`);
    const all = { cwd: root, onWarning, ...options };
    const files: FoundFile[] = [];
    const folders: string[] = [];
    for (const item of walkUnits([{ given }], all)) {
      if ('folder' in item) {
        folders.push(item.relPath);
        files.push(...walkFolder(item, all));
      } else files.push(item);
    }
    return { files, folders, warnings };
  }

  const OPTIONS: Partial<WalkOptions>[] = [
    {},
    { hidden: true },
    { globs: ['*.txt'] },
    { globs: ['!sub'] },
    { globs: ['sub/**', '!*.gz'] },
    { globs: ['!deep'] },
    { globs: ['sub/deep/**'] },
  ];
  for (const options of OPTIONS) {
    for (const given of ['.', 'sub', './']) {
      test(`${JSON.stringify(options)} from ${given}: the same files, paths and warnings as walkFiles`, () => {
        const warnings: string[] = [];
        const plain = [
          ...walkFiles([{ given }], { cwd: root, onWarning: (p, m) => warnings.push(`${p}: ${m}`), ...options }),
        ];
        const split = byUnits(options, given);
        expect(split.files).toEqual(plain);
        expect(split.warnings).toEqual(warnings);
      });
    }
  }

  test('the subfolders of an input come unwalked, in their place; deeper ones are walked with them', () => {
    const { files, folders } = byUnits({}, '.');
    expect(folders).toEqual(['sub', 'sub2']);
    expect(files.map((f) => f.relPath)).toEqual(walk().rel);
  });

  test('an implicit input (the seeds) gives display paths from the cwd', () => {
    const plain = [...walkFiles([{ given: path.join(root, 'sub'), implicit: true }], { cwd: root })];
    const split: FoundFile[] = [];
    for (const item of walkUnits([{ given: path.join(root, 'sub'), implicit: true }], { cwd: root })) {
      if ('folder' in item) split.push(...walkFolder(item, { cwd: root }));
      else split.push(item);
    }
    expect(split).toEqual(plain);
    expect(split.map((f) => f.displayPath)).toContain('sub/deep/er/g.txt');
  });

  test('with --follow nothing is split: link loops are found by the folders above', () => {
    expect([...walkUnits([{ given: '.' }], { cwd: root, follow: true })].some((item) => 'folder' in item)).toBe(false);
  });

  test('an unreadable folder inside a unit is a warning, as in walkFiles', () => {
    const locked = path.join(root, 'sub2', 'locked');
    fs.mkdirSync(locked, { recursive: true });
    fs.writeFileSync(path.join(locked, 'n.txt'), 'x');
    fs.chmodSync(locked, 0);
    try {
      let readable = true;
      try {
        fs.readdirSync(locked);
      } catch {
        readable = false;
      }
      const warnings: string[] = [];
      const plain = [...walkFiles([{ given: '.' }], { cwd: root, onWarning: (p, m) => warnings.push(`${p}: ${m}`) })];
      const split = byUnits({}, '.');
      expect(split.files).toEqual(plain);
      expect(split.warnings).toEqual(warnings);
      // As root every folder is readable: then there is no warning to compare.
      if (!readable) expect(warnings).toEqual(['sub2/locked: permission denied']);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.rmSync(locked, { recursive: true });
    }
  });
});

describe('isDocumentFile', () => {
  test('extensions, case-insensitive, .gz looked through', () => {
    expect(
      ['a.txt', 'a.TXT', 'a.text', 'a.md', 'a.jsonl', 'a.ndjson', 'a.jsonl.gz', 'a.txt.gz'].every(isDocumentFile),
    ).toBe(true);
    expect(['a.CSV', 'a.tsv.gz', 'a.json'].every(isDocumentFile)).toBe(true);
    expect(['a.png', 'a.gz', 'a.xml', 'txt'].some(isDocumentFile)).toBe(false);
  });
});
