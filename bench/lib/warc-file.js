// The HTML bench's WARC: the pages of page-source.js as N response records of one `.warc.gz`,
// with a warcinfo record first and some request and metadata records between them, each record
// its own gzip member as Common Crawl writes them; reused while its parameters are the same.

import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageSource } from './page-source.js';
import { createRandom } from './prng.js';
import {
  clearOwnFolder,
  countCandidates,
  sameManifest,
  WEB_GENERATOR_VERSION,
  WEB_GREP_CANDIDATES,
} from './web-corpus.js';

/** @typedef {import('./web-corpus.js').WebManifest} WebManifest */
/** @typedef {import('./web-corpus.js').WebCorpus} WebCorpus */

/**
 * A WARC/1.0 record: its header lines, a blank line, the block, and the two line ends that close it.
 * @param {[string, string][]} headers - without Content-Length, which is added
 * @param {Buffer} block
 */
function warcRecord(headers, block) {
  const head = ['WARC/1.0', ...headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length}`, '', ''].join(
    '\r\n',
  );
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from('\r\n\r\n')]);
}

/**
 * A WARC-Record-ID, from the seeded generator.
 * @param {import('./prng.js').Random} rnd
 */
function recordId(rnd) {
  const h = rnd.hex() + rnd.hex() + rnd.hex() + rnd.hex();
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}>`;
}

/**
 * The records of page i: its response, a request before every 10th and a metadata record after
 * every 25th, as a crawler writes them.
 * @param {import('./page-source.js').Page} page
 * @param {Buffer} body - the page in UTF-8
 * @param {number} i
 * @param {string} seed
 * @returns {Buffer[]}
 */
function pageRecords(page, body, i, seed) {
  const rnd = createRandom(`${seed}:warc:${i}`);
  const date = `${page.date}T${String(rnd.int(24)).padStart(2, '0')}:${String(rnd.int(60)).padStart(2, '0')}:${String(rnd.int(60)).padStart(2, '0')}Z`;
  const u = new URL(page.url);
  const responseId = recordId(rnd);
  const records = [];
  if (i % 10 === 0) {
    const request = `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUser-Agent: corpus-bench/1.0\r\nAccept: text/html,application/xhtml+xml\r\nAccept-Encoding: identity\r\n\r\n`;
    records.push(
      warcRecord(
        [
          ['WARC-Type', 'request'],
          ['WARC-Date', date],
          ['WARC-Record-ID', recordId(rnd)],
          ['WARC-Target-URI', page.url],
          ['WARC-Concurrent-To', responseId],
          ['Content-Type', 'application/http; msgtype=request'],
        ],
        Buffer.from(request, 'utf8'),
      ),
    );
  }
  const http = Buffer.from(
    `HTTP/1.1 200 OK\r\nDate: ${new Date(date).toUTCString()}\r\nServer: nginx\r\nContent-Type: text/html; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\nCache-Control: max-age=60\r\nConnection: close\r\n\r\n`,
    'latin1',
  );
  records.push(
    warcRecord(
      [
        ['WARC-Type', 'response'],
        ['WARC-Date', date],
        ['WARC-Record-ID', responseId],
        ['WARC-Target-URI', page.url],
        ['Content-Type', 'application/http; msgtype=response'],
        ['WARC-Identified-Payload-Type', 'text/html'],
      ],
      Buffer.concat([http, body]),
    ),
  );
  if (i % 25 === 0) {
    records.push(
      warcRecord(
        [
          ['WARC-Type', 'metadata'],
          ['WARC-Date', date],
          ['WARC-Record-ID', recordId(rnd)],
          ['WARC-Target-URI', page.url],
          ['WARC-Concurrent-To', responseId],
          ['Content-Type', 'application/warc-fields'],
        ],
        Buffer.from(`fetchTimeMs: ${rnd.range(40, 900)}\r\ncharset-detected: UTF-8\r\n`, 'utf8'),
      ),
    );
  }
  return records;
}

/**
 * Makes sure `dir`/pages.warc.gz holds the N pages as WARC response records (with a warcinfo
 * record first and some request and metadata records), each record its own gzip member, and
 * returns its manifest; `path` is the file.
 * @param {{ pages: number, dir: string, seed: string, source: import('./page-source.js').PageSourceName,
 *   force?: boolean, log?: (line: string) => void }} options
 * @returns {WebCorpus}
 */
export function ensureWarc({ pages, dir, seed, source, force = false, log = () => {} }) {
  dir = resolve(dir);
  const file = join(dir, 'pages.warc.gz');
  const from = pageSource(source, seed);
  const params = {
    generator: WEB_GENERATOR_VERSION,
    kind: /** @type {const} */ ('warc'),
    pages,
    seed,
    source,
    version: from.version,
  };
  const manifestPath = join(dir, '.manifest.json');
  const had = force ? null : sameManifest(manifestPath, params);
  if (had) {
    log(`warc: reusing ${file} (${pages} ${source} pages, made ${had.generatedAt})`);
    return { ...had, path: file, reused: true };
  }
  clearOwnFolder(dir);
  const started = Date.now();
  const df = Object.fromEntries(WEB_GREP_CANDIDATES.map((w) => [w, 0]));
  const langs = new Set();
  let bytes = 0;
  let fileBytes = 0;
  let otherRecords = 1;
  const fd = openSync(file, 'w');
  try {
    /** @param {Buffer} record */
    const write = (record) => {
      const member = gzipSync(record);
      writeSync(fd, member);
      fileBytes += member.length;
    };
    const info = `software: corpus-bench (bench/generate.js --warc)\r\nformat: WARC File Format 1.0\r\nisPartOf: corpus-bench-${source}\r\n`;
    write(
      warcRecord(
        [
          ['WARC-Type', 'warcinfo'],
          ['WARC-Date', '2024-01-15T00:00:00Z'],
          ['WARC-Record-ID', recordId(createRandom(`${seed}:warcinfo`))],
          ['WARC-Filename', 'pages.warc.gz'],
          ['Content-Type', 'application/warc-fields'],
        ],
        Buffer.from(info, 'utf8'),
      ),
    );
    for (let i = 0; i < pages; i++) {
      const page = from.page(i);
      const body = page.utf8();
      const records = pageRecords(page, body, i, seed);
      otherRecords += records.length - 1;
      for (const r of records) write(r);
      bytes += body.length;
      if (page.lang) langs.add(page.lang);
      countCandidates(df, body);
      if ((i + 1) % 5000 === 0)
        log(`warc: ${i + 1}/${pages} records written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    closeSync(fd);
  }
  /** @type {WebManifest} */
  const manifest = {
    params,
    generatedAt: new Date().toISOString(),
    generationSeconds: (Date.now() - started) / 1000,
    pages,
    bytes,
    fileBytes,
    otherRecords,
    languages: langs.size,
    documentFrequency: df,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  log(
    `warc: wrote ${pages} response records (+${otherRecords} others), ${(fileBytes / 1e6).toFixed(0)} MB compressed, ` +
      `to ${file} in ${manifest.generationSeconds.toFixed(1)} s`,
  );
  return { ...manifest, path: file, reused: false };
}
