// The shapes shared by every part of the tool: a document as read from disk, and the
// document record that `list`, `show` and `export` expose (docs/spec.md §3).

/** How a document is stored. */
export type DocFormat = 'text' | 'markdown' | 'jsonl' | 'csv' | 'tsv' | 'json' | 'html' | 'warc' | 'wet';

/** How the source bytes were decoded: the encoding's WHATWG name (those Node's TextDecoder reads). */
export type Encoding =
  | 'utf-8'
  | 'utf-16le'
  | 'utf-16be'
  | 'ibm866'
  | `iso-8859-${2 | 3 | 4 | 5 | 6 | 7 | 8 | 10 | 13 | 14 | 15}`
  | 'iso-8859-8-i'
  | 'koi8-r'
  | 'koi8-u'
  | 'macintosh'
  | 'windows-874'
  | `windows-${1250 | 1251 | 1252 | 1253 | 1254 | 1255 | 1256 | 1257 | 1258}`
  | 'x-mac-cyrillic'
  | 'gbk'
  | 'gb18030'
  | 'big5'
  | 'euc-jp'
  | 'iso-2022-jp'
  | 'shift_jis'
  | 'euc-kr';

/** Metadata fields a JSON Lines record may carry beside its text. */
export interface RecordFields {
  id?: string;
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  lang?: string;
  /**
   * The record's fields the tool does not know (a JSON, JSON Lines or CSV record's other keys or
   * columns), as the record holds them: kept as the record's `extra`.
   */
  extra?: Record<string, unknown>;
}

/**
 * Where a reader found each of a document's fields, when it is not the record's own field of that
 * name (`record field`): an HTML page's `og:title`, `JSON-LD datePublished`, `WARC-Date (crawl date)`…
 */
export type FieldSources = Partial<Record<'title' | 'date' | 'source' | 'url' | 'lang', string>>;

/**
 * An HTML page a reader left to extract (a WARC record's, extracted where the document is analysed,
 * in a worker: see input/warc/pending-page.ts): its body, the charset its HTTP header declares,
 * its address, and whether the decoded page is kept as `raw`.
 */
export interface PendingPage {
  body: Uint8Array;
  charset: string | null;
  url?: string;
  raw: boolean;
}

/** One document as read from the corpus: decoded text plus where it came from. */
export interface SourceDocument {
  /** Unique id within the run (docs/spec.md §2). */
  id: string;
  /** Path as given on the command line, or relative to the cwd. */
  path: string;
  /** Absolute path of the file that holds the document. */
  absPath: string;
  format: DocFormat;
  /** Size of the source bytes (for JSONL: of the record's line). */
  bytes: number;
  encoding: Encoding;
  /** True when `encoding` is a guess (flagged `encoding-fallback`): see core/input/decode.ts. */
  encodingFallback?: boolean;
  /** The decoded text, BOM stripped, line endings as in the file. */
  text: string;
  /** For a JSONL record: its 1-based line number in the file. */
  recordLine?: number;
  /** For a JSONL record: the metadata fields it carries. */
  fields?: RecordFields;
  /** Where the reader found `fields` (an HTML page's meta tags…), field by field; unset: `record field`. */
  fieldSources?: FieldSources;
  /** Lines (1-based, of `text`) the reader knows are not the main content (an HTML page's menus, footers…). */
  boilerplate?: number[];
  /** The language the source declares without vouching for it (`<html lang>`), as written: a hint beside detection. */
  declaredLang?: string;
  /**
   * A date to fall back on when neither the fields nor the text give one (a WARC record's
   * WARC-Date: the crawl's, not the publication's), ISO 8601, with where it comes from.
   */
  fallbackDate?: { date: string; source: string };
  /**
   * A page still to extract: `text` is empty, and the text, encoding, boilerplate and the fields the
   * page states come from it when the document is analysed (only readers asked to defer set it).
   */
  page?: PendingPage;
  /**
   * The source as it came, when `text` was extracted from it (a WARC record's HTML page): what
   * `show --raw` prints. A document that is a whole file has none: its file is read again.
   */
  raw?: string;
}

/** A language and the share of body characters written in it. */
export interface LanguageShare {
  lang: string;
  share: number;
}

/**
 * What a line cut from the body is (docs/spec.md §3 `boilerplateKinds`): the document's own
 * headline and metadata lines, or boilerplate proper (see `isBoilerplateProper`).
 */
export type BoilerplateKind = 'headline' | 'meta' | 'interface' | 'teaser' | 'caption' | 'page' | 'recurring';

/** Where a metadata value came from: `line 3`, `record field`, `filename`, `detected`. */
export interface Provenance {
  title?: string;
  date?: string;
  source?: string;
  lang?: string;
  url?: string;
}

/** The document record of docs/spec.md §3. Field names are part of the contract. */
export interface DocumentRecord {
  id: string;
  path: string;
  format: DocFormat;
  bytes: number;
  encoding: Encoding;
  lang: string;
  langConfidence: number;
  languages: LanguageShare[];
  title: string | null;
  date: string | null;
  /** The original words the date was read from. */
  dateText: string | null;
  source: string | null;
  url: string | null;
  /** The language the source declares (`<html lang>`), as an ISO 639-3 code; null when none or not a language. */
  declaredLang: string | null;
  chars: number;
  words: number;
  sentences: number;
  paragraphs: number;
  lines: number;
  boilerplate: number[];
  /** The kind of each line of `boilerplate`, in the same order. */
  boilerplateKinds: BoilerplateKind[];
  hash: string;
  flags: string[];
  provenance: Provenance;
  /** A record's fields the tool does not know (see RecordFields), when it has any. */
  extra?: Record<string, unknown>;
}

/** Called for each per-document problem; the run goes on. */
export type WarningHandler = (path: string, message: string) => void;

/** Every field of the record, in the order of docs/spec.md §3: what `list --fields` accepts and `show --meta` prints. */
export const RECORD_FIELDS: readonly (keyof DocumentRecord)[] = [
  'id',
  'path',
  'format',
  'bytes',
  'encoding',
  'lang',
  'langConfidence',
  'languages',
  'title',
  'date',
  'dateText',
  'source',
  'url',
  'declaredLang',
  'chars',
  'words',
  'sentences',
  'paragraphs',
  'lines',
  'boilerplate',
  'boilerplateKinds',
  'hash',
  'flags',
  'provenance',
];
