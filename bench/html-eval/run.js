// The HTML main-text evaluation: runs each extractor over each prepared set and prints F1, precision,
// recall and pages per second per core: pages over the process's CPU time (user + system) spent in
// the extractor, parse included, so that other work on a shared machine does not count.
// node bench/html-eval/run.js [--sets aeb,trafilatura] [--extractors readability,blocks] [--limit N]
// [--split all|tune|held-out] (a fixed half of each set by page hash, lib/datasets.js)
import { parseArgs } from 'node:util';
import { SETS, splitPages } from './lib/datasets.js';
import { passageCounts, passageScores, shingleMatch, shingleScores } from './lib/metrics.js';

/** @typedef {import('./lib/datasets.js').Page} Page */
/** @typedef {(html: string, url: string) => { body: string } | Promise<{ body: string }>} Extract */

const EXTRACTORS = ['corpus', 'blocks', 'readability', 'article-extractor'];
const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: 'aeb,trafilatura' },
    extractors: { type: 'string', default: EXTRACTORS.join(',') },
    limit: { type: 'string' },
    split: { type: 'string', default: 'all' },
    dump: { type: 'string' },
  },
});

/**
 * Runs one extractor over one set; a throw counts as an empty body.
 * @param {Extract} extract
 * @param {Page[]} pages
 */
async function runOne(extract, pages) {
  for (const p of pages.slice(0, 5)) await extract(p.html, p.url); // warm the JIT
  /** @type {string[]} */
  const bodies = [];
  let ms = 0;
  let failures = 0;
  for (const p of pages) {
    const t = process.cpuUsage();
    let body = '';
    try {
      body = (await extract(p.html, p.url)).body;
    } catch {
      failures++;
    }
    const used = process.cpuUsage(t);
    ms += (used.user + used.system) / 1000;
    bodies.push(body);
  }
  return { bodies, ms, failures };
}

/**
 * @param {Page[]} pages
 * @param {string[]} bodies
 */
function score(pages, bodies) {
  if (pages[0]?.body !== undefined) {
    return shingleScores(pages.map((p, i) => shingleMatch(p.body ?? '', bodies[i] ?? '')));
  }
  return passageScores(
    pages.map((p, i) => passageCounts({ with: p.with ?? [], without: p.without ?? [] }, bodies[i] ?? '')),
  );
}

const limit = values.limit ? Number(values.limit) : Infinity;
console.log('set          extractor           pages   F1     prec   recall  pages/s/core  KB/page  fail');
for (const set of values.sets.split(',')) {
  const load = SETS[set];
  if (!load) throw new Error(`no set ${set}: ${Object.keys(SETS).join(', ')}`);
  const pages = splitPages(load(), values.split).slice(0, limit);
  const kb = pages.reduce((a, p) => a + p.bytes, 0) / pages.length / 1024;
  for (const name of values.extractors.split(',')) {
    /** @type {{ extract: Extract }} */
    const mod = await import(`./extractors/${name}.js`);
    const { bodies, ms, failures } = await runOne(mod.extract, pages);
    const s = score(pages, bodies);
    const rate = pages.length / (ms / 1000);
    console.log(
      `${set.padEnd(12)} ${name.padEnd(18)} ${String(pages.length).padStart(5)}   ${s.f1.toFixed(3)}  ` +
        `${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}   ${rate.toFixed(0).padStart(8)}     ` +
        `${kb.toFixed(0).padStart(5)}  ${failures}`,
    );
    if (values.dump) {
      const { writeFileSync } = await import('node:fs');
      const out = pages.map((p, i) => ({ id: p.id, url: p.url, body: bodies[i] }));
      writeFileSync(`${values.dump}/${set}-${name}.json`, JSON.stringify(out));
    }
  }
}
