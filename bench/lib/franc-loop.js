#!/usr/bin/env node
// The outside reference for `corpus list` cold: a plain Node loop that reads every .txt/.md file
// under a folder (sorted walk) and calls franc-all's `franc` on it, printing `path<TAB>lang`.
//
//   node bench/lib/franc-loop.js DIR

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-all';

/** @type {string[]} */
const out = [];
const flush = () => {
  if (out.length) process.stdout.write(out.join(''));
  out.length = 0;
};

/**
 * Prints `path<TAB>lang` for every .txt and .md file under `dir`, in sorted order, hidden ones left out.
 * @param {string} dir
 */
function walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && /\.(txt|md)$/.test(entry.name)) {
      out.push(`${path}\t${franc(readFileSync(path, 'utf8'))}\n`);
      if (out.length >= 1000) flush();
    }
  }
}

walk(process.argv[2] ?? '.');
flush();
