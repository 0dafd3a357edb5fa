// Scores for main-text extraction and dates: the article-extraction-benchmark's shingle F1
// (a port of its evaluate.py), trafilatura's passage F1 (eval_common.py), and day accuracy.

// Python's re `\w` on str: letters, numbers (any script) and the underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

/**
 * The benchmark's 4-token shingles of a text, counted.
 * @param {string} text
 * @returns {Map<string, number>}
 */
function shingles(text) {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map();
  const n = 4;
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * True positive, false positive and false negative shingle shares of one page, normalised so
 * long pages weigh no more than short ones (evaluate.py `string_shingle_matching`).
 * @param {string} truth
 * @param {string} predicted
 * @returns {[number, number, number]}
 */
export function shingleMatch(truth, predicted) {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

/** @param {number[]} xs */
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Precision and recall averaged over pages, F1 from the two averages (evaluate.py
 * `metrics_from_tp_fp_fns`).
 * @param {Array<[number, number, number]>} matches
 */
export function shingleScores(matches) {
  const precision = mean(
    matches.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp))),
  );
  const recall = mean(
    matches.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn))),
  );
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

/** @param {string} s */
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Trafilatura's per-page counts: a `with` passage found is a true positive, a `without` passage
 * found a false positive (whitespace-normalised substring match).
 * @param {{with: string[], without: string[]}} item
 * @param {string} text
 */
export function passageCounts(item, text) {
  const t = norm(text);
  const tp = item.with.filter((w) => t.includes(norm(w))).length;
  const fp = item.without.filter((w) => t.includes(norm(w))).length;
  return { tp, fp, fn: item.with.length - tp, tn: item.without.length - fp };
}

/**
 * Micro-averaged precision, recall and F1 over summed passage counts.
 * @param {Array<{tp: number, fp: number, fn: number, tn: number}>} counts
 */
export function passageScores(counts) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of counts) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}
