// Why passages of trafilatura's set are missed or wrongly kept by the blocks prototype:
// node lib/misses.js [N]  prints counts by cause and N examples of each.
import { loadTrafilatura } from './datasets.js';
import { classify } from '../extractors/blocks.js';

const n = Number(process.argv[2] ?? 10);
/** @param {string} s */
const norm = (s) => s.replace(/\s+/g, ' ').trim();
/** @type {Record<'fn-not-in-lines' | 'fn-marked-boiler' | 'fp-kept', string[]>} */
const causes = { 'fn-not-in-lines': [], 'fn-marked-boiler': [], 'fp-kept': [] };
for (const p of loadTrafilatura()) {
  const { lines, isBoiler } = classify(p.html);
  const all = norm(lines.map((l) => l.text).join(' '));
  const body = norm(
    lines
      .filter((_, i) => !isBoiler[i])
      .map((l) => l.text)
      .join('\n'),
  );
  for (const w of p.with ?? []) {
    if (body.includes(norm(w))) continue;
    causes[all.includes(norm(w)) ? 'fn-marked-boiler' : 'fn-not-in-lines'].push(`${p.id}: ${w.slice(0, 70)}`);
  }
  for (const w of p.without ?? []) if (body.includes(norm(w))) causes['fp-kept'].push(`${p.id}: ${w.slice(0, 70)}`);
}
for (const [k, v] of Object.entries(causes)) {
  console.log(`${k}: ${v.length}`);
  for (const x of v.filter((_, i) => i % Math.max(1, Math.floor(v.length / n)) === 0).slice(0, n))
    console.log(`   ${x}`);
}
