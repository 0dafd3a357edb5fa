// How the page's day is chosen when its sources disagree: the day written by the headline wins
// over a tag when another tag (a publication or update date) states it too; a UTC timestamp yields
// to a written day one off only in the direction its hour allows; with no date anywhere else, the
// day the markup repeats most.
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../src/core/input/html/extract.js';
import { frequentDay } from '../../../src/core/input/html/frequent-date.js';
import { readJsonLd } from '../../../src/core/input/html/json-ld.js';

const ARTICLE = '<p>Rivers across the valley rose to their highest level in twenty years after a week of rain.</p>';
/** A page whose head is `head` and whose headline is followed by the line `dateline`. */
const page = (head: string, dateline: string) =>
  extractHtml(`<html><head>${head}</head><body><h1>Rivers rise</h1><p>${dateline}</p>${ARTICLE}</body></html>`);
const og = (d: string): string => `<meta property="article:published_time" content="${d}">`;
const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('a written day confirmed by the tags', () => {
  test('a stale tag gives way to the written day when the update tag states it', () => {
    const p = page(
      og('2016-08-29T21:54:39Z') + '<meta property="article:modified_time" content="2019-05-06T10:00:00Z">',
      'Updated May 6, 2019',
    );
    expect(p.fields.date).toBe('2019-05-06');
    expect(p.fieldSources.date).toBe('text after <h1>, confirmed by the tags');
  });

  test('JSON-LD dateModified and a second publication tag confirm too', () => {
    expect(page(og('2011-02-21') + ld({ dateModified: '2011-03-03T09:00:00+01:00' }), '3.3.2011').fields.date).toBe(
      '2011-03-03',
    );
    // The URL says the first draft's day; the Open Graph time and the text say the publication's.
    const p = extractHtml(
      `<html><head>${og('2020-07-09T10:04:04-04:00')}</head><body><h1>Rivers rise</h1><p>July 9, 2020</p>${ARTICLE}</body></html>`,
      { url: 'https://example.com/politics/2020/07/08/rivers-rise/' },
    );
    // The written day, with the time of the tag that states that day.
    expect(p.fields.date).toBe('2020-07-09T10:04:04-04:00');
  });

  test('a day without a time takes the time of a tag that states the same day, and its provenance', () => {
    const url = { url: 'https://example.com/world/2023/01/31/drills/' };
    const same = extractHtml(
      `<html><head>${og('2023-01-31T18:14:00+01:00')}</head><body>${ARTICLE}</body></html>`,
      url,
    );
    expect([same.fields.date, same.fieldSources.date]).toEqual(['2023-01-31T18:14:00+01:00', 'article:published_time']);
    const other = extractHtml(
      `<html><head>${og('2023-02-02T08:00:00+01:00')}</head><body>${ARTICLE}</body></html>`,
      url,
    );
    expect([other.fields.date, other.fieldSources.date]).toEqual(['2023-01-31', 'URL path']);
  });

  test('a written day no tag confirms leaves the tag its day', () => {
    const p = page(og('2019-06-17T00:00:00+02:00'), 'June 4, 2020');
    expect(p.fields.date).toBe('2019-06-17T00:00:00+02:00');
    expect(p.fieldSources.date).toBe('article:published_time');
  });

  test('readJsonLd keeps dateModified, also from a script that is not valid JSON', () => {
    expect(readJsonLd(['{"datePublished": "2020-01-01", "dateModified": "2020-02-02"}']).dateModified).toBe(
      '2020-02-02',
    );
    expect(readJsonLd(['{"dateModified": "2020-02-02", oops}']).dateModified).toBe('2020-02-02');
  });
});

describe('a UTC timestamp and the written day', () => {
  test('before noon UTC the local day may be the day before; after noon, the day after', () => {
    expect(page(og('2022-05-04T00:53:29Z'), '3 de mayo de 2022').fields.date).toBe('2022-05-03');
    expect(page(og('2020-07-11T16:00:00+00:00'), '2020年7月12日').fields.date).toBe('2020-07-12');
  });

  test('the other direction, or a timestamp with a local offset, keeps the stated day', () => {
    expect(page(og('2022-05-04T20:00:00Z'), '3 May 2022').fields.date).toBe('2022-05-04T20:00:00Z');
    expect(page(og('2020-05-04T14:50:00+02:00'), '3 May 2020').fields.date).toBe('2020-05-04T14:50:00+02:00');
  });
});

describe('the most frequent day in the page', () => {
  test('the day written most often in attributes, addresses and text; a tie goes to the latest', () => {
    const html =
      '<div data-created="2019-03-02"><img src="/img/2019/03/02/a.jpg"></div><p>2019-03-02</p><p>1.11.2019</p>';
    expect(frequentDay(html)).toBe('2019-03-02');
    expect(frequentDay('<p>2019-03-02</p><p>02.04.2019</p>')).toBe('2019-04-02');
    expect(frequentDay('<p>2019/3/2</p><p>2019.03.02</p>')).toBe('2019-03-02');
  });

  test('no day: mixed separators, digits run on, years out of range', () => {
    expect(frequentDay('<p>2019-03/02 12019-03-02 2019-03-021 1990-01-01 2019-13-01</p>')).toBeUndefined();
  });

  test('the last resort of extractHtml, left out with textDate: false', () => {
    const html = `<html><body><div data-time="2016-11-04T10:00"><h1>Review</h1>${ARTICLE}</div><span data-d="2016-11-04"></span></body></html>`;
    expect(extractHtml(html).fields.date).toBe('2016-11-04');
    expect(extractHtml(html).fieldSources.date).toBe('most frequent day in the page');
    expect(extractHtml(html, { textDate: false }).fields.date).toBeUndefined();
  });
});
