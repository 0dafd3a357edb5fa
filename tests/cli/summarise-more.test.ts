// Nothing is cut in silence: every list `summarise` cuts at `--top` says how many it left out, as
// `and N more …` under it on the terminal, and as the section's `more` counts in JSON and TSV.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// A corpus of JSON Lines records whose fields set the language and the source: 4 languages,
// 4 sources, 3 groups of exact duplicates, 3 pairs of near duplicates, 4 footers shared by several
// documents, and more names and terms than `--top 2` shows.
let corpus: string;

const LANGS = ['fra', 'eng', 'deu', 'spa'];
const SOURCES = ['Le Phare', 'Daily Lamp', 'Der Bote', 'El Faro'];
const FOOTERS = ['Suivez-nous sur Mastodon', 'Abonnez-vous ici', 'Tous droits réservés', 'Lire la suite'];
const NAMES = ['Marie Curie', 'Jean Dupont', 'Ada Lovelace', 'Alan Turing', 'Grace Hopper'];

/** A body of 120 made-up words, different for each seed, with a name mid-sentence twice. */
function body(seed: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'po'];
  const words: string[] = [];
  for (let i = 0; i < 120; i++) {
    const n = seed * 131 + i * 7;
    words.push(`${syllables[n % 10]}${syllables[Math.floor(n / 10) % 10]}${syllables[Math.floor(n / 100) % 10]}`);
  }
  const name = NAMES[seed % NAMES.length] as string;
  return `${words.slice(0, 60).join(' ')} avec ${name} hier.\n\n${words.slice(60).join(' ')} selon ${name} encore.`;
}

beforeAll(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-summ-more-'));
  const records: object[] = [];
  for (let i = 0; i < 16; i++) {
    const text = `${body(i)}\n\n${FOOTERS[i % FOOTERS.length]}`;
    records.push({ id: `doc${i}`, lang: LANGS[i % LANGS.length], source: SOURCES[i % SOURCES.length], text });
    // Exact copies of three documents; near copies (one word changed) of three others.
    if (i < 3) records.push({ id: `copy${i}`, lang: LANGS[i % LANGS.length], text });
    if (i >= 8 && i < 11)
      records.push({ id: `near${i}`, lang: LANGS[i % LANGS.length], text: text.replace(/^\S+/, 'zanzibar') });
  }
  fs.writeFileSync(path.join(corpus, 'news.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
});

afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));

async function summarise(...args: string[]) {
  const r = await runCli(['summarise', ...args, corpus]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const json = async (top: number) => JSON.parse(await summarise('--json', '--top', String(top)));

describe('summarise says what --top left out', () => {
  test('the JSON of every list cut at --top carries how many it left out', async () => {
    const s = await json(2);
    expect(s.sources.sources.map((x: { source: string }) => x.source)).toHaveLength(2);
    expect(s.sources.more).toEqual({ sources: 2 });
    expect(s.names.names).toHaveLength(2);
    expect(s.names.more).toEqual({ names: NAMES.length - 2 });
    // The lists the summary keeps whole have no `more`: the terminal view alone cuts them.
    expect(s.languages.languages).toHaveLength(4);
    expect(s.languages.more).toBeUndefined();
    expect(s.duplicates.exact).toHaveLength(3);
    expect(s.duplicates.near).toHaveLength(3);
  });

  test('what is shown and what is left out add up to the whole list, in every section', async () => {
    const cut = await json(2);
    const whole = await json(1000);
    expect(cut.sources.sources.length + cut.sources.more.sources).toBe(whole.sources.sources.length);
    expect(cut.names.names.length + cut.names.more.names).toBe(whole.names.names.length);
    for (const list of ['shared', 'top'] as const) {
      expect(cut.boilerplate[list]).toHaveLength(2);
      expect(cut.boilerplate[list].length + cut.boilerplate.more[list]).toBe(whole.boilerplate[list].length);
    }
    whole.vocabulary.languages.forEach((l: { terms: unknown[]; bigrams: unknown[]; lang: string }, i: number) => {
      const c = cut.vocabulary.languages[i];
      expect(c.lang).toBe(l.lang);
      expect(c.terms.length + c.more.terms, l.lang).toBe(l.terms.length);
      expect(c.bigrams.length + c.more.bigrams, l.lang).toBe(l.bigrams.length);
    });
    // A --top past the end leaves nothing out.
    expect(whole.sources.more).toEqual({ sources: 0 });
    expect(whole.names.more).toEqual({ names: 0 });
    expect(whole.boilerplate.more).toEqual({ shared: 0, top: 0 });
    for (const l of whole.vocabulary.languages) expect(l.more).toEqual({ terms: 0, bigrams: 0 });
  });

  test('the terminal view says "and N more" under each cut list, and where the rest is', async () => {
    const out = await summarise('--format', 'table', '--top', '2');
    const s = await json(2);
    const lines = out.split('\n');
    for (const line of [
      '  and 2 more languages (--json has all)',
      '  and 2 more sources (a larger --top shows them)',
      `  and ${s.names.more.names} more names (a larger --top shows them)`,
      '  and 1 more exact group (--json has all)',
      '  and 1 more near-duplicate group (--json has all)',
      `  and ${s.boilerplate.more.shared} more lines (a larger --top shows them)`,
      `  and ${s.boilerplate.more.top} more lines (a larger --top shows them)`,
      `  and ${s.distinctive.documents.length - 2} more documents (--json has all)`,
    ])
      expect(lines).toContain(line);
    for (const l of s.vocabulary.languages)
      expect(lines).toContain(
        `  and ${l.more.terms} more terms, ${l.more.bigrams} more bigrams (a larger --top shows them)`,
      );
    // Under Languages, the line follows the table and precedes the mixed-language line.
    const at = lines.indexOf('  and 2 more languages (--json has all)');
    expect(lines[at + 1]).toBe('  mixed-language documents: 0, undetermined (und): 0');
  });

  test('nothing left out, no "more" line', async () => {
    const out = await summarise('--format', 'table', '--top', '1000');
    expect(out).not.toMatch(/and [\d,]+ more/);
  });

  test('TSV and CSV carry the counts as more.<list> rows of the section', async () => {
    expect(await summarise('--only', 'sources', '--top', '2')).toBe(
      [
        'sources\tsources.Daily Lamp.source\tDaily Lamp',
        'sources\tsources.Daily Lamp.documents\t4',
        'sources\tsources.Der Bote.source\tDer Bote',
        'sources\tsources.Der Bote.documents\t4',
        'sources\tunknown\t6',
        'sources\tmore.sources\t2',
        '',
      ].join('\n'),
    );
    const csv = await summarise('--only', 'names,boilerplate', '--top', '2', '--format', 'csv');
    expect(csv.split('\n')).toEqual(expect.arrayContaining(['names,more.names,3', 'boilerplate,more.shared,2']));
  });

  test('TSV keys of distinctive terms name the document, not its language', async () => {
    const out = await summarise('--only', 'distinctive', '--top', '1');
    expect(out).toContain('distinctive\tdocuments.doc0.id\tdoc0\n');
    expect(out).not.toContain('documents.fra.');
  });
});
