// What a date line needs beside the Gregorian calendar in ASCII digits: other decimal digits
// (Arabic-Indic `٢٠٢٤`, Persian `۱۴۰۳`, full-width `２０２４`, Devanagari, Thai…) read as ASCII,
// Japanese era years (令和6年), Thai Buddhist-era years (2567) and Persian Solar Hijri dates.

/** The zero of each block of ten decimal digits the reader accepts beside ASCII. */
// prettier-ignore
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66,
  0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
];

/** Japanese eras: the Gregorian year of each era's first year (元年). */
const ERAS: Readonly<Record<string, number>> = { 令和: 2019, 平成: 1989, 昭和: 1926 };

/** The value of each character from U+0660 to U+1819 that is a digit, -1 for the others. */
const DIGIT_VALUES = (() => {
  const values = new Int8Array(0x1820 - 0x0660).fill(-1);
  for (const zero of DIGIT_ZEROS) {
    if (zero < 0x1820) for (let d = 0; d < 10; d++) values[zero + d - 0x0660] = d;
  }
  return values;
})();

/** The value of a non-ASCII decimal digit, -1 for any other character. */
function digitValue(c: number): number {
  if (c >= 0x0660 && c < 0x1820) return DIGIT_VALUES[c - 0x0660] ?? -1;
  return c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
}

/**
 * The text with every decimal digit written in ASCII, unit for unit (so offsets into it are
 * offsets into the text), or `null` when it holds no run of four digits and no Japanese era
 * name: every calendar form the reader knows has one, so most lines (headlines, paragraphs) are
 * turned away here in one pass, without running the grammar's expressions. A line whose first
 * four digits in a row are ASCII is returned as it is (a full-width day after an ASCII year is
 * not read).
 */
export function yearDigits(text: string): string | null {
  // One pass; below U+0660 (Latin, Greek, Cyrillic, Hebrew) only ASCII digits count, so a Latin
  // line costs what the ASCII-only scan did.
  let run = 0;
  let year = false;
  let foreign = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++run === 4) {
        if (!foreign) return text;
        year = true;
      }
    } else if (c < 0x0660) {
      run = 0;
    } else if (c < 0x1820 ? (DIGIT_VALUES[c - 0x0660] ?? -1) >= 0 : c >= 0xff10 && c <= 0xff19) {
      foreign = true;
      if (++run === 4) year = true;
    } else {
      run = 0;
      // 令和, 平成, 昭和: an era name may stand for the year.
      if (c === 0x4ee4 || c === 0x662d) year ||= text.charCodeAt(i + 1) === 0x548c;
      else if (c === 0x5e73) year ||= text.charCodeAt(i + 1) === 0x6210;
    }
  }
  if (!year) return null;
  if (!foreign) return text;
  let ascii = '';
  for (let i = 0; i < text.length; i++) {
    const value = digitValue(text.charCodeAt(i));
    ascii += value >= 0 ? String.fromCharCode(0x30 + value) : text[i];
  }
  return ascii;
}

/** The Gregorian year of a Japanese era year (`令和`, `6` or `元`), or undefined for an unknown era. */
export function eraYear(era: string, year: string): number | undefined {
  const first = ERAS[era];
  if (first === undefined) return undefined;
  return first + (year === '元' ? 1 : Number.parseInt(year, 10)) - 1;
}

/**
 * The Gregorian year of a year written beside a Thai month name: Thai dates count from the
 * Buddhist era (2567 = 2024), Gregorian years are left as they are.
 */
export function thaiYear(year: number, monthWord: string): number {
  return year > 2300 && /^[\u0e00-\u0e7f]/u.test(monthWord) ? year - 543 : year;
}

/**
 * The Gregorian date of a Persian (Solar Hijri) date, by the arithmetic of the 33-year cycle
 * (checked against Intl's Persian calendar in the tests), or null for a day the month lacks.
 */
export function persianToGregorian(
  year: number,
  month: number,
  day: number,
): { year: number; month: number; day: number } | null {
  if (day < 1 || day > (month <= 6 ? 31 : 30) || month < 1 || month > 12) return null;
  const jy = year + 1595;
  let days =
    -355668 +
    365 * jy +
    Math.floor(jy / 33) * 8 +
    Math.floor(((jy % 33) + 3) / 4) +
    day +
    (month < 7 ? (month - 1) * 31 : (month - 7) * 30 + 186);
  let gy = 400 * Math.floor(days / 146097);
  days %= 146097;
  if (days > 36524) {
    days -= 1;
    gy += 100 * Math.floor(days / 36524);
    days %= 36524;
    if (days >= 365) days += 1;
  }
  gy += 4 * Math.floor(days / 1461);
  days %= 1461;
  if (days > 365) {
    gy += Math.floor((days - 1) / 365);
    days = (days - 1) % 365;
  }
  let gd = days + 1;
  const leap = (gy % 4 === 0 && gy % 100 !== 0) || gy % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let gm = 0;
  while (gm < 12 && gd > (lengths[gm] ?? 31)) gd -= lengths[gm++] ?? 31;
  return { year: gy, month: gm + 1, day: gd };
}
