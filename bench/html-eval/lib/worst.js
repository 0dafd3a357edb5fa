// Lists the pages an extractor does worst on (aeb set), to see why: node lib/worst.js blocks [N]
import { loadAeb } from './datasets.js';
import { shingleMatch } from './metrics.js';

const name = process.argv[2] ?? 'blocks';
const n = Number(process.argv[3] ?? 15);
/** @type {{ extract: (html: string, url: string) => { body: string } }} */
const mod = await import(`../extractors/${name}.js`);
const rows = [];
for (const p of loadAeb()) {
  const [tp, fp, fn] = shingleMatch(p.body ?? '', mod.extract(p.html, p.url).body);
  rows.push({ id: p.id.slice(0, 8), url: p.url, p: tp / (tp + fp || 1), r: tp / (tp + fn || 1) });
}
rows.sort((a, b) => a.p + a.r - (b.p + b.r));
for (const r of rows.slice(0, n)) console.log(r.id, r.p.toFixed(2), r.r.toFixed(2), r.url.slice(0, 90));
