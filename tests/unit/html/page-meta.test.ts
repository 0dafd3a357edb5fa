// The metadata a page states, each field with where it was found: title, date, source, url and
// the declared language, in the order of the issue, the site's name stripped from <title>.
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../src/core/input/html/extract.js';

const BODY = '<body><p>Some text of the page, long enough to read as the article of it.</p></body>';
const page = (head: string, body = BODY, url?: string) =>
  extractHtml(`<html><head>${head}</head>${body}</html>`, url === undefined ? {} : { url });
const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('title', () => {
  test('og:title first, then JSON-LD headline, then <h1>, then <title>', () => {
    const og = '<meta property="og:title" content="From OG">';
    const json = ld({ '@type': 'NewsArticle', headline: 'From JSON-LD' });
    const h1 = '<body><h1>From H1</h1><p>text</p></body>';
    const title = '<title>From Title</title>';
    expect(page(og + json + title, h1).fieldSources.title).toBe('og:title');
    expect(page(og + json + title, h1).fields.title).toBe('From OG');
    expect(page(json + title, h1).fields).toMatchObject({ title: 'From JSON-LD' });
    expect(page(json + title, h1).fieldSources.title).toBe('JSON-LD headline');
    expect(page(title, h1).fields.title).toBe('From H1');
    expect(page(title, h1).fieldSources.title).toBe('<h1>');
    expect(page(title).fields.title).toBe('From Title');
    expect(page(title).fieldSources.title).toBe('<title>');
  });

  test("<title> loses the site's name: a short last part, or the part that is the site's name", () => {
    expect(page('<title>Rivers rise across the valley | Le Monde</title>').fields.title).toBe(
      'Rivers rise across the valley',
    );
    expect(page('<title>Rivers rise across the valley - BBC News</title>').fields.title).toBe(
      'Rivers rise across the valley',
    );
    const named = '<meta property="og:site_name" content="The Courier">';
    expect(page(`${named}<title>The Courier | Rivers rise</title>`).fields.title).toBe('Rivers rise');
    // A last part as long as a headline is not a site's name.
    expect(page('<title>Storm - the worst the valley has seen in twenty long years</title>').fields.title).toBe(
      'Storm - the worst the valley has seen in twenty long years',
    );
    expect(page('<title>Only a name</title>').fields.title).toBe('Only a name');
  });

  test('a JSON-LD headline is found in an @graph, in a script with raw newlines in its strings', () => {
    const script =
      '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, {"headline": "Two\nlines"}]}</script>';
    expect(page(script).fields.title).toBe('Two lines');
  });
});

describe('date', () => {
  test('each source and its name, as ISO 8601', () => {
    const cases: Array<[string, string, string, string?]> = [
      [ld({ datePublished: '2021-03-04T10:20:30+01:00' }), '2021-03-04T10:20:30+01:00', 'JSON-LD datePublished'],
      ['<meta property="article:published_time" content="2021-03-05">', '2021-03-05', 'article:published_time'],
      ['<meta name="DC.date" content="2021-03-06">', '2021-03-06', 'meta dc.date'],
      ['<meta name="date" content="7 March 2021">', '2021-03-07', 'meta date'],
    ];
    for (const [head, date, source] of cases) {
      const p = page(head);
      expect(p.fields.date).toBe(date);
      expect(p.fieldSources.date).toBe(source);
    }
    const time = page('', '<body><time datetime="2021-03-08T09:00Z">8 March</time><p>text</p></body>');
    expect(time.fields.date).toBe('2021-03-08T09:00Z');
    expect(time.fieldSources.date).toBe('<time datetime>');
    const micro = page('', '<body><span itemprop="datePublished" content="2021-03-09">9.3.</span></body>');
    expect(micro.fieldSources.date).toBe('microdata datePublished');
    expect(micro.fields.date).toBe('2021-03-09');
  });

  test('a date in the URL path: the given URL, else the canonical one', () => {
    const given = page('', BODY, 'https://example.com/news/2020/06/24/rivers-rise.html');
    expect(given.fields.date).toBe('2020-06-24');
    expect(given.fieldSources.date).toBe('URL path');
    const canonical = page('<link rel="canonical" href="https://example.com/2019-11-20-rivers">');
    expect(canonical.fields.date).toBe('2019-11-20');
    expect(canonical.fieldSources.date).toBe('URL path');
    // Digits in the host or the query are no date.
    expect(page('', BODY, 'https://example.com/item?d=2019-11-20').fields.date).toBeUndefined();
  });

  test("the text's date comes last: the first after the <h1>, or none with textDate: false", () => {
    const html =
      '<html><body><p>Site updated 1 May 2020</p><h1>Headline</h1><p>Published 3 June 2020</p></body></html>';
    expect(extractHtml(html).fields.date).toBe('2020-06-03');
    expect(extractHtml(html).fieldSources.date).toBe('text after <h1>');
    expect(extractHtml(html, { textDate: false }).fields.date).toBeUndefined();
  });

  test('a UTC timestamp a day off the day the page writes by its headline takes the written day', () => {
    const html =
      '<html><head><meta property="article:published_time" content="2022-05-04T01:30:00Z"></head>' +
      '<body><h1>Headline</h1><p>3 de mayo de 2022</p></body></html>';
    expect(extractHtml(html).fields.date).toBe('2022-05-03');
  });

  test('a value that is no date is left out', () => {
    expect(page('<meta property="article:published_time" content="soon">').fields.date).toBeUndefined();
  });
});

describe('source and url', () => {
  test('og:site_name, then JSON-LD publisher (by name or by @id), then the canonical host', () => {
    expect(page('<meta property="og:site_name" content="The Courier">').fields.source).toBe('The Courier');
    expect(page('<meta property="og:site_name" content="The Courier">').fieldSources.source).toBe('og:site_name');
    const byName = page(ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Courier Ltd' } }));
    expect(byName.fields.source).toBe('Courier Ltd');
    expect(byName.fieldSources.source).toBe('JSON-LD publisher');
    const byId = page(
      ld({
        '@graph': [
          { '@type': 'Article', publisher: { '@id': '#org' } },
          { '@id': '#org', name: 'Org' },
        ],
      }),
    );
    expect(byId.fields.source).toBe('Org');
    const host = page('<link rel="canonical" href="https://www.courier.example/a">');
    expect(host.fields.source).toBe('courier.example');
    expect(host.fieldSources.source).toBe('canonical URL host');
  });

  test('url: <link rel=canonical>, og:url, else the one given', () => {
    const both = page(
      '<link rel="canonical" href="/story/1"><meta property="og:url" content="https://b.example/og">',
      BODY,
      'https://a.example/x',
    );
    expect(both.fields.url).toBe('https://a.example/story/1');
    expect(both.fieldSources.url).toBe('<link rel=canonical>');
    const og = page('<meta property="og:url" content="https://b.example/og">');
    expect(og.fields.url).toBe('https://b.example/og');
    expect(og.fieldSources.url).toBe('og:url');
    expect(page('', BODY, 'https://a.example/x').fields.url).toBe('https://a.example/x');
    expect(page('').fields.url).toBeUndefined();
  });
});

describe('declared language', () => {
  test('<html lang> as written', () => {
    expect(extractHtml('<html lang="pt-BR"><body><p>Olá</p></body></html>').lang).toBe('pt-BR');
    expect(extractHtml('<html><body><p>x</p></body></html>').lang).toBeUndefined();
  });
});
