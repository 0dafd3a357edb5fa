// Pins the help of the program and of each command: every option, argument and command is there
// with its flags and its help text, and none other, however commander lays them out or wraps them
// for the width of the terminal. Exact where exactness is the point: the usage line, the exit
// statuses.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * An entry of a help section as declared: its term (the flags, the argument or the command), its
 * help text, and the values commander adds from the declaration (choices, a default), each looked
 * for in the double quotes commander prints values in. Commander's own `--help` entry has no text
 * of ours: only its flags are checked.
 */
type Declared = [term: string, text: string, ...added: string[]];

/** An entry of a help section as printed, its text with every run of whitespace made one space. */
interface Entry {
  term: string;
  text: string;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The entries of one section of a help text (`Options:`, `Arguments:`, `Commands:`), whatever the
 * layout: an entry starts on a line indented by two spaces, its term ends at two or more spaces,
 * and lines indented further carry on its text.
 */
function sectionOf(help: string, title: string): Entry[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${title}:`);
  if (start === -1) throw new Error(`the help has no ${title}: section:\n${help}`);
  const entries: Entry[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const entry = /^ {2}(\S.*?)(?: {2,}(.*))?$/.exec(line);
    const last = entries.at(-1);
    if (entry) entries.push({ term: entry[1] as string, text: entry[2] ?? '' });
    else if (last) last.text += ` ${line}`;
    else throw new Error(`${title}: starts with a continued line: ${line}`);
  }
  return entries.map(({ term, text }) => ({ term, text: collapse(text) }));
}

/** The section holds exactly the declared entries, in order, each with its text and added words. */
function expectSection(help: string, title: string, declared: Declared[]): void {
  const entries = sectionOf(help, title);
  expect(entries.map((e) => e.term)).toEqual(declared.map(([term]) => term));
  for (const [term, text, ...added] of declared) {
    const printed = entries.find((e) => e.term === term)?.text ?? '';
    expect(printed, term).toContain(collapse(text));
    for (const word of added) expect(printed, `${term}: ${word}`).toContain(`"${word}"`);
  }
}

/** The first line, exact: how the command is called. */
const usageOf = (help: string): string => help.split('\n')[0] as string;

// The options several commands share.
const FILTERS: Declared[] = [
  ['--lang <codes>', 'only documents in these languages (ISO 639-1 or 639-3, comma-separated; zh takes in cmn, yue…)'],
  ['--since <date>', 'only documents dated on or after this ISO date'],
  ['--until <date>', 'only documents dated on or before this ISO date'],
  ['--source <text>', 'only documents whose source contains this text'],
  ['--flag <names>', 'only documents carrying one of these flags (comma-separated)'],
];
const CORPUS_OPTIONS: Declared[] = [
  [
    '--format <format>',
    'output format (default: table on a terminal, tsv otherwise)',
    'table',
    'tsv',
    'csv',
    'json',
    'jsonl',
  ],
  ['--json', 'same as --format json'],
  ['--header', 'print a header line in TSV output'],
  ['--color <when>', 'colour the output', 'auto', 'always', 'never'],
  ['--corpus <path>', 'read this folder, file or glob (repeatable; also CORPUS_PATH)'],
  ['--hidden', 'also read hidden files and folders, .git and node_modules'],
  ['--follow', 'follow symbolic links (loops are detected)'],
  ['--no-ignore', 'also read what .gitignore, .ignore and .corpusignore files leave out'],
  ['--glob <pattern>', 'only read files matching the glob; !pattern excludes (repeatable)'],
  ['-t, --type <name>', 'only read files of this format (repeatable, or comma-separated)'],
  ['-T, --type-not <name>', 'do not read files of this format (repeatable)'],
  ['--type-list', 'print the formats --type takes, with the files each reads, and exit'],
  ['-0, --null', 'paths from stdin (-) are NUL-separated; --paths output is NUL-terminated'],
  ['--strict', 'exit with status 2 when any document could not be read'],
  ['--no-cache', 'neither read nor write the metadata cache'],
  ['-j, --jobs <n>', 'threads that read, analyse and search (default and most: the cores available)'],
  ['--max-filesize <size>', 'skip, with a warning, files and records bigger than this decoded (default: 256M)'],
  [
    '-E, --encoding <label>',
    'read text files in this encoding (windows-1251, koi8-r, shift_jis…; default: auto, detected)',
  ],
  [
    '--text-field <name>',
    'the record field (CSV column) holding the text (default: text, content, body, article, full_text)',
  ],
  ['--id-field <name>', 'the record field (CSV column) holding the id (default: id)'],
  ['--title-field <name>', 'the record field (CSV column) holding the title (default: title)'],
  ['--date-field <name>', 'the record field (CSV column) holding the date (default: date)'],
  ['--shard <i/n>', 'only shard i of n (1 ≤ i ≤ n), by a stable hash of each document id: n machines split the corpus'],
  ['--stdin-docs', 'read JSON Lines documents from standard input (a stream: Spark RDD.pipe, Hadoop Streaming)'],
  ['-h, --help', ''],
];
const STOPWORDS: Declared[] = [
  [
    '--stopwords <file>',
    "leave out the stop words of a file (one a line, # comments) instead of each language's; +FILE adds them to it (repeatable)",
  ],
  ['--keep-stopwords', 'count stop words too'],
];
const READ_PATHS: Declared = ['paths', 'folders, files or globs to read (- reads paths from stdin)'];

// Two layouts: at 40 columns commander gives up wrapping, at 80 it wraps most entries.
describe.each([40, 80])('help at %i columns', (columns) => {
  test('corpus --help', async () => {
    const r = await runCli(['--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus [options] [command]');
    expect(collapse(r.stdout)).toContain(
      'Find out what is in a folder of text documents: list, show, grep and summarise a corpus, and ask it about words.',
    );
    expectSection(r.stdout, 'Options', [
      ['-V, --version', 'print the version'],
      ['--no-config', 'read no config file (CORPUS_CONFIG_PATH)'],
      ['-h, --help', 'show help'],
    ]);
    expectSection(r.stdout, 'Commands', [
      ['list [options] [paths...]', 'list the documents of the corpus, one row each'],
      ['show [options] <ids...>', 'show documents by id, unique id prefix or path'],
      ['grep [options] [pattern] [paths...]', 'search the documents line by line with a regular expression'],
      [
        'summarise|summarize [options] [paths...]',
        'the whole corpus at a glance: languages, dates, sources, vocabulary, duplicates',
      ],
      [
        'words [options] [paths...]',
        'a frequency list: terms or n-grams with per million words, documents and dispersion (DP)',
      ],
      [
        'collocates [options] [term] [paths...]',
        'the words found near a word or pattern, with logDice, MI, MI3, t-score and log-likelihood',
      ],
      [
        'keywords [options] [paths...]',
        'keyness: the terms over-used in a target against a reference (G², log ratio, %DIFF)',
      ],
      [
        'report [options] [paths...]',
        'one self-contained HTML page with the corpus at a glance (charts, lists, a document table), written to corpus-report.html',
      ],
      [
        'merge [options] <partials...>',
        'merge the partials of a sharded run (summarise --partial or --count-lines): print the summary one run over the whole corpus prints',
      ],
      ['completion <shell>', 'print the completion script of a shell (bash, zsh or fish) on stdout'],
      ['help [command]', ''],
    ]);
    expect(collapse(r.stdout)).toContain(
      'With no paths or --corpus, commands read the paths of the nearest .corpus.json, else CORPUS_PATH, else the current folder.',
    );
    expect(r.stdout.split('\n')).toContain('Exit status: 0 results, 1 no results, 2 error.');
  });

  test('corpus list --help', async () => {
    const r = await runCli(['list', '--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus list [options] [paths...]');
    expect(collapse(r.stdout)).toContain('list the documents of the corpus, one row each');
    expectSection(r.stdout, 'Arguments', [READ_PATHS]);
    expectSection(r.stdout, 'Options', [
      ['--sort <key>', 'sort by this field', 'id', 'date', 'lang', 'words', 'title'],
      ['-r, --reverse', 'reverse the sort order (alone: by id, descending)'],
      ['--fields <names>', 'fields to print, comma-separated (a record field, or extra.<name>)'],
      ['--paths', 'print only the paths of the documents, for xargs'],
      ['-o, --output <file>', 'write the rows to this file (- or none: standard output)'],
      ['--with-text', 'with --format parquet: add the columns text and body'],
      ...FILTERS,
      ...CORPUS_OPTIONS,
    ]);
  });

  test('corpus show --help', async () => {
    const r = await runCli(['show', '--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus show [options] <ids...>');
    expect(collapse(r.stdout)).toContain('show documents by id, unique id prefix or path');
    expectSection(r.stdout, 'Arguments', [['ids', 'ids or id prefixes; a file or folder: the corpus to show from']]);
    expectSection(r.stdout, 'Options', [
      ['--meta', 'only the metadata'],
      ['--raw', "the source as it came: the file's bytes, a WARC record's page"],
      ['--body', 'only the body: the text without its boilerplate lines'],
      ['--no-pager', 'never page, even when the text is longer than the screen'],
      ['--no-sanitize', 'with --raw, write the text to a terminal as decoded, escape sequences included'],
      ...CORPUS_OPTIONS,
    ]);
  });

  test('corpus grep --help', async () => {
    const r = await runCli(['grep', '--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus grep [options] [pattern] [paths...]');
    expect(collapse(r.stdout)).toContain('search the documents line by line with a regular expression');
    expectSection(r.stdout, 'Arguments', [
      ['pattern', 'a JavaScript regular expression (Unicode mode); with -e, a path'],
      ['paths', 'folders, files or globs to search (- reads paths from stdin)'],
    ]);
    expectSection(r.stdout, 'Options', [
      ['-e, --regexp <pattern>', 'a pattern to search for (repeatable)'],
      ['-F, --fixed-strings', 'the pattern is a literal string'],
      ['-i, --ignore-case', 'ignore case (Unicode)'],
      ['-S, --smart-case', 'ignore case unless the pattern has an uppercase letter'],
      ['-w, --word-regexp', 'match whole words only (Unicode word edges)'],
      ['--fold', 'ignore diacritics, ligatures, case and apostrophe style (bielorussie finds Biélorussie)'],
      ['-A, --after-context <n>', 'lines of context after each match'],
      ['-B, --before-context <n>', 'lines of context before each match'],
      ['-C, --context <n>', 'lines of context before and after each match'],
      ['-m, --max-count <n>', 'at most n matching lines per document'],
      ['-v, --invert-match', 'select the lines that do not match'],
      ['-o, --only-matching', 'print each match on a line of its own (id:line:match)'],
      ['-c, --count', 'print id:count of matching lines per document'],
      ['--count-matches', 'print id:count of matches (not lines) per document'],
      ['-l, --files-with-matches', 'print the ids of matching documents'],
      ['-L, --files-without-match', 'print the ids of documents with no matching line'],
      ['-q, --quiet', 'print nothing; exit 0 at the first match, 1 if none'],
      ['--stats', 'after the results, print what was searched and found (stderr with a data format)'],
      ['--paths', 'with -l: print paths instead of ids'],
      ['--kwic', 'an aligned keyword-in-context concordance'],
      [
        '--width <n>',
        'with --kwic: columns of context a side (default: fit the terminal, 40 in a pipe); with --plot: cells of the strip',
      ],
      [
        '--sort <key>',
        'with --kwic: sort by the words left or right of the match, the match, or id',
        'left',
        'right',
        'match',
        'id',
      ],
      [
        '--by <group>',
        'a trend: matches, documents and matches per million words of each month, ISO week, year, source or language',
        'month',
        'week',
        'year',
        'source',
        'lang',
      ],
      ['--plot', "a dispersion plot: where in each document the hits fall, with Juilland's D and Gries' DP"],
      ...FILTERS,
      ...CORPUS_OPTIONS,
    ]);
  });

  test('corpus summarise --help', async () => {
    const r = await runCli(['summarise', '--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus summarise|summarize [options] [paths...]');
    expect(collapse(r.stdout)).toContain(
      'the whole corpus at a glance: languages, dates, sources, vocabulary, duplicates',
    );
    expectSection(r.stdout, 'Arguments', [READ_PATHS]);
    expectSection(r.stdout, 'Options', [
      ['--top <n>', 'rows per section', '10'],
      ['--by <group>', 'also give the overview per language, source or month', 'lang', 'source', 'month'],
      [
        '--only <sections>',
        'only these sections, comma-separated: overview, languages, timeline, sources, lengths, ' +
          'vocabulary, names, distinctive, duplicates, boilerplate, quality',
      ],
      [
        '--partial',
        "write this run's counts for `corpus merge` instead of a summary (with --shard: one shard's; to -o)",
      ],
      [
        '--count-lines',
        "write the counts of the documents' edge lines, the first phase of a sharded run (to -o; merge them for --lines)",
      ],
      ['--lines <file>', 'the recurring lines counted by every shard (merged --count-lines): no count here'],
      ['-o, --output <file>', 'the file --partial or --count-lines writes; - for standard output'],
      ...STOPWORDS,
      ...FILTERS,
      ...CORPUS_OPTIONS,
    ]);
  });

  test('corpus merge --help', async () => {
    const r = await runCli(['merge', '--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus merge [options] <partials...>');
    expectSection(r.stdout, 'Arguments', [['partials', 'the partial files, one or more a shard (any order)']]);
    expectSection(r.stdout, 'Options', [
      ['-o, --output <file>', 'write the merged partial to this file (- for standard output) instead'],
      [
        '--only <sections>',
        'only these sections, comma-separated: overview, languages, timeline, sources, lengths, ' +
          'vocabulary, names, distinctive, duplicates, boilerplate, quality',
      ],
      // No corpus is read: the output options only.
      ...CORPUS_OPTIONS.filter(([term]) =>
        ['--format <format>', '--json', '--header', '--color <when>', '-h, --help'].includes(term),
      ),
    ]);
  });

  test('corpus report --help', async () => {
    const r = await runCli(['report', '--help'], { columns });
    expect(r.status).toBe(0);
    expect(usageOf(r.stdout)).toBe('Usage: corpus report [options] [paths...]');
    expectSection(r.stdout, 'Arguments', [READ_PATHS]);
    expectSection(r.stdout, 'Options', [
      ['-o, --output <file>', 'the HTML file to write; - writes it to standard output', 'corpus-report.html'],
      ['--top <n>', 'rows per list, bars per chart of languages and sources', '10'],
      ...STOPWORDS,
      ...FILTERS,
      // An HTML page: no --format, --json, --header or --color.
      ...CORPUS_OPTIONS.filter(
        ([term]) => !['--format <format>', '--json', '--header', '--color <when>'].includes(term),
      ),
    ]);
  });
});
