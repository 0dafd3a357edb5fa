// Every option shared by several commands, declared once with its help text: the corpus
// (paths, walking), the output (format, colour) and the document filters.

import { InvalidArgumentError, Option, type Command } from 'commander';
import { FILE_FORMAT_COMMANDS, FILE_FORMATS, OUTPUT_FORMATS } from '../format/formats.js';
import { UsageError } from './errors.js';

/** Commander's argument parser of a repeatable option: each value added to the list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The value of a numeric option (`-A`, `-m`, `--width`, `--top`, `--jobs`): digits only, so that
 * `''`, `1e3`, `0x10`, ` 2` and `1.5` are refused rather than read as numbers by `Number`.
 * @throws UsageError naming the option, the smallest value it takes, and the value given.
 */
export function wholeNumber(option: string, value: string, min = 0): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${option} takes a whole number${min > 0 ? ` from ${min}` : ''}, not '${value}'`);
  return n;
}

/** The options of a command that reads a corpus. */
export interface CorpusFlags {
  corpus?: string[];
  hidden?: boolean;
  follow?: boolean;
  /** False with --no-ignore. */
  ignore?: boolean;
  glob?: string[];
  null?: boolean;
  strict?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
  jobs?: string;
  /** --max-filesize, as given. */
  maxFilesize?: string;
  /** --type, --type-not: format names, each as given (comma-separated or repeated). */
  type?: string[];
  typeNot?: string[];
  /** --type-list: print the types and their files, and read nothing. */
  typeList?: boolean;
  /** --encoding, as given. */
  encoding?: string;
  /** --text-field, --id-field, --title-field, --date-field: the field or column of each. */
  textField?: string;
  idField?: string;
  titleField?: string;
  dateField?: string;
  /** --shard i/n, as given. */
  shard?: string;
  /** --stdin-docs: JSON Lines documents on standard input. */
  stdinDocs?: boolean;
}

/** The options of a command that prints. */
export interface OutputFlags {
  format?: string;
  json?: boolean;
  header?: boolean;
  color: 'auto' | 'always' | 'never';
}

/** The document filters. */
export interface FilterFlags {
  lang?: string;
  since?: string;
  until?: string;
  source?: string;
  flag?: string;
}

/** Adds the corpus options. */
export function addCorpusOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--corpus <path>', 'read this folder, file or glob (repeatable; also CORPUS_PATH)').argParser(collect),
    )
    .addOption(new Option('--hidden', 'also read hidden files and folders, .git and node_modules'))
    .addOption(new Option('--follow', 'follow symbolic links (loops are detected)'))
    .addOption(new Option('--no-ignore', 'also read what .gitignore, .ignore and .corpusignore files leave out'))
    .addOption(
      new Option('--glob <pattern>', 'only read files matching the glob; !pattern excludes (repeatable)').argParser(
        collect,
      ),
    )
    .addOption(
      new Option('-t, --type <name>', 'only read files of this format (repeatable, or comma-separated)').argParser(
        collect,
      ),
    )
    .addOption(new Option('-T, --type-not <name>', 'do not read files of this format (repeatable)').argParser(collect))
    .addOption(new Option('--type-list', 'print the formats --type takes, with the files each reads, and exit'))
    .addOption(new Option('-0, --null', 'paths from stdin (-) are NUL-separated; --paths output is NUL-terminated'))
    .addOption(new Option('--strict', 'exit with status 2 when any document could not be read'))
    .addOption(new Option('--no-cache', 'neither read nor write the metadata cache'))
    .addOption(
      new Option('-j, --jobs <n>', 'threads that read, analyse and search (default and most: the cores available)'),
    )
    .addOption(
      new Option(
        '--max-filesize <size>',
        'skip, with a warning, files and records bigger than this decoded (default: 256M)',
      ),
    )
    .addOption(
      new Option(
        '-E, --encoding <label>',
        'read text files in this encoding (windows-1251, koi8-r, shift_jis…; default: auto, detected)',
      ),
    )
    .addOption(
      new Option(
        '--text-field <name>',
        'the record field (CSV column) holding the text (default: text, content, body, article, full_text)',
      ),
    )
    .addOption(new Option('--id-field <name>', 'the record field (CSV column) holding the id (default: id)'))
    .addOption(new Option('--title-field <name>', 'the record field (CSV column) holding the title (default: title)'))
    .addOption(new Option('--date-field <name>', 'the record field (CSV column) holding the date (default: date)'))
    .addOption(
      new Option(
        '--shard <i/n>',
        'only shard i of n (1 ≤ i ≤ n), by a stable hash of each document id: n machines split the corpus',
      ),
    )
    .addOption(
      new Option(
        '--stdin-docs',
        'read JSON Lines documents from standard input (a stream: Spark RDD.pipe, Hadoop Streaming)',
      ),
    );
}

/** Adds the output options. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--format <format>', 'output format (default: table on a terminal, tsv otherwise)')
        .choices([...OUTPUT_FORMATS])
        // A format only some commands write (parquet: a file) is named with them, not just refused.
        .argParser((value: string) => {
          if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value;
          const only = (FILE_FORMATS as readonly string[]).includes(value)
            ? ` (${value}: ${FILE_FORMAT_COMMANDS.join(', ')} only)`
            : '';
          throw new InvalidArgumentError(`Allowed choices are ${OUTPUT_FORMATS.join(', ')}${only}.`);
        }),
    )
    .addOption(new Option('--json', 'same as --format json'))
    .addOption(new Option('--header', 'print a header line in TSV output'))
    .addOption(new Option('--color <when>', 'colour the output').choices(['auto', 'always', 'never']).default('auto'));
}

/** Adds the document filters. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--lang <codes>',
        'only documents in these languages (ISO 639-1 or 639-3, comma-separated; zh takes in cmn, yue…)',
      ),
    )
    .addOption(new Option('--since <date>', 'only documents dated on or after this ISO date'))
    .addOption(new Option('--until <date>', 'only documents dated on or before this ISO date'))
    .addOption(new Option('--source <text>', 'only documents whose source contains this text'))
    .addOption(new Option('--flag <names>', 'only documents carrying one of these flags (comma-separated)'));
}
