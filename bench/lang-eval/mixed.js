#!/usr/bin/env node
// Mixed-language precision: the share of monolingual news articles that `detectLanguage` finds
// more than one language in (what sets the `mixed-language` flag), on a folder of .txt articles
// whose paragraphs are separated by blank lines (the BBC News dataset: see README.md).
//
// Recall beside it: documents of three paragraphs in one language and one in another, built
// from lingua's sentences, should be found mixed.
//
//   node bench/lang-eval/mixed.js [--dist DIR] [--show N] [--lingua DIR] [DIR]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const args = process.argv.slice(2);
let dist = join(ROOT, 'dist');
let show = 0;
let dir = '/tmp/lang-eval-data/bbc';
let lingua = '/tmp/lang-eval-data/lingua';
for (let index = 0; index < args.length; index++) {
  if (args[index] === '--dist') dist = resolve(args[++index] ?? '');
  else if (args[index] === '--lingua') lingua = resolve(args[++index] ?? '');
  else if (args[index] === '--show') show = Number(args[++index]);
  else dir = resolve(args[index] ?? '');
}

/** @param {string} folder @returns {string[]} */
function walk(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.txt$/.test(name) ? [path] : [];
    });
}

const { detectLanguage } = await import(
  pathToFileURL(join(dist, 'core', 'analyse', 'language', 'detect-language.js')).href
);
const files = walk(dir);
const flagged = [];
for (const file of files) {
  // The dataset is Latin-1 in places (`£`): decoded as such when it is not valid UTF-8.
  const bytes = readFileSync(file);
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) text = new TextDecoder('latin1').decode(bytes);
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const result = detectLanguage(paragraphs);
  if (result.languages.length > 1) flagged.push({ file, result });
}
const lines = [
  `${files.length} articles, ${flagged.length} with more than one language (${((100 * flagged.length) / files.length).toFixed(2)} %)`,
];
for (const { file, result } of flagged.slice(0, show)) {
  const { languages } = /** @type {{ languages: { lang: string, share: number }[] }} */ (result);
  lines.push(`${file.slice(dir.length + 1)}\t${languages.map((l) => `${l.lang}:${l.share}`).join(' ')}`);
}

// Recall: for each ordered pair of these languages, 10 documents of three paragraphs (three
// sentences each) in the first and one in the second, the second's paragraph third.
// prettier-ignore
/** @type {Record<string, string>} */
const RECALL = { en: 'eng', fr: 'fra', de: 'deu', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol', ru: 'rus', tr: 'tur', sv: 'swe', id: 'ind' };
/** @param {string} code */
const sentencesOf = (code) =>
  readFileSync(join(lingua, `${code}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean);
let built = 0;
let found = 0;
try {
  const sentences = Object.fromEntries(Object.keys(RECALL).map((code) => [code, sentencesOf(code)]));
  for (const a of Object.keys(RECALL)) {
    for (const b of Object.keys(RECALL)) {
      if (a === b) continue;
      for (let n = 0; n < 10; n++) {
        /** @param {string} code @param {number} k */
        const para = (code, k) => (sentences[code] ?? []).slice(k * 3, k * 3 + 3).join(' ');
        const doc = [para(a, 4 * n), para(a, 4 * n + 1), para(b, n), para(a, 4 * n + 2)];
        built++;
        const { languages } = /** @type {{ languages: { lang: string }[] }} */ (detectLanguage(doc));
        if (languages.some((share) => share.lang === RECALL[b])) found++;
      }
    }
  }
  lines.push(
    `recall: ${found} of ${built} two-language documents found mixed (${((100 * found) / built).toFixed(1)} %)`,
  );
} catch {
  lines.push('recall: no lingua sentences (see README.md)');
}
process.stdout.write(`${lines.join('\n')}\n`);
