// Detects a document body's main language, how sure that is, and the share of the body written
// in each language, from franc-all's trigram models scored paragraph by paragraph.

import type { LanguageShare } from '../../types.js';
import { ALLOWED_LANGUAGES, PREFER_MAJOR, closeLanguages } from './languages.js';
import { segmentParagraphs, type Segment } from './segments.js';
import { tallyScripts } from './scripts.js';
import { closeChoice, withoutForeignLetters } from './close-choice.js';
import { hasOrdinaryWords } from './ordinary-words.js';
import { hasModel, scoreText, scriptModel, type ScriptModel, type TrigramScore } from './trigram-model.js';

/** The language of a body: the main one, how sure, and each language's share of the characters. */
export interface LanguageResult {
  /** ISO 639-3 code of the main language, or `und`. */
  lang: string;
  /** 0–1: how clearly the main language beat the next best, discounted for short text. */
  langConfidence: number;
  /** Share of body characters per language, largest first; shares sum to 1. */
  languages: LanguageShare[];
}

/** Below this many letters a body is `und`: too short to tell. */
export const MIN_LETTERS = 15;
/** Below this confidence the answer is `und` rather than a guess. */
export const MIN_CONFIDENCE = 0.25;
/** A paragraph or window needs this many letters to be judged on its own. */
export const SEGMENT_MIN_LETTERS = 50;
/** How sure a segment must be that it is not the document's language to count as another. */
export const SWITCH_CONFIDENCE = 0.5;
/** At most this many characters of a body are read, spread over its segments. */
export const SCORED_CHARS_BUDGET = 1200;
/** The document language is scored against every language on a sample this long. */
export const DOCUMENT_SAMPLE = 1024;
/** Each segment read is read for at least this many characters, budget permitting. */
const MIN_SAMPLE = 150;
/** A minor language must beat its major neighbour by this many points per trigram. */
const PREFER_MARGIN = 20;
/** A margin of this many distance points per trigram gives 63% of full confidence. */
const MARGIN_SCALE = 10;
/**
 * The document verdict's margin, in points per trigram times the square root of the trigrams
 * (the margin grows with the text, its noise with the root of it), that gives 63% confidence.
 * 115: a 1,000-character text needs ~1 point per trigram to pass {@link MIN_CONFIDENCE}, a
 * sentence ~3.3 as before (bench/lang-eval: before, ~2.9 for both, which left clear long texts `und`).
 */
const EVIDENCE_SCALE = 115;
/**
 * A close language's gap counts this many times a foreign one's in the confidence: close
 * languages are always near, so a small gap between them already tells (bench/lang-eval).
 */
const SIBLING_WEIGHT = 4;
/** Only a text shorter than this many trigrams (~400 characters) is weighed against its siblings. */
const SIBLING_TRIGRAMS = 400;
/** This many trigrams give 63% of full confidence; a few hundred, nearly all. */
const LENGTH_SCALE = 60;
/** For a script only one language uses (Chinese, Korean, Greek…): letters for 63%. */
const SCRIPT_LENGTH_SCALE = 10;

const UND = 'und';

/** What one segment's sample showed. */
interface Scored {
  /** The sample read. */
  text: string;
  /** Script, or the language of a single-language script (`cmn`, `kor`…); undefined: no letters. */
  script: string | undefined;
  letters: number;
  scriptLetters: number;
  model: ScriptModel | undefined;
  /** Distances to the first `distances.length` languages of `model`. */
  distances: Int32Array | undefined;
  trigrams: number;
  /** The whole sample scored against every language, when the document pass did it. */
  full?: TrigramScore;
}

/** A language and how sure it is. */
interface Verdict {
  lang: string;
  confidence: number;
}

/**
 * Detect the language of a document body.
 *
 * The document language is scored against all allowed languages on a sample of up to
 * {@link DOCUMENT_SAMPLE} characters. Each paragraph (or window of sentences in a long one) is
 * then scored against the common languages: it counts as another language only when it is
 * long enough and that language clearly beats the document's; shorter ones follow their
 * neighbours. At most {@link SCORED_CHARS_BUDGET} characters are read in all.
 *
 * @param paragraphs - The document body (boilerplate already removed), split into paragraphs, NFC.
 * @returns The main language (`und` when the body is too short or the margin too thin), its
 *   confidence, and the share of each language, largest first.
 */
export function detectLanguage(paragraphs: string[]): LanguageResult {
  const segments = segmentParagraphs(paragraphs);
  if (segments.length === 0) return { lang: UND, langConfidence: 0, languages: [] };
  const lengths = segments.map((segment) => segment.end - segment.start);
  const scored = readSegments(paragraphs, segments, lengths);

  const letters = scored.reduce((sum, item) => sum + (item?.letters ?? 0), 0);
  const docScript = mainScript(scored);
  if (letters < MIN_LETTERS || docScript === undefined) return undetermined(0);
  const inScript = scored.filter((item): item is Scored => item?.script === docScript);
  const first = documentVerdict(inScript);
  if (first.lang === UND) return undetermined(0);

  scoreSegments(scored, docScript, first.lang);
  const assigned = assign(scored, first.lang, docScript);
  let languages = shares(assigned, lengths, first.lang);
  const main = languages[0]?.lang ?? first.lang;
  let final = first;
  if (languages.length > 1 || main !== first.lang) {
    // Judge the main language on its own text, so a mixed document is not made to look unsure.
    const own = scored.filter((item, index): item is Scored => item !== undefined && assigned[index] === main);
    final = documentVerdict(own);
    // Paragraphs are named among the common languages only; all of them settle the main one.
    if (final.lang !== main && final.lang !== UND) {
      languages = shares(
        assigned.map((lang) => (lang === main ? final.lang : lang)),
        lengths,
        final.lang,
      );
    }
  }
  if (final.confidence < MIN_CONFIDENCE) return undetermined(final.confidence);
  return { lang: languages[0]?.lang ?? final.lang, langConfidence: round(final.confidence, 3), languages };
}

function undetermined(confidence: number): LanguageResult {
  return { lang: UND, langConfidence: round(confidence, 3), languages: [{ lang: UND, share: 1 }] };
}

/**
 * Read the segments' scripts: each for up to its whole length while the budget allows, less
 * when there are many; past `budget / MIN_SAMPLE` segments, an evenly spread subset (the others
 * are left undefined and later follow the segment before them).
 */
function readSegments(paragraphs: string[], segments: Segment[], lengths: number[]): (Scored | undefined)[] {
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const sample =
    total <= SCORED_CHARS_BUDGET
      ? Number.POSITIVE_INFINITY
      : Math.max(MIN_SAMPLE, SCORED_CHARS_BUDGET / segments.length);
  const room = Math.floor(SCORED_CHARS_BUDGET / MIN_SAMPLE);
  const step = segments.length > room ? segments.length / room : 1;
  const result: (Scored | undefined)[] = new Array<Scored | undefined>(segments.length).fill(undefined);
  for (let position = 0; position < segments.length; position += step) {
    const index = Math.floor(position);
    const segment = segments[index] as Segment;
    const end = Math.min(segment.end, segment.start + sample);
    const text = (paragraphs[segment.paragraph] as string).slice(segment.start, end);
    const tally = tallyScripts(text);
    result[index] = {
      text,
      script: tally.top,
      letters: tally.letters,
      scriptLetters: tally.topCount,
      model: undefined,
      distances: undefined,
      trigrams: 0,
    };
  }
  return result;
}

function modelOf(script: string): ScriptModel | undefined {
  if (!hasModel(script)) return undefined;
  const model = scriptModel(script, ALLOWED_LANGUAGES);
  // A script none of whose languages is on the list (Cree syllabics…) keeps all of them.
  return model.languages.length > 0 ? model : scriptModel(script);
}

/**
 * Score each read segment. In the document's script, against the common languages only when
 * the document language is one of them (the fast path), else against all; in another script,
 * against all of that script's languages.
 */
function scoreSegments(scored: (Scored | undefined)[], docScript: string, docLang: string): void {
  for (const item of scored) {
    if (item?.script === undefined) continue;
    const model = modelOf(item.script);
    if (!model) continue;
    const docIndex = item.script === docScript ? model.languages.indexOf(docLang) : -1;
    const limit = docIndex >= 0 && docIndex < model.common ? model.common : model.languages.length;
    const score = item.full && item.script === docScript ? item.full : scoreText(model, item.text, limit);
    item.model = model;
    item.distances = score.distances.length === limit ? score.distances : score.distances.subarray(0, limit);
    item.trigrams = score.trigrams;
  }
}

/** The script with the most letters over the read segments. */
function mainScript(scored: (Scored | undefined)[]): string | undefined {
  const letters = new Map<string, number>();
  for (const item of scored) {
    if (item?.script !== undefined) letters.set(item.script, (letters.get(item.script) ?? 0) + item.scriptLetters);
  }
  let best: string | undefined;
  for (const [script, count] of letters) if (best === undefined || count > (letters.get(best) ?? 0)) best = script;
  return best;
}

/**
 * The language of segments of one script, scored against all its languages on up to
 * {@link DOCUMENT_SAMPLE} characters drawn evenly from them. Each segment is scored on its own
 * and the distances summed: franc's distance compares counts with ranks, so one long text
 * blurs the margins that several paragraph-sized ones keep. For a script only one language
 * uses, the confidence is how pure and long the text is.
 */
function documentVerdict(items: Scored[]): Verdict {
  const script = items[0]?.script;
  if (script === undefined) return { lang: UND, confidence: 0 };
  const model = modelOf(script);
  if (!model) {
    const letters = items.reduce((sum, item) => sum + item.letters, 0);
    const own = items.reduce((sum, item) => sum + (item.script === script ? item.scriptLetters : 0), 0);
    const purity = letters === 0 ? 0 : own / letters;
    return { lang: script, confidence: purity * (1 - Math.exp(-own / SCRIPT_LENGTH_SCALE)) };
  }
  const same = items.filter((item) => item.script === script);
  const share = Math.max(MIN_SAMPLE, Math.floor(DOCUMENT_SAMPLE / same.length));
  const distances = new Int32Array(model.languages.length);
  let trigrams = 0;
  let read = 0;
  const texts: string[] = [];
  for (const item of same) {
    if (read >= DOCUMENT_SAMPLE) break;
    texts.push(item.text);
    let score = item.full;
    if (!score) {
      const whole = item.text.length <= share;
      score = scoreText(model, whole ? item.text : item.text.slice(0, share));
      // Kept for the paragraph pass, which would score the same text again.
      if (whole) item.full = score;
    }
    for (let index = 0; index < distances.length; index++) {
      distances[index] = (distances[index] as number) + (score.distances[index] as number);
    }
    trigrams += score.trigrams;
    read += Math.min(item.text.length, share);
  }
  return best(model, distances, trigrams, { script, text: texts.join('\n') });
}

/** The text a document verdict was scored on, and its script: more evidence than trigrams. */
interface Evidence {
  script: string;
  text: string;
}

/**
 * The closest language of `distances` (a minor language yields to its major neighbour unless
 * clearly ahead), and its confidence: the margin per trigram over the best language outside
 * its family, discounted for short text. With `evidence` (the document verdict), a language
 * whose alphabet lacks letters of the text is passed over, marker words choose within a close
 * group, and the confidence weighs the margin by the square root of the trigrams.
 */
function best(model: ScriptModel, distances: Int32Array, trigrams: number, evidence?: Evidence): Verdict {
  if (distances.length === 0 || trigrams === 0) return { lang: UND, confidence: 0 };
  let top = evidence ? withoutForeignLetters(model, distances, evidence.text) : argmin(distances);
  const major = PREFER_MAJOR.get(model.languages[top] as string);
  const majorIndex = major === undefined ? -1 : model.languages.indexOf(major);
  if (majorIndex >= 0 && majorIndex < distances.length) {
    const behind = ((distances[majorIndex] as number) - (distances[top] as number)) / trigrams;
    if (behind < PREFER_MARGIN) top = majorIndex;
  }
  const francTop = top;
  if (evidence) top = closeChoice(model, distances, trigrams, top, evidence);
  const lang = model.languages[top] as string;
  if (distances.length === 1) return { lang, confidence: lengthFactor(trigrams) };
  const close = closeMask(model, top);
  let runnerUp = Number.POSITIVE_INFINITY;
  for (let index = 0; index < distances.length; index++) {
    if (close[index] === 1) continue;
    if ((distances[index] as number) < runnerUp) runnerUp = distances[index] as number;
  }
  if (runnerUp === Number.POSITIVE_INFINITY) return { lang, confidence: lengthFactor(trigrams) };
  const margin = (runnerUp - (distances[top] as number)) / trigrams;
  if (!evidence) return { lang, confidence: confidence(margin, trigrams) };
  let sure = weighed(margin, trigrams);
  // A close language nearly as near, and no marker word to tell them apart: a sentence of
  // Croatian or Serbian, Bokmål or Danish, is then `und`, not a coin toss (bench/lang-eval).
  if (top === francTop && trigrams < SIBLING_TRIGRAMS) {
    let sibling = Number.POSITIVE_INFINITY;
    for (let index = 0; index < distances.length; index++) {
      // A minor variety of the language chosen (Scots, Pidgin for English) is no reason for doubt:
      // it must beat its major neighbour clearly to be named at all (PREFER_MAJOR).
      if (close[index] === 1 && index !== top && PREFER_MAJOR.get(model.languages[index] as string) !== lang) {
        sibling = Math.min(sibling, distances[index] as number);
      }
    }
    const gap = (sibling - (distances[top] as number)) / trigrams;
    if (gap >= 0 && gap !== Number.POSITIVE_INFINITY)
      sure = Math.min(sure, rootWeighed(gap * SIBLING_WEIGHT, trigrams));
  }
  return { lang, confidence: sure };
}

// Per model, per language index: which of the model's languages are close to that one (1) or
// not (0). `best` asks it of every language at every verdict: an array read, not a set lookup.
const closeMasks = new Map<ScriptModel, Uint8Array[]>();

function closeMask(model: ScriptModel, index: number): Uint8Array {
  let masks = closeMasks.get(model);
  if (!masks) {
    masks = [];
    closeMasks.set(model, masks);
  }
  let mask = masks[index];
  if (!mask) {
    const close = closeLanguages(model.languages[index] as string);
    mask = Uint8Array.from(model.languages, (language) => (close.has(language) ? 1 : 0));
    masks[index] = mask;
  }
  return mask;
}

/** Confidence from a margin (distance points per trigram) and the amount of text. */
function confidence(margin: number, trigrams: number): number {
  if (margin <= 0) return 0;
  return (1 - Math.exp(-margin / MARGIN_SCALE)) * lengthFactor(trigrams);
}

/**
 * A document verdict's confidence: the margin per trigram weighed by the square root of the
 * trigrams (see {@link EVIDENCE_SCALE}), discounted for short text as {@link confidence} is, and
 * never below {@link confidence}.
 */
function weighed(margin: number, trigrams: number): number {
  // Under ~130 trigrams the root weighs less than the plain margin: a short text keeps the
  // confidence it had, so that only long texts gain.
  return Math.max(rootWeighed(margin, trigrams), confidence(margin, trigrams));
}

/** The margin weighed by the square root of the trigrams alone (see {@link EVIDENCE_SCALE}). */
function rootWeighed(margin: number, trigrams: number): number {
  if (margin <= 0) return 0;
  return (1 - Math.exp((-margin * Math.sqrt(trigrams)) / EVIDENCE_SCALE)) * lengthFactor(trigrams);
}

function lengthFactor(trigrams: number): number {
  return 1 - Math.exp(-trigrams / LENGTH_SCALE);
}

function argmin(values: Int32Array): number {
  let top = 0;
  for (let index = 1; index < values.length; index++) {
    if ((values[index] as number) < (values[top] as number)) top = index;
  }
  return top;
}

/** Distances summed over segments scored with the same model and languages. */
function summed(items: Scored[]): { model: ScriptModel; distances: Int32Array; trigrams: number } | undefined {
  const head = items[0];
  if (!head?.model || !head.distances) return undefined;
  const distances = new Int32Array(head.distances.length);
  let trigrams = 0;
  for (const item of items) {
    if (item.model !== head.model || item.distances?.length !== distances.length) return undefined;
    for (let index = 0; index < distances.length; index++) {
      distances[index] = (distances[index] as number) + (item.distances[index] as number);
    }
    trigrams += item.trigrams;
  }
  return { model: head.model, distances, trigrams };
}

/**
 * A language for every segment. Long segments are judged alone; runs of short (or unjudged)
 * ones are judged together when long enough, else follow their neighbours when these agree,
 * else the document language. Unread segments follow the read one before them.
 */
function assign(scored: (Scored | undefined)[], docLang: string, docScript: string): string[] {
  const langs: (string | undefined)[] = scored.map((item) =>
    item && item.letters >= SEGMENT_MIN_LETTERS ? judge([item], docLang, docScript) : undefined,
  );
  for (let start = 0; start < scored.length;) {
    if (langs[start] !== undefined || scored[start] === undefined) {
      start++;
      continue;
    }
    let end = start;
    while (end < scored.length && langs[end] === undefined && scored[end] !== undefined) end++;
    const run = scored.slice(start, end) as Scored[];
    const runLetters = run.reduce((sum, item) => sum + item.letters, 0);
    let lang = runLetters >= SEGMENT_MIN_LETTERS ? judge(run, docLang, docScript) : undefined;
    if (lang === undefined) {
      const before = start > 0 ? langs[start - 1] : undefined;
      const after = end < langs.length ? langs[end] : undefined;
      const disagree = before !== undefined && after !== undefined && before !== after;
      lang = disagree ? docLang : (before ?? after ?? docLang);
    }
    for (let index = start; index < end; index++) langs[index] = lang;
    start = end;
  }
  let previous: string | undefined;
  for (let index = 0; index < langs.length; index++) {
    if (langs[index] === undefined) langs[index] = previous;
    previous = langs[index];
  }
  const firstKnown = langs.find((lang) => lang !== undefined) ?? docLang;
  return langs.map((lang) => lang ?? firstKnown);
}

/**
 * The language of segments judged together. In the document's script: the document language
 * unless another beats it clearly. In another script: that script's best language. Undefined
 * when they cannot be judged together (mixed scripts).
 */
function judge(items: Scored[], docLang: string, docScript: string): string | undefined {
  const script = items[0]?.script;
  if (script === undefined || items.some((item) => item.script !== script)) return undefined;
  const total = summed(items);
  if (!total) return script === docScript ? docLang : script;
  const { model, distances, trigrams } = total;
  const top = best(model, distances, trigrams).lang;
  if (script !== docScript) return top;
  // A close language's paragraph (a Bosnian quote in Croatian news) is no other language here.
  if (top === docLang || top === UND || closeLanguages(docLang).has(top)) return docLang;
  // How clearly the best language beats the document's own, not its runner-up.
  const doc = model.languages.indexOf(docLang);
  const other = model.languages.indexOf(top);
  if (doc < 0 || doc >= distances.length) return docLang;
  const margin = ((distances[doc] as number) - (distances[other] as number)) / trigrams;
  if (confidence(margin, trigrams) < SWITCH_CONFIDENCE) return docLang;
  // Names, scores and line-ups look like any language to trigrams: prose has its function words.
  return hasOrdinaryWords(items.map((item) => item.text).join('\n'), top, docLang) ? top : docLang;
}
/**
 * Share of characters per language, rounded to 3 decimals, summing to exactly 1, largest
 * first (ties: the document language first); languages under 0.05% are folded into the largest.
 */
function shares(assigned: string[], lengths: number[], docLang: string): LanguageShare[] {
  const chars = new Map<string, number>();
  let total = 0;
  assigned.forEach((lang, index) => {
    const length = lengths[index] ?? 0;
    chars.set(lang, (chars.get(lang) ?? 0) + length);
    total += length;
  });
  const entries = [...chars]
    .map(([lang, count]) => ({ lang, share: round(count / total, 3) }))
    .filter((entry) => entry.share > 0)
    .sort((a, b) => b.share - a.share || Number(b.lang === docLang) - Number(a.lang === docLang));
  const [largest, ...rest] = entries;
  if (!largest) return [{ lang: docLang, share: 1 }];
  largest.share = round(1 - rest.reduce((sum, entry) => sum + entry.share, 0), 3);
  return [largest, ...rest];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
