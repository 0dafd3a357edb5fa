// A cached record written out again without parsing and stringifying it (issue 6: half of a warm
// `list --format jsonl` went to that): the text must be exactly JSON.stringify's.
import { describe, expect, test } from 'vitest';
import { recordJsonWith, type CacheEntry } from '../../src/core/cache.js';
import { rec } from '../helpers/record.js';

describe('issue 6: recordJsonWith', () => {
  const tricky = ['a"b\\c', 'ÉTÉ/été', '\u2028line', 'x\ud800y', 'tab\there', ''];

  test('gives what JSON.stringify gives for the record with another id and path', () => {
    for (const oldId of tricky) {
      for (const id of tricky) {
        const r = rec({ id: oldId, path: `${oldId}.txt`, title: 'Le "titre" \\ ,"r":{"id":"', lang: 'fra', flags: ['no-date'] });
        const entry: CacheEntry = { f: `/x/${oldId}",r:{`, s: 1, m: 2, e: ['k'], h: [], l: 'lede ,"r":{"id":"', r };
        const line = JSON.stringify(entry);
        const expected = JSON.stringify({ ...(JSON.parse(line) as CacheEntry).r, id, path: `dir/${id}.txt` });
        expect(recordJsonWith(line, id, `dir/${id}.txt`)).toBe(expected);
      }
    }
  });

  test('is null for a line not laid out as expected', () => {
    expect(recordJsonWith('{"f":"a","r":{"path":"p","id":"i"}}', 'x', 'y')).toBeNull();
    expect(recordJsonWith('not json', 'x', 'y')).toBeNull();
  });
});
