// Evidence that tells close languages apart where franc's trigrams barely do: letters a language
// never writes (Czech `ř` is not Slovak, Russian `ы` not Bulgarian) and words only one member of
// a close group uses (Croatian `tisuća`, Serbian ekavian `vreme`, Malay `kerana`, Nynorsk `ikkje`).

/**
 * Letters each language's standard alphabet lacks: two or more of them in a text rule the
 * language out. Only letters that a text of the language does not borrow in ordinary words.
 */
const FOREIGN_LETTERS: ReadonlyMap<string, string> = new Map([
  ['ces', 'äôľĺŕ'],
  ['slk', 'řůě'],
  ['rus', 'іїєўјљњћђќѓѕџґ'],
  ['ukr', 'ыэъўёјљњћђќѓѕџ'],
  ['bel', 'иъщїєјљњћђќѓѕџ'],
  ['bul', 'ыэіїєўјљњћђќѓѕџё'],
  ['mkd', 'ыэщъьюяйіїєўћђё'],
  ['srp', 'ыэщъьюяйіїєўќѓѕё'],
  ['bos', 'ыэщъьюяйіїєўќѓѕё'],
  ['slv', 'ćđ'],
]);

/** At least this many foreign letters rule a language out… */
const FOREIGN_MIN = 2;
/** …and at least this share of the text's characters. */
const FOREIGN_SHARE = 0.005;

/**
 * Close groups, and per member the words that mark it (lower case). A word listed under several
 * members counts for each. Sources: the standard orthographies (ekavian/ijekavian reflexes of
 * jat, Croatian month names and vocabulary; Malaysian vs Indonesian spelling of the 1972 reform
 * leftovers and vocabulary; Bokmål/Nynorsk/Danish function words; Xhosa/Zulu conjunctions).
 */
const GROUPS: readonly (readonly [string, string])[][] = [
  [
    [
      'srp',
      `vreme vremena vremenu mesto mesta mestu deca dece dete reka reke pesma pesme lepo lepa lep uvek gde
      pre posle svet sveta svetu svetski svetskog mleko nedelja nedelje ceo cela celog celu celi reč reči
      vek veka veće dve predsednik predsednika mesec meseca deo dela delu videti hteo uopšte opšti opšte
      opština opštine istorija istorije istoriji hleb takođe šta hiljada hiljade januar februar mart
      april maj jun jul avgust septembar oktobar novembar decembar tačno porodica porodice univerzitet voz
      koji koja koje kao može bio su`,
    ],
    [
      'hrv',
      `tko tisuća tisuće siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada
      studenoga studenog prosinca siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan
      listopad studeni prosinac točno obitelj obitelji povijest povijesti glazba glazbe sveučilište
      sveučilišta zrakoplov kruh tjedan tjedna tjedno vlak tijekom stoljeća stoljeće znanost znanosti
      kazalište izvješće također uopće općina općine vrijeme mjesto mjesta mjestu djeca djece dijete
      rijeka rijeke pjesma pjesme lijepo lijepa uvijek gdje prije poslije svijet svijeta svjetski
      mlijeko cijeli cijela cijelog riječ riječi dvije predsjednik predsjednika mjesec mjeseca dio
      dijela vidjeti htio koji koja koje kao može bio su`,
    ],
    [
      'bos',
      `historija historije historiji historijski hiljada hiljade sedmica sedmice šta juni juli august
      januar februar mart april maj septembar oktobar novembar decembar tačno porodica porodice
      univerzitet hljeb kahva lahko također uopće općina općine vijek vijeka vrijeme mjesto mjesta
      mjestu djeca djece dijete rijeka rijeke pjesma pjesme lijepo lijepa uvijek gdje prije poslije
      svijet svijeta svjetski mlijeko cijeli cijela cijelog riječ riječi dvije predsjednik predsjednika
      mjesec mjeseca dio dijela vidjeti htio koji koja koje kao može bio su`,
    ],
    ['slv', 'ki tudi kot lahko zelo in so še ter vendar kjer če sem smo bilo bili jih'],
  ],
  [
    [
      'zlm',
      `kerana bahawa iaitu wang sahaja mahu kerajaan boleh disember ogos mac julai jun polis kereta
      universiti selepas semasa cuba pelbagai bilangan syarikat filem muzik ramai kelab menerusi
      sebarang hospital baharu beliau`,
    ],
    [
      'ind',
      `karena bahwa pemerintah perusahaan universitas kantor desember agustus maret juli juni mobil coba
      tapi nggak enggak`,
    ],
  ],
  [
    [
      'nob',
      `ikke jeg hun hva hvordan hver bare fra noe mye når være disse hele flere sammen meg ble vært mer
      selv hvem fortsatt hjem av etter seg deg uten tilbake gjennom opp ut like nå hadde spørsmål`,
    ],
    [
      'nno',
      `ikkje eg ho kva korleis kvar berre frå noko mykje då vere vera dei desse heile fleire saman vart
      vore meir sjølv kven enno heim av etter seg deg utan tilbake gjennom opp ut like no hadde spørsmål`,
    ],
    [
      'dan',
      `ikke jeg hun hvad hvordan hver bare fra noget meget når være disse hele flere sammen mig blev været
      mere selv hvem stadig hjem af efter sig dig uden tilbage gennem op ud lige nu havde spørgsmål`,
    ],
  ],
  [
    [
      'ces',
      `se jsou byl byla bylo který která které jako nebo také jen ještě může velmi když mezi podle není
      jsem proto`,
    ],
    [
      'slk',
      `sa sú bol bola bolo ktorý ktorá ktoré ako alebo tiež len ešte môže veľmi keď medzi podľa nie som
      preto`,
    ],
  ],
  [
    ['nld', 'de niet zijn wordt worden werd hij zij wij bij zich naar geen veel mijn een ik je jij hun heeft hebben'],
    ['afr', "nie ek jy hulle baie gewees word sy vir jou egter reeds deur 'n het"],
  ],
  [
    [
      'por',
      `não uma um com muito também ele pelo pela mais são então isso isto você há quando já depois sem
      ao aos da das do dos na nas no nos`,
    ],
    [
      'glg',
      `non unha un con moito tamén el polo pola máis son hai cando xa despois sen dun dunha nun nunha coa
      co ao aos da das do dos na nas no nos`,
    ],
    ['spa', 'una un con muy también el los las del y pero cuando ya después sin hay por'],
  ],
  [
    ['xho', 'kwaye okanye ukuba umntu ngoko kuba xa'],
    ['zul', 'futhi noma ukuthi uma umuntu lokhu kanye'],
  ],
];

/** Per language: its group's members and each member's marker words. */
const groupOf = new Map<string, { members: string[]; words: Map<string, string[]> }>();
for (const group of GROUPS) {
  const words = new Map<string, string[]>();
  for (const [lang, list] of group) {
    for (const word of list.split(/\s+/).filter(Boolean)) words.set(word, [...(words.get(word) ?? []), lang]);
  }
  const entry = { members: group.map(([lang]) => lang), words };
  for (const [lang] of group) groupOf.set(lang, entry);
}

/** Whether `lang` has a group of close languages that marker words tell apart. */
export function hasDistinctiveWords(lang: string): boolean {
  return groupOf.has(lang);
}

/** The members of `lang`'s close group (itself included); empty when it has none. */
export function distinctiveGroup(lang: string): readonly string[] {
  return groupOf.get(lang)?.members ?? [];
}

/**
 * Marker-word counts per member of `lang`'s close group in `text`; empty when it has none.
 *
 * @param lang - ISO 639-3 code of the language franc chose.
 * @param text - The text (any case).
 * @returns Each member of the group with its number of marker words, in group order.
 */
export function distinctiveCounts(lang: string, text: string): Map<string, number> {
  const group = groupOf.get(lang);
  const counts = new Map<string, number>();
  if (!group) return counts;
  for (const member of group.members) counts.set(member, 0);
  // A hand-rolled scan, not a Unicode regular expression: this runs on every document whose
  // language has close neighbours (Spanish, Portuguese, Dutch…), and is 3-4 times faster.
  const lower = text.toLowerCase();
  let start = -1;
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 0x20;
    if (isWordChar(code)) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0 && index - start <= MAX_MARKER_LENGTH) {
      const langs = group.words.get(lower.slice(start, index));
      if (langs) for (const member of langs) counts.set(member, (counts.get(member) as number) + 1);
    }
    start = -1;
  }
  return counts;
}

/** No marker word is longer (`sveučilišta`, `predsjednika`): longer runs are not looked up. */
const MAX_MARKER_LENGTH = 14;

/**
 * Letters, and the apostrophe inside Afrikaans `'n`: ASCII letters, and anything from U+00C0 up
 * that is not punctuation or a space (close enough for Latin and Cyrillic marker words).
 */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27;
  if (code < 0xc0) return false;
  return !(code >= 0x2000 && code <= 0x206f) && code !== 0x3000 && code !== 0xd7 && code !== 0xf7;
}

/**
 * Whether `text` holds enough letters `lang`'s alphabet lacks (two, and 0.5% of the text) (Czech `ř` in a text franc
 * calls Slovak): then the text is not in that language.
 */
export function hasForeignLetters(lang: string, text: string): boolean {
  const pattern = foreignPattern(lang);
  if (pattern === undefined) return false;
  // A name or a few mis-decoded characters (`Ĺ` for `ř` in mojibake) must not rule a long text out.
  const needed = Math.max(FOREIGN_MIN, Math.ceil(text.length * FOREIGN_SHARE));
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) if (++found >= needed) return true;
  return false;
}

const foreignPatterns = new Map<string, RegExp>();

/** One character class of a language's foreign letters, either case: a native scan, not a loop. */
function foreignPattern(lang: string): RegExp | undefined {
  let pattern = foreignPatterns.get(lang);
  if (pattern === undefined) {
    const letters = FOREIGN_LETTERS.get(lang);
    if (letters === undefined) return undefined;
    pattern = new RegExp(`[${letters}${letters.toUpperCase()}]`, 'gu');
    foreignPatterns.set(lang, pattern);
  }
  return pattern;
}
