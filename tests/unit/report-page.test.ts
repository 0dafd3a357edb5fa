// The report page as built from a summary and a table of documents: every string from the corpus
// escaped (a title may hold `</script>`), the JSON of the table parsed back whole, nothing that
// would fetch anything, the figures of the summary, and the sentence that states the sample.
import { describe, expect, test } from 'vitest';
import type { AnalysedDocument } from '../../src/core/analyse/analyse-document.js';
import { reportData, type ReportData } from '../../src/core/report/index.js';
import { reportPage, sampleSentence } from '../../src/format/report/page.js';
import { binLabel } from '../../src/format/report/charts.js';
import { escapeHtml, scriptJson } from '../../src/format/report/escape.js';
import type { DocumentRecord } from '../../src/core/types.js';
import { parseHTML } from 'linkedom';
import { rec } from '../helpers/record.js';

const HOSTILE_TITLE = '</script><script>alert(1)</script><!--';
const HOSTILE_SOURCE = '<img src=x onerror=alert(2)> & "Co"';
const HOSTILE_LINE = 'Menu </script><b>bold</b> \u2028 end';

function doc(n: number, over: Partial<DocumentRecord>, lines: string[]): AnalysedDocument {
  const text = lines.join('\n');
  const words = text.split(/\s+/).filter(Boolean).length;
  return {
    record: rec({ id: `doc-${n}`, hash: `h${n}`, words, ...over }),
    lines,
    paragraphs: lines.filter((_, i) => !(over.boilerplate ?? []).includes(i + 1)),
    lede: '',
    text,
    edges: [],
    recurringHits: [],
    signature: null,
  };
}

async function* corpus(): AsyncGenerator<AnalysedDocument> {
  yield doc(
    0,
    {
      title: HOSTILE_TITLE,
      source: HOSTILE_SOURCE,
      date: '2023-01-05',
      lang: 'eng',
      words: 12,
      boilerplate: [1],
      boilerplateKinds: ['page'],
    },
    [HOSTILE_LINE, 'The minister spoke about the harbour and the ships in the harbour today.'],
  );
  yield doc(1, { title: 'Second', source: 'Daily', date: '2023-03', lang: 'eng', flags: ['short'] }, [
    'Ships left the harbour early in the morning.',
  ]);
  yield doc(2, { title: null, date: null, lang: 'fra', flags: ['no-date', 'no-title'] }, [
    'Les navires ont quitté le port ce matin.',
  ]);
}

async function hostileReport(): Promise<{ data: ReportData; html: string }> {
  const data = await reportData(corpus(), {
    top: 10,
    languageName: (c) => ({ eng: 'English', fra: 'French' })[c] ?? null,
  });
  const html = reportPage(data, {
    top: 10,
    version: '9.9.9',
    generated: '2026-01-01 00:00 UTC',
    corpus: 'news/ --lang <x>',
    languageName: (c) => ({ eng: 'English', fra: 'French' })[c] ?? null,
  });
  return { data, html };
}

function embeddedJson(html: string): { textCap: number; rows: unknown[][]; languages: Record<string, string> } {
  const start = html.indexOf('<script type="application/json" id="report-data">');
  const open = html.indexOf('>', start) + 1;
  return JSON.parse(html.slice(open, html.indexOf('</script>', open)));
}

describe('the report page', () => {
  test('hostile titles, sources and lines are escaped everywhere, and no script ends early', async () => {
    const { html } = await hostileReport();
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).not.toContain('<!--');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;Co&quot;');
    expect(html).toContain('news/ --lang &lt;x&gt;');
  });

  test('the table travels as JSON that parses back to the corpus strings as they were', async () => {
    const { html } = await hostileReport();
    const json = embeddedJson(html);
    expect(json.rows).toHaveLength(3);
    const [first] = json.rows;
    expect(first?.slice(0, 7)).toEqual(['doc-0', '2023-01-05', 'eng', HOSTILE_SOURCE, HOSTILE_TITLE, 12, []]);
    expect(first?.[7]).toBe(
      `${HOSTILE_LINE}\nThe minister spoke about the harbour and the ships in the harbour today.`,
    );
    expect(first?.[9]).toEqual([[1, 'page']]);
    expect(json.languages).toEqual({ eng: 'English', fra: 'French' });
    expect(json.textCap).toBe(20_000);
  });

  test('nothing in the page is fetched: no external source, link, font or style sheet', async () => {
    const { html } = await hostileReport();
    const { document } = parseHTML(html);
    const links = [...document.querySelectorAll('[src], [href], [srcset], [action], [poster]')].map(
      (e) => `${e.tagName} ${e.getAttribute('src') ?? e.getAttribute('href') ?? '?'}`,
    );
    expect(links.filter((l) => !/ (?:#|data:)/.test(l))).toEqual([]);
    // The hostile source made no element of its own: it is text.
    expect(document.querySelectorAll('img, iframe, object, embed, b')).toHaveLength(0);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain(`content="default-src 'none';`);
  });

  test('the figures of the summary are in the page, the charts drawn with their tables', async () => {
    const { html, data } = await hostileReport();
    expect(data.summary.overview.documents).toBe(3);
    expect(html).toContain('<title>Corpus report: 3 documents</title>');
    expect(html).toContain('<tr><td>documents</td><td class="n">3</td></tr>');
    for (const id of ['timeline', 'languages', 'sources', 'lengths'])
      expect(html).toContain(`<figure id="chart-${id}">`);
    // The timeline: one bar a month from January to March 2023, drawn by Plot.
    expect(html).toMatch(/<svg[^>]*class="plot-[0-9a-f]+"/);
    expect(html).toContain('<tr><td>2023-02</td><td class="n">0</td></tr>');
    expect(html).toContain(
      '2 dated documents per month, from 2023-01 to 2023-03; the most in 2023-01 (1). 1 document without a date.',
    );
    expect(html).toContain('<tr><td>English (eng)</td><td class="n">2</td></tr>');
    expect(html).toContain('<option value="fra">French (fra)</option>');
  });

  test('the sample is stated: all documents, or the sample and the flagged ones', async () => {
    const { data } = await hostileReport();
    expect(sampleSentence(data)).toBe(
      'The table holds every document of the corpus (3). Each document keeps the first 20,000 bytes of its text at most.',
    );
    const big = {
      ...data,
      rule: { documents: 100_000, sampled: 2000, flagged: 4600, flaggedKept: 4000, rows: 5930, textCap: 1011 },
    };
    expect(sampleSentence(big)).toBe(
      'The table holds 5,930 of the 100,000 documents: 2,000 drawn at random (a uniform sample, the same for the ' +
        'same corpus) and every document with a flag other than no-date and no-title (4,600), the first 4,000 of ' +
        'them in corpus order (600 more are not in the table: list --flag finds them). Each document keeps the ' +
        'first 1,011 bytes of its text at most.',
    );
  });
});

describe('the escapes', () => {
  test('HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('JSON in a script element cannot close it, and parses back', () => {
    const value = { t: '</script><!-- \u2028\u2029' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  test('length bins are labelled with their bounds', () => {
    expect(binLabel(200, 500)).toBe('200–499');
    expect(binLabel(1000, 2000)).toBe('1,000–1,999');
    expect(binLabel(5000, null)).toBe('5,000+');
  });
});
