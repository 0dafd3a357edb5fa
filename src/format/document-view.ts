// The terminal view of one document for `show`: a metadata header that says where each value
// came from and what each cut line is, then the text with the cut lines dimmed. Document text is
// made visible.

import type { ChalkInstance } from 'chalk';
import type { AnalysedDocument } from '../core/analyse/analyse-document.js';
import type { BoilerplateKind, DocumentRecord } from '../core/types.js';
import { visible, visibleText } from './sanitize.js';

const LABEL_WIDTH = 9;

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function from(where: string | undefined): string {
  return where ? ` (${where})` : '';
}

/** The metadata header lines of a record, labelled, with provenance. */
export function metadataLines(raw: DocumentRecord, chalk: ChalkInstance): string[] {
  // Values come from the document: made visible before any colour is added around them.
  const record = visibleRecord(raw);
  const label = (name: string) => chalk.bold(name.padEnd(LABEL_WIDTH));
  const none = chalk.dim('—');
  const p = record.provenance;
  const dateWords = record.dateText !== null && record.dateText !== record.date ? ` “${record.dateText}”` : '';
  const languages = record.languages.map((l) => `${l.lang} ${pct(l.share)}`).join(', ');
  return [
    `${label('id')}${chalk.cyan(record.id)}`,
    `${label('path')}${record.path}`,
    `${label('title')}${record.title === null ? none : record.title}${chalk.dim(from(p.title))}`,
    `${label('date')}${record.date ?? none}${chalk.dim(`${dateWords}${from(p.date)}`)}`,
    `${label('source')}${record.source ?? none}${chalk.dim(from(p.source))}`,
    `${label('lang')}${record.lang}${chalk.dim(` (${p.lang ?? 'detected'}, confidence ${record.langConfidence.toFixed(2)})`)}` +
      (record.languages.length > 1 ? `  ${languages}` : ''),
    `${label('counts')}${record.words} words, ${record.sentences} sentences, ${record.paragraphs} paragraphs, ${record.lines} lines`,
    `${label('file')}${record.format}, ${record.encoding}, ${record.bytes} bytes, hash ${record.hash}`,
    `${label('flags')}${record.flags.length > 0 ? record.flags.join(', ') : none}`,
    `${label('cut')}${record.boilerplate.length > 0 ? `${cutLines(record)}${chalk.dim(' (dimmed below)')}` : none}`,
  ];
}

/** The order kinds are listed in on the `cut` line: the article's own lines, then boilerplate proper. */
const KIND_ORDER: readonly BoilerplateKind[] = [
  'headline',
  'meta',
  'interface',
  'teaser',
  'caption',
  'page',
  'recurring',
];

/** Line numbers the `cut` line shows per kind: a page's menus can be hundreds of lines. */
const NUMBERS_SHOWN = 8;

/** The cut lines by kind: `headline 3, 6, 7; meta 1, 5, 9; page 1, 3, 5, 7, 9, 11, 13, 15 and 40 more`. */
function cutLines(record: DocumentRecord): string {
  const byKind = new Map<BoilerplateKind, number[]>();
  record.boilerplate.forEach((n, i) => {
    const kind = record.boilerplateKinds[i] as BoilerplateKind;
    const numbers = byKind.get(kind);
    if (numbers) numbers.push(n);
    else byKind.set(kind, [n]);
  });
  return KIND_ORDER.filter((kind) => byKind.has(kind))
    .map((kind) => {
      const numbers = byKind.get(kind) as number[];
      const more = numbers.length > NUMBERS_SHOWN ? ` and ${numbers.length - NUMBERS_SHOWN} more` : '';
      return `${kind} ${numbers.slice(0, NUMBERS_SHOWN).join(', ')}${more}`;
    })
    .join('; ');
}

function visibleRecord(record: DocumentRecord): DocumentRecord {
  const v = (s: string | null) => (s === null ? null : visible(s));
  return {
    ...record,
    id: visible(record.id),
    path: visible(record.path),
    title: v(record.title),
    dateText: v(record.dateText),
    source: v(record.source),
  };
}

/** The whole terminal view: header, rule, text with boilerplate dimmed. */
export function documentView(doc: AnalysedDocument, chalk: ChalkInstance, width: number): string {
  const cut = new Set(doc.record.boilerplate);
  // The text keeps the joiners its scripts need (visibleText); one-line fields above do not.
  const body = doc.lines.map((line, i) => (cut.has(i + 1) ? chalk.dim(visibleText(line)) : visibleText(line)));
  const rule = chalk.dim('─'.repeat(Math.max(10, Math.min(width, 80))));
  return `${[...metadataLines(doc.record, chalk), rule, ...body].join('\n')}\n`;
}
