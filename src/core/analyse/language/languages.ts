// Which of franc-all's 414 languages the detector may answer: those with about a million
// speakers or more (franc's default set) plus written languages a news corpus meets.

/** franc v6's default set: the trigram-modelled languages with ≥ 1 million speakers. */
const MILLION_SPEAKERS = `ace ada afr als amh arb ayr azj bam ban bci bcl bel bem bho bin bos bug bul bum cat
ceb ces cjk ckb dan deu dip dyu ekk emk eng epo ewe fin fon fra fuf fuv gaa glg hat hau heb hil
hin hms hnj hrv hun ibb ibo ilo ind ita jav kaz kbd kbp kde khk kin kir kmb knc kng koi lin lit
lua lug lun lvs mad mag mai mar men min mkd mos mya ndo nds nhn nld nno nob npi nso nya nyn pam
pbu pes plt pol por prs qug quy quz rmn ron run rup rus sag sco shn skr slk slv sna snk som sot
spa src srp ssw suk sun swe swh tat tem tgk tgl tir tiv toi tpi tsn tso tuk tur tzm uig ukr umb
urd uzn vec ven vie vmw war wol xho yao ydd yor zlm zul zyb`;

/**
 * Languages franc-all adds that have a written press or a large number of speakers: without
 * them franc names Welsh, Basque, Irish, Icelandic or Latin text as some other language.
 */
const WRITTEN_EXTRAS = `cym eus gle gla isl lat bre mlt ltz fao fry oci cos roh fur lij wln ast lad hsb glv
sme kal mri haw smo ton tah fij pap kea crs tet cnr gsw ina pcm twi gaz azb pnb sah chv oss bod dzo`;

/** The languages the detector may answer, among those franc-all has trigram models for. */
export const ALLOWED_LANGUAGES: ReadonlySet<string> = new Set(
  `${MILLION_SPEAKERS} ${WRITTEN_EXTRAS}`.split(/\s+/).filter(Boolean),
);

/**
 * The languages news is most often written in, per script. The models list them first, so
 * that a paragraph can be checked against them alone, which stops early in each trigram's
 * posting list: a paragraph in a rarer language is then named as the nearest of these.
 */
export const COMMON_LANGUAGES: readonly string[] = `eng fra deu spa por ita nld pol ces ron hun swe dan nob
fin tur ind vie cat hrv srp rus ukr bel bul arb pes urd`.split(/\s+/);

/**
 * Groups of languages close enough that a paragraph of one often scores nearly as well in
 * another. A language's confidence is its margin over the best language outside its group.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['eng', 'sco', 'pcm'],
  ['spa', 'ast', 'glg', 'lad'],
  ['por', 'glg'],
  ['cat', 'oci'],
  ['fra', 'wln', 'pcd'],
  ['ita', 'vec', 'lij', 'cos', 'src', 'fur'],
  ['deu', 'gsw', 'nds', 'ltz'],
  ['nld', 'afr', 'fry'],
  ['dan', 'nob', 'nno'],
  ['isl', 'fao'],
  ['ces', 'slk'],
  ['hrv', 'bos', 'srp', 'cnr', 'slv'],
  ['bul', 'mkd'],
  ['rus', 'ukr', 'bel'],
  ['ind', 'zlm', 'min'],
  ['pes', 'prs', 'tgk'],
  ['urd', 'pnb', 'skr'],
  ['hin', 'mai', 'bho', 'mag'],
  ['tur', 'azj', 'azb', 'gag', 'crh', 'tuk'],
  ['gle', 'gla'],
  ['kin', 'run'],
  ['zul', 'xho', 'ssw', 'nbl'],
  ['sot', 'tsn', 'nso'],
];

const familyOf = new Map<string, ReadonlySet<string>>();
for (const family of FAMILIES) {
  const set = new Set(family);
  // A language in two groups (Galician) is close to the members of both.
  for (const lang of family) familyOf.set(lang, new Set([...(familyOf.get(lang) ?? []), ...set]));
}

/** The languages close to `lang`, itself included. */
export function closeLanguages(lang: string): ReadonlySet<string> {
  return familyOf.get(lang) ?? new Set([lang]);
}

/**
 * A regional or minor language that must beat its major neighbour by a clear margin to be
 * named: otherwise "The cat sat on the mat." is Scots, and a short Italian text Corsican.
 */
export const PREFER_MAJOR: ReadonlyMap<string, string> = new Map([
  ['sco', 'eng'],
  ['pcm', 'eng'],
  ['ast', 'spa'],
  ['lad', 'spa'],
  ['wln', 'fra'],
  ['pcd', 'fra'],
  ['vec', 'ita'],
  ['lij', 'ita'],
  ['cos', 'ita'],
  ['src', 'ita'],
  ['fur', 'ita'],
  ['gsw', 'deu'],
  ['nds', 'deu'],
  ['fry', 'nld'],
  ['oci', 'cat'],
  ['fao', 'isl'],
  ['cnr', 'srp'],
  ['min', 'ind'],
  ['gag', 'tur'],
  ['crh', 'tur'],
  ['mag', 'hin'],
  ['bho', 'hin'],
  // Dari beside Iranian Persian: the Persian of most news on the web (the fixtures of issue 19).
  ['prs', 'pes'],
]);
