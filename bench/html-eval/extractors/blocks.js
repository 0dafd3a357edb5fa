// A block-level main-text prototype on htmlparser2's streaming parser: each line is judged by its
// length, link density and the class/id names around it; the element whose lines add up to the most
// good text, less the bad, is the article; its good lines are the body, every other line boilerplate.
import { pageLines } from '../lib/lines.js';

/** @typedef {import('../lib/lines.js').Line} Line */

// Tags and class/id/role words of containers that are not the article.
const BOILER_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'header']);
const BOILER_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|share|sharing|social|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|signup|related|recommended|recirculation|more-stories|comment|comments|disqus|breadcrumbs?|pagination|pager|tags|promo|advert|advertisement|ads|ad|banner|popup|modal|toolbar|masthead|skip|login|paywall|author-bio|byline|dateline|caption|credit|meta|rating|teaser)(?:$|[\s_-])/;
const CONTENT_WORDS =
  /(?:^|[\s_-])(?:article|articlebody|article-body|story|story-body|entry-content|post-content|post-body|content-body|main-content|text)(?:$|[\s_-])/;
// Off by default: measured no better (README).
const JSON_LD = process.env.JSON_LD === '1';
const CLIMB = Number(process.env.CLIMB ?? 0);
const SIBLING = Number(process.env.SIBLING ?? 0.2);
const CONTENT_BONUS = Number(process.env.CONTENT_BONUS ?? 1.5);
// Short lines that are furniture wherever they stand.
const FURNITURE =
  /^(?:advertisement|anzeige|werbung|publicité|share|share this|tweet|email|print|read more|more|related|related articles|see also|comments?|close|menu|home|subscribe|sign in|log in|sign up|loading|continue reading|skip to content)\W*$/i;

// Site notices (cookies, rights, newsletters) and picture credits, in the languages of the sets.
const NOTICE =
  /cookie|©|copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|derechos reservados|newsletter|abonnieren|subscribe to|sign up for|inscrivez-vous|javascript/i;
// Lead-ins of "more to read" lists.
const MORE =
  /^(?:lesen sie auch|lies auch|mehr zum thema|das könnte dich|weitere artikel|read also|read more|see also|related|you may also like|more from|more stories|lire aussi|à lire aussi|leer más|lee también|leggi anche|zobacz też|czytaj też)\b/i;
const CAPTION =
  /^(?:foto|photo|bild|image|credit|quelle|source|fotos|photos|picture|getty images|reuters|ap photo)\b\s*[:/©]/i;

/**
 * Marks each element boilerplate (its own names or an ancestor's) and content-named.
 * @param {import('../lib/lines.js').Element[]} elements
 */
function markElements(elements) {
  const boiler = new Uint8Array(elements.length);
  const content = new Uint8Array(elements.length);
  for (const [i, e] of elements.entries()) {
    // <html> and <body> classes describe the page layout ("has-sidebar"), not a block.
    const named = e.tag !== 'body' && e.tag !== 'html';
    content[i] = e.tag === 'article' || e.tag === 'main' || (named && CONTENT_WORDS.test(e.attrs)) ? 1 : 0;
    const own = BOILER_TAGS.has(e.tag) || (named && BOILER_WORDS.test(e.attrs) && content[i] === 0);
    // A content-named element inside a boilerplate-named one starts afresh (wrappers are misnamed).
    boiler[i] = own || (e.parent >= 0 && boiler[e.parent] === 1 && content[i] === 0) ? 1 : 0;
  }
  return { boiler, content };
}

/**
 * How much a line says "article" (positive) or "furniture" (negative).
 * @param {Line} line
 * @param {boolean} boiler
 */
function lineValue(line, boiler) {
  const len = line.text.length;
  const density = line.links / len;
  if (density > 0.5 || FURNITURE.test(line.text)) return -len;
  if (len < 200 && (NOTICE.test(line.text) || CAPTION.test(line.text) || MORE.test(line.text))) return -len;
  if (boiler) return -len / 2;
  if (len >= 80) return len;
  if (len >= 30 && density < 0.3) return len / 2;
  return 0;
}

/**
 * jusText's context rule: a short kept line stays only between good lines (a heading only before
 * one); at the edges of the article short lines are datelines, "related" headings and captions.
 * @param {Line[]} lines
 * @param {number[]} values
 * @param {boolean[]} isBoiler
 */
function settleShortLines(lines, values, isBoiler) {
  const good = (/** @type {number} */ i) => !isBoiler[i] && (values[i] ?? 0) > 0;
  /** @param {number} i @param {number} step */
  const nextJudged = (i, step) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      if (isBoiler[j] || values[j] !== 0) return good(j);
    }
    return false;
  };
  for (const [i, line] of lines.entries()) {
    if (isBoiler[i] || values[i] !== 0) continue;
    const heading = /^h[1-6]$/.test(line.tag);
    if (!nextJudged(i, 1) || (!heading && !nextJudged(i, -1))) isBoiler[i] = true;
  }
}

/**
 * The JSON-LD `articleBody` a page declares, if any.
 * @param {unknown} node
 * @returns {string | undefined}
 */
function articleBodyOf(node) {
  if (Array.isArray(node)) return node.map(articleBodyOf).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const o = /** @type {Record<string, unknown>} */ (node);
  if (typeof o.articleBody === 'string') return o.articleBody;
  return articleBodyOf(o['@graph']) ?? articleBodyOf(o.mainEntity);
}

/** @param {string} s */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Where the page declares its article text (JSON-LD `articleBody`), the lines found in it are
 * body; when they cover most of it, the lines not in it are boilerplate.
 * @param {Line[]} lines
 * @param {boolean[]} isBoiler
 * @param {string[]} why
 * @param {string[]} jsonLd
 */
function followArticleBody(lines, isBoiler, why, jsonLd) {
  let body;
  for (const script of jsonLd) {
    try {
      body = articleBodyOf(JSON.parse(script));
    } catch {
      continue;
    }
    if (body) break;
  }
  if (!body || body.length < 200) return;
  const declared = squash(body);
  const inBody = lines.map((l) => l.text.length >= 20 && declared.includes(squash(l.text).slice(0, 80)));
  const covered = lines.reduce((n, l, i) => n + (inBody[i] ? l.text.length : 0), 0);
  const all = covered >= Number(process.env.LD_COVER ?? 0.8) * declared.length;
  lines.forEach((_, i) => {
    if (inBody[i]) {
      isBoiler[i] = false;
      why[i] = '';
    } else if (all && !isBoiler[i]) {
      isBoiler[i] = true;
      why[i] = 'not in the JSON-LD articleBody';
    }
  });
}

/**
 * The page's lines, each marked boilerplate or not, and the body (the lines that are not).
 * @param {string} html
 */
export function classify(html) {
  const { lines, elements, jsonLd, title } = pageLines(html);
  const { boiler, content } = markElements(elements);
  const score = new Float64Array(elements.length);
  const values = lines.map((l) => lineValue(l, l.element >= 0 && boiler[l.element] === 1));
  // Parents in a typed array: this walk runs lines × depth times.
  const parents = Int32Array.from(elements, (e) => e.parent);
  lines.forEach((l, i) => {
    const v = values[i] ?? 0;
    for (let e = l.element; e >= 0; e = parents[e] ?? -1) score[e] = (score[e] ?? 0) + v;
  });
  // A container the site itself names as the article wins over one with a little more text.
  const weighed = (/** @type {number} */ i) => (score[i] ?? 0) * (content[i] ? CONTENT_BONUS : 1);
  let best = -1;
  for (let i = 0; i < elements.length; i++) {
    if (best < 0 || weighed(i) > weighed(best)) best = i;
  }
  // Climb while the parent holds nearly as much net good text: the rest of it is article too
  // (a recipe's ingredients, an intro above the body) and costs little furniture.
  for (let up = parents[best] ?? -1; CLIMB > 0 && best >= 0 && up >= 0; up = parents[best] ?? -1) {
    if ((score[up] ?? 0) < CLIMB * (score[best] ?? 0) || elements[up]?.tag === 'body') break;
    best = up;
  }
  const inBest = new Uint8Array(elements.length);
  for (let i = 0; i < elements.length; i++) {
    const parent = parents[i] ?? -1;
    // Readability's sibling rule: an article split by an ad slot continues in a sibling element.
    const sibling =
      SIBLING > 0 &&
      i !== best &&
      parent >= 0 &&
      parent === parents[best] &&
      boiler[i] === 0 &&
      (score[i] ?? 0) >= SIBLING * (score[best] ?? 0);
    inBest[i] = i === best || sibling || (parent >= 0 && inBest[parent] === 1) ? 1 : 0;
  }
  // Why each line is boilerplate ('' when it is not), for the diagnostics in lib/.
  /** @type {string[]} */
  const why = lines.map((l, i) => {
    if (l.element < 0 || inBest[l.element] === 0) return 'outside the article';
    if ((values[i] ?? 0) < 0) return 'links, notice or furniture';
    if (boiler[l.element] === 1 && best >= 0 && boiler[best] === 0) return 'boilerplate-named block';
    return '';
  });
  const isBoiler = why.map((w) => w !== '');
  settleShortLines(lines, values, isBoiler);
  isBoiler.forEach((b, i) => {
    if (b && why[i] === '') why[i] = 'short line at the edge';
  });
  if (JSON_LD) followArticleBody(lines, isBoiler, why, jsonLd);
  return { lines, isBoiler, why, title };
}

/**
 * @param {string} html
 * @returns {{ body: string }}
 */
export function extract(html) {
  const { lines, isBoiler } = classify(html);
  return {
    body: lines
      .filter((_, i) => !isBoiler[i])
      .map((l) => l.text)
      .join('\n'),
  };
}
