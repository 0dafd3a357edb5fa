// One streaming htmlparser2 pass over a page: its visible text as lines (one block element a line,
// `<br>` too), a flat table of the elements the lines stand in (so main-text.ts can judge a line
// by the blocks around it), and what the page's tags state about it (page-tags.ts).

import { createRequire } from 'node:module';
import type { Handler } from 'htmlparser2';

/**
 * htmlparser2's parser, loaded at the first page parsed rather than with this module: every run
 * loads the readers of every format, and a run that meets no page then pays nothing (importing
 * htmlparser2 costs ~20-30 ms of start-up, a quarter of `corpus list` on the seeds: bench).
 * require() of an ES module is synchronous from Node 20.19, which htmlparser2 12 needs anyway.
 */
let parserClass: typeof import('htmlparser2').Parser | undefined;
const loadParser = (): typeof import('htmlparser2').Parser =>
  (parserClass ??= (createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2')).Parser);
import { newPageTags, noteTag, type PageTags } from './page-tags.js';
import { textSize } from './text-size.js';

/** One element of the page, as main-text.ts needs it. */
export interface PageElement {
  tag: string;
  /** Index of the parent in the table, -1 for a root. */
  parent: number;
  /** `class`, `id`, `role` and `itemprop`, lower-cased, space-separated. */
  attrs: string;
}

/** One line of visible text. */
export interface PageLine {
  /** Trimmed, white space folded, entities decoded. */
  text: string;
  /** Reading length (text-size.ts): what the length thresholds compare. */
  size: number;
  /** Characters inside links. */
  links: number;
  /** The innermost element open when the line ended (-1: none). */
  element: number;
  /** The innermost block element around it. */
  tag: string;
  /** Ended by a `<br>` and followed by more text of the same block: the next line is in its paragraph. */
  br: boolean;
}

/** A page parsed: lines, elements and tags. */
export interface ParsedPage {
  lines: PageLine[];
  elements: PageElement[];
  tags: PageTags;
}

/** Elements whose text is never visible, or never content (form controls, embedded media, ruby readings). */
const SKIP = new Set(
  'script style noscript template svg math iframe object canvas select option textarea button head input video audio rt rp'.split(
    ' ',
  ),
);
/** Elements that end a line where they open and where they close. */
const BLOCK = new Set(
  (
    'address article aside blockquote body br caption center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table ' +
    'tbody td tfoot th thead tr ul'
  ).split(' '),
);
/** Elements without content: they get no place in the element table. */
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

const SPACES = /\s+/g;
/**
 * Elements nested deeper than this get no place in the table (their text goes to the deepest
 * one): the main-text walk costs lines × depth, and a hostile page may nest without end.
 */
const MAX_DEPTH = 400;
const DISPLAY_NONE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** An element the page hides: `hidden`, `aria-hidden=true`, an inline `display: none`. */
function isHidden(a: Record<string, string>): boolean {
  return 'hidden' in a || a['aria-hidden'] === 'true' || (a.style !== undefined && DISPLAY_NONE.test(a.style));
}

/** The parse's handler: builds the lines, the element table and the tags as events come. */
class PageBuilder implements Partial<Handler> {
  readonly elements: PageElement[] = [];
  readonly lines: PageLine[] = [];
  readonly tags = newPageTags();
  /** Open elements (indexes into `elements`) and open block tags. */
  private readonly stack: number[] = [];
  private readonly blockTags: string[] = [];
  /** Depth inside elements whose text is not visible. */
  private skip = 0;
  /** Elements open beyond {@link MAX_DEPTH}, not in the table. */
  private overflow = 0;
  private inLink = 0;
  private text = '';
  private links = 0;
  private inTitle = false;
  private inH1 = false;
  private inLd = false;

  /** Ends the current line (by a `<br>` or a block's edge). */
  flush(byBr: boolean): void {
    const t = this.text.replace(SPACES, ' ').trim();
    this.text = '';
    const links = this.links;
    this.links = 0;
    if (t === '') {
      // Nothing since the last line: a second <br> or a block's edge ends its paragraph.
      const last = this.lines[this.lines.length - 1];
      if (last !== undefined) last.br = false;
      return;
    }
    this.lines.push({
      text: t,
      size: textSize(t),
      links: Math.min(links, t.length),
      element: this.stack[this.stack.length - 1] ?? -1,
      tag: this.blockTags[this.blockTags.length - 1] ?? '',
      br: byBr,
    });
  }

  onopentag(name: string, a: Record<string, string>): void {
    noteTag(this.tags, name, a);
    if (name === 'title') this.inTitle = true;
    else if (name === 'script') this.inLd = (a.type ?? '').trim().toLowerCase() === 'application/ld+json';
    const isVoid = VOID.has(name);
    if (this.skip > 0 || SKIP.has(name) || (!isVoid && isHidden(a))) {
      if (!isVoid) this.skip++;
      if (this.inLd && name === 'script') this.tags.jsonLd.push('');
      return;
    }
    if (name === 'h1' && this.tags.h1Line < 0) {
      this.inH1 = true;
      this.tags.h1Line = this.lines.length;
    }
    const block = BLOCK.has(name);
    if (block) this.flush(name === 'br');
    if (name === 'a') this.inLink++;
    if (isVoid) return;
    if (this.stack.length >= MAX_DEPTH) {
      this.overflow++;
      return;
    }
    const attrs = `${a.class ?? ''} ${a.id ?? ''} ${a.role ?? ''} ${a.itemprop ?? ''}`.toLowerCase();
    this.elements.push({ tag: name, parent: this.stack[this.stack.length - 1] ?? -1, attrs });
    this.stack.push(this.elements.length - 1);
    if (block) this.blockTags.push(name);
  }

  ontext(data: string): void {
    if (this.inTitle) this.tags.title += data;
    if (this.skip > 0) {
      if (this.inLd) this.tags.jsonLd[this.tags.jsonLd.length - 1] += data;
      return;
    }
    if (this.inH1) this.tags.h1 += data;
    this.text += data;
    if (this.inLink > 0) this.links += data.trim().length;
  }

  onclosetag(name: string): void {
    if (name === 'title') this.inTitle = false;
    else if (name === 'script') this.inLd = false;
    // A void element's end was handled at its start (htmlparser2 reports both at once).
    if (VOID.has(name)) return;
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (name === 'h1') this.inH1 = false;
    if (name === 'a' && this.inLink > 0) this.inLink--;
    if (BLOCK.has(name)) this.flush(false);
    // htmlparser2 reports ends innermost first: the first ones are those of the elements beyond the table.
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    // htmlparser2 closes implied elements first and ignores stray end tags, so an element that
    // closes is on top here.
    if (this.elements[this.stack[this.stack.length - 1] ?? -1]?.tag === name) {
      this.stack.pop();
      if (BLOCK.has(name)) this.blockTags.pop();
    }
  }
}

/** Parses a page into its lines, element table and tags; never throws on malformed HTML. */
export function parsePage(html: string): ParsedPage {
  const builder = new PageBuilder();
  const Parser = loadParser();
  const parser = new Parser(builder, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  builder.flush(false);
  const { lines, elements, tags } = builder;
  tags.title = tags.title.replace(SPACES, ' ').trim();
  tags.h1 = tags.h1.replace(SPACES, ' ').trim();
  return { lines, elements, tags };
}
