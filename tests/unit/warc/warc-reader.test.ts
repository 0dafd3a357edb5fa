// The WARC and WET reader on files built in the test: which records are documents, their ids,
// urls, text and crawl dates, the compressions a crawl comes in, and the warnings damage gives
// while every record around it is still read.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { readWarc, setWarcRaw } from '../../../src/core/input/formats/warc.js';
import { IdRegistry } from '../../../src/core/input/ids.js';
import type { FoundFile } from '../../../src/core/input/walk.js';
import type { SourceDocument } from '../../../src/core/types.js';
import { zstdFrame } from '../../helpers/zstd-frames.js';
import { gzipMember, htmlResponse, httpResponse, HTTP_RESPONSE, warcRecord } from '../../helpers/warc.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warc-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileOf(relPath: string, bytes: Buffer): FoundFile {
  const absPath = path.join(dir, relPath);
  fs.mkdirSync(path.dirname(absPath), { recursive: true });
  fs.writeFileSync(absPath, bytes);
  return { absPath, relPath, displayPath: relPath };
}

/** The documents of a file and the warnings reading it gave. */
async function readAll(relPath: string, bytes: Buffer): Promise<{ docs: SourceDocument[]; warnings: string[] }> {
  const warnings: string[] = [];
  const docs: SourceDocument[] = [];
  for await (const doc of readWarc(fileOf(relPath, bytes), new IdRegistry(), (where, why) =>
    warnings.push(`${where}: ${why}`),
  ))
    docs.push(doc);
  return { docs, warnings };
}

const brief = (d: SourceDocument) => [d.recordLine, d.id, d.text];

const PAGE = '<html><head><title>Hello</title></head><body><p>Bonjour le monde</p></body></html>';
const warcinfo = warcRecord({
  type: 'warcinfo',
  date: '2024-05-18T01:00:00Z',
  headers: { 'Content-Type': 'application/warc-fields' },
  payload: 'software: test\r\nformat: WARC File Format 1.1\r\n',
});
const request = (uri: string) =>
  warcRecord({
    type: 'request',
    uri,
    headers: { 'Content-Type': 'application/http; msgtype=request' },
    payload: `GET / HTTP/1.1\r\nHost: ${new URL(uri).host}\r\n\r\n`,
  });
const metadata = (uri: string) =>
  warcRecord({
    type: 'metadata',
    uri,
    headers: { 'Content-Type': 'application/warc-fields' },
    payload: 'fetchTimeMs: 12\r\n',
  });

/** A small crawl: warcinfo; a page (request, response, metadata); plain text; an image; a PDF. */
function crawl(): Buffer[] {
  return [
    warcinfo,
    request('https://example.org/a'),
    htmlResponse('https://example.org/a', PAGE),
    metadata('https://example.org/a'),
    warcRecord({
      type: 'response',
      uri: 'https://example.org/notes.txt',
      date: '2024-05-18T02:00:00Z',
      headers: HTTP_RESPONSE,
      payload: httpResponse('plain notes\nsecond line\n', { 'Content-Type': 'text/plain' }),
    }),
    warcRecord({
      type: 'response',
      uri: 'https://example.org/cat.jpg',
      headers: HTTP_RESPONSE,
      payload: httpResponse(Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]), { 'Content-Type': 'image/jpeg' }),
    }),
    warcRecord({
      type: 'response',
      uri: 'https://example.org/doc.pdf',
      headers: HTTP_RESPONSE,
      payload: httpResponse('%PDF-1.5\n\0\0', { 'Content-Type': 'application/pdf' }),
    }),
  ];
}

const CRAWL_DOCS = [
  [3, 'https://example.org/a', 'Bonjour le monde'],
  [5, 'https://example.org/notes.txt', 'plain notes\nsecond line\n'],
];
const NOT_TEXT = 'skipped 2 responses that are not text (1 application/pdf, 1 image/jpeg)';

describe('the WARC reader', () => {
  test('a document per HTML or text response; requests, metadata and warcinfo skipped; other types counted once', async () => {
    const { docs, warnings } = await readAll('crawl/a.warc', Buffer.concat(crawl()));
    expect(docs.map(brief)).toEqual(CRAWL_DOCS);
    expect(warnings).toEqual([`crawl/a.warc:7: ${NOT_TEXT}`]);
    const [page, text] = docs as [SourceDocument, SourceDocument];
    expect(page).toMatchObject({
      path: 'crawl/a.warc',
      format: 'warc',
      bytes: PAGE.length,
      encoding: 'utf-8',
      fields: { id: 'https://example.org/a', url: 'https://example.org/a' },
      fieldSources: { url: 'WARC-Target-URI' },
      fallbackDate: { date: '2024-05-18T01:58:10Z', source: 'WARC-Date (crawl date)' },
    });
    // The page is kept as `raw` only when asked (`show --raw`: setWarcRaw).
    expect(page.raw).toBe(undefined);
    expect(text.fallbackDate).toEqual({ date: '2024-05-18T02:00:00Z', source: 'WARC-Date (crawl date)' });
    expect(text.raw).toBe(undefined);
  });

  test('a page keeps its decoded HTML as raw only while asked to', async () => {
    const bytes = htmlResponse('https://a.test/', '<p>caf\u00e9</p>');
    expect((await readAll('raw.warc', bytes)).docs.map((d) => [d.text, d.raw])).toEqual([['caf\u00e9', undefined]]);
    setWarcRaw(true);
    try {
      expect((await readAll('raw.warc', bytes)).docs.map((d) => d.raw)).toEqual(['<p>caf\u00e9</p>']);
    } finally {
      setWarcRaw(false);
    }
  });

  test('a file gzipped a record a member, gzipped whole, or in zstd reads the same', async () => {
    const members = await readAll('crawl/b.warc.gz', Buffer.concat(crawl().map(gzipMember)));
    const whole = await readAll('crawl/c.warc.gz', gzipSync(Buffer.concat(crawl())));
    const zstd = await readAll('crawl/d.warc.zst', zstdFrame(Buffer.concat(crawl()), 100));
    expect(members.docs.map(brief)).toEqual(CRAWL_DOCS);
    expect(whole.docs.map(brief)).toEqual(CRAWL_DOCS);
    expect(zstd.docs.map(brief)).toEqual(CRAWL_DOCS);
    expect(members.warnings).toEqual([`crawl/b.warc.gz:7: ${NOT_TEXT}`]);
  });

  test('WARC/1.0 headers with bare LF line ends, folded fields and a record without a target URI', async () => {
    const record = Buffer.from(
      'WARC/1.0\nWARC-Type: resource\nWARC-Record-ID: <urn:uuid:abc>\nContent-Type: text/plain;\n charset=windows-1251\n' +
        'Content-Length: 6\n\n',
    );
    const bytes = Buffer.concat([record, Buffer.from('\xcf\xf0\xe8\xe2\xe5\xf2', 'latin1'), Buffer.from('\n\n')]);
    const { docs, warnings } = await readAll('old.warc', bytes);
    expect(docs.map((d) => [d.recordLine, d.id, d.text, d.encoding, d.fallbackDate])).toEqual([
      [1, 'urn:uuid:abc', 'Привет', 'windows-1251', undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  test('a record with neither a target URI nor a record id asks for the file id and its number', async () => {
    const bytes = Buffer.from('WARC/1.1\r\nWARC-Type: conversion\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n');
    const { docs } = await readAll('x/y.wet', bytes);
    expect(docs.map(brief)).toEqual([[1, 'x/y#1', 'hi']]);
  });

  test('a WET file: a document per conversion record, in UTF-8, format wet', async () => {
    const records = [
      warcinfo,
      warcRecord({
        type: 'conversion',
        uri: 'https://example.org/ru',
        headers: { 'Content-Type': 'text/plain', 'WARC-Identified-Content-Language': 'rus' },
        payload: 'Заголовок\nТекст страницы.',
      }),
      warcRecord({ type: 'conversion', uri: 'https://example.org/en', payload: 'Title\nBody text.' }),
    ];
    const { docs, warnings } = await readAll('cc/seg.warc.wet.gz', Buffer.concat(records.map(gzipMember)));
    expect(docs.map((d) => [d.recordLine, d.id, d.format, d.encoding, d.text, d.fields?.url])).toEqual([
      [2, 'https://example.org/ru', 'wet', 'utf-8', 'Заголовок\nТекст страницы.', 'https://example.org/ru'],
      [3, 'https://example.org/en', 'wet', 'utf-8', 'Title\nBody text.', 'https://example.org/en'],
    ]);
    expect(warnings).toEqual([]);
  });

  test('the HTTP charset wins over the page’s <meta charset>', async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="utf-8"><title>t</title></head><body><p>'),
      Buffer.from('\xc7\xe4\xf0\xe0\xe2\xf1\xf2\xe2\xf3\xe9', 'latin1'),
      Buffer.from('</p></body></html>'),
    ]);
    const record = warcRecord({
      type: 'response',
      uri: 'https://example.ru/',
      headers: HTTP_RESPONSE,
      payload: httpResponse(html, { 'Content-Type': 'text/html; charset=windows-1251' }),
    });
    const { docs } = await readAll('ru.warc', record);
    expect(docs.map((d) => [d.encoding, d.text])).toEqual([['windows-1251', 'Здравствуй']]);
  });

  test('chunked transfer coding and gzip or br content coding are undone; a body already undone is left', async () => {
    const chunked = '5\r\n<p>He\r\nc;ext=1\r\nllo world</p\r\n1\r\n>\r\n0\r\n\r\n';
    const records = [
      warcRecord({
        type: 'response',
        uri: 'https://a.test/chunked',
        headers: HTTP_RESPONSE,
        payload: httpResponse(chunked, { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }),
      }),
      warcRecord({
        type: 'response',
        uri: 'https://a.test/gzip',
        headers: HTTP_RESPONSE,
        payload: httpResponse(gzipSync('<p>zipped</p>'), { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }),
      }),
      warcRecord({
        type: 'response',
        uri: 'https://a.test/br',
        headers: HTTP_RESPONSE,
        payload: httpResponse(brotliCompressSync('<p>brotli</p>'), {
          'Content-Type': 'text/html',
          'Content-Encoding': 'br',
        }),
      }),
      // As Common Crawl and some tools store it: decoded, with the header kept.
      warcRecord({
        type: 'response',
        uri: 'https://a.test/undone',
        headers: HTTP_RESPONSE,
        payload: httpResponse('<p>plain already</p>', {
          'Content-Type': 'text/html',
          'Content-Encoding': 'gzip',
          'Transfer-Encoding': 'chunked',
        }),
      }),
    ];
    const { docs, warnings } = await readAll('codings.warc.gz', Buffer.concat(records.map(gzipMember)));
    expect(docs.map((d) => [d.id, d.text])).toEqual([
      ['https://a.test/chunked', 'Hello world'],
      ['https://a.test/gzip', 'zipped'],
      ['https://a.test/br', 'brotli'],
      ['https://a.test/undone', 'plain already'],
    ]);
    expect(warnings).toEqual([]);
  });

  test('responses that are not pages (404, redirects) are counted once; an unknown type sniffed as HTML is read', async () => {
    const records = [
      warcRecord({
        type: 'response',
        uri: 'https://a.test/gone',
        headers: HTTP_RESPONSE,
        payload: httpResponse('<p>Not found</p>', { 'Content-Type': 'text/html' }, '404 Not Found'),
      }),
      warcRecord({
        type: 'response',
        uri: 'https://a.test/sniffed',
        headers: HTTP_RESPONSE,
        payload: httpResponse('<!DOCTYPE html><p>no type</p>'),
      }),
    ];
    const { docs, warnings } = await readAll('status.warc', Buffer.concat(records));
    expect(docs.map(brief)).toEqual([[2, 'https://a.test/sniffed', 'no type']]);
    expect(warnings).toEqual(['status.warc:2: skipped 1 response that is not a page (1 HTTP 404)']);
  });

  test('a URL crawled twice keeps its first id; the second is told it had to change', async () => {
    const page = htmlResponse('https://a.test/', '<p>x</p>');
    const { docs, warnings } = await readAll('twice.warc', Buffer.concat([page, page]));
    expect(docs.map((d) => d.id)).toEqual(['https://a.test/', 'https://a.test/~2']);
    expect(warnings).toEqual(['twice.warc:2: id https://a.test/ is taken, using https://a.test/~2']);
  });

  test('wantId leaves documents out after they claimed their ids', async () => {
    const ids = new IdRegistry();
    const file = fileOf('want.warc', Buffer.concat(crawl()));
    const got: string[] = [];
    for await (const d of readWarc(
      file,
      ids,
      () => {},
      (id) => id.endsWith('.txt'),
    ))
      got.push(d.id);
    expect(got).toEqual(['https://example.org/notes.txt']);
  });
});
