// Pins the help of the program and of each command: options are declared once, with their
// help text, and a change to them shows here.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// The options several commands share, as help prints them with its first column 18 wide (grep's
// is wider: its own options are longer).
const FILTERS =
  '  --lang <codes>     only documents in these languages (ISO 639-1 or 639-3,\n' +
  '                     comma-separated)\n' +
  '  --since <date>     only documents dated on or after this ISO date\n' +
  '  --until <date>     only documents dated on or before this ISO date\n' +
  '  --source <text>    only documents whose source contains this text\n' +
  '  --flag <names>     only documents carrying one of these flags\n' +
  '                     (comma-separated)\n';
const CORPUS_OPTIONS =
  '  --format <format>  output format (default: table on a terminal, tsv otherwise)\n' +
  '                     (choices: "table", "tsv", "csv", "json", "jsonl")\n' +
  '  --json             same as --format json\n' +
  '  --header           print a header line in TSV output\n' +
  '  --color <when>     colour the output (choices: "auto", "always", "never",\n' +
  '                     default: "auto")\n' +
  '  --corpus <path>    read this folder, file or glob (repeatable; also\n' +
  '                     CORPUS_PATH)\n' +
  '  --hidden           also read hidden files and folders, .git and node_modules\n' +
  '  --follow           follow symbolic links (loops are detected)\n' +
  '  --glob <pattern>   only read files matching the glob; !pattern excludes\n' +
  '                     (repeatable)\n' +
  '  -0, --null         paths from stdin (-) are NUL-separated; --paths output is\n' +
  '                     NUL-terminated\n' +
  '  --strict           exit with status 2 when any document could not be read\n' +
  '  --no-cache         neither read nor write the metadata cache\n' +
  '  -j, --jobs <n>     threads that read, analyse and search (default: the number\n' +
  '                     of cores)\n' +
  '  -h, --help         display help for command\n';

describe('help', () => {
  test('corpus --help', async () => {
    const r = await runCli(['--help'], { columns: 80 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Usage: corpus [options] [command]\n' +
        '\n' +
        'Find out what is in a folder of text documents: list, show, grep and summarise a\n' +
        'corpus.\n' +
        '\n' +
        'Options:\n' +
        '  -V, --version                             print the version\n' +
        '  -h, --help                                show help\n' +
        '\n' +
        'Commands:\n' +
        '  list [options] [paths...]                 list the documents of the corpus, one row each\n' +
        '  show [options] <ids...>                   show documents by id, unique id prefix or path\n' +
        '  grep [options] [pattern] [paths...]       search the documents line by line with a regular expression\n' +
        '  summarise|summarize [options] [paths...]  the whole corpus at a glance: languages, dates, sources, vocabulary, duplicates\n' +
        '  help [command]                            display help for command\n' +
        '\n' +
        'With no paths, --corpus or CORPUS_PATH, commands read the seed corpus bundled with corpus.\n' +
        'Exit status: 0 results, 1 no results, 2 error.\n',
    );
  });

  test('corpus list --help', async () => {
    const r = await runCli(['list', '--help'], { columns: 80 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Usage: corpus list [options] [paths...]\n' +
        '\n' +
        'list the documents of the corpus, one row each\n' +
        '\n' +
        'Arguments:\n' +
        '  paths              folders, files or globs to read (- reads paths from stdin)\n' +
        '\n' +
        'Options:\n' +
        '  --sort <key>       sort by this field (choices: "id", "date", "lang", "words",\n' +
        '                     "title")\n' +
        '  -r, --reverse      reverse the sort order (alone: by id, descending)\n' +
        '  --fields <names>   fields to print, comma-separated (any field of the record)\n' +
        '  --paths            print only the paths of the documents, for xargs\n' +
        FILTERS +
        CORPUS_OPTIONS,
    );
  });

  test('corpus show --help', async () => {
    const r = await runCli(['show', '--help'], { columns: 80 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Usage: corpus show [options] <ids...>\n' +
        '\n' +
        'show documents by id, unique id prefix or path\n' +
        '\n' +
        'Arguments:\n' +
        '  ids                document ids, unique id prefixes or file paths\n' +
        '\n' +
        'Options:\n' +
        '  --meta             only the metadata\n' +
        '  --raw              the decoded text as the file holds it\n' +
        '  --no-pager         never page, even when the text is longer than the screen\n' +
        CORPUS_OPTIONS,
    );
  });

  test('corpus grep --help', async () => {
    const r = await runCli(['grep', '--help'], { columns: 80 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Usage: corpus grep [options] [pattern] [paths...]\n' +
        '\n' +
        'search the documents line by line with a regular expression\n' +
        '\n' +
        'Arguments:\n' +
        '  pattern                   a JavaScript regular expression (Unicode mode); with\n' +
        '                            -e, a path\n' +
        '  paths                     folders, files or globs to search (- reads paths\n' +
        '                            from stdin)\n' +
        '\n' +
        'Options:\n' +
        '  -e, --regexp <pattern>    a pattern to search for (repeatable)\n' +
        '  -F, --fixed-strings       the pattern is a literal string\n' +
        '  -i, --ignore-case         ignore case (Unicode)\n' +
        '  -S, --smart-case          ignore case unless the pattern has an uppercase\n' +
        '                            letter\n' +
        '  -w, --word-regexp         match whole words only (Unicode word edges)\n' +
        '  --fold                    ignore diacritics, ligatures, case and apostrophe\n' +
        '                            style (bielorussie finds Biélorussie)\n' +
        '  -A, --after-context <n>   lines of context after each match\n' +
        '  -B, --before-context <n>  lines of context before each match\n' +
        '  -C, --context <n>         lines of context before and after each match\n' +
        '  -m, --max-count <n>       at most n matching lines per document\n' +
        '  -c, --count               print id:count of matching lines per document\n' +
        '  -l, --files-with-matches  print the ids of matching documents\n' +
        '  --paths                   with -l: print paths instead of ids\n' +
        '  --kwic                    an aligned keyword-in-context concordance\n' +
        '  --width <n>               with --kwic: characters of context a side (default:\n' +
        '                            fit the terminal, 40 in a pipe)\n' +
        '  --sort <key>              with --kwic: sort by the words left or right of the\n' +
        '                            match, the match, or id (choices: "left", "right",\n' +
        '                            "match", "id")\n' +
        '  --lang <codes>            only documents in these languages (ISO 639-1 or\n' +
        '                            639-3, comma-separated)\n' +
        '  --since <date>            only documents dated on or after this ISO date\n' +
        '  --until <date>            only documents dated on or before this ISO date\n' +
        '  --source <text>           only documents whose source contains this text\n' +
        '  --flag <names>            only documents carrying one of these flags\n' +
        '                            (comma-separated)\n' +
        '  --format <format>         output format (default: table on a terminal, tsv\n' +
        '                            otherwise) (choices: "table", "tsv", "csv", "json",\n' +
        '                            "jsonl")\n' +
        '  --json                    same as --format json\n' +
        '  --header                  print a header line in TSV output\n' +
        '  --color <when>            colour the output (choices: "auto", "always",\n' +
        '                            "never", default: "auto")\n' +
        '  --corpus <path>           read this folder, file or glob (repeatable; also\n' +
        '                            CORPUS_PATH)\n' +
        '  --hidden                  also read hidden files and folders, .git and\n' +
        '                            node_modules\n' +
        '  --follow                  follow symbolic links (loops are detected)\n' +
        '  --glob <pattern>          only read files matching the glob; !pattern excludes\n' +
        '                            (repeatable)\n' +
        '  -0, --null                paths from stdin (-) are NUL-separated; --paths\n' +
        '                            output is NUL-terminated\n' +
        '  --strict                  exit with status 2 when any document could not be\n' +
        '                            read\n' +
        '  --no-cache                neither read nor write the metadata cache\n' +
        '  -j, --jobs <n>            threads that read, analyse and search (default: the\n' +
        '                            number of cores)\n' +
        '  -h, --help                display help for command\n',
    );
  });

  test('corpus summarise --help', async () => {
    const r = await runCli(['summarise', '--help'], { columns: 80 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Usage: corpus summarise|summarize [options] [paths...]\n' +
        '\n' +
        'the whole corpus at a glance: languages, dates, sources, vocabulary, duplicates\n' +
        '\n' +
        'Arguments:\n' +
        '  paths              folders, files or globs to read (- reads paths from stdin)\n' +
        '\n' +
        'Options:\n' +
        '  --top <n>          rows per section (default: "10")\n' +
        '  --by <group>       also give the overview per language, source or month\n' +
        '                     (choices: "lang", "source", "month")\n' +
        '  --only <sections>  only these sections, comma-separated: overview, languages,\n' +
        '                     timeline, sources, lengths, vocabulary, names, distinctive,\n' +
        '                     duplicates, boilerplate, quality\n' +
        FILTERS +
        CORPUS_OPTIONS,
    );
  });
});
