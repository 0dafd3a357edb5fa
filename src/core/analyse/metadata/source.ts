// Reads the outlet a document names on a header, byline or trailer line: a known outlet line
// ("Lagazette", "Cnn all En2Fr"), "City / Outlet", "By X, Outlet", "Source: X" and its kin in
// other languages (`来源：`, `출처:`, `المصدر:`), "© 2024 X", a short name made of outlet words
// ("The Valley Courier"), a wire dateline "PARIS (AFP) —"; and, by position, the short name line
// beside the dateline or above the headline, in any script (`新华网`, `ТАСС`, `الجزيرة`).

import { isFeedToken } from './boilerplate.js';
import { compactKey, foldLine, isNameLike, isUnspaced, wordCount } from './line-shape.js';
import {
  KNOWN_KEY_PREFIXES,
  KNOWN_MAX_WORDS,
  KNOWN_OUTLETS,
  OUTLET_ENDINGS,
  OUTLET_WORDS,
  SECTION_NAMES,
} from './outlets.js';
import type { TitleChoice } from './title.js';

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
// "Source:" in the languages of the news read: Latin-script ones, then zh, ja, ko, ar, ru, uk, el,
// tr, vi, hi, he, fa, th; the full-width colon of CJK text too.
const LABELS =
  'source|sources|quelle|quellen|fuente|fuentes|fonte|fontes|bron|źródło|zrodlo|källa|kilde|ffynhonnell|via|' +
  '来源|來源|出处|出處|出典|출처|المصدر|مصدر|источник|джерело|πηγή|kaynak|nguồn|स्रोत|מקור|منبع|ที่มา';
const SOURCE_LABEL = new RegExp(`^(?:${LABELS})\\s*[:：]\\s*(.+)$`, 'iu');
/** A label after other words of the line: `2023年01月31日 18:14 来源：新华网`. */
const LABEL_AFTER = new RegExp(`^(.*?\\S)\\s*((?<=\\s|\\p{sc=Han}|\\d)(?:${LABELS})\\s*[:：]\\s*\\S.*)$`, 'iu');
const LETTER_COLON = /\p{L}\s*[:：]/u;
/** Another label after the name (`来源：新华网 作者：王明`): the name ends there. */
const NEXT_LABEL = /\s+\S{1,12}[:：].*$/u;
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
  const label = SOURCE_LABEL.exec(bare);
  const labelled = label ?? copyright(bare);
  if (labelled?.[1]) {
    // After "Source:" a name in sentence case is a name too (`Источник: Волжская правда`).
    const name = outletName(labelled[1].replace(NEXT_LABEL, '').split(/\s*[,|]\s*/u)[0] ?? '', 6, label !== null);
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
function outletName(text: string, maxWords: number, sentenceCase = false): string | null {
  const name = text.replace(/^[\s"“«'(「【]+|[\s"”»'.,;:)」】。，]+$/gu, '');
  const known = KNOWN_OUTLETS.get(compactKey(name));
  if (known !== undefined) return known;
  if (name === '' || /^\d+$/u.test(name)) return null;
  if (!isNameLike(name, maxWords) && !(isNameShaped(name, sentenceCase) && wordCount(name) <= maxWords)) return null;
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

/**
 * The parts of a line, each split before a source label that follows other words
 * (`2023年01月31日 18:14 来源：新华网` → the date, then `来源：新华网`), so that each is read on its
 * own; the same array when no part holds one (most lines: no allocation).
 *
 * @param parts A trimmed line, or the parts of one.
 */
export function splitAtSourceLabels(parts: string[]): string[] {
  if (!parts.some(hasLabelColon)) return parts;
  return parts.flatMap((part) => {
    const m = hasLabelColon(part) ? LABEL_AFTER.exec(part) : null;
    return m?.[1] && m[2] ? [m[1], m[2]] : [part];
  });
}

/**
 * A colon after a letter, the mark of a label (a time's `18:14` is none): the label's pattern,
 * which tries each position, runs only on such lines. `indexOf` first: most lines hold no colon.
 */
function hasLabelColon(line: string): boolean {
  if (line.length > 160 || (line.indexOf(':') < 0 && line.indexOf('：') < 0)) return false;
  return LETTER_COLON.test(line);
}

/** A short line beside the header that names the outlet, found by where it stands. */
export interface PlacedOutlet {
  /** 0-based line index. */
  index: number;
  source: string;
}

/**
 * The outlet line among the header's short lines that are neither the headline nor a copy of it,
 * by position, in any script: the name line right under a dateline of its own (`2024年5月26日`
 * then `新华网`), else one right above the dateline or the headline (`NHK`, `ТАСС`, `人民网` over
 * the headline). Under the date a capitalised name, a name in sentence case or a name in a script
 * without letter case will do, but a run of capitalised words without an outlet word may be the
 * author, so it is not taken; above, where kickers and menu items stand (`Politique`), a cased
 * name must look like an outlet (capitals inside it, an outlet word: `VnExpress`, `Agencia Sur`),
 * or be the document's first line. Section names (`国际`, `Politique`) are never outlets.
 *
 * @param choice The headline choice of the header's candidates.
 * @param dateIndex The 0-based line of a date standing alone in the header, or `null`.
 * @param lines The document's lines.
 * @returns The line and the outlet it names, or `null`.
 */
export function outletByPosition(choice: TitleChoice, dateIndex: number | null, lines: string[]): PlacedOutlet | null {
  if (choice.title === null) return null;
  const title = choice.title.index;
  for (const stray of choice.strays) {
    const text = stray.text.trim();
    // Right under the dateline any name will do; right above it only one that looks like an outlet
    // (a menu item may stand there: `Wir für Kurz`), as above the headline, where kickers stand.
    const after = dateIndex !== null && neighbour(lines, dateIndex, 1) === stray.index;
    const before = !after && dateIndex !== null && neighbour(lines, dateIndex, -1) === stray.index;
    const masthead = !after && stray.index < title && neighbour(lines, title, -1) === stray.index;
    if (!after && !before && !masthead) continue;
    // The document's first line, right above the headline: the masthead of a page saved as text.
    const first = masthead && neighbour(lines, -1, 1) === stray.index;
    const source = placedName(text, !after, first);
    if (source !== null) return { index: stray.index, source };
  }
  return null;
}

/** The next (`step` 1) or previous (`step` -1) non-empty line's index, or -1. */
function neighbour(lines: string[], index: number, step: 1 | -1): number {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) {
    if ((lines[i] as string).trim() !== '') return i;
  }
  return -1;
}

/** The outlet a short line placed like one names, or `null` when its shape is no outlet's. */
function placedName(text: string, strict: boolean, first: boolean): string | null {
  const parts = text.split(PART_SEPARATOR);
  if (parts.length > 2) return null;
  if (parts.length === 2) {
    // "São paulo / PTI", "Anna Ivanova | BBC News": a place or an author, then the outlet, which
    // must look like one.
    const [lead, outlet] = parts as [string, string];
    return /^[\p{Lu}\p{Lo}]/u.test(lead) && wordCount(lead) <= 4 ? placedName(outlet, true, false) : null;
  }
  const known = knownPrefix(text);
  if (known !== null) return known;
  if (!isNameShaped(text, !strict) || SECTION_NAMES.has(foldLine(text))) return null;
  const words = text.split(/\s+/u);
  const cased = words.filter((word) => CASED.test(word));
  if (cased.length === 0) return (strict && isUnspacedSentence(text)) || HOME.test(text) ? null : text;
  const outletLike =
    hasOutletWord(text) ||
    // Capitals make an acronym (`NHK`, `ТАСС`), not a line in capitals (`UNIBERTSAL HAU EGITEN DU`).
    (!isShouted(text) && cased.some((word) => ACRONYM.test(word) || INNER_CAPITAL.test(word) || DOMAIN.test(word))) ||
    OUTLET_ENDINGS.some((ending) => text.endsWith(ending));
  if (outletLike) return canonical(text);
  // A kicker is one word or a phrase (`Politique`, `Guerre en Ukraine`); a name of capitalised
  // words on the first line is the masthead (`Norrländska Socialdemokraten`).
  if (strict) return first && words.length >= 2 && isNameLike(text, 5) ? text : null;
  // Under the date: one capitalised word (`Hürriyet`, `Καθημερινή`), or a name in sentence case
  // (`Thông tấn xã Việt Nam`); capitalised words alone may be the author's name.
  const lower = words.filter((word) => /^\p{Ll}/u.test(word) && !PARTICLE.test(word));
  return words.length === 1 || lower.length > 0 ? text : null;
}

const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;
/** "Home page", a menu's first item, in scripts without case (`百度首页`). */
const HOME = /首页|首頁|主页|ホーム|トップページ|홈|الرئيسية|صفحه اصلی|דף הבית|หน้าแรก|मुखपृष्ठ/u;
const PART_SEPARATOR = /\s+[|/·•–—-]\s+/u;
/** Two or more capitals and no lower case: `NHK`, `ТАСС`, `ΑΠΕ-ΜΠΕ`. */
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}&.-]+$/u;
/** A capital after a lower-case letter: `VnExpress`, `elDiario`. */
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;
const PARTICLE =
  /^(?:de|la|le|les|du|des|of|the|and|y|e|i|und|der|die|das|el|los|las|il|di|del|della|van|het|den|von|al|bin)$/u;
// Clause punctuation: an outlet's name has none (a dot only inside a word: `Nation.Cymru`).
const CLAUSE_MARK = /[,;:!?…。，、！？：；،؛؟।॥"“”«»「」]|\.(?:\s|$)/u;

/**
 * Short and shaped like a name in its script: at most five words (sixteen characters of a script
 * without spaces, not mixed with a cased script), no clause punctuation, no long number, opening
 * (and, unless `sentenceCase`, ending) with a capital, a digit or a letter of a script without case.
 */
function isNameShaped(text: string, sentenceCase = false): boolean {
  if (text.length > 48 || CLAUSE_MARK.test(text) || /\d{3}/u.test(text) || !/\p{L}/u.test(text)) return false;
  const words = text.split(/\s+/u);
  if (words.length > 5) return false;
  // Han, kana or Thai: a few characters, and no Latin word beside them (`Baidu 使用百度前必读`).
  if (isUnspaced(text) && (text.replace(/\s+/gu, '').length > 16 || CASED.test(text))) return false;
  const opens = (word: string): boolean => /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(word);
  return opens(words[0] as string) && (sentenceCase || opens(words[words.length - 1] as string));
}

/** A Han or kana line long enough to be a phrase rather than a name. */
function isUnspacedSentence(text: string): boolean {
  return isUnspaced(text) && text.length > 10;
}
