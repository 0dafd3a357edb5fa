// Publication-day accuracy by source and combined: node bench/html-eval/dates.js [--sets htmldate,trafilatura]
// Coverage = pages where the source gives a day; accuracy = right day among those; combined = the
// first source in the order given that has a day, right over all pages with a known day.
import { parseArgs } from 'node:util';
import { SETS } from './lib/datasets.js';
import { SOURCES, dateSources } from './lib/dates.js';

const { values } = parseArgs({ options: { sets: { type: 'string', default: 'htmldate,trafilatura' } } });
const ORDERS = {
  'issue order': ['jsonld', 'og', 'time', 'meta', 'microdata', 'url', 'text'],
  'metadata first': ['jsonld', 'og', 'meta', 'microdata', 'url', 'time', 'text'],
  'url first': ['url', 'jsonld', 'og', 'meta', 'microdata', 'time', 'text'],
  'og and url first': ['og', 'url', 'jsonld', 'microdata', 'meta', 'time', 'text'],
  'url, og, microdata, jsonld': ['url', 'og', 'microdata', 'jsonld', 'meta', 'time', 'text'],
  'url first, text after <h1>': ['url', 'jsonld', 'og', 'meta', 'microdata', 'time', 'heading', 'text'],
  'url, og, …, text after <h1>': ['url', 'og', 'microdata', 'jsonld', 'meta', 'time', 'heading', 'text'],
};
for (const set of values.sets.split(',')) {
  const load = SETS[set];
  if (!load) throw new Error(`no set ${set}: ${Object.keys(SETS).join(', ')}`);
  const pages = load().filter((p) => p.date);
  let ms = 0;
  const found = pages.map((p) => {
    const t = process.cpuUsage();
    const f = dateSources(p.html, p.url);
    const used = process.cpuUsage(t);
    ms += (used.user + used.system) / 1000;
    return f;
  });
  console.log(
    `\n${set}: ${pages.length} pages with a known day; ${(pages.length / (ms / 1000)).toFixed(0)} pages/s/core`,
  );
  console.log('source      coverage  accuracy  right/all');
  for (const s of SOURCES) {
    const have = found.filter((f) => f[s]).length;
    const right = found.filter((f, i) => f[s] && f[s] === pages[i]?.date).length;
    console.log(
      `${s.padEnd(11)} ${(have / pages.length).toFixed(3).padStart(8)}  ${(right / have).toFixed(3).padStart(8)}  ${(right / pages.length).toFixed(3).padStart(8)}`,
    );
  }
  for (const [name, order] of Object.entries(ORDERS)) {
    const right = found.filter((f, i) => order.map((s) => f[s]).find(Boolean) === pages[i]?.date).length;
    console.log(`combined, ${name}: ${(right / pages.length).toFixed(3)} (${right}/${pages.length})`);
  }
}
