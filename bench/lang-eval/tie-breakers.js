#!/usr/bin/env node
// Which second detector breaks franc's ties between close languages best: `eld` 2.x and
// `cld3-asm` 4.x asked to choose within each close group, on lingua's real sentences and on
// 1,000-character documents of them; with their start-up time and speed. A one-off
// measurement kept so that the choice can be checked again (README.md gives the figures).
//
//   node bench/lang-eval/tie-breakers.js [--lingua DIR]   (needs both packages installed)
//
// Not type-checked: neither package is a dependency (install them to run this, then remove).
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the line above
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const lingua = args[0] === '--lingua' ? args[1] : '/tmp/lang-eval-data/lingua';

/** Close groups, in lingua's (ISO 639-1) codes. */
const GROUPS = [
  ['bs', 'hr', 'sr'],
  ['id', 'ms'],
  ['nb', 'nn', 'da'],
  ['cs', 'sk'],
  ['es', 'gl', 'ca', 'pt'],
  ['xh', 'zu'],
  ['bg', 'mk'],
  ['st', 'tn'],
];
// gl is not in lingua's set: its group is measured without it.

function sentencesOf(code) {
  try {
    return readFileSync(join(lingua, `${code}.txt`), 'utf8')
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

function documentsOf(sentences) {
  const docs = [];
  let current = '';
  for (const sentence of sentences) {
    current += `${sentence} `;
    if (current.length >= 1000) {
      docs.push(current);
      current = '';
    }
  }
  return docs;
}

async function loadEld() {
  const started = performance.now();
  const { eld } = await import('eld/large');
  const ms = performance.now() - started;
  /** The best of `candidates` by eld's scores, or null when it scores none of them. */
  const choose = (text, candidates) => {
    const scores = eld.detect(text).getScores();
    let best = null;
    for (const code of candidates) {
      const mapped = code === 'nb' || code === 'nn' ? 'no' : code;
      if (scores[mapped] !== undefined && (best === null || scores[mapped] > scores[best.mapped])) {
        best = { code, mapped };
      }
    }
    return best?.code ?? null;
  };
  return { name: 'eld 2.1.0 (large)', ms, choose, detect: (text) => eld.detect(text).language };
}

async function loadCld3() {
  const started = performance.now();
  const { loadModule } = await import('cld3-asm');
  const factory = await loadModule();
  const identifier = factory.create(0, 1000);
  const ms = performance.now() - started;
  const choose = (text, candidates) => {
    const top = identifier.findLanguage(text).language;
    const code = top === 'no' ? 'nb' : top;
    return candidates.includes(code) ? code : null;
  };
  return { name: 'cld3-asm 4.0.0', ms, choose, detect: (text) => identifier.findLanguage(text).language };
}

const detectors = [await loadEld(), await loadCld3()];
const lines = [];
for (const detector of detectors) {
  lines.push(`\n## ${detector.name}: start-up ${detector.ms.toFixed(0)} ms`);
  lines.push('| group | lang | sentences right % | no answer % | documents right % |');
  lines.push('| --- | --- | ---: | ---: | ---: |');
  let allDocs = [];
  for (const group of GROUPS) {
    for (const code of group) {
      const sentences = sentencesOf(code);
      if (sentences.length === 0) continue;
      const docs = documentsOf(sentences);
      allDocs = allDocs.concat(docs);
      let right = 0;
      let none = 0;
      for (const sentence of sentences) {
        const chosen = detector.choose(sentence, group);
        if (chosen === code) right++;
        else if (chosen === null) none++;
      }
      const docsRight = docs.filter((doc) => detector.choose(doc, group) === code).length;
      lines.push(
        `| ${group.join('/')} | ${code} | ${((100 * right) / sentences.length).toFixed(1)} | ${((100 * none) / sentences.length).toFixed(1)} | ${((100 * docsRight) / docs.length).toFixed(1)} |`,
      );
    }
  }
  const timed = Array.from({ length: 5000 }, (_, index) => allDocs[index % allDocs.length]);
  const started = performance.now();
  for (const doc of timed) detector.detect(doc);
  lines.push(`speed: 5000 documents of ~1,000 characters in ${(performance.now() - started).toFixed(0)} ms`);
}
process.stdout.write(`${lines.join('\n')}\n`);
