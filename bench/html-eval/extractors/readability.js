// @mozilla/readability on a linkedom document: the article's textContent, as the benchmark's
// readability_js runner prints it (there on jsdom).
import { dep } from '../lib/deps.js';

const { Readability } = dep('@mozilla/readability');
const { parseHTML } = dep('linkedom');

/**
 * @param {string} html
 * @returns {{ body: string }}
 */
export function extract(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return { body: article?.textContent ?? '' };
}
