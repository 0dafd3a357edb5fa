// Which lines of a page are its main content: each line is valued by its length, link density and
// wording; the values add up the element tree, and the element with the most net good text (more
// when the site names it the article) is the article. Lines outside it, furniture and notices in
// it, picture captions, and blocks in it the site names as widgets are boilerplate; short lines
// stay only between good ones, as in jusText; the lead between the headline and the article is
// kept. A container holding most of the page's prose is layout, whatever its name. Measured in
// bench/html-eval (README there).

import type { PageElement, PageLine } from './parse-lines.js';
import { FURNITURE, lineNotice } from './line-kinds.js';

/** Tags of containers that are not the article. */
const BOILER_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'header']);
/** class/id/role words of containers that are not the article. */
const BOILER_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|share|sharing|social|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|signup|related|recommended|recirculation|more-stories|comment|comments|disqus|breadcrumbs?|pagination|pager|tags|promo|advert|advertisement|ads|ad|banner|popup|modal|toolbar|masthead|skip|login|paywall|author-bio|byline|dateline|caption|credit|meta|rating|teaser)(?:$|[\s_-])/;
/** class/id words of the article's own container. */
const CONTENT_WORDS =
  /(?:^|[\s_-])(?:article|articlebody|article-body|story|story-body|entry-content|post-content|post-body|content-body|main-content|text)(?:$|[\s_-])/;

/** How much more a container the site names as the article weighs (measured: 1.1 → 1.5, +0.017 F1). */
const CONTENT_BONUS = 1.5;
/** A sibling of the article holding this share of its value continues it (Readability's rule). */
const SIBLING = 0.2;
/** Reading lengths (text-size.ts) of a long and a medium line. */
const LONG = 80;
const MEDIUM = 30;

/**
 * A container holding this share of the page's prose is the page's layout, whatever its name: an
 * ASP.NET page's all-wrapping `<form>`, a `main with-navigation` wrapper.
 */
const WRAPPER_SHARE = 0.5;

/** A wrapper holds at least this many lines of prose: one long notice is no page layout. */
const WRAPPER_LINES = 3;

/** The prose (medium or long lines, few links) each element holds, its lines, and the page's total. */
function proseMass(lines: PageLine[], parents: Int32Array): { mass: Float64Array; count: Uint32Array; total: number } {
  const mass = new Float64Array(parents.length);
  const count = new Uint32Array(parents.length);
  let total = 0;
  for (const l of lines) {
    if (l.size < MEDIUM || l.links / l.text.length >= 0.3) continue;
    total += l.size;
    for (let e = l.element; e >= 0; e = parents[e] as number) {
      mass[e] = (mass[e] as number) + l.size;
      count[e] = (count[e] as number) + 1;
    }
  }
  return { mass, count, total };
}

/** Marks each element boilerplate-named (its own names or an ancestor's) and content-named. */
function markElements(
  elements: PageElement[],
  prose: { mass: Float64Array; count: Uint32Array; total: number },
): { boiler: Uint8Array; content: Uint8Array } {
  const { mass, count, total } = prose;
  const boiler = new Uint8Array(elements.length);
  const content = new Uint8Array(elements.length);
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as PageElement;
    // <html> and <body> classes describe the layout ("has-sidebar"), not a block.
    const named = e.tag !== 'body' && e.tag !== 'html';
    content[i] = e.tag === 'article' || e.tag === 'main' || (named && CONTENT_WORDS.test(e.attrs)) ? 1 : 0;
    const wrapper = (mass[i] as number) > WRAPPER_SHARE * total && (count[i] as number) >= WRAPPER_LINES;
    const own = !wrapper && (BOILER_TAGS.has(e.tag) || (named && content[i] === 0 && BOILER_WORDS.test(e.attrs)));
    // A content-named element inside a boilerplate-named one starts afresh: wrappers are misnamed.
    boiler[i] = own || (e.parent >= 0 && boiler[e.parent] === 1 && content[i] === 0) ? 1 : 0;
  }
  return { boiler, content };
}

/** How much a line says "article" (positive) or "furniture" (negative). */
function lineValue(line: PageLine, inBoiler: boolean): number {
  const size = line.size;
  const density = line.links / line.text.length;
  if (density > 0.5 || FURNITURE.test(line.text)) return -size;
  if (size < 200 && lineNotice(line.text)) return -size;
  // A picture's caption is not the article's text (the benchmarks' truths leave captions out).
  if (line.tag === 'figcaption') return -size;
  if (inBoiler) return -size / 2;
  if (size >= LONG) return size;
  if (size >= MEDIUM && density < 0.3) return size / 2;
  return 0;
}

/**
 * jusText's context rule: a short line (value 0) stays only between good lines, a heading only
 * before one; at the article's edges short lines are datelines, "related" headings and captions.
 */
function settleShortLines(lines: PageLine[], values: Float64Array, isBoiler: Uint8Array): void {
  const n = lines.length;
  // The nearest judged line (boilerplate or non-zero) after each line: good or not.
  const goodAfter = new Uint8Array(n);
  const good = (i: number): number => (isBoiler[i] === 0 && (values[i] as number) > 0 ? 1 : 0);
  const judged = (i: number): boolean => isBoiler[i] === 1 || values[i] !== 0;
  for (let i = n - 2, next = 0; i >= 0; i--) {
    if (judged(i + 1)) next = good(i + 1);
    goodAfter[i] = next;
  }
  // Forward, so a short line dropped counts as a bad neighbour for the next one.
  for (let i = 0, goodBefore = 0; i < n; i++) {
    if (!judged(i)) {
      const heading = /^h[1-6]$/.test((lines[i] as PageLine).tag);
      if (goodAfter[i] === 0 || (!heading && goodBefore === 0)) isBoiler[i] = 1;
    }
    if (judged(i)) goodBefore = good(i);
  }
}

/** The element whose lines add up to the most good text, weighted; -1 when there is none. */
function bestElement(score: Float64Array, content: Uint8Array): number {
  let best = -1;
  let bestWeight = -Infinity;
  for (let i = 0; i < score.length; i++) {
    const w = (score[i] as number) * (content[i] === 1 ? CONTENT_BONUS : 1);
    if (w > bestWeight) {
      best = i;
      bestWeight = w;
    }
  }
  return best;
}

/**
 * Which lines (0-based indexes into `lines`) are not the page's main content.
 * A page with no element (text only) keeps every line that is not furniture.
 */
export function boilerplateLines(lines: PageLine[], elements: PageElement[]): Uint8Array {
  const parents = Int32Array.from(elements, (e) => e.parent);
  const { boiler, content } = markElements(elements, proseMass(lines, parents));
  const values = new Float64Array(lines.length);
  const score = new Float64Array(elements.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as PageLine;
    const v = lineValue(l, l.element >= 0 && boiler[l.element] === 1);
    values[i] = v;
    for (let e = l.element; e >= 0; e = parents[e] as number) score[e] = (score[e] as number) + v;
  }
  const best = bestElement(score, content);
  const inBest = new Uint8Array(elements.length);
  const bestParent = best >= 0 ? (parents[best] as number) : -2;
  const siblingFloor = best >= 0 ? SIBLING * (score[best] as number) : Infinity;
  // Parents come before children in the table, so one forward walk settles membership.
  for (let i = 0; i < elements.length; i++) {
    const parent = parents[i] as number;
    // An article split by an ad slot continues in a sibling element.
    const sibling = i !== best && parent === bestParent && boiler[i] === 0 && (score[i] as number) >= siblingFloor;
    inBest[i] = i === best || (sibling && siblingFloor > 0) || (parent >= 0 && inBest[parent] === 1) ? 1 : 0;
  }
  const bestIsBoiler = best >= 0 && boiler[best] === 1;
  const isBoiler = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const e = (lines[i] as PageLine).element;
    const outside = best >= 0 && (e < 0 || inBest[e] === 0);
    const named = e >= 0 && boiler[e] === 1 && !bestIsBoiler;
    isBoiler[i] = outside || (values[i] as number) < 0 || named ? 1 : 0;
  }
  keepStandfirst(lines, isBoiler);
  settleShortLines(lines, values, isBoiler);
  return isBoiler;
}

/**
 * The standfirst: sites put the article's lead between the headline and the body, in its
 * `<header>` or a teaser block the scorer leaves outside the article. At most this many lines
 * between the first `<h1>` and the article's first line are looked at, and of them only prose of
 * this reading length: a dateline, a byline or a caption is shorter. Measured on the `tune` half:
 * passages +0.003 (3 lines, 120), aeb ±0; more lines or shorter ones gain passages (up to +0.006)
 * and lose aeb as much (its truths leave the lead out more often than trafilatura's).
 */
const STANDFIRST_LINES = 3;
const STANDFIRST_SIZE = 120;

/** Keeps the standfirst: long prose lines just between the headline and the article's first line. */
function keepStandfirst(lines: PageLine[], isBoiler: Uint8Array): void {
  const first = isBoiler.indexOf(0);
  let h1 = -1;
  for (let i = first - 1; i >= 0 && i >= first - 1 - STANDFIRST_LINES; i--) {
    if ((lines[i] as PageLine).tag === 'h1') h1 = i;
  }
  if (h1 < 0) return;
  for (let i = h1 + 1; i < first; i++) {
    const l = lines[i] as PageLine;
    const prose = l.size >= STANDFIRST_SIZE && l.links / l.text.length < 0.3 && l.tag !== 'figcaption';
    if (prose && !FURNITURE.test(l.text) && !lineNotice(l.text)) isBoiler[i] = 0;
  }
}
