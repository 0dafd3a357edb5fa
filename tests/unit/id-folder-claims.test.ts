// Issue 6: grep -c/-l claims the ids of a folder searched whole at once, and makes them ids one
// by one only when a later id falls under the folder. Whatever the order of folders, repeated
// roots, JSON Lines ids and unread files, every id given must be the one claiming each file's id
// in turn gives.
import { describe, expect, test } from 'vitest';
import { DistinctIds, fileId, IdRegistry } from '../../src/core/input/ids.js';
import { random } from '../helpers/random.js';

const distinct = (relPaths: string[]): boolean => {
  const ids = new DistinctIds();
  for (const p of relPaths) ids.add(p);
  return ids.distinct;
};

describe('DistinctIds', () => {
  test('one-dot names of different stems, in one folder or several, are distinct', () => {
    expect(distinct(['a/x.txt', 'a/y.md', 'a/z.txt'])).toBe(true);
    expect(distinct(['a/b/x.txt', 'a/c/x.txt', 'a/x.txt'])).toBe(true);
    expect(distinct([])).toBe(true);
  });

  test('two files of one stem in one folder are not', () => {
    expect(distinct(['a/x.md', 'a/x.txt'])).toBe(false);
  });

  test('what cannot be told by neighbours is not: several dots, .gz, no stem, a folder come back to', () => {
    // `x.md` and `x.txt` are not neighbours once `x.n.txt` sorts between them.
    expect(distinct(['a/x.md', 'a/x.n.txt', 'a/x.txt'])).toBe(false);
    expect(distinct(['a/x.txt.gz', 'a/y.txt'])).toBe(false);
    expect(distinct(['a/.txt'])).toBe(false);
    // A subfolder `x.sub` sorts between `x.md` and `x.txt`.
    expect(distinct(['a/x.md', 'a/x.sub/y.txt', 'a/x.txt'])).toBe(false);
  });

  test('it never says distinct where two ids are the same (random names)', () => {
    const next = random(6);
    const names = ['x', 'y', 'x.n', 'x~2'];
    const exts = ['.txt', '.md', '.txt.gz'];
    for (let round = 0; round < 2000; round++) {
      const paths: string[] = [];
      const walk = (dir: string, depth: number): void => {
        const entries: string[] = [];
        for (let k = Math.floor(next() * 5); k > 0; k--) {
          const name = names[Math.floor(next() * names.length)] as string;
          entries.push(depth < 2 && next() < 0.2 ? `${name}.sub/` : name + exts[Math.floor(next() * exts.length)]);
        }
        for (const e of [...new Set(entries)].sort()) {
          if (e.endsWith('/')) walk(`${dir}${e}`, depth + 1);
          else paths.push(dir + e);
        }
      };
      walk('f/', 0);
      const ids = paths.map(fileId);
      if (distinct(paths)) expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

type Step = { folder: string; relPaths: string[]; read: boolean[] } | { id: string };

/** The ids given, claiming each file's id (or each id) in turn. */
function oneByOne(steps: Step[]): string[] {
  const ids = new IdRegistry();
  const out: string[] = [];
  for (const step of steps) {
    if ('id' in step) out.push(ids.claim(step.id).id);
    else step.relPaths.forEach((p, i) => step.read[i] && out.push(ids.claim(fileId(p)).id));
  }
  return out;
}

/** The same with folder claims, as grep makes them: a folder whose ids are distinct is claimed whole. */
function byFolders(steps: Step[]): string[] {
  const ids = new IdRegistry(true);
  const out: string[] = [];
  for (const step of steps) {
    if ('id' in step) {
      out.push(ids.claim(step.id).id);
      continue;
    }
    const claimed = (): string[] => step.relPaths.filter((_, i) => step.read[i]).map(fileId);
    if (distinct(step.relPaths) && ids.claimFolder(`${step.folder}/`, claimed)) out.push(...claimed());
    else step.relPaths.forEach((p, i) => step.read[i] && out.push(ids.claim(fileId(p)).id));
  }
  return out;
}

describe('ids claimed by folders', () => {
  test('the same ids as one by one, on random corpora of folders, repeated roots and JSON Lines ids', () => {
    const next = random(66);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    let wholeFolders = 0;
    for (let round = 0; round < 3000; round++) {
      const steps: Step[] = [];
      for (let k = 1 + Math.floor(next() * 6); k > 0; k--) {
        if (next() < 0.35) {
          // A JSON Lines record's id, or a file at a root: anywhere, under a folder or not.
          steps.push({ id: pick(['a/x', 'a/y', 'a/x~2', 'b/x', 'a/s/x', 'x', 'a', 'b/y#1']) });
          continue;
        }
        const folder = pick(['a', 'b']);
        const names = [
          ...new Set(
            Array.from({ length: Math.floor(next() * 4) }, () =>
              pick(['x.txt', 'y.txt', 'x.md', 'x~2.txt', 's/x.txt', 'y.x.txt']),
            ),
          ),
        ].sort();
        steps.push({ folder, relPaths: names.map((n) => `${folder}/${n}`), read: names.map(() => next() < 0.9) });
      }
      const expected = oneByOne(steps);
      expect(byFolders(steps), JSON.stringify(steps)).toEqual(expected);
      // Folder claims were made, not only refused.
      if (steps.some((s) => 'folder' in s && distinct(s.relPaths))) wholeFolders++;
    }
    expect(wholeFolders).toBeGreaterThan(1000);
  });

  test('a folder is not claimed whole once an id under it is taken, nor twice', () => {
    const ids = new IdRegistry(true);
    ids.claim('a/x');
    expect(ids.claimFolder('a/', () => ['a/x'])).toBe(false);
    expect(ids.claimFolder('b/', () => ['b/x'])).toBe(true);
    expect(ids.claimFolder('b/', () => ['b/x'])).toBe(false);
    // The whole claim of b/ is made ids when an id falls under it.
    expect(ids.claim('b/x')).toEqual({ id: 'b/x~2', clashed: true });
    expect(ids.peek('b/x')).toBe('b/x~3');
  });

  test('a registry made without folder claims refuses them', () => {
    expect(() => new IdRegistry().claimFolder('a/', () => [])).toThrow('folder claims are not enabled');
  });
});
