import { describe, expect, test } from 'vitest';
import { splitLines } from '../../src/core/input/lines.js';
import { random } from '../helpers/random.js';

describe('splitLines', () => {
  test('LF, CRLF and CR all end a line; a final terminator starts none', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('one')).toEqual(['one']);
    expect(splitLines('one\n')).toEqual(['one']);
    expect(splitLines('\n')).toEqual(['']);
    expect(splitLines('\n\n')).toEqual(['', '']);
    expect(splitLines('one\ntwo\n\nthree')).toEqual(['one', 'two', '', 'three']);
    expect(splitLines('one\r\ntwo\r\n')).toEqual(['one', 'two']);
    expect(splitLines('one\rtwo\r\rthree\r')).toEqual(['one', 'two', '', 'three']);
    expect(splitLines('one\n\rtwo\r\n\nthree')).toEqual(['one', '', 'two', '', 'three']);
  });

  test('on random texts: the lines of a split on the expression /\\r\\n|\\r|\\n/', () => {
    const next = random(7001);
    const pieces = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', 'é', '\u2028'];
    for (let run = 0; run < 1000; run++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      const expected = text === '' ? [] : text.split(/\r\n|\r|\n/);
      if (expected.length > 1 && expected[expected.length - 1] === '') expected.pop();
      expect(splitLines(text)).toEqual(expected);
    }
  });
});
