import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isDocumentFile, walkFiles, type WalkOptions } from '../../src/core/walk.js';

let root: string;

function touch(rel: string, text = 'x') {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-walk-'));
  for (const f of ['b.txt', 'a.md', 'sub/z.txt', 'sub/c.jsonl', 'sub/d.txt.gz', 'image.png', '.hidden.txt', '.dir/e.txt',
    'node_modules/pkg/f.txt', 'Z.text', 'notes.ndjson']) touch(f);
  fs.symlinkSync(path.join(root, 'sub'), path.join(root, 'link'));
  fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function walk(options: Partial<WalkOptions> = {}, given = '.') {
  const warnings: string[] = [];
  const missing: string[] = [];
  const files = [...walkFiles([{ given }], { cwd: root, onWarning: (p, m) => warnings.push(`${p}: ${m}`), ...options }, missing)];
  return { rel: files.map((f) => f.relPath), display: files.map((f) => f.displayPath), warnings, missing };
}

describe('walkFiles', () => {
  test('sorted, recursive, document extensions only, hidden and node_modules skipped, links not followed', () => {
    expect(walk().rel).toEqual(['Z.text', 'a.md', 'b.txt', 'notes.ndjson', 'sub/c.jsonl', 'sub/d.txt.gz', 'sub/z.txt']);
  });

  test('display paths start from the path as given', () => {
    expect(walk({}, 'sub').display).toEqual(['sub/c.jsonl', 'sub/d.txt.gz', 'sub/z.txt']);
    expect(walk({}, 'sub/').display).toEqual(['sub/c.jsonl', 'sub/d.txt.gz', 'sub/z.txt']);
  });

  test('--hidden reads hidden files and node_modules', () => {
    expect(walk({ hidden: true }).rel).toEqual([
      '.dir/e.txt', '.hidden.txt', 'Z.text', 'a.md', 'b.txt', 'node_modules/pkg/f.txt', 'notes.ndjson',
      'sub/c.jsonl', 'sub/d.txt.gz', 'sub/z.txt',
    ]);
  });

  test('--follow follows links and stops at a loop with a warning', () => {
    const { rel, warnings } = walk({ follow: true });
    expect(rel).toEqual([
      'Z.text', 'a.md', 'b.txt', 'link/c.jsonl', 'link/d.txt.gz', 'link/z.txt', 'notes.ndjson',
      'sub/c.jsonl', 'sub/d.txt.gz', 'sub/z.txt',
    ]);
    expect(warnings).toEqual(['link/loop: symbolic link loop, not followed', 'sub/loop: symbolic link loop, not followed']);
  });

  test('--glob includes and excludes', () => {
    expect(walk({ globs: ['*.txt'] }).rel).toEqual(['b.txt', 'sub/z.txt']);
    expect(walk({ globs: ['!sub'] }).rel).toEqual(['Z.text', 'a.md', 'b.txt', 'notes.ndjson']);
    expect(walk({ globs: ['sub/**', '!*.gz'] }).rel).toEqual(['sub/c.jsonl', 'sub/z.txt']);
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

describe('isDocumentFile', () => {
  test('extensions, case-insensitive, .gz looked through', () => {
    expect(['a.txt', 'a.TXT', 'a.text', 'a.md', 'a.jsonl', 'a.ndjson', 'a.jsonl.gz', 'a.txt.gz'].every(isDocumentFile)).toBe(true);
    expect(['a.png', 'a.gz', 'a.json', 'txt'].some(isDocumentFile)).toBe(false);
  });
});
