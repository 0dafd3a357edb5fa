// Which lines of a page are marked boilerplate: on a small news page, the navigation, the cookie
// banner, the byline block, the related list and the footer are; the headline and the article's
// paragraphs are not. Line numbers are 1-based lines of `text`, never a blank one.
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../src/core/input/html/extract.js';

const P = (s: string): string => `<p>${s}</p>`;
const PARAGRAPHS = [
  'Rivers across the valley rose to their highest level in twenty years on Tuesday, after a week of heavy rain soaked the hills above the towns.',
  'Emergency services moved more than two hundred families from their homes overnight, and schools in three towns stayed closed while the water was pumped away.',
  'Farmers said the flooded fields would not be sown this spring, and the regional council promised help for those who lost their harvest.',
];
const NEWS_PAGE = `<!doctype html><html lang="en-GB"><head><title>Rivers rise | Daily Courier</title></head><body>
<header><a href="/">Daily Courier</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>
<button>Accept</button></div>
<main><article><h1>Rivers rise across the valley after a week of rain</h1><p class="byline">By Ann Smith</p>
${PARAGRAPHS.map(P).join('\n')}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Storm warning for the coast</a></li>
<li><a href="/b">How to protect your home from floods this winter</a></li></ul></aside></main>
<footer><p>© 2024 Daily Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`;

/** The lines of `text` not marked boilerplate, blank ones left out: what the tool's body holds. */
function body(html: string): string[] {
  const page = extractHtml(html);
  const boiler = new Set(page.boilerplate);
  return page.text.split('\n').filter((line, i) => line !== '' && !boiler.has(i + 1));
}

describe('boilerplate lines', () => {
  test('a news page: navigation, cookie banner, byline, related list and footer are boilerplate', () => {
    const page = extractHtml(NEWS_PAGE);
    const lines = page.text.split('\n');
    expect(lines.filter((l) => l !== '')).toEqual([
      'Daily Courier',
      'News',
      'Sport',
      'Weather',
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'Rivers rise across the valley after a week of rain',
      'By Ann Smith',
      ...PARAGRAPHS,
      'Related stories',
      'Storm warning for the coast',
      'How to protect your home from floods this winter',
      '© 2024 Daily Courier. All rights reserved.',
      'Privacy',
    ]);
    expect(page.boilerplate).toEqual([1, 3, 5, 7, 9, 13, 21, 23, 25, 27, 29]);
    expect(body(NEWS_PAGE)).toEqual(['Rivers rise across the valley after a week of rain', ...PARAGRAPHS]);
  });

  test('boilerplate numbers are never blank lines and never beyond the text', () => {
    const page = extractHtml(NEWS_PAGE);
    const lines = page.text.split('\n');
    for (const n of page.boilerplate) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(lines.length);
      expect(lines[n - 1]).not.toBe('');
    }
  });

  test('an article split by an ad slot continues in its sibling block', () => {
    const html =
      `<body><nav><a href="/">Home</a></nav><div class="story">${P(PARAGRAPHS[0] as string)}${P(PARAGRAPHS[1] as string)}</div>` +
      `<div class="ad-slot"><a href="/buy">Buy now</a></div><div class="story-cont">${P(PARAGRAPHS[2] as string)}</div></body>`;
    expect(body(html)).toEqual(PARAGRAPHS);
  });

  test("a picture's caption inside the article is boilerplate", () => {
    const html =
      `<body><article>${P(PARAGRAPHS[0] as string)}<figure><img src="r.jpg">` +
      `<figcaption>The river at Millbrook on Tuesday morning, seen from the old stone bridge.</figcaption></figure>` +
      `${P(PARAGRAPHS[1] as string)}</article></body>`;
    expect(body(html)).toEqual([PARAGRAPHS[0], PARAGRAPHS[1]]);
  });

  test("the lead between the headline and the article's body is kept, a short byline there is not", () => {
    const lead =
      'The valley has not seen water this high in twenty years: two hundred families left their homes overnight and the schools of three towns stay closed.';
    const html =
      `<body><article><header><h1>Rivers rise across the valley</h1><p class="byline">By Ann Smith</p>` +
      `<p class="intro">${lead}</p></header><div class="article-body">${PARAGRAPHS.map(P).join('')}</div></article></body>`;
    expect(body(html)).toEqual([lead, ...PARAGRAPHS]);
    // Far below the headline, the same block is no lead: a teaser of another story.
    const far =
      `<body><h1>Rivers rise</h1><nav><a href="/1">One</a></nav><nav><a href="/2">Two</a></nav><nav><a href="/3">Three</a></nav>` +
      `<nav><a href="/4">Four</a></nav><div class="teaser"><p>${lead}</p></div><div class="article-body">${PARAGRAPHS.map(P).join('')}</div></body>`;
    expect(body(far)).toEqual(PARAGRAPHS);
  });

  test('a page of text alone, without blocks, is all body', () => {
    expect(body('Just some words written straight into the page, without any element around them.')).toEqual([
      'Just some words written straight into the page, without any element around them.',
    ]);
  });
});
