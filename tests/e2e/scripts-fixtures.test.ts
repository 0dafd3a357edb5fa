// News in twelve scripts through the built bin/corpus: `list --json` on tests/fixtures/scripts is
// compared field by field with the expectations written by hand in its expected.json (title,
// date, source, language, body words within a tolerance), and a table per script is written to
// test-artifacts/scripts-fixtures.md for the change's note (docs/spec.md §3, the metadata fields).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const DIR = 'tests/fixtures/scripts';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

interface Expected {
  script: string;
  title: string;
  date: string;
  source: string;
  lang: string;
  words: number;
}

interface ExpectedFile {
  tolerance: { words: number; wordsByLang: Record<string, number> };
  documents: Record<string, Expected>;
}

interface Row {
  path: string;
  title: string | null;
  date: string | null;
  source: string | null;
  lang: string;
  words: number;
}

const expected = JSON.parse(fs.readFileSync(path.join(ROOT, DIR, 'expected.json'), 'utf8')) as ExpectedFile;

/** What one document got right. */
interface Verdict {
  file: string;
  script: string;
  title: boolean;
  date: boolean;
  words: boolean;
  lang: boolean;
  /** The outlet found (true), none found (null), or another one (false). */
  source: boolean | null;
}

function judge(rows: Row[]): Verdict[] {
  const byFile = new Map(rows.map((row) => [path.basename(row.path), row]));
  return Object.entries(expected.documents).map(([file, want]) => {
    const got = byFile.get(file);
    if (got === undefined) throw new Error(`${file}: not listed`);
    const tolerance = expected.tolerance.wordsByLang[want.lang] ?? expected.tolerance.words;
    return {
      file,
      script: want.script,
      title: got.title === want.title,
      date: got.date === want.date,
      words: Math.abs(got.words - want.words) <= tolerance * want.words,
      lang: got.lang === want.lang,
      source: got.source === null ? null : got.source === want.source,
    };
  });
}

/** The table per script: documents right of those of the script, for each field. */
function table(verdicts: Verdict[]): string {
  const scripts = [...new Set(verdicts.map((v) => v.script))];
  const count = (of: Verdict[], right: (v: Verdict) => boolean): string => `${of.filter(right).length}/${of.length}`;
  const lines = [
    '| script | docs | title | date | words | language | source found |',
    '| ------ | ---: | ----: | ---: | ----: | -------: | -----------: |',
  ];
  for (const script of [...scripts, 'all']) {
    const of = script === 'all' ? verdicts : verdicts.filter((v) => v.script === script);
    lines.push(
      `| ${script} | ${of.length} | ${count(of, (v) => v.title)} | ${count(of, (v) => v.date)} | ` +
        `${count(of, (v) => v.words)} | ${count(of, (v) => v.lang)} | ${count(of, (v) => v.source === true)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('news in twelve scripts (tests/fixtures/scripts)', () => {
  const run = runBin(['list', '--json', '--no-cache', '--glob', '*.txt', DIR]);
  const rows = run.status === 0 ? (JSON.parse(run.stdout) as Row[]) : [];
  const verdicts = run.status === 0 ? judge(rows) : [];

  test('list reads every document, and the table per script is written', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(rows.map((row) => path.basename(row.path)).sort()).toEqual(Object.keys(expected.documents).sort());
    const text = table(verdicts);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'scripts-fixtures.md'), text);
    process.stdout.write(`news in twelve scripts, through bin/corpus:\n${text}`);
  });

  test('the headline is the title, in every script: never the outlet line or the date', () => {
    const rowOf = new Map(rows.map((row) => [path.basename(row.path), row]));
    const titles = Object.fromEntries(Object.keys(expected.documents).map((f) => [f, rowOf.get(f)?.title]));
    const want = Object.fromEntries(Object.entries(expected.documents).map(([f, e]) => [f, e.title]));
    expect(titles).toEqual(want);
  });

  test('the date is read from the dateline in its local form', () => {
    const rowOf = new Map(rows.map((row) => [path.basename(row.path), row]));
    const dates = Object.fromEntries(Object.keys(expected.documents).map((f) => [f, rowOf.get(f)?.date]));
    const want = Object.fromEntries(Object.entries(expected.documents).map(([f, e]) => [f, e.date]));
    expect(dates).toEqual(want);
  });

  test('body words are within the tolerance of a count made without the tool', () => {
    const off = verdicts.filter((v) => !v.words).map((v) => v.file);
    expect(off).toEqual([]);
  });

  test('the language is the one detection names (ISO 639-3)', () => {
    const rowOf = new Map(rows.map((row) => [path.basename(row.path), row]));
    const langs = Object.fromEntries(Object.keys(expected.documents).map((f) => [f, rowOf.get(f)?.lang]));
    const want = Object.fromEntries(Object.entries(expected.documents).map(([f, e]) => [f, e.lang]));
    expect(langs).toEqual(want);
  });

  test('the source is the outlet line, in every script: never the headline, the date or a body line', () => {
    const rowOf = new Map(rows.map((row) => [path.basename(row.path), row]));
    const sources = Object.fromEntries(Object.keys(expected.documents).map((f) => [f, rowOf.get(f)?.source]));
    const want = Object.fromEntries(Object.entries(expected.documents).map(([f, e]) => [f, e.source]));
    expect(sources).toEqual(want);
  });
});
