import { describe, expect, test } from 'vitest';
import { lineDigest, lineKey } from '../../src/core/analyse/recurring-lines.js';
import { random } from '../helpers/random.js';

// lineKey and lineDigest decide with loops what expressions and toString(36) gave: the same
// keys and digests, or the recurring lines of a cache written before would no longer match.

/** The key as first written: trimmed, white space folded where the expression finds any to fold. */
function keyOracle(line: string): string {
  const trimmed = line.trim();
  return /\s\s|[\t\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

describe('recurring line keys', () => {
  test('white space is folded inside the line, a lone thin space kept', () => {
    expect(lineKey('  Tous droits   réservés ')).toBe('Tous droits réservés');
    expect(lineKey('Share\tthis')).toBe('Share this');
    expect(lineKey('Share\u00a0this')).toBe('Share this');
    expect(lineKey('12\u2009000 readers')).toBe('12\u2009000 readers');
    expect(lineKey('12\u2009 000')).toBe('12 000');
  });

  test('digests: two hashes in base 36, the second padded to seven digits', () => {
    // Expected values from the build that wrote them with toString(36).
    expect(lineDigest('')).toBe('ztntfp009zloz');
    expect(lineDigest('a')).toBe('1r9wi7g13q1d9r');
    expect(lineDigest('Loading...')).toBe('6kndir13042aq');
    expect(lineDigest('Tous droits réservés')).toBe('133euuk1mf06kx');
    expect(lineDigest('Share this article: Facebook | X | WhatsApp | Email')).toBe('c86jje0dlg4i5');
    expect(lineDigest('政府は火曜日')).toBe('1c76cj70aj5jhu');
  });

  test('on random lines: the keys of the expression', () => {
    const next = random(31337);
    const pieces = ['a', 'Zz', ' ', '  ', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', 'é', '\u0085'];
    for (let run = 0; run < 2000; run++) {
      let line = '';
      const length = Math.floor(next() * 10);
      for (let i = 0; i < length; i++) line += pieces[Math.floor(next() * pieces.length)];
      expect(lineKey(line)).toBe(keyOracle(line));
    }
  });
});
