// The baseline: every visible line of the page, nothing marked boilerplate (what a reader that only
// strips tags would give; the benchmark's html-text row).
import { pageLines } from '../lib/lines.js';

/**
 * @param {string} html
 * @returns {{ body: string }}
 */
export function extract(html) {
  return {
    body: pageLines(html)
      .lines.map((l) => l.text)
      .join('\n'),
  };
}
