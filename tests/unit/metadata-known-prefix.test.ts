import { describe, expect, test } from 'vitest';
import { isFeedToken } from '../../src/core/analyse/metadata/boilerplate.js';
import { compactKey } from '../../src/core/analyse/metadata/line-shape.js';
import { KNOWN_MAX_WORDS, KNOWN_OUTLETS } from '../../src/core/analyse/metadata/outlets.js';
import { knownPrefix } from '../../src/core/analyse/metadata/source.js';
import { random } from '../helpers/random.js';

// knownPrefix joins the words' keys one at a time and stops where no known name begins; the
// oracle tries every number of words, longest first, as the search first did.
const FEED_WORDS = new Set(['all', 'feed', 'wire', 'rss', 'online', 'digital', 'web']);
function oracle(text: string): string | null {
  const tokens = text.split(/\s+/u);
  const keys = tokens.slice(0, KNOWN_MAX_WORDS).map(compactKey);
  for (let n = keys.length; n >= 1; n -= 1) {
    const name = KNOWN_OUTLETS.get(keys.slice(0, n).join(''));
    if (name === undefined) continue;
    if (tokens.slice(n).every((token) => isFeedToken(token) || FEED_WORDS.has(token.toLowerCase()))) return name;
  }
  return null;
}

describe('knownPrefix', () => {
  test('a known outlet, however spaced and cased, followed by feed junk only', () => {
    expect(knownPrefix('Cnn all En2Fr')).toBe('CNN');
    expect(knownPrefix('SVT Nyheter')).toBe('SVT Nyheter');
    expect(knownPrefix('SVT fr-01')).toBe('SVT');
    expect(knownPrefix('Svt Nyheter idag')).toBeNull();
    expect(knownPrefix('Lagazette')).toBe(oracle('Lagazette'));
    expect(knownPrefix('Mọi người đều có quyền')).toBeNull();
  });

  test('on random lines of outlet words and junk: the names of the longest-first search', () => {
    const next = random(99);
    const words = [
      'SVT',
      'Nyheter',
      'Cnn',
      'RTL',
      'Nieuws',
      'de',
      'Volkskrant',
      'Het',
      'Laatste',
      'Le',
      'Point',
      '20',
      'Minutes',
      'Western',
      'Mail',
      'all',
      'feed',
      'En2Fr',
      'fr-01',
      '—',
      '',
      'x',
      'Gazeta',
      'Wyborcza',
      'Nation.Cymru',
      'VRT',
      'NWS',
    ];
    for (let run = 0; run < 3000; run++) {
      const count = 1 + Math.floor(next() * 5);
      const line = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(
        next() < 0.8 ? ' ' : '  ',
      );
      expect(knownPrefix(line)).toBe(oracle(line));
    }
  });
});
