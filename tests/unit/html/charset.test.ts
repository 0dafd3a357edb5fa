// The charset a page declares in its first 1,024 bytes, as the WHATWG prescan reads it.
import { describe, expect, test } from 'vitest';
import { htmlCharset } from '../../../src/core/input/html/extract.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('htmlCharset', () => {
  test('<meta charset>, quoted or not', () => {
    expect(htmlCharset(bytes('<html><head><meta charset="windows-1251"><title>x</title>'))).toBe('windows-1251');
    expect(htmlCharset(bytes("<meta charset='Shift_JIS'>"))).toBe('Shift_JIS');
    expect(htmlCharset(bytes('<META CHARSET=koi8-r>'))).toBe('koi8-r');
  });

  test('<meta http-equiv=content-type content="…; charset=…">, attributes in any order', () => {
    expect(htmlCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">'))).toBe(
      'ISO-8859-2',
    );
    expect(htmlCharset(bytes('<meta content="text/html;charset=gbk" http-equiv="content-type">'))).toBe('gbk');
  });

  test('none declared, or only a content without http-equiv, or only in a comment: null', () => {
    expect(htmlCharset(bytes('<html><head><title>x</title></head><body>charset=utf-8</body>'))).toBeNull();
    expect(htmlCharset(bytes('<meta name="description" content="charset=big5">'))).toBeNull();
    expect(htmlCharset(bytes('<!-- <meta charset="big5"> --><p>x</p>'))).toBeNull();
    expect(htmlCharset(new Uint8Array())).toBeNull();
  });

  test('a declaration beyond the first 1,024 bytes is not seen', () => {
    const padding = `<!DOCTYPE html><html><head>${' '.repeat(1100)}`;
    expect(htmlCharset(bytes(`${padding}<meta charset="euc-kr">`))).toBeNull();
    expect(htmlCharset(bytes(`<meta charset="euc-kr">${' '.repeat(1100)}`))).toBe('euc-kr');
  });

  test('bytes that are not ASCII around the declaration do not hide it', () => {
    const head = new Uint8Array([0xff, 0xfe, 0x80, ...bytes('<meta charset="big5">'), 0xa4, 0x40]);
    expect(htmlCharset(head)).toBe('big5');
  });
});
