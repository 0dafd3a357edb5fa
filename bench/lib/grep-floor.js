// The floor of `grep -c -F` in Node: the least a Node program must do to print ripgrep's
// `path:count` lines for a literal over a folder tree, with no ids, no decoding, no warnings and no
// options. Two threads (this one and a worker) take the root's subfolders in turn from a shared
// counter; each walks its subfolders, reads every file into one reused buffer with synchronous
// calls and counts the lines that hold the literal with `Buffer.indexOf`. Output is in sorted
// order, like `corpus grep -c` (not ripgrep's, which is unordered with threads).
//
//   node bench/lib/grep-floor.js LITERAL DIR

import fs from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const LF = 10;

/**
 * `path:count` for each file under `dir` (sorted walk) whose bytes hold `literal`.
 * @param {string} dir
 * @param {string} prefix - `dir` relative to the root, with a trailing `/`
 * @param {Buffer} literal
 * @param {{ value: Buffer }} buf - the read buffer, replaced by a bigger one when a file fills it
 * @param {string[]} out
 */
function searchTree(dir, prefix, literal, buf, out) {
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = `${dir}/${entry.name}`;
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      searchTree(abs, `${rel}/`, literal, buf, out);
      continue;
    }
    const fd = fs.openSync(abs, 'r');
    let n = 0;
    for (let got; (got = fs.readSync(fd, buf.value, n, buf.value.length - n, null)) > 0;) {
      n += got;
      if (n === buf.value.length) {
        const bigger = Buffer.allocUnsafe(n * 2);
        buf.value.copy(bigger);
        buf.value = bigger;
      }
    }
    fs.closeSync(fd);
    const bytes = buf.value.subarray(0, n);
    let count = 0;
    for (let at = bytes.indexOf(literal); at !== -1;) {
      count++;
      const end = bytes.indexOf(LF, at + literal.length);
      if (end === -1) break;
      at = bytes.indexOf(literal, end + 1);
    }
    if (count > 0) out.push(`${rel}:${count}`);
  }
}

/**
 * What each thread is given: the root, its subfolders, the literal, and the shared counter.
 * @typedef {object} Task
 * @property {string} root
 * @property {string[]} names
 * @property {string} literal
 * @property {SharedArrayBuffer} shared
 */

/**
 * Takes subfolders by the shared counter until none is left; results by subfolder index.
 * @param {Task} task
 * @returns {[number, string][]}
 */
function work({ root, names, literal, shared }) {
  const next = new Int32Array(shared);
  const buf = { value: Buffer.allocUnsafe(1 << 16) };
  const needle = Buffer.from(literal);
  /** @type {[number, string][]} */
  const results = [];
  for (let k = Atomics.add(next, 0, 1); k < names.length; k = Atomics.add(next, 0, 1)) {
    /** @type {string[]} */
    const out = [];
    searchTree(`${root}/${names[k]}`, `${names[k]}/`, needle, buf, out);
    results.push([k, out.join('\n')]);
  }
  return results;
}

if (isMainThread) {
  const [literal, root] = process.argv.slice(2);
  if (literal === undefined || root === undefined) throw new Error('usage: node bench/lib/grep-floor.js LITERAL DIR');
  // Files directly in the root are not shared out: the bench corpus has none.
  const names = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const shared = new SharedArrayBuffer(4);
  /** @type {Task} */
  const task = { root, names, literal, shared };
  const worker = new Worker(new URL(import.meta.url), { workerData: task });
  /** @type {Promise<[number, string][]>} */
  const theirs = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const mine = work(task);
  const all = [...mine, ...(await theirs)].sort((a, b) => a[0] - b[0]);
  const text = all
    .map(([, out]) => out)
    .filter(Boolean)
    .join('\n');
  process.stdout.write(text === '' ? '' : `${text}\n`);
} else {
  // In a worker thread, parentPort is never null.
  /** @type {import('node:worker_threads').MessagePort} */ (parentPort).postMessage(work(workerData));
}
