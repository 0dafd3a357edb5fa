// Builds the document record (docs/spec.md §3) from a document as read: lines, metadata,
// boilerplate, body counts, language, hash and flags. One document at a time.

import { extractMetadata, type Metadata } from './metadata/index.js';
import { dayOrderDate } from './metadata/date-order.js';
import { CutLines } from './metadata/boilerplate-kinds.js';
import { declaredFields, type DeclaredFields } from './metadata/declared-fields.js';
import { detectLanguage } from './language/detect-language.js';
import { bodyFigures } from '../stats/body-signature.js';
import { edgeLines } from './recurring-lines.js';
import { isWhiteSpace } from './white-space.js';
import { fmix32, FNV_OFFSET, FNV_PRIME } from '../hash.js';
import { paragraphsOf } from './body.js';
import { splitLines } from '../input/lines.js';
import type { BoilerplateKind, DocumentRecord, FieldSources, Provenance, SourceDocument } from '../types.js';
import { languageDisagrees, languageOfTag, resolveDeclared } from './language/language-code.js';
import { completePage } from '../input/warc/pending-page.js';
import type { FoundFile } from '../input/walk.js';

/** A document with its record and the text views the commands need. */
export interface AnalysedDocument {
  record: DocumentRecord;
  /** The document's lines, NFC-normalised, without terminators. */
  lines: string[];
  /** The body: paragraphs without the boilerplate lines. */
  paragraphs: string[];
  /** The first words of the body, for a list row of a document without a title. */
  lede: string;
  /** The decoded text as the file holds it (an HTML page's: its text as extracted). */
  text: string;
  /** The source the text was extracted from, for a record that has one (see SourceDocument.raw). */
  raw?: string;
  /** Keys of the document's edge lines (see recurring-lines.ts), for the corpus-wide count. */
  edges: string[];
  /** The edge lines that were marked boilerplate as recurring across the corpus. */
  recurringHits: string[];
  /**
   * The body's MinHash signature (stats/body-signature.ts), for the run's `near-duplicate` flag;
   * null when the body has no word.
   */
  signature: Uint32Array | null;
  /**
   * The file the document was read from, when it is a file of its own (set by the corpus
   * reader; a record of a JSON Lines file has none): with `withText: false`, a consumer can
   * read it again where the work happens, in a worker.
   */
  file?: FoundFile;
}

const NO_LINES: ReadonlySet<string> = new Set();

/** Below this many body words a document is flagged `short`. */
export const SHORT_WORDS = 50;
const LEDE_CHARS = 120;

/** What one walk over a body's paragraphs gives: its content hash and its length. */
export interface BodyDigest {
  /** 16 hex digits, alike for bodies that differ only in white space. */
  hash: string;
  /** Characters (code points) of the paragraphs joined by line breaks. */
  chars: number;
}

/**
 * The content hash and the length of a body, in one walk over its paragraphs (the body is the
 * paragraphs joined by line breaks; neither needs it built).
 *
 * The hash is over the body with white space folded (runs become one space, none at the ends),
 * so re-wrapped copies hash alike: two 32-bit multiplicative hashes over the folded text's
 * UTF-16 units, 16 hex digits, for telling duplicates apart, not for security. The length
 * counts code points, as a reader counts characters, not UTF-16 units.
 */
export function bodyDigest(paragraphs: readonly string[]): BodyDigest {
  // Locals, as 32-bit integers: the loop is then as fast as with literals (see hash.ts).
  const prime = FNV_PRIME | 0;
  let a = FNV_OFFSET | 0;
  let b = 0x9747b28c;
  let started = false;
  let space = false;
  // UTF-16 units, the line breaks between paragraphs included, and high surrogates (each the
  // first half of one character).
  let units = paragraphs.length > 0 ? paragraphs.length - 1 : 0;
  let highSurrogates = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p] as string;
    units += text.length;
    // Paragraphs are joined by a line break, which is white space too.
    if (p > 0) space = started;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Printable ASCII, most of most bodies, is neither white space nor a surrogate.
      if (c <= 0x20 || c >= 0x7f) {
        if (isWhiteSpace(c)) {
          space = started;
          continue;
        }
        if (c >= 0xd800 && c <= 0xdbff) highSurrogates++;
      }
      if (space) {
        a = Math.imul(a ^ 0x20, prime);
        b = Math.imul(b ^ 0x20, 0x5bd1e995);
        b ^= b >>> 13;
        space = false;
      }
      started = true;
      a = Math.imul(a ^ c, prime);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
  }
  return { hash: hex32(fmix32(a)) + hex32(fmix32(b ^ Math.imul(a, 0x85ebca6b))), chars: units - highSurrogates };
}

const hex32 = (n: number): string => n.toString(16).padStart(8, '0');

function ledeOf(paragraphs: string[], dateText: string | null): string {
  let first = paragraphs[0] ?? '';
  // A `date …` prefix glued to the first sentence is body text, but no way to open a lede.
  if (dateText !== null) {
    const at = first.indexOf(dateText);
    if (at >= 0 && at <= 8 && /^\s*(date\s*:?\s*)?$/i.test(first.slice(0, at)))
      first = first.slice(at + dateText.length).trim();
  }
  return first.length <= LEDE_CHARS ? first : `${first.slice(0, LEDE_CHARS - 1).trimEnd()}…`;
}

const ATX_HEADING = /^#{1,2}\s+(.+?)(?:\s+#+)?\s*$/;

/** A Markdown document's first heading, when it opens the document, is its title. */
function markdownTitle(lines: string[], meta: Metadata, cut: CutLines): void {
  const index = lines.findIndex((line) => line.trim() !== '');
  const heading = ATX_HEADING.exec(lines[index] ?? '');
  if (!heading?.[1]) return;
  meta.title = heading[1];
  meta.titleLine = index + 1;
  cut.claim(index + 1, 'headline');
}

/** Where a metadata value was read: its line, when it has one. */
const lineRef = (n: number | null): string | undefined => (n === null ? undefined : `line ${n}`);

/**
 * The title, date and source a record's own fields give (a JSON Lines record's, an HTML page's
 * meta tags), in place of those read from its text; `provenance` says where each came from: the
 * reader's name for it (`og:title`), else `record field`.
 */
function withRecordFields(
  meta: Metadata,
  declared: DeclaredFields,
  provenance: Provenance,
  sources: FieldSources = NO_SOURCES,
): void {
  const { fields } = declared;
  if (fields.title !== undefined) {
    meta.title = fields.title;
    provenance.title = sources.title ?? 'record field';
  } else if (meta.title !== null) provenance.title = lineRef(meta.titleLine);
  if (fields.date !== undefined) {
    meta.date = fields.date;
    meta.dateText = declared.dateText ?? fields.date;
    provenance.date = sources.date ?? 'record field';
  } else if (meta.date !== null) provenance.date = lineRef(meta.dateLine);
  if (fields.source !== undefined) {
    meta.source = fields.source;
    provenance.source = sources.source ?? 'record field';
  } else if (meta.source !== null) provenance.source = lineRef(meta.sourceLine);
  if (fields.url !== undefined && sources.url !== undefined) provenance.url = sources.url;
}

const NO_SOURCES: FieldSources = {};

/**
 * The document's language: the record's own field, else the one detected, else (when detection
 * finds none in a body that has text) the one the page declares (`<html lang>`), a hint only;
 * `provenance.lang` says which.
 */
function languageOf(
  detected: string,
  field: string | undefined,
  declared: string | null,
  hasBody: boolean,
  doc: SourceDocument,
  provenance: Provenance,
): string {
  if (field !== undefined) {
    provenance.lang = doc.fieldSources?.lang ?? 'record field';
    return field;
  }
  if (detected === 'und' && declared !== null && hasBody) {
    provenance.lang = 'declared (html lang)';
    return declared;
  }
  provenance.lang = 'detected';
  return detected;
}

/**
 * Cuts the lines the reader knows are not the main content (an HTML page's menus and footers),
 * and the edge lines that recur across the corpus; gives the keys of the document's edge lines
 * (none for `lines` null: a page its reader left to extract) and of those that recur.
 */
function cutPageLines(
  cut: CutLines,
  doc: SourceDocument,
  lines: string[] | null,
  recurring: ReadonlySet<string>,
): { edges: string[]; recurringHits: string[] } {
  if (doc.boilerplate) for (const n of doc.boilerplate) cut.claim(n, 'page');
  const edges = lines === null ? [] : edgeLines(lines);
  const recurringHits: string[] = [];
  for (const edge of edges) {
    if (recurring.has(edge.key)) {
      cut.claim(edge.index + 1, 'recurring');
      recurringHits.push(edge.key);
    }
  }
  return { edges: edges.map((e) => e.key), recurringHits };
}

/**
 * Analyses one document. `recurring` holds the lines found recurring across the corpus; they
 * are boilerplate where they stand at the document's edges. The `duplicate` flag needs the
 * documents before this one: {@link markDuplicate} adds it.
 */
export function analyseDocument(read: SourceDocument, recurring: ReadonlySet<string> = NO_LINES): AnalysedDocument {
  // A page its reader left to extract is extracted here (in a worker, when there are workers). It
  // takes no part in the count of recurring lines: its reader marks its boilerplate, and the first
  // pass, which does not extract it, counts none of its lines.
  const deferred = read.page !== undefined;
  const doc = deferred ? completePage(read) : read;
  const lines = splitLines(doc.text.normalize('NFC'));
  const meta = extractMetadata(lines);
  // Each cut line keeps one kind: the surest of those its readings give (see boilerplate-kinds.ts).
  const cut = new CutLines();
  meta.boilerplate.forEach((n, i) => cut.claim(n, meta.boilerplateKinds[i] as BoilerplateKind));
  if (doc.format === 'markdown' && meta.title === null) markdownTitle(lines, meta, cut);
  // A record's date and lang are checked: an invalid one is dropped, and flagged below.
  const declared = declaredFields(doc.fields);
  const { fields } = declared;
  const provenance: Provenance = {};
  withRecordFields(meta, declared, provenance, doc.fieldSources);
  if (meta.date === null && doc.fallbackDate !== undefined) {
    meta.date = doc.fallbackDate.date;
    meta.dateText = doc.fallbackDate.date;
    provenance.date = doc.fallbackDate.source;
  }
  const { title, dateText, source } = meta;

  const { edges, recurringHits } = cutPageLines(cut, doc, deferred ? null : lines, recurring);
  const { boilerplate, boilerplateKinds } = cut.lists();
  const paragraphs = paragraphsOf(lines, new Set(boilerplate));
  const body = paragraphs.join('\n');
  const language = detectLanguage(paragraphs);
  // A declared macrolanguage (`zh`) is the member detected, else its main one (`cmn`): language-code.ts.
  const tagged = doc.declaredLang === undefined ? null : languageOfTag(doc.declaredLang);
  const declaredLang = tagged === null ? null : resolveDeclared(tagged, language.lang);
  const langField = fields.lang === undefined ? undefined : resolveDeclared(fields.lang, language.lang);
  const lang = languageOf(language.lang, langField, declaredLang, paragraphs.length > 0, doc, provenance);
  // A numeric date either side of which could be the month is read as the language writes dates.
  const date = dayOrderDate(meta, lang);

  const { words, sentences, signature } = bodyFigures(body);
  const digest = bodyDigest(paragraphs);
  const flags: string[] = [];
  if (language.languages.length > 1) flags.push('mixed-language');
  if (date === null) flags.push('no-date');
  if (title === null) flags.push('no-title');
  if (words < SHORT_WORDS) flags.push('short');
  if (lang === 'und') flags.push('und');
  if (doc.encodingFallback) flags.push('encoding-fallback');
  for (const flag of declared.invalid) flags.push(flag);
  if (languageDisagrees(langField ?? declaredLang, language, words)) flags.push('lang-disagrees');

  const record: DocumentRecord = {
    id: doc.id,
    path: doc.path,
    format: doc.format,
    bytes: doc.bytes,
    encoding: doc.encoding,
    lang,
    langConfidence: language.langConfidence,
    languages: language.languages,
    title,
    date,
    dateText,
    source,
    url: fields.url ?? null,
    declaredLang,
    chars: digest.chars,
    words,
    sentences,
    paragraphs: paragraphs.length,
    lines: lines.length,
    boilerplate,
    boilerplateKinds,
    hash: digest.hash,
    flags,
    provenance,
  };
  if (fields.extra !== undefined && Object.keys(fields.extra).length > 0) record.extra = fields.extra;
  return {
    record,
    lines,
    paragraphs,
    lede: ledeOf(paragraphs, dateText),
    text: doc.text,
    ...(doc.raw === undefined ? {} : { raw: doc.raw }),
    edges,
    recurringHits,
    signature,
  };
}
