import { describe, expect, test } from 'vitest';
import { bodyDigest } from '../../src/core/analyse/analyse-document.js';
import { random } from '../helpers/random.js';

// bodyDigest walks the paragraphs once for the hash and the length that two walks gave before
// (bodyHash over the paragraphs, countChars over the joined body): the same values.

describe('bodyDigest', () => {
  test('the hashes and lengths the two separate walks gave', () => {
    // Expected values from the build before the walks were merged.
    expect(bodyDigest([])).toEqual({ hash: 'ab3e7c0b741c072c', chars: 0 });
    expect(bodyDigest([''])).toEqual({ hash: 'ab3e7c0b741c072c', chars: 0 });
    expect(bodyDigest(['Hello world.'])).toEqual({ hash: 'd0a2178ee059dba8', chars: 12 });
    expect(bodyDigest(['  Hello\tworld.  ', ' Second  paragraph '])).toEqual({ hash: 'c21be37f807bf61d', chars: 36 });
    expect(bodyDigest(['Hello world.', 'Second paragraph'])).toEqual({ hash: 'c21be37f807bf61d', chars: 29 });
    expect(bodyDigest(['Привет, мир! 😀 ok'])).toEqual({ hash: '6a0707f98161b74f', chars: 17 });
    expect(bodyDigest(['a\u00a0b\u3000c'])).toEqual({ hash: 'cc567690915d0f83', chars: 5 });
  });

  test('on random bodies: the hash of the body with its white space folded, the length in code points', () => {
    const next = random(20261122);
    const pieces = [
      'a',
      'Z',
      '7',
      '.',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      'é',
      'д',
      '中',
      '😀',
      '𝔸',
      '\u0301',
    ];
    for (let run = 0; run < 500; run++) {
      const paragraphs: string[] = [];
      const count = Math.floor(next() * 5);
      for (let p = 0; p < count; p++) {
        let text = '';
        const length = Math.floor(next() * 40);
        for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
        paragraphs.push(text);
      }
      const body = paragraphs.join('\n');
      const folded = body.replace(/\s+/g, ' ').trim();
      const digest = bodyDigest(paragraphs);
      // White space only changes the hash as far as folding it does: one paragraph of the
      // folded body hashes alike.
      expect(digest.hash).toBe(bodyDigest(folded === '' ? [] : [folded]).hash);
      expect(digest.chars).toBe([...body].length);
    }
  });
});
