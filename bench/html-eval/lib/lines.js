// Streams an HTML page through htmlparser2 into visible-text lines (one block element a line, <br>
// too) and a flat element table, so a page's lines can be judged by the elements around them.
import { dep } from './deps.js';

const { Parser } = dep('htmlparser2');

// Elements whose text is never visible or never content.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'option',
  'textarea',
  'button',
  'head',
  'input',
  'video',
  'audio',
]);
// Elements that end a line when they open or close.
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'center',
  'html',
]);
const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'wbr',
]);

/**
 * @typedef {object} Element
 * @property {string} tag
 * @property {number} parent     index in the table, -1 for the root
 * @property {string} attrs      class, id, role and itemprop, lower-cased, space-separated
 */
/**
 * @typedef {object} Line
 * @property {string} text       white space collapsed
 * @property {number} links      characters inside <a>
 * @property {number} element    the innermost element open when the line ended
 * @property {string} tag        the innermost block element around it
 */

/**
 * The page's visible lines and its element table.
 * @param {string} html
 * @returns {{ lines: Line[], elements: Element[], jsonLd: string[], title: string }}
 */
export function pageLines(html) {
  /** @type {Element[]} */
  const elements = [];
  /** @type {Line[]} */
  const lines = [];
  /** @type {number[]} */
  const stack = [];
  /** @type {string[]} */
  const blockTags = [];
  let skip = 0;
  let inLink = 0;
  let text = '';
  let links = 0;
  let title = '';
  let inTitle = false;
  /** @type {string[]} */
  const jsonLd = [];
  let inLd = false;
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) {
      lines.push({
        text: t,
        links: Math.min(links, t.length),
        element: stack[stack.length - 1] ?? -1,
        tag: blockTags[blockTags.length - 1] ?? '',
      });
    }
    text = '';
    links = 0;
  };
  const parser = new Parser(
    {
      /** @param {string} name @param {Record<string, string>} a */
      onopentag(name, a) {
        if (name === 'title') inTitle = true;
        if (name === 'script' && (a.type ?? '').toLowerCase() === 'application/ld+json') {
          inLd = true;
          jsonLd.push('');
        }
        if (skip > 0 || SKIP.has(name)) {
          if (!VOID.has(name)) skip++;
          return;
        }
        if (BLOCK.has(name)) flush();
        if (name === 'a') inLink++;
        if (VOID.has(name)) return;
        const attrs = `${a.class ?? ''} ${a.id ?? ''} ${a.role ?? ''} ${a.itemprop ?? ''}`.toLowerCase();
        elements.push({ tag: name, parent: stack[stack.length - 1] ?? -1, attrs });
        stack.push(elements.length - 1);
        if (BLOCK.has(name)) blockTags.push(name);
      },
      /** @param {string} data */
      ontext(data) {
        if (inTitle) title += data;
        if (inLd) jsonLd[jsonLd.length - 1] += data;
        if (skip > 0) return;
        text += data;
        if (inLink > 0) links += data.trim().length;
      },
      /** @param {string} name */
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script') inLd = false;
        if (skip > 0) {
          if (!VOID.has(name)) skip--;
          return;
        }
        if (name === 'a' && inLink > 0) inLink--;
        if (BLOCK.has(name)) flush();
        if (VOID.has(name)) return;
        // htmlparser2 closes implied elements in order, so the top of the stack is this element.
        if (elements[stack[stack.length - 1] ?? -1]?.tag === name) {
          stack.pop();
          if (BLOCK.has(name)) blockTags.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { lines, elements, jsonLd, title: title.replace(/\s+/g, ' ').trim() };
}
