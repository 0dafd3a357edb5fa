// The HTTP message in a WARC response record: status and headers read, the chunked transfer
// coding and the content codings undone, a coding already undone by the crawler left alone.

import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { dechunk, decodedBody, mediaType, parseHttpResponse } from '../../../src/core/input/warc/http.js';
import { httpResponse } from '../../helpers/warc.js';

const body = (headers: Record<string, string>, bytes: Buffer | string) => {
  const response = parseHttpResponse(httpResponse(bytes, headers));
  if (response === null) throw new Error('not parsed');
  const decoded = decodedBody(response, 1 << 20);
  return typeof decoded === 'string' ? decoded : decoded.toString();
};

describe('the HTTP message of a response record', () => {
  test('status line and headers, names lower-cased, a repeated header joined', () => {
    const response = parseHttpResponse(
      Buffer.from('HTTP/1.0 203 Non-Authoritative\r\nContent-Type: text/html\r\nVary: a\r\nvary: b\r\n\r\n<p>x'),
    );
    expect(response && [response.status, [...response.headers], response.body.toString()]).toEqual([
      203,
      [
        ['content-type', 'text/html'],
        ['vary', 'a, b'],
      ],
      '<p>x',
    ]);
    expect(parseHttpResponse(Buffer.from('<html>not http'))).toBe(null);
  });

  test('a chunked body is joined; one cut short gives the chunks it has', () => {
    expect(dechunk(Buffer.from('3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n')).toString()).toBe('abcde');
    expect(dechunk(Buffer.from('3\r\nabc\r\na\r\nfgh')).toString()).toBe('abcfgh');
    expect(body({ 'Transfer-Encoding': 'chunked' }, '4\r\nWiki\r\n0\r\n\r\n')).toBe('Wiki');
    // Already joined by the crawler, the header kept.
    expect(body({ 'Transfer-Encoding': 'chunked' }, '<p>Wiki</p>')).toBe('<p>Wiki</p>');
  });

  test('gzip, deflate (with and without its zlib wrapper) and several codings are undone', () => {
    expect(body({ 'Content-Encoding': 'gzip' }, gzipSync('<p>g</p>'))).toBe('<p>g</p>');
    expect(body({ 'Content-Encoding': 'deflate' }, deflateSync('<p>d</p>'))).toBe('<p>d</p>');
    expect(body({ 'Content-Encoding': 'deflate' }, deflateRawSync('<p>r</p>'))).toBe('<p>r</p>');
    expect(body({ 'Content-Encoding': 'deflate, gzip' }, gzipSync(deflateSync('<p>2</p>')))).toBe('<p>2</p>');
    expect(body({ 'Content-Encoding': 'gzip' }, '<p>done</p>')).toBe('<p>done</p>');
  });

  test('a coding that cannot be undone says why', () => {
    const broken = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('garbage!')]);
    expect(body({ 'Content-Encoding': 'gzip' }, broken)).toMatch(
      /^its gzip Content-Encoding cannot be undone \(.+\), skipped$/,
    );
  });

  test('a media type and its charset, quoted or not', () => {
    expect(mediaType('Text/HTML; charset="ISO-8859-2"')).toEqual({ mime: 'text/html', charset: 'ISO-8859-2' });
    expect(mediaType('text/plain;format=flowed;charset=utf-8')).toEqual({ mime: 'text/plain', charset: 'utf-8' });
    expect(mediaType(undefined)).toEqual({ mime: '', charset: null });
  });
});
