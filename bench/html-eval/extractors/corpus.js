// The production extractor (src/core/input/html) from a private build: its body is the page's
// lines less those it marks boilerplate, as the tool's `body` is. Build it first with
//   npx tsc -p tsconfig.json --outDir /tmp/corpus-dist   (CORPUS_DIST moves it)
import { pathToFileURL } from 'node:url';

const DIST = process.env.CORPUS_DIST ?? '/tmp/corpus-dist';
/** @type {{ extractHtml: (html: string, options?: { url?: string }) => { text: string, boilerplate: number[] } }} */
const { extractHtml } = await import(pathToFileURL(`${DIST}/core/input/html/extract.js`).href);

/**
 * @param {string} html
 * @param {string} url
 * @returns {{ body: string }}
 */
export function extract(html, url) {
  const page = extractHtml(html, { url });
  const boiler = new Set(page.boilerplate);
  return {
    body: page.text
      .split('\n')
      .filter((line, i) => line !== '' && !boiler.has(i + 1))
      .join('\n'),
  };
}
