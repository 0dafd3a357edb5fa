// @extractus/article-extractor (Readability and linkedom inside, plus its own clean-up): its
// article HTML turned into lines by the same htmlparser2 pass as the blocks prototype.
import { depEsm } from '../lib/deps.js';
import { pageLines } from '../lib/lines.js';

const { extractFromHtml } = await depEsm('@extractus/article-extractor');

/**
 * @param {string} html
 * @param {string} url
 * @returns {Promise<{ body: string }>}
 */
export async function extract(html, url) {
  const article = await extractFromHtml(html, url);
  return {
    body: pageLines(article?.content ?? '')
      .lines.map((l) => l.text)
      .join('\n'),
  };
}
