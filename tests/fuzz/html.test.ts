// Fuzzing the HTML extractor on pages built from tags, attributes, entities, scripts and noise:
// it never throws, its text keeps the line contract, its boilerplate numbers are non-blank lines
// of the text in order, and a date it states is ISO 8601.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../src/core/input/html/extract.js';
import { fuzzParameters, testTimeout } from './settings.js';

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'br',
  'h1',
  'li',
  'ul',
  'nav',
  'footer',
  'article',
  'script',
  'style',
  'time',
  'ruby',
  'rt',
  'table',
  'td',
  'svg',
  'title',
  'meta',
  'link',
  'html',
  'head',
  'body',
];
const ATTRS = [
  '',
  ' class="nav menu"',
  ' class="article-body"',
  ' hidden',
  ' style="display:none"',
  ' type="application/ld+json"',
  ' property="og:title" content="T"',
  ' property="article:published_time" content="2021-02-30T25:00Z"',
  ' name="date" content="3 mars 2020"',
  ' rel="canonical" href="/2020/01/02/x"',
  ' datetime="2020-13-01"',
  ' lang="zh-Hant"',
  ' href="javascript:void(0)"',
];
const WORDS = [
  'Rivers rise',
  '中国新闻报道',
  'ข่าววันนี้',
  'أخبار اليوم',
  '&amp;',
  '&#0;',
  '&bogus;',
  '{"datePublished": "2020-01-01"',
  '  \n\t ',
  '2019/11/20',
  '<!--',
  '-->',
  '<',
  '>',
  '"',
  "'",
];

const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc.constantFrom(...WORDS),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const htmlPage = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$/;

describe('fuzzing the HTML extractor', { timeout: testTimeout }, () => {
  test('any page: no throw, lines trimmed, boilerplate numbers are non-blank lines in order, dates ISO', () => {
    fc.assert(
      fc.property(htmlPage, fc.option(fc.webUrl(), { nil: undefined }), (html, url) => {
        const page = extractHtml(html, url === undefined ? {} : { url });
        const lines = page.text.split('\n');
        expect(page.text).not.toMatch(/\n\n\n|^\n|\n$|\r/);
        for (const line of lines) expect(line).toBe(line.trim());
        let last = 0;
        for (const n of page.boilerplate) {
          expect(n).toBeGreaterThan(last);
          expect(n).toBeLessThanOrEqual(lines.length);
          expect(lines[n - 1]).not.toBe('');
          last = n;
        }
        if (page.fields.date !== undefined) expect(page.fields.date).toMatch(ISO);
      }),
      fuzzParameters(400),
    );
  });
});
