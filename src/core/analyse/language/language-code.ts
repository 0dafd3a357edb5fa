// Language codes as people write them (`fr`, `fra`, `fre`, `en-US`, `pt_BR`, `zh-yue`, `iw`), read
// into the ISO 639-3 code a record uses, or null for what names no language (`xx-invalid`, `zzz`,
// `french`); and macrolanguages (`zh`, `ar`, `no`), which detection never answers: the filters
// take one for all its members, and a declared one becomes the member the text is in
// (docs/spec.md §1, §3, §5). Synchronous, on compact tables (iso-639-codes.ts, generated from
// iso-639-3, the IANA Language Subtag Registry and CLDR), so that a worker can check a record's field.

import { ISO_639_1, ISO_639_2B, ISO_639_3, MACROLANGUAGES, REPLACED_CODES } from './iso-639-codes.js';
import { closeLanguages } from './languages.js';

/**
 * Where `key` stands in `table`, a sorted run of entries `width` characters long each starting
 * with a key of `key.length` characters; -1 when it is not there.
 */
function find(table: string, width: number, key: string): number {
  let low = 0;
  let high = table.length / width - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = table.slice(mid * width, mid * width + key.length);
    if (at === key) return mid * width;
    if (at < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The ISO 639-3 code a 639-1 (`fr`), 639-2/B (`fre`) or 639-3 (`fra`) code names, any case; else null. */
export function languageCode(code: string): string | null {
  const c = code.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(c)) return null;
  if (c.length === 2) {
    const at = find(ISO_639_1, 5, c);
    return at < 0 ? (replacedCodes().get(c) ?? null) : ISO_639_1.slice(at + 2, at + 5);
  }
  if (find(ISO_639_3, 3, c) >= 0) return c;
  const at = find(ISO_639_2B, 6, c);
  return at < 0 ? (replacedCodes().get(c) ?? null) : ISO_639_2B.slice(at + 3, at + 6);
}

/** A macrolanguage: its main member (none for `nor`, `fas`…: see below) and its individual members. */
interface Macrolanguage {
  main: string | null;
  members: readonly string[];
}

let macrolanguageTable: Map<string, Macrolanguage> | undefined;
let memberTable: Map<string, string> | undefined;
let replacedTable: Map<string, string> | undefined;

/** The macrolanguages by 639-3 code, read from their table on first use. */
function macrolanguages(): Map<string, Macrolanguage> {
  if (macrolanguageTable === undefined) {
    macrolanguageTable = new Map();
    memberTable = new Map();
    for (const entry of MACROLANGUAGES.split(' ')) {
      const [code, main, members] = entry.split(':') as [string, string, string];
      const list = members.split(',');
      macrolanguageTable.set(code, { main: main === '' ? null : main, members: list });
      for (const member of list) memberTable.set(member, code);
    }
  }
  return macrolanguageTable;
}

/** The individual languages by the macrolanguage they belong to. */
function memberOf(): Map<string, string> {
  macrolanguages();
  return memberTable as Map<string, string>;
}

/** Deprecated codes (`iw`, `in`, `mo`) and the 639-3 code that replaced each. */
function replacedCodes(): Map<string, string> {
  if (replacedTable === undefined)
    replacedTable = new Map(REPLACED_CODES.split(' ').map((pair) => pair.split(':') as [string, string]));
  return replacedTable;
}

/** The individual languages of a macrolanguage (639-3 code), sorted; empty for any other code. */
export function macrolanguageMembers(code: string): readonly string[] {
  return macrolanguages().get(code)?.members ?? [];
}

/** The macrolanguage (639-3 code) an individual language belongs to (`cmn` → `zho`), or null. */
export function macrolanguageOf(code: string): string | null {
  return memberOf().get(code) ?? null;
}

/**
 * The 639-3 codes a code given to a filter stands for: a macrolanguage is itself and each of its
 * members (`zho`: `cmn`, `yue`, `wuu`…), since detection names the members; any other code, itself.
 */
export function codesMatching(code: string): readonly string[] {
  const members = macrolanguageMembers(code);
  return members.length === 0 ? [code] : [code, ...members];
}

/**
 * A declared language (639-3) as a record holds it: an individual language as it is; a
 * macrolanguage as the member detection found (`zho` with `yue` detected: `yue`), else as the
 * member CLDR takes it to mean (`zho` → `cmn`, `ara` → `arb`, `msa` → `zsm`, `swa` → `swh`), else
 * as itself (`nor`, `aka`: CLDR names no main member; detection that says neither `nob` nor
 * `nno` leaves `nor`).
 */
export function resolveDeclared(code: string, detected: string): string {
  const macro = macrolanguages().get(code);
  if (macro === undefined) return code;
  if (macro.members.includes(detected)) return detected;
  return macro.main ?? code;
}

/** How clear detection must be to disagree with a declared language: its confidence (0–1). */
export const DISAGREE_CONFIDENCE = 0.5;
/** How many words of body detection must have read to disagree with a declared language. */
export const DISAGREE_WORDS = 30;
/** The share of the body (0–1) a declared language must have among the languages detected to agree. */
const AGREE_SHARE = 0.2;

/** What detection said of a document, as {@link languageDisagrees} reads it. */
export interface Detection {
  /** The language detected (639-3), `und` when none. */
  lang: string;
  /** How clearly it beat the next language outside its close family (0–1). */
  langConfidence: number;
  /** The share of the body in each language detected. */
  languages: readonly { lang: string; share: number }[];
}

/**
 * Whether a declared language (639-3) and a detected one are one, of one macrolanguage, or close
 * (`nob`/`dan`, `zlm`/`ind`, `hrv`/`srp`; a macrolanguage is close to what its members are close to).
 */
function akin(declared: string, detected: string): boolean {
  if (declared === detected) return true;
  const macro = macrolanguages().has(declared) ? declared : macrolanguageOf(declared);
  if (macro !== null && (macro === detected || macro === macrolanguageOf(detected))) return true;
  return codesMatching(declared).some((code) => closeLanguages(code).has(detected));
}

/**
 * Whether detection clearly disagrees with a declared language (the `lang-disagrees` flag): it
 * named a language with confidence ≥ {@link DISAGREE_CONFIDENCE} on a body of at least
 * {@link DISAGREE_WORDS} words, and neither that language nor any other language making a fifth
 * of the body is the declared one, a member of the same macrolanguage or a close language
 * (languages.ts: Bokmål, Nynorsk and Danish; Malay and Indonesian; Croatian, Serbian and Bosnian…).
 */
export function languageDisagrees(declared: string | null, detection: Detection, words: number): boolean {
  if (declared === null || detection.lang === 'und') return false;
  if (detection.langConfidence < DISAGREE_CONFIDENCE || words < DISAGREE_WORDS) return false;
  if (akin(declared, detection.lang)) return false;
  return !detection.languages.some((l) => l.share >= AGREE_SHARE && akin(declared, l.lang));
}

/**
 * A BCP 47 language tag's shape: a language, an extended language subtag maybe (`zh-yue`), and
 * subtags (`en-US`, `zh-Hant-TW`; `_` too, `pt_BR`).
 */
const TAG = /^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{3})(?![A-Za-z0-9]))?(?:[-_][A-Za-z0-9]{1,8})*$/;

/** The tags seen, and their codes; forgotten past this many, so that a hostile corpus cannot grow it. */
const tags = new Map<string, string | null>();
const MAX_TAGS = 1024;

/**
 * The ISO 639-3 code of a language tag as data declares it (`fr`, `fra`, `en-US`, `pt_BR`): its
 * language subtag's, or its extended language subtag's when that names a member of the language
 * (`zh-yue` → `yue`, `ar-arz` → `arz`); null when the tag is malformed or its language is no ISO
 * 639 code. A macrolanguage stays one (`zh-Hant-TW` → `zho`): {@link resolveDeclared} takes it on.
 */
export function languageOfTag(tag: string): string | null {
  // A corpus declares few languages, once a record each: they are looked up once.
  const known = tags.get(tag);
  if (known !== undefined) return known;
  const m = TAG.exec(tag.trim());
  let code = m ? languageCode(m[1] as string) : null;
  const extended = m?.[2]?.toLowerCase();
  if (code !== null && extended !== undefined && macrolanguageOf(extended) === code) code = extended;
  if (tags.size >= MAX_TAGS) tags.clear();
  tags.set(tag, code);
  return code;
}
