// The news-export framing around the bench corpus's sentences: outlet lines, headlines, datelines
// in many formats, bylines and trailers, drawn from a seeded random source.

// prettier-ignore
const OUTLETS = [
  'The Daily Ledger', 'La Gazette', 'Der Morgenkurier', 'El Diario Central', 'Il Corriere Libero',
  'Nieuwsblad Noord', 'Gazeta Wschodnia', 'Baltic Wire', 'Asia Pacific Times', 'Gulf Observer',
  'Reuters', 'AFP', 'Associated Press', 'CNN', 'BBC News', 'Deutsche Welle', 'EFE', 'ANSA',
  'Kyodo', 'Xinhua', 'Interfax', 'Anadolu', 'PTI', 'Yonhap', 'Agencia Sur', 'Nordic Press',
];

// prettier-ignore
const CITIES = [
  'PARIS', 'BERLIN', 'MADRID', 'ROME', 'LONDON', 'NEW YORK', 'MOSCOW', 'KYIV', 'WARSAW', 'ISTANBUL',
  'CAIRO', 'NAIROBI', 'LAGOS', 'DELHI', 'TOKYO', 'SEOUL', 'BEIJING', 'JAKARTA', 'MANILA', 'HANOI',
  'SÃO PAULO', 'BUENOS AIRES', 'MEXICO CITY', 'GENEVA', 'BRUSSELS', 'VIENNA', 'PRAGUE', 'ATHENS',
];

const FIRST = [
  'Anna',
  'Jean',
  'Maria',
  'Pedro',
  'Olga',
  'Ahmed',
  'Mei',
  'Kenji',
  'Priya',
  'Lukas',
  'Sofia',
  'Tomás',
  'Fatima',
  'Ivan',
  'Chloé',
  'Yusuf',
  'Ingrid',
  'Kwame',
  'Elena',
  'Marco',
];
const LAST = [
  'Martin',
  'Schmidt',
  'García',
  'Rossi',
  'Kowalski',
  'Ivanova',
  'Nguyen',
  'Tanaka',
  'Okafor',
  'Haddad',
  'Sharma',
  'Lindqvist',
  'Dubois',
  'Papadopoulos',
  'Yilmaz',
  'Kim',
  'Silva',
];

// prettier-ignore
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** @param {number} n */
const pad = (n) => String(n).padStart(2, '0');

/**
 * A date line in one of many formats real exports use.
 * @param {import('./prng.js').Random} rnd
 * @param {string} lang - ISO 639-3 of the document, to favour its own format
 */
export function dateline(rnd, lang) {
  const day = new Date(Date.UTC(2015, 0, 1) + rnd.int(11 * 365) * 86400000);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  const d = day.getUTCDate();
  const hh = rnd.int(24);
  const mm = rnd.int(60);
  const wd = day.getUTCDay();
  const iso = `${y}-${pad(m + 1)}-${pad(d)}`;
  // m is a month index, 0 to 11: every list has its name.
  const en = /** @type {string} */ (MONTHS.en[m]);
  const fr = /** @type {string} */ (MONTHS.fr[m]);
  const de = /** @type {string} */ (MONTHS.de[m]);
  const es = /** @type {string} */ (MONTHS.es[m]);
  const formats = [
    () => iso,
    () => `${iso}T${pad(hh)}:${pad(mm)}:00Z`,
    () => `Published: ${WEEKDAYS_EN[wd]}, ${pad(d)} ${en.slice(0, 3)} ${y} ${pad(hh)}:${pad(mm)}:00 GMT`,
    () => `${en} ${d}, ${y} ${((hh + 11) % 12) + 1}:${pad(mm)} ${hh < 12 ? 'AM' : 'PM'}`,
    () => `${d} ${en} ${y}`,
    () => `Updated ${iso} ${pad(hh)}:${pad(mm)} CET`,
    () => `${pad(d)}/${pad(m + 1)}/${y}`,
    () => `Mis à jour le ${WEEKDAYS_FR[wd]} ${d} ${fr} ${y} – ${pad(hh)}:${pad(mm)}`,
    () => `${d} ${fr.charAt(0).toUpperCase()}${fr.slice(1)} ${y} ${pad(hh)}:${pad(mm)} (UTC+01:00)`,
    () => `${pad(d)}.${pad(m + 1)}.${y}, ${pad(hh)}:${pad(mm)} Uhr`,
    () => `${d}. ${de} ${y}`,
    () => `${d} de ${es} de ${y}`,
    () => ` date ${y}-${pad(m + 1)}`,
    () => `${y}年${m + 1}月${d}日 ${pad(hh)}:${pad(mm)}`,
  ];
  const own = { fra: 7, deu: 10, spa: 11, cmn: 13, jpn: 13 }[lang];
  const f = own !== undefined && rnd.chance(0.5) ? /** @type {() => string} */ (formats[own]) : rnd.pick(formats);
  return f();
}

/** @param {import('./prng.js').Random} rnd */
export function outlet(rnd) {
  return rnd.pick(OUTLETS);
}

/**
 * A byline or "city / outlet" line.
 * @param {import('./prng.js').Random} rnd
 * @param {string} source
 */
export function byline(rnd, source) {
  const name = `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
  const city = rnd.pick(CITIES);
  const forms = [
    () => `By ${name}`,
    () => `By ${name}, ${source}`,
    () => `Par ${name}`,
    () => `Von ${name}`,
    () => `${city[0]}${city.slice(1).toLowerCase()} / ${source}`,
    () => `${name} | ${source}`,
  ];
  return rnd.pick(forms)();
}

/**
 * A news-wire dateline opening the first paragraph: "PARIS (AFP) — ".
 * @param {import('./prng.js').Random} rnd
 * @param {string} source
 */
export function wireOpening(rnd, source) {
  return `${rnd.pick(CITIES)} (${source}) — `;
}

/**
 * A trailer line closing the article.
 * @param {import('./prng.js').Random} rnd
 * @param {string} source
 * @param {string} id - a token for URLs
 */
export function trailer(rnd, source, id) {
  const year = 2015 + rnd.int(11);
  const slug = source.toLowerCase().replace(/[^a-z]+/g, '');
  const forms = [
    () => `© ${year} ${source}. All rights reserved.`,
    () => `Copyright © ${source} ${year}`,
    () => `Source: ${source}`,
    () => `Share this article: Facebook | X | WhatsApp | Email`,
    () => `Read more at https://www.${slug || 'news'}.example/articles/${id}`,
    () => `(${source})`,
    () => `Tous droits réservés – ${source}`,
    () => `Subscribe to our newsletter for the day's top stories.`,
  ];
  return rnd.pick(forms)();
}
