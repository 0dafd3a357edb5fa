// A cached entry read without parsing all of it (issue 6: parsing every record was most of a warm
// `list`), and its record written out again as it is stored: what is read must be exactly what
// JSON.parse gives, and the record's text exactly JSON.stringify's.
import { describe, expect, test } from 'vitest';
import { RecurringKeys, StoredEntry, type CacheEntry } from '../../src/core/cache/index.js';
import { stampOf } from '../../src/core/cache/json-bytes.js';
import { rec } from '../helpers/record.js';

/** An entry as the cache file holds it: a JSON line, here after another line. */
function stored(
  entry: CacheEntry,
  { size = entry.s, mtimeMs = entry.m, ctimeMs = entry.c, ino = entry.i } = {},
): StoredEntry | null {
  const before = '{"f":"/other","s":1,"m":1,"c":1,"i":1,"e":[],"h":[],"l":"","r":{"id":"o","path":"o"}}\n';
  const bytes = Buffer.from(`${before}${JSON.stringify(entry)}\n`);
  const start = Buffer.byteLength(before);
  const stamp = stampOf({ absPath: entry.f, size, mtimeMs, ctimeMs, ino });
  return StoredEntry.read({ bytes, start, end: bytes.length - 1, at: start, next: bytes.length }, stamp);
}

describe('a stored cache entry', () => {
  const tricky = ['a"b\\c', 'ÉTÉ/été', '\u2028line', 'x\ud800y', 'tab\there', '', ',"h":[', ',"r":{"id":"'];

  test('reads as JSON.parse reads it, and writes the record as JSON.stringify does with another id and path', () => {
    for (const oldId of tricky) {
      for (const id of tricky) {
        const r = rec({
          id: oldId,
          path: `${oldId}.txt`,
          title: `Le "titre" \\ ,"r":{"id":"${oldId}`,
          lang: 'fra',
          flags: ['no-date'],
          paragraphs: 3,
          hash: `h${id}`,
        });
        const entry: CacheEntry = {
          f: `/x/${oldId}",r:{`,
          s: 1234,
          m: 1795305886546.996,
          c: 1795305886547.0703,
          i: 9007199254740991,
          e: [id, 'k,"h":['],
          h: [id],
          n: '',
          l: `lede ,"r":{"id":" ${oldId}`,
          r,
        };
        const parsed = JSON.parse(JSON.stringify(entry)) as CacheEntry;
        const read = stored(entry);
        expect(read).not.toBeNull();
        expect(read?.edges).toEqual(parsed.e);
        expect(read?.hits).toEqual(parsed.h);
        expect(read?.lede()).toBe(parsed.l);
        expect(read?.record()).toEqual(parsed.r);
        expect(read?.paragraphs).toBe(3);
        expect(read?.hash).toBe(parsed.r.hash);
        const [head, rest] = read?.recordJsonWith(id, `dir/${id}.txt`) ?? ['', new Uint8Array()];
        expect(Buffer.concat([Buffer.from(head), rest]).toString('utf8')).toBe(
          JSON.stringify({ ...parsed.r, id, path: `dir/${id}.txt` }),
        );
      }
    }
  });

  test('its hits are its recurring edge lines exactly when the parsed entry says so', () => {
    // Digests as recurring-lines.ts makes them, and keys no digest is: escaped, non-ASCII, empty.
    const keys = ['1q2ihq31r7l9j1', 'x4ymv10ihaxzt', 'c86jje0dlg4i5', '1q2ihq31r7l9j', 'a"b', 'été', '', 'k\\n'];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pick = () => Array.from({ length: random(5) }, () => keys[random(keys.length)] as string);
    let agreed = 0;
    for (let round = 0; round < 3000; round++) {
      const recurring = new Set(pick());
      const e = pick();
      // Mostly the right hits, sometimes wrong ones.
      const h = random(3) === 0 ? pick() : e.filter((k) => recurring.has(k));
      const expected =
        h.length === e.filter((k) => recurring.has(k)).length &&
        e.filter((k) => recurring.has(k)).every((k, i) => k === h[i]);
      const read = stored({ f: '/x/a.txt', s: 1, m: 2, c: 3, i: 4, e, h, n: '', l: '', r: rec({}) });
      expect(read?.hitsAre(new RecurringKeys(recurring)), JSON.stringify({ recurring: [...recurring], e, h })).toBe(
        expected,
      );
      if (expected) agreed++;
    }
    expect(agreed).toBeGreaterThan(1000);
    expect(agreed).toBeLessThan(2900);
  });

  test('is null for another size, modification time, change time or inode', () => {
    const entry: CacheEntry = { f: '/x/a.txt', s: 10, m: 5.5, c: 6.25, i: 12, e: [], h: [], n: '', l: '', r: rec({}) };
    expect(stored(entry)).not.toBeNull();
    expect(stored(entry, { size: 11 })).toBeNull();
    expect(stored(entry, { size: 1 })).toBeNull();
    expect(stored(entry, { mtimeMs: 5 })).toBeNull();
    expect(stored(entry, { mtimeMs: 5.55 })).toBeNull();
    expect(stored(entry, { ctimeMs: 6.5 })).toBeNull();
    expect(stored(entry, { ctimeMs: 6 })).toBeNull();
    expect(stored(entry, { ino: 1 })).toBeNull();
    expect(stored(entry, { ino: 123 })).toBeNull();
  });

  test('is null for an entry of the format before the change time and inode were kept', () => {
    const old =
      '{"f":"/x/a.txt","s":10,"m":5.5,"e":[],"h":[],"l":"","r":{"id":"i","path":"p","paragraphs":1,"hash":"h"}}';
    const bytes = Buffer.from(`${old}\n`);
    const line = { bytes, start: 0, end: bytes.length - 1, at: 0, next: bytes.length };
    expect(
      StoredEntry.read(line, stampOf({ absPath: '/x/a.txt', size: 10, mtimeMs: 5.5, ctimeMs: 6, ino: 1 })),
    ).toBeNull();
  });

  test('is null for a line not laid out as expected', () => {
    const line = (text: string) => {
      const bytes = Buffer.from(`${text}\n`);
      const stamp = stampOf({ absPath: '/a', size: 1, mtimeMs: 2, ctimeMs: 3, ino: 4 });
      return StoredEntry.read({ bytes, start: 0, end: bytes.length - 1, at: 0, next: bytes.length }, stamp);
    };
    expect(
      line(JSON.stringify({ f: '/a', s: 1, m: 2, c: 3, i: 4, e: [], h: [], n: '', l: '', r: rec({}) })),
    ).not.toBeNull();
    expect(line('{"f":"/a","s":1,"m":2,"c":3,"i":4,"e":[],"h":[],"l":"","r":{"path":"p","id":"i"}}')).toBeNull();
    expect(
      line('{"f":"/a","s":1,"m":2,"c":3,"i":4,"e":[],"l":"","r":{"id":"i","path":"p","paragraphs":1,"hash":"h"}}'),
    ).toBeNull();
    expect(
      line('{"f":"/a","s":1,"m":2,"c":3,"i":4,"e":[],"h":[],"l":"","r":{"id":"i","path":"p","hash":"h"}}'),
    ).toBeNull();
    expect(
      line('{"f":"/a","s":1,"m":2,"c":3,"i":4,"e":[],"h":[],"l":"","r":{"id":"i","path":"p","paragraphs":1,"hash":"h"'),
    ).toBeNull();
    expect(
      line(
        '{"f":"/a","s":1,"m":2,"c":3,"i":4,"e":[}],"h":[],"l":"","r":{"id":"i","path":"p","paragraphs":1,"hash":"h"}}',
      ),
    ).toBeNull();
    expect(line('not json')).toBeNull();
  });
});
