// Reads the outlet a document names on a header, byline or trailer line: a known outlet line
// ("Lagazette", "Cnn all En2Fr"), "City / Outlet", "By X, Outlet", "Source: X", "© 2024 X", a
// short name made of outlet words ("The Valley Courier"), or a wire dateline "PARIS (AFP) —".

import { isFeedToken } from './boilerplate.js';
import { compactKey, foldLine, isNameLike, wordCount } from './line-shape.js';
import { KNOWN_KEY_PREFIXES, KNOWN_MAX_WORDS, KNOWN_OUTLETS, OUTLET_WORDS } from './outlets.js';

/** What a source line says. */
export interface SourceLine {
  /** The outlet, as the outlet spells itself when known; `null` for a byline naming none. */
  source: string | null;
  /**
   * How sure the shape is: `named` for a known outlet or an explicit shape (`City / Outlet`,
   * `By X, Outlet`, `Source:`, `©`); `worded` for an unknown short name made of outlet words,
   * which only counts where a headline or the end of the text frames it.
   */
  kind: 'named' | 'worded' | 'byline';
}

const BYLINE =
  /^(?:by|par|von|por|di|door|av|gan|af|przez|autor|autora|autorka|text|texte|texto|testo|tekst)\s*:?\s+(.+)$/iu;
const FOR_OUTLET = /\s(?:for|pour|für|fur|para|per|voor|för|dla|ar gyfer|til)\s+(.+)$/iu;
const BYLINE_SPLIT = /\s*(?:,|\||·|•|–|—|\s-\s|\/)\s*/u;
const CITY_OUTLET = /^([^/]{2,40}?)\s+\/\s+([^/]{2,60})$/u;
const SOURCE_LABEL =
  /^(?:source|sources|quelle|quellen|fuente|fuentes|fonte|fontes|bron|źródło|zrodlo|källa|kilde|ffynhonnell|via)\s*:\s*(.+)$/iu;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+)$/iu;
const RIGHTS =
  /[.,;]?\s*(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|alla rättigheter förbehållna|alle rettigheder forbeholdes|cedwir pob hawl).*$/iu;
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)((?:\.[a-z]{2,})+)\/?$/iu;
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]{1,30}(?:,[^()]{1,40})?\s*\(([^()]{2,40})\)\s*[-–—:]/u;
const ROLE_WORDS = new Set(
  (
    'correspondent correspondant correspondante reporter editor editora editrice journalist ' +
    'journaliste journalistin redakteur redakteurin korrespondent korrespondentin corresponsal ' +
    'corrispondente correspondente redactor redactora redattore redattrice envoye envoyee ' +
    'special speciale staff writer senior chief photographer photographe fotograf ' +
    'reporterin dziennikarz dziennikarka reporter redaktor gohebydd'
  ).split(' '),
);

/**
 * Read the outlet a header or trailer line names.
 *
 * @param line A trimmed, non-empty line.
 * @returns What the line says, or `null` when it is no source, byline or outlet line.
 */
export function readSourceLine(line: string): SourceLine | null {
  if (line.length > 120 || wordCount(line) > 16) return null;
  const dashed = line.replace(/^[\s–—-]+|[\s–—-]+$/gu, '');
  const bare = /^\(.*\)$/u.test(dashed) ? dashed.slice(1, -1).trim() : dashed;
  if (bare === '') return null;
  const known = knownPrefix(bare);
  if (known !== null) return { source: known, kind: 'named' };
  const domain = DOMAIN.exec(bare);
  if (domain?.[1] && (domain[1].length > 2 || KNOWN_OUTLETS.has(compactKey(domain[1])))) {
    return {
      source: KNOWN_OUTLETS.get(compactKey(domain[1])) ?? bare.replace(/^https?:\/\/(?:www\.)?|\/$/giu, ''),
      kind: 'named',
    };
  }
  const labelled = SOURCE_LABEL.exec(bare) ?? copyright(bare);
  if (labelled?.[1]) {
    const name = outletName(labelled[1].split(/\s*[,|]\s*/u)[0] ?? '', 6);
    return name === null ? null : { source: name, kind: 'named' };
  }
  const byline = BYLINE.exec(bare);
  if (byline?.[1]) return readByline(byline[1]);
  const city = CITY_OUTLET.exec(bare);
  if (city?.[1] && city[2] && isPlace(city[1])) {
    const name = outletName(city[2], 6);
    if (name !== null && !isShouted(city[2])) return { source: name, kind: 'named' };
  }
  if (wordCount(bare) <= 5 && isNameLike(bare, 5) && hasOutletWord(bare) && !/\d/u.test(bare)) {
    return { source: canonical(bare), kind: 'worded' };
  }
  return null;
}

/**
 * The agency of a wire dateline opening the first paragraph: "PARIS (AFP) — …", "BERLIN,
 * 3. März (dpa) - …".
 *
 * @param line The first line of the body.
 */
export function readWireDateline(line: string): string | null {
  const m = WIRE_DATELINE.exec(line);
  return m?.[1] ? outletName(m[1], 4) : null;
}

/** "Jane Doe, Reuters", "Jean Dupont pour La Gazette", "Anna Kowalska (PAP)". */
function readByline(names: string): SourceLine | null {
  if (wordCount(names) > 14) return null;
  const forOutlet = FOR_OUTLET.exec(names);
  if (forOutlet?.[1]) {
    const name = outletName(forOutlet[1], 6);
    if (name !== null) return { source: name, kind: 'named' };
  }
  const inParens = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(names);
  const parts = inParens?.[1] && inParens[2] ? [inParens[1], inParens[2]] : names.split(BYLINE_SPLIT);
  const first = parts[0] ?? '';
  if (!isNameLike(first.replace(/\s+(?:and|et|und|y|e|en|i|och|og|a)\s+/giu, ' '), 8)) return null;
  const last = parts.length >= 2 ? parts[parts.length - 1] : undefined;
  const name = last === undefined ? null : outletName(last, 5);
  return { source: name, kind: name === null ? 'byline' : 'named' };
}

/**
 * A known outlet at the start of the line, followed by nothing but feed junk ("Cnn all En2Fr"):
 * the longest such name.
 *
 * @param text A line or part of one.
 * @returns The outlet as it spells itself, or `null`.
 */
export function knownPrefix(text: string): string | null {
  const tokens = text.split(/\s+/u);
  // The outlets named by the first n words' keys joined, for growing n; no longer run of words
  // can name one once no known key begins with the keys read so far.
  const named: { words: number; name: string }[] = [];
  let joined = '';
  for (let n = 1; n <= Math.min(tokens.length, KNOWN_MAX_WORDS); n += 1) {
    joined += compactKey(tokens[n - 1] as string);
    if (joined !== '' && !KNOWN_KEY_PREFIXES.has(joined)) break;
    const name = KNOWN_OUTLETS.get(joined);
    if (name !== undefined) named.push({ words: n, name });
  }
  for (let k = named.length - 1; k >= 0; k -= 1) {
    const { words, name } = named[k] as { words: number; name: string };
    const rest = tokens.slice(words);
    if (rest.every((token) => isFeedToken(token) || FEED_WORDS.has(token.toLowerCase()))) return name;
  }
  return null;
}

const FEED_WORDS = new Set(['all', 'feed', 'wire', 'rss', 'online', 'digital', 'web']);

/** A cleaned outlet name, or `null` when the text is no plausible name (a role, a date). */
function outletName(text: string, maxWords: number): string | null {
  const name = text.replace(/^[\s"“«'(]+|[\s"”»'.,;:)]+$/gu, '');
  const known = KNOWN_OUTLETS.get(compactKey(name));
  if (known !== undefined) return known;
  if (name === '' || !isNameLike(name, maxWords) || /^\d+$/u.test(name)) return null;
  if (
    foldLine(name)
      .split(' ')
      .some((word) => ROLE_WORDS.has(word))
  )
    return null;
  return canonical(name);
}

function copyright(text: string): RegExpExecArray | null {
  const m = COPYRIGHT.exec(text.replace(RIGHTS, ''));
  return m;
}

function canonical(name: string): string {
  return KNOWN_OUTLETS.get(compactKey(name)) ?? knownPrefix(name) ?? name;
}

function hasOutletWord(text: string): boolean {
  return foldLine(text)
    .split(' ')
    .some((word) => OUTLET_WORDS.has(word));
}

/** A place name before "/": one to three capitalised words, not a shouted credit. */
function isPlace(text: string): boolean {
  return isNameLike(text, 3) && !isShouted(text);
}

/** Several words in capitals: the shape of a photo credit ("MIKHAEL KLIMENTYEV"). */
function isShouted(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  return words.length > 1 && words.every((word) => !/\p{Ll}/u.test(word));
}
