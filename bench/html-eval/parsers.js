// Parse-only cost of each candidate parser on the same pages, in pages and MB per CPU-second:
// node bench/html-eval/parsers.js [--set aeb]
import { parseArgs } from 'node:util';
import { SETS } from './lib/datasets.js';
import { dep } from './lib/deps.js';
import { pageLines } from './lib/lines.js';
import { dateSources } from './lib/dates.js';
import { classify } from './extractors/blocks.js';

const { values } = parseArgs({ options: { set: { type: 'string', default: 'aeb' } } });
const load = SETS[values.set ?? 'aeb'];
if (!load) throw new Error(`no set ${values.set}`);
const pages = load();
const mb = pages.reduce((a, p) => a + p.bytes, 0) / 1e6;
const { Parser } = dep('htmlparser2');
const { parseHTML } = dep('linkedom');

/** @type {Record<string, (html: string, url: string) => unknown>} */
const JOBS = {
  'htmlparser2, no handlers': (html) => {
    const p = new Parser({});
    p.write(html);
    p.end();
  },
  'htmlparser2 → lines': (html) => pageLines(html),
  'htmlparser2 → lines + blocks': (html) => classify(html),
  'htmlparser2 → date sources': (html, url) => dateSources(html, url),
  'blocks + dates (two passes)': (html, url) => [classify(html), dateSources(html, url)],
  'linkedom parseHTML': (html) => parseHTML(html),
};
console.log(`${values.set}: ${pages.length} pages, ${((mb / pages.length) * 1000).toFixed(0)} KB a page`);
for (const [name, job] of Object.entries(JOBS)) {
  for (const p of pages.slice(0, 5)) job(p.html, p.url);
  const t = process.cpuUsage();
  for (const p of pages) job(p.html, p.url);
  const used = process.cpuUsage(t);
  const s = (used.user + used.system) / 1e6;
  console.log(
    `${name.padEnd(30)} ${(pages.length / s).toFixed(0).padStart(6)} pages/s  ${(mb / s).toFixed(1).padStart(6)} MB/s`,
  );
}
