// Month names, weekday names, date labels and time-zone abbreviations. The hand-kept lists of the
// languages real news exports use (en, fr, de, es, it, pt, nl, pl, sv, da, cy) come first and win;
// the names of every other CLDR locale (date-names.ts, generated) fill in the rest. Data only: the
// grammar is in `date.ts`. Keys are folded (lower case, no diacritics, no trailing dot).

import { MONTH_NAMES, PERSIAN_MONTH_NAMES, WEEKDAY_NAMES } from './date-names.js';
import { isFoldStable } from './line-shape.js';

/** Letters that carry no combining mark to strip: "lørdag", "poniedziałek", "Mayıs". */
const UNDECOMPOSED: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/** The hand-kept month names, one row per month, twelve rows per language. */
// prettier-ignore
const HAND_MONTHS = [
  // en
  'january jan', 'february feb', 'march mar', 'april apr', 'may', 'june jun', 'july jul',
  'august aug', 'september sep sept', 'october oct', 'november nov', 'december dec',
  // fr
  'janvier janv', 'fevrier fevr fev', 'mars', 'avril avr', 'mai', 'juin', 'juillet juil',
  'aout', 'septembre', 'octobre', 'novembre', 'decembre',
  // de
  'januar jaenner janner', 'februar', 'marz maerz', '', '', '', 'juli', '', '', 'oktober okt',
  '', 'dezember dez',
  // es
  'enero ene', 'febrero', 'marzo', 'abril abr', 'mayo', 'junio', 'julio', 'agosto ago',
  'septiembre setiembre', 'octubre', 'noviembre', 'diciembre dic',
  // it
  'gennaio gen', 'febbraio', '', 'aprile', 'maggio mag', 'giugno giu', 'luglio lug', '',
  'settembre set', 'ottobre ott', '', 'dicembre',
  // pt
  'janeiro', 'fevereiro', 'marco', '', 'maio', 'junho', 'julho', '', 'setembro', 'outubro out',
  'novembro', 'dezembro',
  // nl
  'januari', 'februari', 'maart mrt', '', 'mei', 'juni', '', 'augustus', '', '', '', '',
  // pl (nominative and genitive)
  'styczen stycznia sty', 'luty lutego lut', 'marzec marca', 'kwiecien kwietnia kwi',
  'maj maja', 'czerwiec czerwca cze', 'lipiec lipca lip', 'sierpien sierpnia sie',
  'wrzesien wrzesnia wrz', 'pazdziernik pazdziernika paz', 'listopad listopada lis',
  'grudzien grudnia gru',
  // sv, da
  'januari', 'februari', 'mars marts', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december',
  // cy (with the soft mutations dates take after "o" or "ym mis")
  'ionawr', 'chwefror', 'mawrth fawrth', 'ebrill', 'mai fai', 'mehefin fehefin',
  'gorffennaf', 'awst', 'medi fedi', 'hydref', 'tachwedd dachwedd', 'rhagfyr',
];

let months: ReadonlyMap<string, number> | null = null;
let weekdays: ReadonlySet<string> | null = null;

/**
 * Month number for each folded month name or abbreviation: the hand-kept ones, then those of
 * every CLDR locale ("мая", "Μαΐου", "Mayıs", "května", "พฤษภาคม", "أيار"). Built on first use:
 * some 2,600 names take a few milliseconds, which a run that reads no date (a warm cache) saves.
 */
export function monthNames(): ReadonlyMap<string, number> {
  months ??= buildMonths([...HAND_MONTHS, ...MONTH_NAMES]);
  return months;
}

/** Month number of each folded Persian (Solar Hijri) month name: "خرداد" is 3. */
export const PERSIAN_MONTHS: ReadonlyMap<string, number> = buildMonths([...PERSIAN_MONTH_NAMES]);

/** Folded weekday names; they may open a date and carry no information. Built on first use. */
export function weekdayNames(): ReadonlySet<string> {
  weekdays ??= new Set(HAND_WEEKDAYS.split(' ').concat(WEEKDAY_NAMES.split(' ')));
  return weekdays;
}

const HAND_WEEKDAYS =
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
  'lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim ' +
  'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so ' +
  'lunes martes miercoles jueves viernes sabado domingo ' +
  'lunedi martedi mercoledi giovedi venerdi sabato domenica ' +
  'segunda terca quarta quinta sexta segunda-feira terca-feira quarta-feira quinta-feira sexta-feira ' +
  'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ' +
  'poniedzialek wtorek sroda czwartek piatek sobota niedziela ' +
  'mandag tisdag tirsdag onsdag torsdag fredag lordag sondag mandag mandagen ' +
  'dydd llun mawrth mercher iau gwener sadwrn sul';

/**
 * Label words of other languages, folded when the module loads (ru, uk, bg, sr, el, tr, ar, he,
 * fa, hi, th, vi, id, zh, ja, ko). CJK labels are written without spaces, so each is one word.
 */
const OTHER_LABELS =
  'опубликовано обновлено изменено дата публикации опубліковано оновлено публікації публикувано ' +
  'објављено ažurirano objavljeno δημοσίευση δημοσιεύθηκε ενημέρωση ενημερώθηκε ημερομηνία ' +
  'yayınlanma yayın güncelleme güncellenme tarihi tarih نشر نُشر تاريخ النشر آخر تحديث ' +
  'פורסם עודכן תאריך منتشر انتشار تاریخ بروزرسانی प्रकाशित अपडेट तारीख เผยแพร่ วันที่ ' +
  'อัปเดต đăng ngày cập nhật diterbitkan dipublikasikan diperbarui tanggal ' +
  '发布时间 发布日期 發布時間 發佈時間 发表时间 發表時間 更新时间 更新時間 日期 时间 時間 ' +
  '公開日 公開日時 更新日 更新日時 配信日 配信日時 投稿日 投稿日時 掲載日 ' +
  '입력 수정 기사입력 최종수정 등록 업데이트 작성일';

/**
 * Words that introduce a date on a metadata line ("Mis à jour le", "Veröffentlicht am",
 * "Published on"). Matched as a run of these words, so "last updated on" needs no own entry.
 */
export const LABEL_WORDS: ReadonlySet<string> = new Set(
  (
    'date dated dateline published posted updated modified created ' +
    'publie publiee mis jour modifie cree ' +
    'veroffentlicht aktualisiert erstellt geandert stand datum ' +
    'publicado publicada actualizado actualizada fecha ' +
    'pubblicato pubblicata aggiornato aggiornata data ' +
    'atualizado atualizada ' +
    'gepubliceerd bijgewerkt gewijzigd ' +
    'opublikowano aktualizacja zaktualizowano publikacji ' +
    'publicerad uppdaterad publiceret opdateret ' +
    'cyhoeddwyd diweddarwyd dyddiad'
  )
    .split(' ')
    .concat(OTHER_LABELS.split(' ').map((word) => foldWord(word))),
);

/**
 * Small words a label may carry around its strong words ("mis *à* jour *le*", "*last* updated
 * *on*"). Alone they are no label: "le 24 février 2022" is a date inside a sentence.
 */
export const LABEL_LINKS: ReadonlySet<string> = new Set(
  'last first on at the a le la zuletzt am vom um el em il op laatst dnia senast den o ar в στις في فى ב'.split(' '),
);

/** UTC offset, in minutes, of the zone abbreviations exports print after a time. */
// prettier-ignore
export const ZONES: ReadonlyMap<string, number> = new Map([
  ['utc', 0], ['gmt', 0], ['z', 0], ['wet', 0], ['west', 60], ['bst', 60], ['cet', 60],
  ['cest', 120], ['mez', 60], ['mesz', 120], ['eet', 120], ['eest', 180], ['msk', 180],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360],
  ['pst', -480], ['pdt', -420],
]);

/** Lower case, diacritics removed, trailing dot removed: the key of every table above. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return (isFoldStable(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/[øłæœßı]/gu, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/\.$/, '');
}

function buildMonths(rows: string[]): Map<string, number> {
  const months = new Map<string, number>();
  rows.forEach((row, index) => {
    for (const name of row.split(' ')) {
      // The first language to name a month keeps the name: the hand-kept lists come first.
      // The generated rows join the two words of a name with `_` ("كانون_الثاني").
      const key = name.replace('_', ' ');
      if (key !== '' && !months.has(key)) months.set(key, (index % 12) + 1);
    }
  });
  return months;
}
