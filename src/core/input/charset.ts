// The legacy charsets: which one a file that is not UTF-8 is in (guessed by chardet, named as the
// WHATWG Encoding Standard names it, so Node's full-ICU TextDecoder reads it), and the `--encoding`
// a run forces, one for the process (worker threads see it, as they see --max-filesize).

import { createRequire } from 'node:module';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import type { Encoding } from '../types.js';

/** The encodings Node's TextDecoder reads, by their WHATWG names: what `encoding` may say. */
export const ENCODINGS: readonly Encoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'ibm866',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-8-i',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'koi8-r',
  'koi8-u',
  'macintosh',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'x-mac-cyrillic',
  'gbk',
  'gb18030',
  'big5',
  'euc-jp',
  'iso-2022-jp',
  'shift_jis',
  'euc-kr',
];

/**
 * How sure chardet must be (0–100) for a guess not to be flagged `encoding-fallback`. Measured on
 * the UDHR in 13 languages, 22 legacy encodings (tests/fixtures/encodings/measure.mjs): 683 of 684
 * files came out right; the wrong one (Polish Windows-1250 read as ISO-8859-2) scored 64, right
 * ones 11 to 100, and the 15 under 30 are Persian, read in chardet's second or third guess.
 * Confidence tells right from wrong poorly; under 30 marks the guesses chardet itself ranks low.
 */
export const CONFIDENT = 30;

/**
 * Bytes of a file chardet looks at, from just before its first byte ≥ 0x80 (an ASCII preamble
 * tells nothing): chardet takes about 0.5 µs a byte (1 ms for 2 KiB), and is as right on 500-byte
 * excerpts as on whole declarations (tests/fixtures/encodings/measure.mjs).
 */
export const DETECT_SAMPLE_BYTES = 2 * 1024;

/** A charset guess: the WHATWG name and chardet's confidence, 0–100. */
export interface CharsetGuess {
  encoding: Encoding;
  confidence: number;
}

// chardet's names that TextDecoder does not know by that name, or reads otherwise: ISO-8859-1 and
// -9 are windows-1252 and -1254 for WHATWG (their supersets, as browsers read them).
const CHARDET_NAMES: Record<string, Encoding | null> = {
  ASCII: 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-9': 'windows-1254',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

type Chardet = typeof import('chardet');
let chardet: Chardet | undefined;

/**
 * The charsets chardet finds likely for bytes that are not valid UTF-8, most likely first, among
 * those TextDecoder reads (not UTF-32 nor ISO-2022-KR). chardet is loaded on first use: most runs
 * never meet a file that is not UTF-8.
 */
export function guessCharsets(bytes: Uint8Array): CharsetGuess[] {
  chardet ??= createRequire(import.meta.url)('chardet') as Chardet;
  const sample = charsetSample(bytes);
  const guesses: CharsetGuess[] = [];
  for (const match of chardet.analyse(sample)) {
    let encoding = canonicalEncoding(match.name);
    // chardet knows no KOI8-U: the Ukrainian letters it adds sit where KOI8-R has box drawing.
    if (encoding === 'koi8-r' && KOI8_U_LETTERS.some((b) => sample.includes(b))) encoding = 'koi8-u';
    if (encoding !== null && !guesses.some((g) => g.encoding === encoding))
      guesses.push({ encoding, confidence: match.confidence });
  }
  return guesses;
}

/**
 * The bytes chardet is shown: {@link DETECT_SAMPLE_BYTES} from a little before the first byte
 * ≥ 0x80, so starting on a character (all before it is ASCII) but maybe ending inside one.
 */
export function charsetSample(bytes: Uint8Array): Uint8Array {
  let first = 0;
  while (first < bytes.length && (bytes[first] as number) < 0x80) first++;
  const from = Math.max(0, first - 256);
  return bytes.subarray(from, from + DETECT_SAMPLE_BYTES);
}

// KOI8-U's і, ї, є, ґ and their capitals (KOI8-R's ╓, ╕, ╖, ╜, ╔, ╥, ╩, ╬ there).
const KOI8_U_LETTERS = [0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd];

/** The WHATWG name of an encoding label (`latin1`, `cp1251`, `Shift_JIS`), or null when TextDecoder cannot read it. */
export function canonicalEncoding(label: string): Encoding | null {
  const known = CHARDET_NAMES[label];
  if (known !== undefined) return known;
  try {
    const name = new TextDecoder(label).encoding as Encoding;
    return ENCODINGS.includes(name) ? name : null;
  } catch {
    return null;
  }
}

const KEY = 'corpus:encoding';
let forced: Encoding | null | undefined;

/**
 * Forces one encoding on every text file this thread and the workers started from now on read
 * (null: detect, `--encoding auto`). A byte-order mark still wins, as in ripgrep.
 */
export function setEncodingOption(encoding: Encoding | null): void {
  forced = encoding;
  setEnvironmentData(KEY, encoding ?? 'auto');
}

/** The encoding `--encoding` forces, or null to detect one a file. */
export function encodingOption(): Encoding | null {
  if (forced === undefined) {
    const given = getEnvironmentData(KEY) as Encoding | 'auto' | undefined;
    forced = given === undefined || given === 'auto' ? null : given;
  }
  return forced;
}
