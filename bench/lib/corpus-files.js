// The bench's work on the files themselves, untimed: warming the page cache before a job, sizing
// a cache folder, and the corpus written once as one JSON Lines file beside it.

import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fmtS } from './report.js';

/**
 * Folder entries in the order of their names' UTF-16 code units, as `sort()` would give them.
 * @param {{ name: string }} a
 * @param {{ name: string }} b
 */
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Reads every file under `dir` once, untimed, and returns the seconds it took. This machine's page
 * cache is small and drops the corpus's files between jobs: read from the disk, a run measures
 * the disk. Warmed before each job, every run, ours and the outside tool's, reads from memory.
 * @param {string} dir - a folder, or one file
 */
export function warmPageCache(dir) {
  const started = process.hrtime.bigint();
  const buf = Buffer.allocUnsafe(1 << 20);
  /** @param {string} p */
  const read = (p) => {
    const fd = openSync(p, 'r');
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
  };
  /** @param {string} d */
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) read(p);
    }
  };
  if (statSync(dir).isFile()) read(dir);
  else walk(dir);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Files and bytes a cache folder holds, to tell whether the tool wrote a cache at all.
 * @param {string} dir - nothing in it when it is not there
 */
export function folderSize(dir) {
  let files = 0;
  let bytes = 0;
  /** @param {string} d */
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/**
 * The corpus as one JSON Lines file beside it (`corpus-<N>-all.jsonl`: a record a document, text
 * and Markdown alike, in walk order, its text and an id), written once; for the jobs that grep and
 * list one big JSON Lines file. (`corpus-<N>.jsonl`, of earlier versions, left out the Markdown.)
 * @param {string} dir - the corpus
 * @param {number} docs - its documents, for the file name
 * @param {(line: string) => void} log
 * @returns {string} the file
 */
export function ensureJsonl(dir, docs, log) {
  const file = join(dirname(dir), `corpus-${docs}-all.jsonl`);
  const manifestTime = statSync(dir).mtimeMs;
  try {
    if (statSync(file).mtimeMs >= manifestTime) return file;
  } catch {
    /* not there yet */
  }
  const started = process.hrtime.bigint();
  const fd = openSync(`${file}.tmp`, 'w');
  /**
   * @param {string} d
   * @param {string} rel - `d` under the corpus, with a trailing `/` (empty for the corpus)
   */
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort(byName)) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else if (e.isFile() && /\.(txt|md)$/.test(e.name))
        writeSync(
          fd,
          `${JSON.stringify({ id: rel + e.name.replace(/\.(txt|md)$/, ''), text: readFileSync(p, 'utf8') })}\n`,
        );
    }
  };
  walk(dir, '');
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
  log(
    `corpus as JSON Lines: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${fmtS(Number(process.hrtime.bigint() - started) / 1e9)} s`,
  );
  return file;
}
