#!/usr/bin/env node
// The bench's `html-extract` job, run as its own process: pages per second per core of the HTML
// extraction alone. Each page is read and decoded untimed, then `extractHtml` of the built
// dist/core/input/html/extract.js is timed in CPU time (user + system, process.cpuUsage), as
// bench/html-eval does: one thread, so per core, and not moved by other work on a shared host.
// Prints one JSON line: { pages, cpuSeconds, pagesPerCpuSecond, megabytes, failures, ... }.
//
//   node bench/lib/html-extract-rate.js <extract.js> <folder of .html> [pages, default 2000]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decode } from '../html-eval/lib/datasets.js';

// Pages extracted before timing starts, so that the JIT has compiled the extractor.
const WARM_UP = 20;

/**
 * The `.html` files under a folder, in name order, at most `limit` of them, spread over the
 * folder's subfolders: every k-th file, so that a sample of real pages cycled over the corpus
 * holds different pages.
 * @param {string} dir
 * @param {number} limit
 */
function samplePages(dir, limit) {
  /** @type {string[]} */
  const all = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.html')) all.push(p);
    }
  };
  walk(dir);
  if (all.length <= limit) return all;
  const step = all.length / limit;
  return Array.from({ length: limit }, (_, k) => /** @type {string} */ (all[Math.floor(k * step)]));
}

/**
 * @param {string[]} argv
 */
async function main(argv) {
  const [extractPath, dir, count] = argv;
  if (!extractPath || !dir) throw new Error('usage: html-extract-rate.js <extract.js> <folder> [pages]');
  const limit = count ? Number(count) : 2000;
  /** @type {{ extractHtml?: (html: string, options?: object) => { text: string, boilerplate: number[] } }} */
  let mod;
  try {
    mod = await import(pathToFileURL(extractPath).href);
  } catch (error) {
    throw new Error(`cannot load the HTML extractor ${extractPath}: ${/** @type {Error} */ (error).message}`, {
      cause: error,
    });
  }
  const extract = mod.extractHtml;
  if (typeof extract !== 'function') throw new Error(`${extractPath} exports no extractHtml`);
  const files = samplePages(dir, limit + WARM_UP);
  let pages = 0;
  let bytes = 0;
  let micros = 0;
  let failures = 0;
  let textBytes = 0;
  let boilerplateLines = 0;
  for (const [k, file] of files.entries()) {
    const buf = readFileSync(file);
    const html = decode(buf);
    const before = process.cpuUsage();
    let page = null;
    try {
      page = extract(html);
    } catch {
      failures++;
    }
    const used = process.cpuUsage(before);
    if (k < WARM_UP && files.length > WARM_UP) continue;
    pages++;
    bytes += buf.length;
    micros += used.user + used.system;
    if (page) {
      textBytes += Buffer.byteLength(page.text);
      boilerplateLines += page.boilerplate.length;
    }
  }
  const cpuSeconds = micros / 1e6;
  process.stdout.write(
    `${JSON.stringify({
      pages,
      cpuSeconds: +cpuSeconds.toFixed(3),
      pagesPerCpuSecond: cpuSeconds > 0 ? +(pages / cpuSeconds).toFixed(1) : null,
      megabytes: +(bytes / 1e6).toFixed(1),
      kbPerPage: pages ? +(bytes / pages / 1024).toFixed(1) : null,
      textKbPerPage: pages ? +(textBytes / pages / 1024).toFixed(1) : null,
      boilerplateLinesPerPage: pages ? +(boilerplateLines / pages).toFixed(1) : null,
      failures,
    })}\n`,
  );
  return failures === pages && pages > 0 ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`html-extract-rate: ${error.message}\n`);
    process.exitCode = 2;
  },
);
