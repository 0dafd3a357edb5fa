import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { corpusFiles, corpusWalk } from '../../src/core/input/corpus-files.js';
import { fileId, idBase, IdHeads } from '../../src/core/input/ids.js';
import { readDocuments } from '../../src/core/input/read-documents.js';
import type { FoundFolder, WalkInput } from '../../src/core/input/walk.js';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-ids-roots-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const rel of ['news/cmn/00.txt', 'news/cmn/01.txt', 'news/jpn/00.txt', 'news/jpn/sub/00.md', 'other/00.txt']) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), rel);
}

const inputs = (...given: string[]): WalkInput[] => given.map((g) => ({ given: g }));

/** The ids a run of `given` (from the temporary folder) gives, and the warnings. */
async function ids(...given: string[]): Promise<{ ids: string[]; warnings: string[] }> {
  const warnings: string[] = [];
  const onWarning = (where: string, why: string): number => warnings.push(`${where}: ${why}`);
  const found: string[] = [];
  for await (const d of readDocuments(corpusFiles({ inputs: inputs(...given), cwd: dir, onWarning }), { onWarning }))
    found.push(d.id);
  return { ids: found, warnings };
}

describe('the folder ids start from', () => {
  test('one input: none, its ids stay relative to it', () => {
    expect(idBase(inputs('news/cmn'), dir)).toBeNull();
    expect(idBase(inputs('news/cmn/00.txt'), dir)).toBeNull();
  });

  test('several: the deepest folder holding them all', () => {
    expect(idBase(inputs('news/cmn', 'news/jpn'), dir)).toBe(path.join(dir, 'news'));
    expect(idBase(inputs('news/cmn/00.txt', 'news/jpn/sub/00.md'), dir)).toBe(path.join(dir, 'news'));
    expect(idBase(inputs('news', 'news/jpn'), dir)).toBe(path.join(dir, 'news'));
    expect(idBase(inputs('news/cmn', 'other'), dir)).toBe(dir);
  });

  test('one file named twice: its folder', () => {
    expect(idBase(inputs('news/cmn/00.txt', 'news/cmn/00.txt'), dir)).toBe(path.join(dir, 'news/cmn'));
  });

  test('the paths count as named, whether they exist or not', () => {
    expect(idBase(inputs('news/cmn', 'nowhere/at/all'), dir)).toBe(dir);
    expect(idBase(inputs('news/cmn', 'news/cmnx'), dir)).toBe(path.join(dir, 'news'));
    expect(idBase(inputs('news/cmn/', 'news/cmn/00.txt'), dir)).toBe(path.join(dir, 'news/cmn'));
    expect(idBase(inputs('/a/b', '/c'), dir)).toBe('/');
  });

  test("a glob's root is the folder before its first pattern", () => {
    expect(idBase(inputs('news/cmn/*.txt', 'news/jpn/**/*.md'), dir)).toBe(path.join(dir, 'news'));
  });
});

describe('ids with several roots', () => {
  test('start with the part of the path that tells the roots apart', async () => {
    expect(await ids('news/cmn', 'news/jpn')).toEqual({
      ids: ['cmn/00', 'cmn/01', 'jpn/00', 'jpn/sub/00'],
      warnings: [],
    });
    expect((await ids('news/cmn', 'other')).ids).toEqual(['news/cmn/00', 'news/cmn/01', 'other/00']);
  });

  test('files named one by one, as paths from stdin are, are relative to their common folder', async () => {
    expect(await ids('news/jpn/00.txt', 'news/cmn/00.txt', 'news/cmn/01.txt', 'other/00.txt')).toEqual({
      ids: ['news/jpn/00', 'news/cmn/00', 'news/cmn/01', 'other/00'],
      warnings: [],
    });
  });

  test('only a true clash, the same file twice, gets ~2', async () => {
    expect(await ids('news', 'news/jpn')).toEqual({
      ids: ['cmn/00', 'cmn/01', 'jpn/00', 'jpn/sub/00', 'jpn/00~2', 'jpn/sub/00~2'],
      warnings: [
        'news/jpn/00.txt: id jpn/00 is taken, using jpn/00~2',
        'news/jpn/sub/00.md: id jpn/sub/00 is taken, using jpn/sub/00~2',
      ],
    });
  });

  test('one root keeps the ids it always had', async () => {
    expect((await ids('news')).ids).toEqual(['cmn/00', 'cmn/01', 'jpn/00', 'jpn/sub/00']);
    expect((await ids('news/jpn')).ids).toEqual(['00', 'sub/00']);
    const seeds: string[] = [];
    for await (const d of readDocuments(corpusFiles({ inputs: inputs('seeds'), cwd: ROOT }))) seeds.push(d.id);
    expect(seeds[0]).toBe('000_fdb09ddbbd769acc');
    expect(seeds).toHaveLength(5);
  });

  test('a folder left unwalked carries the head of its ids; its own path stays relative to its root', () => {
    const units = [...corpusWalk({ inputs: inputs('news/cmn', 'news/jpn'), cwd: dir }, { missing: [] }, true)];
    const folder = units.find((u): u is FoundFolder => 'folder' in u);
    expect(folder).toMatchObject({ relPath: 'sub', idHead: 'jpn/', displayHead: 'news/jpn/' });
    expect(units.map((u) => ('folder' in u ? `${u.idHead}${u.relPath}/` : u.relPath))).toEqual([
      'cmn/00.txt',
      'cmn/01.txt',
      'jpn/00.txt',
      'jpn/sub/',
    ]);
  });

  test('a file whose path is not its root and relative path (a pipe read from a copy) keeps its own', () => {
    const heads = new IdHeads(path.join(dir, 'news'));
    const copied = { absPath: '/tmp/copy-1234', relPath: '63', displayPath: '/dev/fd/63' };
    expect(heads.stamp(copied).relPath).toBe('63');
    const file = { absPath: path.join(dir, 'news/cmn/00.txt'), relPath: '00.txt', displayPath: 'x' };
    expect(fileId(heads.stamp(file).relPath)).toBe('cmn/00');
  });
});
