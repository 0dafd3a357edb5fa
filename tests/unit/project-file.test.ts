import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  defaultCorpus,
  findProjectFile,
  PROJECT_FILE,
  ProjectFileError,
  readProjectFile,
} from '../../src/core/input/project-file.js';

const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-project-file-')));
afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

/** A fresh folder under the test's own, with the files given (path → content). */
function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(top, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('the project file', () => {
  test('is found in the current folder or the nearest folder above it', () => {
    const dir = tree('nearest', {
      [PROJECT_FILE]: '{"paths": ["outer"]}',
      [`a/${PROJECT_FILE}`]: '{"paths": ["inner"]}',
      'a/b/c/x.txt': 'x',
    });
    expect(findProjectFile(path.join(dir, 'a/b/c'))).toBe(path.join(dir, 'a', PROJECT_FILE));
    expect(findProjectFile(path.join(dir, 'a'))).toBe(path.join(dir, 'a', PROJECT_FILE));
    expect(findProjectFile(dir)).toBe(path.join(dir, PROJECT_FILE));
  });

  test('a folder of that name is passed over', () => {
    const dir = tree('folder-named-so', { [PROJECT_FILE]: '{"paths": ["docs"]}', [`sub/${PROJECT_FILE}/x.txt`]: 'x' });
    expect(findProjectFile(path.join(dir, 'sub'))).toBe(path.join(dir, PROJECT_FILE));
  });

  test('its paths are relative to its own folder, not the current one', () => {
    const dir = tree('relative', { [PROJECT_FILE]: '{"paths": ["seeds", "more/*.txt", "/abs/olute"]}' });
    expect(readProjectFile(path.join(dir, PROJECT_FILE))).toEqual([
      path.join(dir, 'seeds'),
      path.join(dir, 'more/*.txt'),
      '/abs/olute',
    ]);
  });

  test.each([
    ['not JSON', '{"paths": [seeds]}', /is not JSON/],
    ['no paths', '{"path": ["seeds"]}', /must hold \{"paths": \[\.\.\.\]\}/],
    ['an empty list', '{"paths": []}', /must hold/],
    ['a path that is not a string', '{"paths": ["seeds", 3]}', /must hold/],
    ['an empty path', '{"paths": [""]}', /must hold/],
    ['a list, not an object', '["seeds"]', /must hold/],
  ])('%s is an error naming the file', (name, text, why) => {
    const dir = tree(`bad-${name.replace(/\W+/g, '-')}`, { [PROJECT_FILE]: text });
    const file = path.join(dir, PROJECT_FILE);
    let caught: unknown;
    try {
      readProjectFile(file);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ProjectFileError);
    expect((caught as Error).message.startsWith(`${file}: `)).toBe(true);
    expect((caught as Error).message).toMatch(why);
  });
});

describe('the default corpus', () => {
  test('the project file wins over CORPUS_PATH; its paths are implicit, shown from the current folder', () => {
    const dir = tree('wins', { [PROJECT_FILE]: '{"paths": ["docs"]}', 'docs/a.txt': 'a', 'sub/b.txt': 'b' });
    expect(defaultCorpus(path.join(dir, 'sub'), { CORPUS_PATH: '/elsewhere' })).toEqual({
      inputs: [{ given: path.join(dir, 'docs'), implicit: true }],
      source: { kind: 'project-file', file: path.join(dir, PROJECT_FILE) },
    });
  });

  test('without a project file, CORPUS_PATH, then the current folder', () => {
    const dir = tree('none', { 'a.txt': 'a' });
    // No project file above the temporary folder: the test would mean nothing with one.
    expect(findProjectFile(dir)).toBeNull();
    expect(defaultCorpus(dir, { CORPUS_PATH: 'one::two' })).toEqual({
      inputs: [{ given: 'one' }, { given: 'two' }],
      source: { kind: 'env' },
    });
    expect(defaultCorpus(dir, { CORPUS_PATH: '' })).toEqual({ inputs: [{ given: '.' }], source: { kind: 'cwd' } });
    expect(defaultCorpus(dir, {})).toEqual({ inputs: [{ given: '.' }], source: { kind: 'cwd' } });
  });

  test('the repository names its seeds', () => {
    const root = path.resolve(__dirname, '../..');
    expect(defaultCorpus(path.join(root, 'src/cli'), {})).toEqual({
      inputs: [{ given: path.join(root, 'seeds'), implicit: true }],
      source: { kind: 'project-file', file: path.join(root, PROJECT_FILE) },
    });
  });
});
