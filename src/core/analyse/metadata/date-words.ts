// Month names, weekday names, date labels and time-zone abbreviations for the languages real
// news exports use (en, fr, de, es, it, pt, nl, pl, sv, da, cy). Data only: the grammar is in
// `date.ts`. Keys are folded (lower case, no diacritics, no trailing dot).

import { isFoldStable } from './line-shape.js';

/** Month number for each folded month name or abbreviation. */
// prettier-ignore
export const MONTHS: ReadonlyMap<string, number> = buildMonths([
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
]);

/** Folded weekday names; they may open a date and carry no information. */
export const WEEKDAYS: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so ' +
    'lunes martes miercoles jueves viernes sabado domingo ' +
    'lunedi martedi mercoledi giovedi venerdi sabato domenica ' +
    'segunda terca quarta quinta sexta segunda-feira terca-feira quarta-feira quinta-feira sexta-feira ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ' +
    'poniedzialek wtorek sroda czwartek piatek sobota niedziela ' +
    'mandag tisdag tirsdag onsdag torsdag fredag lordag sondag mandag mandagen ' +
    'dydd llun mawrth mercher iau gwener sadwrn sul'
  ).split(' '),
);

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
  ).split(' '),
);

/**
 * Small words a label may carry around its strong words ("mis *à* jour *le*", "*last* updated
 * *on*"). Alone they are no label: "le 24 février 2022" is a date inside a sentence.
 */
export const LABEL_LINKS: ReadonlySet<string> = new Set(
  'last first on at the a le la zuletzt am vom um el em il op laatst dnia senast den o ar'.split(' '),
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
    .replace(/[øłæœß]/gu, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/\.$/, '');
}

function buildMonths(rows: string[]): Map<string, number> {
  const months = new Map<string, number>();
  rows.forEach((row, index) => {
    for (const name of row.split(' ')) {
      if (name !== '') months.set(name, (index % 12) + 1);
    }
  });
  return months;
}

/** Letters that carry no combining mark to strip: "lørdag", "poniedziałek". */
const UNDECOMPOSED: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss' };
