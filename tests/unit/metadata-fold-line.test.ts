import { describe, expect, it } from 'vitest';
import { foldLine, isFoldStable, lettersAndDigits } from '../../src/core/analyse/metadata/line-shape.js';

/** foldLine without its fast path: always decomposed and stripped of marks. */
function foldLineSlow(line: string): string {
  return line
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('foldLine fast path', () => {
  it('takes as stable only characters that decomposing and dropping marks leave alone', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!isFoldStable(ch)) continue;
      expect(ch.normalize('NFD').replace(/\p{M}/gu, '')).toBe(ch);
      // A starter: a combining mark on either side is never reordered across it.
      const probe = `a\u0301${ch}\u0334`;
      expect(probe.normalize('NFD')).toBe(probe);
    }
  });

  it('knows the usual cases', () => {
    expect(isFoldStable('plain ascii')).toBe(true);
    expect(isFoldStable('москва')).toBe(true);
    expect(isFoldStable('北京')).toBe(true);
    expect(isFoldStable('é')).toBe(false);
    expect(isFoldStable('e\u0301')).toBe(false);
    expect(isFoldStable('한국')).toBe(false); // Hangul syllables decompose into jamo
    expect(isFoldStable('हिन्दी')).toBe(false); // vowel signs are marks
    expect(isFoldStable('𝐀')).toBe(false);
    expect(foldLine('Ça, c’est  ÉTÉ!')).toBe('ca c est ete');
    expect(foldLine('Москва — Й')).toBe('москва и');
    expect(foldLine('한국 뉴스')).toBe(foldLineSlow('한국 뉴스'));
  });

  it('folds like the general path on random mixed lines', () => {
    const pool = [
      'a',
      'Z',
      ' ',
      '-',
      '’',
      '1',
      'é',
      'É',
      'e\u0301',
      'ñ',
      'ß',
      'İ',
      'ё',
      'Й',
      'й',
      'Ж',
      'α',
      'ά',
      'Σ',
      'ש',
      'ا',
      'آ',
      'ة',
      '\u064b',
      'क',
      'ि',
      '्',
      'ก',
      'ั',
      '中',
      '文',
      'が',
      'カ',
      '한',
      'ㄱ',
      '\u3099',
      'Ω',
      'Å',
      'K',
      'ﬁ',
      '①',
      '٣',
      '𝐀',
      '😀',
      '\ud800',
      '\u0345',
      '\u200d',
      '\u00a0',
      '·',
      'ǅ',
      'ẞ',
    ];
    let seed = 42;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let t = 0; t < 20000; t++) {
      let line = '';
      const len = 1 + next(12);
      for (let i = 0; i < len; i++) line += pool[next(pool.length)];
      expect(foldLine(line), JSON.stringify(line)).toBe(foldLineSlow(line));
    }
  });

  it('keeps letters and digits as the regular expression does, for every character', () => {
    const byRegex = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}b ${String.fromCharCode(c)}`;
      expect(lettersAndDigits(text), c.toString(16)).toBe(byRegex(text));
    }
    for (const text of ['', ' ', '--', ' x ', '𝐀𝐁 1', '😀a😀', '\ud800a\udc00', 'a\ud835', '\udc00', 'ǅ·ß']) {
      expect(lettersAndDigits(text), JSON.stringify(text)).toBe(byRegex(text));
    }
  });
});
