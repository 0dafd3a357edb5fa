// Checks the shingle-F1 port against the benchmark's published figures, from its own output files:
// node bench/html-eval/lib/check-metric.js  (after prepare.sh)
import { readFileSync } from 'node:fs';
import { shingleMatch, shingleScores } from './metrics.js';

const dir = `${process.env.DATA ?? '/tmp/html-eval-data'}/aeb`;
/** @type {Record<string, {articleBody: string}>} */
const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8'));
for (const name of ['readability_js', 'trafilatura', 'readability', 'justext']) {
  const raw = JSON.parse(readFileSync(`${dir}/output/${name}.json`, 'utf8'));
  /** @type {Record<string, {articleBody?: string}>} */
  const out = raw.output ?? raw;
  const matches = Object.keys(truth).map((k) => shingleMatch(truth[k]?.articleBody ?? '', out[k]?.articleBody ?? ''));
  const s = shingleScores(matches);
  console.log(`${name.padEnd(16)} F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`);
}
