// The prose of the man page (man-page.ts): what corpus does, its config file, exit statuses,
// environment, files and examples, as docs/spec.md states them. What each command and option does
// is not here: the man page takes that from the declarations. Markup: `code`, *placeholder*.

/** A paragraph; a term and its text; or lines of an example, shown as they are. */
export type ProseBlock = string | { term: string; code?: boolean; text: string } | { example: readonly string[] };

/** A section of the man page. */
export interface ProseSection {
  title: string;
  blocks: readonly ProseBlock[];
}

/** DESCRIPTION, after SYNOPSIS. */
export const DESCRIPTION: ProseSection = {
  title: 'DESCRIPTION',
  blocks: [
    '`corpus` reads a folder of text documents and makes a record of each: its language, date, source, ' +
      'title, length, boilerplate lines and flags. `list` prints the records, `show` prints documents, `grep` ' +
      'searches them line by line, and `summarise` gives the whole corpus at a glance: languages, dates, ' +
      'sources, vocabulary, duplicates.',
    'It reads plain text and Markdown files, JSON Lines, CSV, TSV and JSON files of records, HTML pages and ' +
      'WARC files, each also compressed with gzip (`.gz`) or Zstandard (`.zst`); `--type-list` lists the ' +
      'formats and the files each reads.',
    'The corpus is what the *paths* name (folders, walked recursively; files; globs), with every `--corpus` ' +
      '*path*; else the paths of the nearest `.corpus.json` (in the current folder or one above); else the `:`-separated list in `CORPUS_PATH`; else the current folder. ' +
      'The path `-` reads more paths from standard input, one a line (with `-0`, NUL-separated). Hidden ' +
      'files and folders and `node_modules` are skipped unless `--hidden`.',
    'Output is a table on a terminal and tab-separated lines in a pipe; `--format` chooses `table`, `tsv`, ' +
      '`csv`, `json` or `jsonl`. A document that cannot be read is a warning on standard error, naming it ' +
      'and saying why, and the run goes on.',
    '`corpus` *command* `--help` lists the options of a command. The full contract (the fields of the ' +
      'record, each format, every rule) is `docs/spec.md` in the source.',
  ],
};

const CONFIG_FILE: ProseSection = {
  title: 'CONFIG FILE',
  blocks: [
    '`CORPUS_CONFIG_PATH` names a file of default flags, read as ripgrep reads `RIPGREP_CONFIG_PATH`: each ' +
      'line is one argument, trimmed of spaces; blank lines and lines starting with `#` are skipped. A value ' +
      'goes after `=` (`--max-filesize=1G`) or alone on the next line (`--color`, then `never`): there is no ' +
      'quoting, and a line is not split at its spaces.',
    'A line may start with the command it is for, `grep: --smart-case` (an alias will do). A line without ' +
      'one applies to every command that has its option and is skipped by the others: `--color=never` ' +
      'applies to every command, `--kwic` to `grep` only.',
    "The file's arguments go right after the command's name, before those of the command line, which " +
      'therefore win: `--format=json` in the file and `--format tsv` on the command line give TSV; a ' +
      "repeatable option (`--glob`) adds to the file's. `--no-config`, before or after the command, reads " +
      'no file; `--help` reads none either.',
    'A file that cannot be read is a warning, and the run goes on without it. An option no command has ' +
      '(or, on a line for one command, that command has not), a missing value, or a value that is not one ' +
      "of an option's choices is an error (status 2) naming the file and the line: " +
      "`corpus: config file /home/ann/.corpusrc:3: unknown option '--kwik'`. The whole file is checked " +
      'whichever command runs: a line whose value suits one command only must name it (`list: --sort=date`, ' +
      'as `date` is a sort key of `list`, not of `grep`).',
    {
      example: [
        '# ~/.corpusrc, with CORPUS_CONFIG_PATH=~/.corpusrc in the environment',
        '--max-filesize=1G',
        '--glob',
        '!drafts/**',
        'grep: --smart-case',
        'list: --sort=date',
        'summarise: --top=20',
      ],
    },
  ],
};

const EXIT_STATUS: ProseSection = {
  title: 'EXIT STATUS',
  blocks: [
    {
      term: '0',
      text: 'Results; also `--help`, `--version`, and a closed pipe (`corpus list | head -1` ends quietly).',
    },
    { term: '1', text: 'No results: `grep` found nothing, a filter left no document, `show` matched no document.' },
    {
      term: '2',
      text:
        'An error: a bad option, value or pattern; a named path that does not exist; an ambiguous id; no ' +
        'command; output that could not be written (a full disk); with `--strict`, any warning.',
    },
    {
      term: '128+*n*',
      text: 'Stopped by signal *n*, at once: 130 for SIGINT (Ctrl-C), 143 for SIGTERM, 129 for SIGHUP.',
    },
  ],
};

const ENVIRONMENT: ProseSection = {
  title: 'ENVIRONMENT',
  blocks: [
    {
      term: 'CORPUS_PATH',
      code: true,
      text: 'The corpus when the command line names none: a `:`-separated list of folders, files or globs.',
    },
    { term: 'CORPUS_CONFIG_PATH', code: true, text: 'A file of default flags: see **CONFIG FILE**.' },
    { term: 'NO_COLOR', code: true, text: 'Not empty: no colour, unless `--color always`.' },
    {
      term: 'FORCE_COLOR',
      code: true,
      text:
        'Not empty: `0` or `false` turns colour off, anything else on, even in a pipe; it wins over `NO_COLOR`, ' +
        'and `--color always` or `never` wins over it.',
    },
    { term: 'TERM', code: true, text: '`dumb`: no colour with `--color auto`.' },
    {
      term: 'PAGER',
      code: true,
      text:
        '`show` pages a text longer than the terminal through it (default `less -FRX`, with `LESS=FRX` unless ' +
        '`LESS` is set); `cat` or empty: no pager.',
    },
    {
      term: 'XDG_CACHE_HOME',
      code: true,
      text: 'The cache is kept in `$XDG_CACHE_HOME/corpus` when it is an absolute path, else in `~/.cache/corpus`.',
    },
    {
      term: 'CORPUS_MAX_JOBS',
      code: true,
      text: 'The most threads `--jobs` may ask for, instead of the cores available.',
    },
    {
      term: 'CORPUS_SPILL_AT',
      code: true,
      text:
        'For tests: `summarise` writes its per-document state to its scratch folder from this many characters ' +
        'of distinctive-term candidates and this many MinHash signatures (by default 262,144 and 4,096).',
    },
    { term: 'CI', code: true, text: 'Set, and neither empty nor `false`: no progress bar.' },
  ],
};

const FILES: ProseSection = {
  title: 'FILES',
  blocks: [
    {
      term: '~/.cache/corpus/',
      code: true,
      text:
        'The metadata cache (or `$XDG_CACHE_HOME/corpus/`): one file a corpus, `corpus-`*hex*`.jsonl`. An ' +
        'entry is used again while its file keeps its path, size, times and inode. `--no-cache` neither ' +
        'reads nor writes it; remove the folder to clear it.',
    },
    { term: '$CORPUS_CONFIG_PATH', code: true, text: 'Default flags: see **CONFIG FILE**.' },
    { term: 'seeds/', code: true, text: 'In the package: the seed corpus, five French news articles.' },
  ],
};

const EXAMPLES: ProseSection = {
  title: 'EXAMPLES',
  blocks: [
    { term: 'corpus summarise news/', code: true, text: 'The corpus in *news/* at a glance.' },
    {
      term: 'corpus list news/ --sort date --fields id,date,lang,title',
      code: true,
      text: 'A row a document, oldest first.',
    },
    {
      term: 'corpus list --lang fr --since 2024 --paths',
      code: true,
      text: 'The paths of the French documents of 2024 and later.',
    },
    {
      term: 'corpus grep -i --kwic climat news/',
      code: true,
      text: 'A keyword-in-context concordance of *climat*, in any case.',
    },
    { term: 'corpus grep -l -w Moscou', code: true, text: 'The ids of the documents holding the word *Moscou*.' },
    { term: 'corpus show 003 --meta', code: true, text: 'The record of the document whose id starts with *003*.' },
    { term: "find news -name '*.txt' -print0 | corpus list -0 -", code: true, text: 'The files `find` names.' },
    {
      term: 'source <(corpus completion bash)',
      code: true,
      text: 'Completion of commands, options and values in bash.',
    },
  ],
};

const SEE_ALSO: ProseSection = { title: 'SEE ALSO', blocks: ['`rg`(1), `grep`(1), `less`(1)'] };

/** The sections after the options: config file, exit status, environment, files, examples. */
export const PROSE_SECTIONS: readonly ProseSection[] = [
  CONFIG_FILE,
  EXIT_STATUS,
  ENVIRONMENT,
  FILES,
  EXAMPLES,
  SEE_ALSO,
];
