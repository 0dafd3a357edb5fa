// Publication day of the production extractor (src/core/input/html, from a private build, see
// extractors/corpus.js) on the pages that state one: each source's coverage and accuracy, the
// best order of sources found on the `tune` half and its figure on the `held-out` half, and the
// page's date as the tool takes it: the extractor's `fields.date`, with or without the text's
// date, else the tool's own line-based date reader over the text.
// node bench/html-eval/corpus-dates.js [--sets htmldate,trafilatura]
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { SETS, splitPages } from './lib/datasets.js';

const DIST = process.env.CORPUS_DIST ?? '/tmp/corpus-dist';
/** @param {string} path */
const load = (path) => import(pathToFileURL(`${DIST}/${path}`).href);
const { extractHtml } = await load('core/input/html/extract.js');
const { parsePage } = await load('core/input/html/parse-lines.js');
const { readJsonLd } = await load('core/input/html/json-ld.js');
const { boilerplateLines } = await load('core/input/html/main-text.js');
const { dateFrom, DATE_ORDER } = await load('core/input/html/page-dates.js');
const { pageUrl } = await load('core/input/html/page-meta.js');
const { extractMetadata } = await load('core/analyse/metadata/index.js');
const { splitLines } = await load('core/input/lines.js');

const { values } = parseArgs({ options: { sets: { type: 'string', default: 'htmldate,trafilatura' } } });

/** @typedef {import('./lib/datasets.js').Page} Page */
const TEXT_SOURCES = ['heading', 'article', 'text', 'frequent'];
const ALL_SOURCES = [...new Set([...DATE_ORDER, ...TEXT_SOURCES])];

/** @param {string | null | undefined} d */
const day = (d) => (d ? d.slice(0, 10) : undefined);

/**
 * Each source's day for a page.
 * @param {Page} p
 * @returns {Record<string, string | undefined>}
 */
function candidates(p) {
  const { lines, elements, tags } = parsePage(p.html);
  const firstContent = boilerplateLines(lines, elements).indexOf(0);
  const jsonLd = readJsonLd(tags.jsonLd);
  const url = p.url || pageUrl(tags, undefined)?.value;
  /** @type {Record<string, string | undefined>} */
  const out = {};
  for (const s of ALL_SOURCES) out[s] = day(dateFrom(s, tags, jsonLd, lines, url, firstContent, p.html)?.date);
  return out;
}

/** @param {string[]} xs @returns {string[][]} */
function permutations(xs) {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r]));
}

/**
 * @param {Array<Record<string, string | undefined>>} found
 * @param {Page[]} pages
 * @param {string[]} order
 */
const accuracy = (found, pages, order) =>
  found.filter((f, i) => order.map((s) => f[s]).find(Boolean) === pages[i]?.date).length / pages.length;

for (const set of values.sets.split(',')) {
  const loadSet = SETS[set];
  if (!loadSet) throw new Error(`no set ${set}`);
  const all = loadSet().filter((p) => p.date);
  const tune = splitPages(all, 'tune');
  const held = splitPages(all, 'held-out');
  const found = new Map(all.map((p) => [p, candidates(p)]));
  const f = (/** @type {Page[]} */ ps) =>
    ps.map((p) => /** @type {Record<string, string | undefined>} */ (found.get(p)));
  console.log(`\n${set}: ${all.length} pages with a known day (tune ${tune.length}, held-out ${held.length})`);
  console.log('source      coverage  accuracy');
  for (const s of ALL_SOURCES) {
    const have = all.filter((p) => found.get(p)?.[s]).length;
    const right = all.filter((p) => found.get(p)?.[s] === p.date).length;
    console.log(
      `${s.padEnd(11)} ${(have / all.length).toFixed(3).padStart(8)}  ${(right / have).toFixed(3).padStart(8)}`,
    );
  }
  // The tags' sources in every order, the text's two after them: the best on the tune half.
  const tagSources = ALL_SOURCES.filter((s) => !TEXT_SOURCES.includes(s));
  let best = { order: [...DATE_ORDER], score: -1 };
  const textOrders = permutations(TEXT_SOURCES).flatMap((o) => [o, o.slice(0, 2), o.slice(0, 1)]);
  for (const order of permutations(tagSources)) {
    for (const text of textOrders) {
      const full = [...order, ...text];
      const score = accuracy(f(tune), tune, full);
      if (score > best.score) best = { order: full, score };
    }
  }
  const shipped = [...DATE_ORDER];
  console.log(
    `order shipped   ${shipped.join(',')}: tune ${accuracy(f(tune), tune, shipped).toFixed(3)}, held-out ${accuracy(f(held), held, shipped).toFixed(3)}, all ${accuracy(f(all), all, shipped).toFixed(3)}`,
  );
  console.log(
    `best on tune    ${best.order.join(',')}: tune ${best.score.toFixed(3)}, held-out ${accuracy(f(held), held, best.order).toFixed(3)}`,
  );
  // As the tool takes it: the extractor's fields, else the tool's date reader over the text.
  for (const textDate of [false, true]) {
    for (const part of [
      ['held-out', held],
      ['all', all],
    ]) {
      const pages = /** @type {Page[]} */ (part[1]);
      let right = 0;
      for (const p of pages) {
        const page = extractHtml(p.html, { url: p.url, textDate });
        const date = day(page.fields.date) ?? day(extractMetadata(splitLines(page.text.normalize('NFC'))).date);
        if (date === p.date) right++;
      }
      console.log(
        `tool, text date ${textDate ? 'in fields' : 'from the tool reader'}, ${part[0]}: ${(right / pages.length).toFixed(3)} (${right}/${pages.length})`,
      );
    }
  }
}
