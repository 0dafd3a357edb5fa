// Chooses among close languages (Croatian/Bosnian/Serbian, Malay/Indonesian, Czech/Slovak…) where
// franc's trigram distances barely separate them, with the letters and marker words of
// distinctive-words.ts. Measured on real text: bench/lang-eval (issue 19, point 5).

import { distinctiveCounts, distinctiveGroup, hasDistinctiveWords, hasForeignLetters } from './distinctive-words.js';
import type { ScriptModel } from './trigram-model.js';

/** A close language with this many more marker words than franc's choice takes its place… */
const MARKER_LEAD = 2;
/** …or with one more, when franc puts it within this many points per trigram of its choice. */
const TIE_MARGIN = 8;
/** Marker words are counted only when a member of the group is this near (points per trigram). */
const CONSIDER_MARGIN = 5;

// Per model, each language's index: closeChoice asks for a few at every document verdict.
const indices = new Map<ScriptModel, Map<string, number>>();

function indexIn(model: ScriptModel, lang: string): number {
  let map = indices.get(model);
  if (!map) {
    map = new Map(model.languages.map((language, index) => [language, index]));
    indices.set(model, map);
  }
  return map.get(lang) ?? -1;
}

/** How many of the closest languages a text's letters may rule out, one after the other. */
const MAX_RULED_OUT = 3;

/**
 * The closest language of `distances` whose alphabet has the text's letters (Czech `ř` is not
 * Slovak): its index in `model.languages`.
 */
export function withoutForeignLetters(model: ScriptModel, distances: Int32Array, text: string): number {
  let top = argmin(distances);
  let left: Int32Array | undefined;
  for (let round = 0; round < MAX_RULED_OUT && hasForeignLetters(model.languages[top] as string, text); round++) {
    left ??= distances.slice();
    left[top] = 0x7fffffff;
    top = argmin(left);
  }
  return top;
}

// Croatian is not written in Cyrillic, and Bosnian news nearly never: such text is Serbian.
const CYRILLIC_AS: ReadonlyMap<string, string> = new Map([
  ['hrv', 'srp'],
  ['bos', 'srp'],
  ['cnr', 'srp'],
]);

/**
 * Within a close group (Croatian/Bosnian/Serbian, Malay/Indonesian, Bokmål/Nynorsk/Danish…),
 * the member whose marker words outnumber those of franc's choice by {@link MARKER_LEAD} (or by
 * one, when franc has it within {@link TIE_MARGIN}); in Cyrillic, Serbian for Croatian or Bosnian.
 *
 * @param model - The script's models.
 * @param distances - The text's distances to the first `distances.length` languages of `model`.
 * @param trigrams - The text's trigrams, to normalise distances.
 * @param top - The index franc's distances chose.
 * @param evidence - The text and its script.
 * @returns The index of the language chosen (`top` when nothing tells otherwise).
 */
export function closeChoice(
  model: ScriptModel,
  distances: Int32Array,
  trigrams: number,
  top: number,
  evidence: { script: string; text: string },
): number {
  const lang = model.languages[top] as string;
  const cyrillic = evidence.script === 'Cyrillic' ? CYRILLIC_AS.get(lang) : undefined;
  if (cyrillic !== undefined) {
    const index = model.languages.indexOf(cyrillic);
    return index >= 0 && index < distances.length ? index : top;
  }
  if (!hasDistinctiveWords(lang)) return top;
  // Counting words costs a pass over the text: only when a member of the group is near at all.
  let near = false;
  for (const member of distinctiveGroup(lang)) {
    const index = indexIn(model, member);
    if (index < 0 || index >= distances.length || index === top) continue;
    if (((distances[index] as number) - (distances[top] as number)) / trigrams < CONSIDER_MARGIN) near = true;
  }
  if (!near) return top;
  const counts = distinctiveCounts(lang, evidence.text);
  const own = counts.get(lang) ?? 0;
  let choice = top;
  let most = own;
  for (const [member, count] of counts) {
    const index = indexIn(model, member);
    if (index < 0 || index >= distances.length || count <= most) continue;
    const behind = ((distances[index] as number) - (distances[top] as number)) / trigrams;
    if (count - own >= MARKER_LEAD || behind < TIE_MARGIN) {
      choice = index;
      most = count;
    }
  }
  return choice;
}

function argmin(values: Int32Array): number {
  let top = 0;
  for (let index = 1; index < values.length; index++) {
    if ((values[index] as number) < (values[top] as number)) top = index;
  }
  return top;
}
