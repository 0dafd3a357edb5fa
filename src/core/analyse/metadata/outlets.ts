// Data: how well-known outlets are spelled, so that "Lagazette", "Cnn" or "lemonde.fr" print as
// the outlet calls itself, and the words that mark an unknown name as an outlet ("Zeitung").

import { compactKey } from './line-shape.js';

// prettier-ignore
const KNOWN = [
  // wires and international
  'AFP', 'Agence France-Presse', 'Reuters', 'AP', 'Associated Press', 'Bloomberg', 'dpa', 'EFE',
  'ANSA', 'ANP', 'PAP', 'TT', 'Ritzau', 'Belga', 'Interfax', 'TASS', 'RIA Novosti', 'Belta',
  'Xinhua', 'Al Jazeera', 'Euronews', 'France 24', 'RFI', 'Deutsche Welle', 'DW', 'BBC',
  'BBC News', 'BBC Cymru Fyw', 'CNN', 'Sky News', 'NPR', 'Politico', 'Axios', 'Kyiv Independent',
  // en
  'The Guardian', 'The New York Times', 'The Washington Post', 'The Times', 'The Telegraph',
  'The Independent', 'Financial Times', 'The Economist', 'Wall Street Journal', 'NBC News',
  'CBS News', 'ABC News', 'Fox News', 'USA Today', 'Los Angeles Times', 'The Irish Times',
  // fr
  'Le Monde', 'Le Figaro', 'Libération', 'La Gazette', 'Les Echos', 'Le Parisien', 'Ouest-France',
  "L'Express", 'Le Point', "L'Obs", 'Mediapart', 'BFMTV', 'TF1', 'LCI', 'Franceinfo', '20 Minutes',
  'La Croix', "L'Humanité", 'Le Soir', 'La Libre Belgique', 'RTBF', 'Le Temps', 'La Presse',
  'Le Devoir', 'Courrier international', 'Sud Ouest', 'La Dépêche du Midi', 'Le Progrès',
  // de
  'Der Spiegel', 'Spiegel', 'Die Zeit', 'Süddeutsche Zeitung', 'Frankfurter Allgemeine Zeitung',
  'FAZ', 'Die Welt', 'Bild', 'Handelsblatt', 'Tagesschau', 'ZDF', 'ARD', 'taz', 'Der Standard',
  'Die Presse', 'NZZ', 'Neue Zürcher Zeitung', 'Tages-Anzeiger', 'Stern', 'Focus',
  // es
  'El País', 'El Mundo', 'ABC', 'La Vanguardia', 'El Confidencial', 'RTVE', 'elDiario.es',
  'Clarín', 'La Nación', 'El Universal', 'El Tiempo',
  // it
  'Corriere della Sera', 'La Repubblica', 'La Stampa', 'Il Sole 24 Ore', 'Rai News', 'Il Messaggero',
  'Il Fatto Quotidiano', 'Il Post',
  // pt
  'Público', 'Expresso', 'Diário de Notícias', 'Jornal de Notícias', 'RTP', 'Observador',
  'Folha de S.Paulo', 'O Globo', 'Estadão', 'G1',
  // nl
  'NOS', 'NRC', 'de Volkskrant', 'De Telegraaf', 'Het Parool', 'Trouw', 'AD', 'RTL Nieuws',
  'De Standaard', 'Het Laatste Nieuws', 'VRT NWS',
  // pl, sv, da, cy
  'Gazeta Wyborcza', 'Rzeczpospolita', 'TVN24', 'Onet', 'Polsat News', 'Dagens Nyheter',
  'Svenska Dagbladet', 'Aftonbladet', 'Expressen', 'SVT', 'SVT Nyheter', 'Politiken',
  'Berlingske', 'DR', 'Golwg360', 'Nation.Cymru', 'Western Mail',
];

/** Canonical spelling of each known outlet, by compact key ("lagazette" → "La Gazette"). */
export const KNOWN_OUTLETS: ReadonlyMap<string, string> = new Map(KNOWN.map((name) => [compactKey(name), name]));

/**
 * Every beginning of a known outlet's compact key ("l", "la", "lag"…): a prefix search stops
 * once the words read so far begin no known name.
 */
export const KNOWN_KEY_PREFIXES: ReadonlySet<string> = new Set(
  [...KNOWN_OUTLETS.keys()].flatMap((key) => [...key].map((_, end) => key.slice(0, end + 1))),
);

/** The longest name of a known outlet, in words: bounds the prefix search. */
export const KNOWN_MAX_WORDS = Math.max(...KNOWN.map((name) => name.split(/\s+/u).length));

/**
 * Words that make an unknown short name an outlet ("Het Noorderlicht Dagblad", "The Valley
 * Courier"), folded. Data, not rules: the rules are the line shapes in `source.ts`.
 */
export const OUTLET_WORDS: ReadonlySet<string> = new Set(
  (
    'times news post gazette gazeta gazzetta journal jornal zeitung tribune herald courier ' +
    'courrier corriere diario giornale krant dagblad nieuws nieuwsblad presse press express ' +
    'observer monitor daily today radio tv television magazine agence agency wire nachrichten ' +
    'noticias notizie tidning tidningen dagbladet bladet posten kurier kurjer kuriren dziennik ' +
    'wiadomosci chronicle telegraph independent guardian standard mail mirror globe review ' +
    'weekly hebdo quotidien quotidiano depeche republicain nouvelles info actu rundschau ' +
    'anzeiger blatt tagblatt tageblatt allgemeine periodico heraldo correio folha messaggero ' +
    'stampa courant newyddion cymru media medias network channel tribuna voz eco echo echos ' +
    'avisen avis expressen nyheter dagen gazet'
  ).split(' '),
);
