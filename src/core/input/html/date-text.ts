// Reading a day out of the strings a page gives: an ISO timestamp as written (time and zone kept),
// else the first day written in the string (ISO, yyyy/mm/dd, d.m.yyyy, d/m/yyyy, CJK, month names
// in twenty languages), and a day in a URL's path. A day is the date as written: no time-zone shift.

const MONTHS = new Map<string, number>(
  [
    'january jan januar janvier enero gennaio janeiro januari',
    'february feb februar février fevrier febrero febbraio fevereiro februari',
    'march mar märz maerz mars marzo março maart',
    'april apr avril abril aprile',
    'may mai mayo maggio maio mei',
    'june jun juni juin junio giugno junho',
    'july jul juli juillet julio luglio julho',
    'august aug août aout agosto augustus',
    'september sep sept septembre septiembre settembre setembro',
    'october oct oktober octobre octubre ottobre outubro okt',
    'november nov novembre noviembre novembro',
    'december dec dezember décembre decembre diciembre dicembre dezembro dez',
  ].flatMap((names, i) => names.split(' ').map((n): [string, number] => [n, i + 1])),
);
// Cyrillic, Romanian, Polish, Turkish, Czech, Scandinavian and Arabic names (two-word Levantine
// names joined by `_`, matched with any space).
for (const [i, names] of [
  'января січня ianuarie stycznia ocak ledna januari يناير كانون_الثاني',
  'февраля лютого februarie lutego şubat února februari فبراير شباط',
  'марта березня martie marca mart března mars مارس آذار',
  'апреля квітня aprilie kwietnia nisan dubna april أبريل ابريل نيسان',
  'мая травня mai maja mayıs května maj مايو أيار',
  'июня червня iunie czerwca haziran června juni يونيو يونيه حزيران',
  'июля липня iulie lipca temmuz července juli يوليو يوليه تموز',
  'августа серпня august sierpnia ağustos srpna augusti أغسطس آب',
  'сентября вересня septembrie września eylül září september سبتمبر أيلول',
  'октября жовтня octombrie października ekim října oktober أكتوبر اكتوبر تشرين_الأول',
  'ноября листопада noiembrie listopada kasım listopadu november نوفمبر تشرين_الثاني',
  'декабря грудня decembrie grudnia aralık prosince december ديسمبر كانون_الأول',
].entries()) {
  for (const n of names.split(' ')) if (!MONTHS.has(n)) MONTHS.set(n.replace('_', ' '), i + 1);
}
const MONTH_WORD = `(${[...MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(' ', '\\s+'))
  .join('|')})\\.?`;

interface DayPattern {
  re: RegExp;
  y: number;
  m: number;
  d: number;
  /** Day and month may stand either way round (`d/m/yyyy`, `m/d/yyyy`): a "month" over 12 is the day. */
  either?: boolean;
}
const PATTERNS: DayPattern[] = [
  { re: /(\d{4})-(\d{1,2})-(\d{1,2})/, y: 1, m: 2, d: 3 },
  { re: /(\d{4})\/(\d{1,2})\/(\d{1,2})/, y: 1, m: 2, d: 3 },
  { re: /\b(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\b/, y: 1, m: 2, d: 3 },
  { re: /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/, y: 3, m: 2, d: 1 },
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, y: 3, m: 2, d: 1, either: true },
  { re: /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})/, y: 1, m: 2, d: 3 },
  // Unicode-aware edges: `\\b` knows only ASCII letters, and month names are Cyrillic or Arabic too.
  { re: new RegExp(`(?<!\\p{L})${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu'), y: 3, m: 1, d: 2 },
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH_WORD}(?!\\p{L})\\s*,?\\s+(?:de\\s+)?(\\d{4})\\b`,
      'iu',
    ),
    y: 3,
    m: 2,
    d: 1,
  },
];
/** The years a page's date may have: the web's, and a little beyond today. */
const FIRST_YEAR = 1995;
const LAST_YEAR = 2035;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The first day written in `s`, as yyyy-mm-dd; undefined when none. */
export function firstDay(s: string): string | undefined {
  let best: string | undefined;
  let at = Infinity;
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m || m.index >= at) continue;
    const y = Number(m[p.y]);
    const month = m[p.m] ?? '';
    let mo = /^\d+$/.test(month) ? Number(month) : (MONTHS.get(month.toLowerCase().replace(/\s+/g, ' ')) ?? 0);
    let d = Number(m[p.d]);
    if (p.either === true && mo > 12 && d <= 12) [mo, d] = [d, mo];
    if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    best = `${y}-${pad(mo)}-${pad(d)}`;
    at = m.index;
  }
  return best;
}

const ISO_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)/i;

/**
 * A date a tag or JSON-LD states, as ISO 8601: a timestamp as written (time and zone kept, a
 * fraction of a second dropped), else the first day the value writes; undefined when none.
 */
export function isoDateOf(value: string): string | undefined {
  const v = value.trim();
  const m = ISO_STAMP.exec(v);
  if (m) {
    const [, y, mo, d, h, mi, s, zone] = m;
    const year = Number(y);
    if (year < FIRST_YEAR || year > LAST_YEAR || Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1) return undefined;
    if (Number(d) > 31) return undefined;
    const day = `${y}-${mo}-${d}`;
    if (h === undefined || Number(h) > 23 || Number(mi) > 59) return day;
    let z = zone === undefined ? '' : zone.toUpperCase();
    if (/^[+-]\d{4}$/.test(z)) z = `${z.slice(0, 3)}:${z.slice(3)}`;
    else if (/^[+-]\d{2}$/.test(z)) z = `${z}:00`;
    return `${day}T${h}:${mi}${s === undefined ? '' : `:${s}`}${z}`;
  }
  return firstDay(v);
}

/** A day in a URL's path: /2019/11/20/, /2020/6/24/, 2019-11-20, 20191120; undefined when none. */
export function urlDay(url: string): string | undefined {
  // The path only: a host or query string with digits is not a date.
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  const m =
    /\/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)/.exec(path);
  if (!m) return undefined;
  return firstDay(`${m[1]}-${m[2]}-${m[3]}`);
}
