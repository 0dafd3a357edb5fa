// The text an HTML page reads as: one block a line, a blank line between blocks, `<br>` lines in
// one paragraph, entities decoded, white space folded, invisible and non-content elements dropped;
// malformed pages never throw.
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../src/core/input/html/extract.js';

const text = (html: string): string => extractHtml(html).text;

describe('the visible text', () => {
  test('each block element is a paragraph: a blank line between blocks', () => {
    expect(text('<body><h1>Title</h1><p>First paragraph.</p><div>Second block</div></body>')).toBe(
      'Title\n\nFirst paragraph.\n\nSecond block',
    );
  });

  test('a <br> ends a line inside its paragraph; two of them end the paragraph', () => {
    expect(text('<p>line one<br>line two<br/>line three</p><p>next</p>')).toBe(
      'line one\nline two\nline three\n\nnext',
    );
    expect(text('<p>verse one<br><br>verse two</p>')).toBe('verse one\n\nverse two');
  });

  test('inline elements stay in their line; white space runs fold and lines are trimmed', () => {
    expect(text('<p>  A <b>bold</b>\n\t<a href="/x">link</a>   and <em>more</em>  </p>')).toBe('A bold link and more');
  });

  test('entities are decoded', () => {
    expect(text('<p>caf&eacute; &amp; cr&#232;me &lt;b&gt; &#x201C;q&#x201D; &nbsp;x</p>')).toBe(
      'café & crème <b> “q” x',
    );
  });

  test('script, style, noscript, template, svg and form controls are dropped', () => {
    const html =
      '<body><script>var a = "<p>no</p>";</script><style>p { color: red }</style><noscript>Enable JS</noscript>' +
      '<template><p>tpl</p></template><svg><text>svg text</text></svg><p>Kept</p>' +
      '<form><select><option>Opt</option></select><button>Send</button><textarea>ta</textarea></form></body>';
    expect(text(html)).toBe('Kept');
  });

  test('hidden elements and ruby readings are not visible text', () => {
    expect(
      text('<p hidden>gone</p><div style="display: none">gone too</div><p aria-hidden="true">x</p><p>seen</p>'),
    ).toBe('seen');
    expect(text('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>')).toBe('子ども');
  });

  test('the head gives no text, only metadata', () => {
    expect(text('<html><head><title>T</title><meta name="x" content="y"></head><body><p>Body</p></body></html>')).toBe(
      'Body',
    );
  });

  test('line ends are \\n and there is no blank line at either end', () => {
    const t = text('\r\n<p>a</p>\r\n\r\n<p>b</p>\r\n');
    expect(t).toBe('a\n\nb');
  });
});

describe('pages that are not well formed', () => {
  test('an empty page gives empty text and no boilerplate', () => {
    expect(extractHtml('')).toEqual({ text: '', boilerplate: [], fields: {}, fieldSources: {} });
  });

  test('unclosed tags, stray end tags and garbage bytes never throw', () => {
    const pages = [
      '<div><p>open<div>deeper<span>more',
      '</div></div><p>after stray</p></span></article>',
      '<p>a\u0000b\uFFFD\uD800c</p><<>><!-- unclosed comment',
      '<script>never closed <p>x</p>',
      '<html lang><meta property="og:title"><link rel="canonical"><time datetime>',
      '<script type="application/ld+json">{"headline": </script><p>x</p>',
    ];
    for (const html of pages) expect(() => extractHtml(html)).not.toThrow();
    expect(text('</div></div><p>after stray</p></span></article>')).toBe('after stray');
    expect(text('<div><p>open<div>deeper<span>more')).toBe('open\n\ndeepermore');
  });

  test('a page nested thousands deep keeps every line, in order', () => {
    const html = `${'<div>x '.repeat(3000)}${'</div>'.repeat(3000)}<p>end</p>`;
    const page = extractHtml(html);
    const lines = page.text.split('\n\n');
    expect(lines).toHaveLength(3001);
    expect(lines.slice(0, 3000).every((l) => l === 'x')).toBe(true);
    expect(lines[3000]).toBe('end');
  });
});
