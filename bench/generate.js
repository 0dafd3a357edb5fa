#!/usr/bin/env node
// Generates the bench corpus: N news-like documents in ~70 languages from real UDHR sentences,
// deterministic (seeded), spread over subfolders, outside the repo; reused when already there.
// With --html or --warc, the web corpora instead (bench/lib/web-corpus.js): N HTML pages as files,
// or as one WARC.
//
//   node bench/generate.js [--docs 100000] [--out DIR] [--seed corpus-bench] [--per-folder 1000] [--force]
//   node bench/generate.js --html 20000 [--warc 20000] [--html-source synthetic|real] [--out DIR]

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { byline, dateline, outlet, trailer, wireOpening } from './lib/news-frame.js';
import { languagePicker, PAGE_SOURCES } from './lib/page-source.js';
import { createRandom } from './lib/prng.js';
import { loadLanguages } from './lib/udhr-sentences.js';
import { ensureWarc } from './lib/warc-file.js';
import { ensureHtmlFolder } from './lib/web-corpus.js';

/** Bump when the generated files change for the same parameters: old corpora are then rebuilt. */
export const GENERATOR_VERSION = 1;

/** Words the harness may grep for; the manifest records how many documents hold each. */
export const GREP_CANDIDATES = ['freedom', 'Reuters', 'education', 'dignity', 'Freiheit', 'derechos', 'nationality'];

/**
 * The default folder for a corpus of `docs` documents.
 * @param {number} docs
 */
export function defaultOut(docs) {
  return join(process.env.TMPDIR || tmpdir(), 'corpus-bench', String(docs));
}

/**
 * The folder of a web corpus beside the text corpora: `html-synthetic-20000`, `warc-real-20000`.
 * @param {string} parent - the folder of the corpora (`$TMPDIR/corpus-bench`)
 * @param {'html' | 'warc'} kind
 * @param {string} source - synthetic or real
 * @param {number} pages
 */
export function webCorpusDir(parent, kind, source, pages) {
  return join(parent, `${kind}-${source}-${pages}`);
}

/** @typedef {import('./lib/prng.js').Random} Random */
/** @typedef {import('./lib/udhr-sentences.js').Language} Language */

/**
 * One document before rendering: its parts, and how it was made (original or a duplicate).
 * @typedef {object} DocParts
 * @property {string} hex - 16 hex digits, in the file name and the trailer's URL
 * @property {'original' | 'exact' | 'near'} kind
 * @property {number} [of] - for a duplicate, the document it copies
 * @property {string} lang - ISO 639-3
 * @property {string | null} source - the outlet, if any
 * @property {boolean} outletTop - the outlet's name on the first line
 * @property {string | null} headline
 * @property {boolean} headlineRepeat - the headline twice, as some exports have it
 * @property {string | null} dateline
 * @property {string | null} byline
 * @property {string} wire - a news-wire opening of the first paragraph, or ''
 * @property {string[]} paragraphs
 * @property {string | null} mixed - the language of a quoted paragraph in another language
 * @property {string | null} trailer
 * @property {boolean} tightLines - no blank line between paragraphs
 * @property {boolean} crlf
 * @property {boolean} markdown
 */

/**
 * A paragraph of `sentences` sentences drawn from the language's.
 * @param {Random} rnd
 * @param {Language} language
 * @param {number} sentences
 */
function paragraph(rnd, language, sentences) {
  const parts = [];
  for (let s = 0; s < sentences; s++) parts.push(rnd.pick(language.sentences));
  return parts.join(language.unspaced ? '' : ' ');
}

/**
 * A headline: the first words (or characters, for a script without spaces) of a sentence.
 * @param {Random} rnd
 * @param {Language} language
 */
function headlineFrom(rnd, language) {
  const sentence = rnd.pick(language.sentences);
  let head;
  if (language.unspaced) head = [...sentence].slice(0, rnd.range(12, 24)).join('');
  else head = sentence.split(' ').slice(0, rnd.range(5, 11)).join(' ');
  head = head.replace(/[\s,.;:،、，。।]+$/u, '');
  return rnd.chance(0.1) ? head.toUpperCase() : head;
}

/**
 * The text of a document, as written to its file.
 * @param {DocParts} doc
 */
function render(doc) {
  const lines = [];
  if (doc.outletTop) lines.push(doc.source, '');
  if (doc.headline !== null) {
    lines.push(doc.markdown ? `# ${doc.headline}` : doc.headline);
    if (doc.headlineRepeat) lines.push(doc.headline);
    lines.push('');
  }
  if (doc.dateline !== null) lines.push(doc.dateline);
  if (doc.byline !== null) lines.push(doc.byline);
  if (doc.dateline !== null || doc.byline !== null) lines.push('');
  doc.paragraphs.forEach((p, k) => {
    lines.push(k === 0 ? doc.wire + p : p);
    if (!doc.tightLines) lines.push('');
  });
  if (doc.trailer !== null) {
    if (doc.tightLines) lines.push('');
    lines.push(doc.trailer);
  }
  while (lines[lines.length - 1] === '') lines.pop();
  const text = lines.join('\n') + '\n';
  return doc.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/**
 * Makes the document generator for one set of parameters.
 * @param {{ seed: string }} options
 */
function createGenerator({ seed }) {
  const { languages, udhrVersion } = loadLanguages();
  // News is dominated by a few languages: the k-th language is weighted by k^-0.8.
  const pickLanguage = languagePicker(languages);

  /**
   * The parts of document i, before rendering; pure function of (seed, i).
   * @param {number} i
   * @returns {DocParts}
   */
  const parts = (i) => {
    const rnd = createRandom(`${seed}:doc:${i}`);
    const hex = rnd.hex() + rnd.hex();
    if (i >= 20 && rnd.chance(0.004)) {
      const of = rnd.int(i);
      return { ...parts(of), hex, kind: 'exact', of };
    }
    if (i >= 20 && rnd.chance(0.004)) {
      const of = rnd.int(i);
      const base = parts(of);
      // base was drawn from these languages.
      const language = /** @type {Language} */ (languages.find((l) => l.lang === base.lang));
      // A near duplicate: a later edition, with a new date line, one sentence changed, a new trailer.
      const paragraphs = [...base.paragraphs];
      const p = rnd.int(paragraphs.length);
      paragraphs[p] = `${paragraphs[p]}${language.unspaced ? '' : ' '}${rnd.pick(language.sentences)}`;
      return {
        ...base,
        hex,
        kind: 'near',
        of,
        dateline: dateline(rnd, base.lang),
        paragraphs,
        trailer: trailer(rnd, base.source ?? outlet(rnd), hex),
      };
    }
    const language = pickLanguage(rnd);
    const source = rnd.chance(0.8) ? outlet(rnd) : null;
    /** @type {DocParts} */
    const doc = {
      hex,
      kind: 'original',
      lang: language.lang,
      source,
      outletTop: source !== null && rnd.chance(0.3),
      headline: rnd.chance(0.88) ? headlineFrom(rnd, language) : null,
      headlineRepeat: rnd.chance(0.08),
      dateline: rnd.chance(0.82) ? dateline(rnd, language.lang) : null,
      byline: source !== null && rnd.chance(0.45) ? byline(rnd, source) : null,
      wire: source !== null && rnd.chance(0.15) ? wireOpening(rnd, source) : '',
      paragraphs: [],
      mixed: null,
      trailer: rnd.chance(0.6) ? trailer(rnd, source ?? outlet(rnd), hex) : null,
      tightLines: rnd.chance(0.2),
      crlf: rnd.chance(0.03),
      markdown: rnd.chance(0.05),
    };
    const target = rnd.range(1900, 3300) - 200;
    let bytes = 0;
    while (bytes < target) {
      const p = paragraph(rnd, language, rnd.range(1, 4));
      doc.paragraphs.push(p);
      bytes += Buffer.byteLength(p) + 2;
    }
    if (rnd.chance(0.02) && doc.paragraphs.length > 2) {
      // A mixed-language document: a quoted paragraph in another language.
      let other = pickLanguage(rnd);
      if (other === language)
        other = /** @type {Language} */ (languages[(languages.indexOf(language) + 1) % languages.length]);
      doc.mixed = other.lang;
      doc.paragraphs.splice(1 + rnd.int(doc.paragraphs.length - 1), 0, `« ${paragraph(rnd, other, rnd.range(2, 3))} »`);
    }
    return doc;
  };

  return { languages, udhrVersion, parts, render };
}

/**
 * @param {unknown} a
 * @param {unknown} b
 */
const sameParams = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A corpus's manifest, `.manifest.json` in its folder: the parameters it was made with, and what
 * it holds.
 * @typedef {object} Manifest
 * @property {{ generator: number, docs: number, seed: string, perFolder: number, udhr: string }} params
 * @property {string} generatedAt
 * @property {number} generationSeconds
 * @property {number} docs
 * @property {number} folders
 * @property {{ bytes: number, languages: Record<string, number>, exactDuplicates: number,
 *   nearDuplicates: number, mixed: number, crlf: number, markdown: number, noTitle: number,
 *   noDate: number, languageCount: number }} stats
 * @property {Record<string, number>} documentFrequency - documents holding each grep candidate
 */

/**
 * Makes sure the corpus for these parameters exists in `out`, generating it when missing or
 * made with other parameters. Returns its manifest (parameters and statistics).
 * @param {{ docs: number, out?: string, seed?: string, perFolder?: number, force?: boolean,
 *   log?: (line: string) => void }} options
 * @returns {Manifest & { dir: string, reused: boolean }}
 */
export function ensureCorpus({ docs, out, seed = 'corpus-bench', perFolder = 1000, force = false, log = () => {} }) {
  const dir = resolve(out ?? defaultOut(docs));
  // Hidden, so that corpus, rg and the franc loop all skip it and read the same files.
  const manifestPath = join(dir, '.manifest.json');
  const generator = createGenerator({ seed });
  const params = { generator: GENERATOR_VERSION, docs, seed, perFolder, udhr: generator.udhrVersion };
  if (!force && existsSync(manifestPath)) {
    const manifest = /** @type {Manifest} */ (JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (sameParams(manifest.params, params)) {
      log(`corpus: reusing ${dir} (${docs} documents, made ${manifest.generatedAt})`);
      return { ...manifest, dir, reused: true };
    }
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    // Only ever delete a folder this generator made.
    if (!existsSync(manifestPath) && !existsSync(join(dir, '.corpus-bench'))) {
      throw new Error(`${dir} is not empty and was not made by bench/generate.js; choose another --out`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.corpus-bench'), 'made by bench/generate.js; removed when regenerated\n');

  const started = Date.now();
  const folderDigits = Math.max(3, String(Math.ceil(docs / perFolder) - 1).length);
  const docDigits = Math.max(6, String(docs - 1).length);
  const stats = {
    bytes: 0,
    /** @type {Record<string, number>} */
    languages: {},
    exactDuplicates: 0,
    nearDuplicates: 0,
    mixed: 0,
    crlf: 0,
    markdown: 0,
    noTitle: 0,
    noDate: 0,
  };
  const df = Object.fromEntries(GREP_CANDIDATES.map((w) => [w, 0]));
  let folder = '';
  for (let i = 0; i < docs; i++) {
    const doc = generator.parts(i);
    const text = generator.render(doc);
    const sub = String(Math.floor(i / perFolder)).padStart(folderDigits, '0');
    if (sub !== folder) {
      folder = sub;
      mkdirSync(join(dir, sub), { recursive: true });
    }
    const name = `${String(i).padStart(docDigits, '0')}_${doc.hex}.${doc.markdown ? 'md' : 'txt'}`;
    writeFileSync(join(dir, sub, name), text);
    stats.bytes += Buffer.byteLength(text);
    stats.languages[doc.lang] = (stats.languages[doc.lang] ?? 0) + 1;
    if (doc.kind === 'exact') stats.exactDuplicates++;
    if (doc.kind === 'near') stats.nearDuplicates++;
    if (doc.mixed) stats.mixed++;
    if (doc.crlf) stats.crlf++;
    if (doc.markdown) stats.markdown++;
    if (doc.headline === null) stats.noTitle++;
    if (doc.dateline === null) stats.noDate++;
    for (const w of GREP_CANDIDATES) if (text.includes(w)) df[w] = (df[w] ?? 0) + 1;
    if ((i + 1) % 10000 === 0)
      log(`corpus: ${i + 1}/${docs} documents written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  /** @type {Manifest} */
  const manifest = {
    params,
    generatedAt: new Date().toISOString(),
    generationSeconds: (Date.now() - started) / 1000,
    docs,
    folders: Math.ceil(docs / perFolder),
    stats: { ...stats, languageCount: Object.keys(stats.languages).length },
    documentFrequency: df,
  };
  // Written last: a half-made corpus has no manifest and is rebuilt next time.
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  log(
    `corpus: wrote ${docs} documents, ${(stats.bytes / 1e6).toFixed(1)} MB, to ${dir} in ${manifest.generationSeconds.toFixed(1)} s`,
  );
  return { ...manifest, dir, reused: false };
}

const USAGE = `usage: node bench/generate.js [--docs 100000] [--out DIR] [--seed corpus-bench] [--per-folder 1000] [--force]
       node bench/generate.js [--html N] [--warc N] [--html-source synthetic|real] [--out PARENT] [--seed S] [--force]
  --html N, --warc N: N pages as .html files, or as one WARC (gzip per record), in PARENT/html-<source>-<N>
  and PARENT/warc-<source>-<N> (PARENT: default $TMPDIR/corpus-bench); real pages: ${PAGE_SOURCES[1]}, from
  /tmp/html-eval-data (bench/html-eval/prepare.sh), cycled
`;

/**
 * Command line: see USAGE.
 * @param {string[]} argv
 * @returns {Promise<number>} the exit code
 */
async function cli(argv) {
  /** @type {Parameters<typeof ensureCorpus>[0]} */
  const options = { docs: 100000 };
  const web = { html: 0, warc: 0, source: /** @type {import('./lib/page-source.js').PageSourceName} */ ('synthetic') };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const value = () => {
      if (k + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return /** @type {string} */ (argv[++k]);
    };
    if (arg === '--docs') options.docs = Number(value());
    else if (arg === '--out') options.out = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--per-folder') options.perFolder = Number(value());
    else if (arg === '--force') options.force = true;
    else if (arg === '--html') web.html = Number(value());
    else if (arg === '--warc') web.warc = Number(value());
    else if (arg === '--html-source') {
      const source = value();
      if (source !== 'synthetic' && source !== 'real') throw new Error('--html-source is synthetic or real');
      web.source = source;
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else throw new Error(`unknown option ${arg}`);
  }
  if (web.html || web.warc) {
    const parent = resolve(options.out ?? dirname(defaultOut(1)));
    /** @param {string} line */
    const log = (line) => process.stderr.write(`${line}\n`);
    const common = { seed: options.seed ?? 'corpus-bench', source: web.source, force: options.force ?? false, log };
    for (const [kind, pages] of /** @type {const} */ ([
      ['html', web.html],
      ['warc', web.warc],
    ])) {
      if (!pages) continue;
      if (!Number.isInteger(pages) || pages < 1) throw new Error(`--${kind} must be a positive integer`);
      const dir = webCorpusDir(parent, kind, web.source, pages);
      const made =
        kind === 'html' ? ensureHtmlFolder({ ...common, pages, dir }) : ensureWarc({ ...common, pages, dir });
      process.stdout.write(`${made.path}\n`);
    }
    return 0;
  }
  if (!Number.isInteger(options.docs) || options.docs < 1) throw new Error('--docs must be a positive integer');
  const manifest = ensureCorpus({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${manifest.dir}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`generate: ${error.message}\n`);
      process.exitCode = 2;
    },
  );
}
