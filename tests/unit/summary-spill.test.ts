// Issue 21, bounded memory: a summary's per-document state spooled to disk and read back, and
// the formats writing a list read from disk as they write an array.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LineSpool, removeSpool, spooledLines } from '../../src/core/cache/line-spool.js';
import { LazyList } from '../../src/core/summary/lazy-list.js';
import { distinctiveSection } from '../../src/core/summary/distinctive.js';
import { DistinctiveTerms } from '../../src/core/stats/distinctive.js';
import { exactDuplicateGroups } from '../../src/core/stats/near-duplicates.js';
import { spooledExactGroups } from '../../src/core/summary/duplicates.js';
import { tokenize } from '../../src/core/stats/tokenize.js';
import type { ShardFinal } from '../../src/core/summary/shard.js';
import { compactJsonPieces, jsonPieces, writeJson } from '../../src/format/json-stream.js';
import { summaryRows } from '../../src/format/summary-view.js';
import type { Summary } from '../../src/core/summary/sections.js';

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-spill-test-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('LineSpool', () => {
  test('a few lines stay in memory: no file', () => {
    const spool = new LineSpool(() => folder, 'x');
    for (const line of ['a', '"b"', '[1,2]']) spool.push(line);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect([...spool.read()]).toEqual(['a', '"b"', '[1,2]']);
    const ref = spool.close();
    expect(ref.file).toBeNull();
    expect([...spooledLines(ref)]).toEqual(['a', '"b"', '[1,2]']);
  });

  test('past the bound, lines go to a file and come back in order, read while more are added', () => {
    const spool = new LineSpool(() => folder, 'x', 50);
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify([i, `mot-${i}`, 'é'.repeat(i % 7)]));
    for (const line of lines.slice(0, 100)) spool.push(line);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    expect([...spool.read()]).toEqual(lines.slice(0, 100));
    for (const line of lines.slice(100)) spool.push(line);
    const ref = spool.close();
    expect(ref.lines).toBe(200);
    // Read twice (a view's first rows, then the JSON): the same lines.
    expect([...spooledLines(ref)]).toEqual(lines);
    expect([...spooledLines(ref)]).toEqual(lines);
    removeSpool(ref);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  test('a character of several bytes cut by a read of the file is whole', () => {
    // Reads are of 1 MiB: lines of 3-byte characters straddle them.
    const spool = new LineSpool(() => folder, 'x', 1000);
    const line = JSON.stringify(['日本語'.repeat(100_000)]);
    const lines = [line, '"a"', line, line];
    for (const l of lines) spool.push(l);
    expect([...spooledLines(spool.close())]).toEqual(lines);
  });

  test('a reader stopped early closes the file', () => {
    const spool = new LineSpool(() => folder, 'x', 10);
    for (let i = 0; i < 100; i++) spool.push(String(i));
    const ref = spool.close();
    const before = fs.readdirSync('/proc/self/fd').length;
    for (const line of spooledLines(ref)) if (line === '3') break;
    expect(fs.readdirSync('/proc/self/fd').length).toBe(before);
  });
});

describe('a list read from disk in the formats', () => {
  const docs = [
    { id: 'a', lang: 'fra', terms: [{ term: 'poutine', count: 3, rest: 1, keyness: 12.345678901234 }] },
    undefined,
    { id: 'c', lang: 'eng', terms: [] },
  ];
  const lazy = <T>(items: T[]) => new LazyList(items.length, () => items[Symbol.iterator]());

  test('JSON as JSON.stringify writes the array, indented and on one line; empty too', async () => {
    const many: unknown[] = Array.from({ length: 100 }, (_, i) => ({ id: `d${i}`, n: i }));
    for (const items of [docs as unknown[], [], many]) {
      const value = { distinctive: { measure: 'G²', documents: lazy(items) } };
      const plain = { distinctive: { measure: 'G²', documents: items } };
      expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(plain, null, 2));
      expect([...compactJsonPieces(value)].join('')).toBe(JSON.stringify(plain));
      expect(JSON.stringify(value)).toBe(JSON.stringify(plain));
      let written = '';
      await writeJson(value, async (text) => (written += text));
      expect(written).toBe(`${JSON.stringify(plain, null, 2)}\n`);
    }
  });

  test('TSV rows as for the array', () => {
    const rows = (documents: unknown) => [
      ...summaryRows({ distinctive: { measure: 'G²', documents } } as unknown as Partial<Summary>, ['distinctive']),
    ];
    expect(rows(lazy(docs.filter((d) => d !== undefined)))).toEqual(rows(docs.filter((d) => d !== undefined)));
    expect(rows(lazy([]))).toEqual(rows([]));
  });

  test('slice reads the first entries only', () => {
    let read = 0;
    const list = new LazyList(1000, function* () {
      for (let i = 0; i < 1000; i++) {
        read++;
        yield i;
      }
    });
    expect(list.slice(0, 3)).toEqual([0, 1, 2]);
    expect(read).toBeLessThanOrEqual(4);
    expect(list.slice(998)).toEqual([998, 999]);
    expect(list.slice(5, 5)).toEqual([]);
  });
});

describe('the distinctive section', () => {
  test("merges the shards' spools by the documents' places in the corpus", () => {
    const texts = ['chat chat chien', 'dog dog cat cat', 'chien chien chat', 'cat dog dog', 'fleur fleur chat'];
    const shards = [new DistinctiveTerms({ folder: () => folder, bound: 20 }), new DistinctiveTerms()];
    const whole = new DistinctiveTerms();
    texts.forEach((text, seq) => {
      const lang = seq % 2 === 0 ? 'fra' : 'eng';
      (shards[seq % 2] as DistinctiveTerms).add(`d${seq}`, lang, tokenize(text), seq);
      whole.add(`d${seq}`, lang, tokenize(text));
    });
    const finals = shards.map((s) => ({ distinctive: s.finaliseTo(10, 0, () => folder) }) as ShardFinal);
    const section = distinctiveSection({ top: 10 }).result({
      finals,
      documents: texts.length,
      languages: [],
      nearGroups: [],
    });
    expect([...section.documents]).toEqual(whole.finalise(10, 0));
    // A place no shard has is left empty (as an array's hole was).
    const more = distinctiveSection({ top: 10 }).result({ finals, documents: 6, languages: [], nearGroups: [] });
    expect([...more.documents].at(-1)).toBeUndefined();
    expect(more.documents.length).toBe(6);
  });
});

describe('exact duplicates from spooled hashes', () => {
  test('the groups exactDuplicateGroups gives, spilled or not, and the spool removed', () => {
    const docs = Array.from({ length: 500 }, (_, i) => ({
      id: `doc-${i}`,
      // Some repeated hashes, one of them the all-zero hash, and a hash of another form.
      hash:
        i % 7 === 3
          ? '00000000000000a1'
          : i % 50 === 0
            ? '0000000000000000'
            : i % 61 === 1
              ? 'XYZ'
              : i.toString(16).padStart(16, '0'),
    }));
    for (const bound of [undefined, 30]) {
      const spool = new LineSpool(() => folder, 'hashes', bound);
      for (const d of docs) spool.push(JSON.stringify([d.hash, d.id]));
      expect(spooledExactGroups(spool)).toEqual(exactDuplicateGroups(docs));
      expect(fs.readdirSync(folder)).toEqual([]);
    }
    expect(exactDuplicateGroups(docs).length).toBe(3);
  });
});
