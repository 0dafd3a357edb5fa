// Recognises the lines of an export that are not the article: interface strings ("Loading...",
// "Voir Plus", "Weiterlesen"), related-article teasers, photo captions and credits, feed codes.

import { foldLine, wordCount } from './line-shape.js';

/** Interface strings of news sites, folded (see `foldLine`), in the languages we read. */
const INTERFACE = new Set(
  // prettier-ignore
  [
    // en
    'loading', 'read more', 'read the full story', 'continue reading', 'show more', 'see more',
    'learn more', 'more', 'share', 'share this', 'share this article', 'tweet', 'print', 'email',
    'comments', 'comment', 'subscribe', 'sign up', 'log in', 'advertisement', 'sponsored',
    'skip to content', 'back to top', 'related', 'related articles', 'most read', 'top stories',
    'watch', 'listen', 'close', 'menu', 'search', 'cookies', 'accept cookies', 'copy link',
    // fr
    'chargement', 'chargement en cours', 'voir plus', 'en savoir plus', 'savoir plus',
    'lire la suite', 'lire plus', 'partager', 'imprimer', 'commentaires', 'commenter',
    's abonner', 'abonnez vous', 'publicite', 'voir aussi', 'a lire aussi', 'lire aussi',
    'les plus lus', 'fermer', 'rechercher', 'suivez nous', 'ecouter', 'regarder',
    // de
    'laden', 'wird geladen', 'weiterlesen', 'mehr lesen', 'mehr erfahren', 'mehr anzeigen',
    'mehr zum thema', 'teilen', 'drucken', 'kommentare', 'abonnieren', 'anzeige', 'werbung',
    'auch interessant', 'meistgelesen', 'schliessen', 'suche', 'zum artikel',
    // es
    'cargando', 'leer mas', 'ver mas', 'seguir leyendo', 'saber mas', 'compartir', 'imprimir',
    'comentarios', 'suscribete', 'suscribirse', 'publicidad', 'lo mas leido', 'cerrar', 'buscar',
    // it
    'caricamento', 'leggi di piu', 'leggi tutto', 'continua a leggere', 'mostra di piu',
    'scopri di piu', 'condividi', 'stampa', 'commenti', 'iscriviti', 'abbonati', 'pubblicita',
    'i piu letti', 'chiudi', 'cerca',
    // pt
    'carregando', 'a carregar', 'leia mais', 'ler mais', 'ver mais', 'saiba mais',
    'continuar lendo', 'continue lendo', 'partilhar', 'compartilhar', 'comentarios', 'assine',
    'assinar', 'publicidade', 'mais lidas', 'fechar', 'pesquisar',
    // nl
    'laden', 'bezig met laden', 'lees meer', 'lees verder', 'meer lezen', 'toon meer',
    'bekijk meer', 'delen', 'afdrukken', 'reacties', 'abonneren', 'advertentie', 'meest gelezen',
    'sluiten', 'zoeken',
    // pl, sv, da, cy
    'ladowanie', 'czytaj wiecej', 'czytaj dalej', 'zobacz wiecej', 'udostepnij', 'komentarze',
    'reklama', 'laddar', 'las mer', 'las vidare', 'visa mer', 'dela', 'kommentarer', 'annons',
    'indlaeser', 'laes mere', 'del', 'annonce', 'darllen mwy', 'darllenwch fwy', 'rhannu',
    'sylwadau', 'hysbyseb', 'llwytho',
  ].map((s) => s.replace(/[^a-z ]/g, ' ').replace(/ +/g, ' ').trim()),
);

/** Folded openings of a line that points to another article ("Lire aussi : …"). */
const TEASER_OPENINGS =
  /^(?:read also|also read|see also|read more|related|lire aussi|a lire aussi|a lire|voir aussi|lesen sie auch|auch lesen|mehr dazu|lee tambien|lea tambien|leer mas|ver tambien|leggi anche|leggi di piu|leia tambem|leia mais|veja tambem|ler mais|lees ook|lees meer|zie ook|czytaj tez|czytaj takze|czytaj wiecej|zobacz tez|las ocksa|las mer|lae ogsa|darllenwch hefyd|darllen mwy)\b/u;

/** "Lire aussi :", "Read more ›": a few words, then a colon, an arrow or a dash. */
const TEASER_SHAPE = /^[^\p{L}]*\p{L}+(?:[\s'’]+\p{L}+){0,3}\s*[:>»›|–—-]/u;

const CREDIT_WORD = String.raw`\p{Lu}[\p{Lu}'’.&-]+`;
/** An upper-case credit with a slash: "MIKHAEL KLIMENTYEV / KREMLIN / PEFE", "AFP/GETTY". */
const SLASHED_CREDIT = new RegExp(
  String.raw`(?:^|\s)${CREDIT_WORD}(?:\s+${CREDIT_WORD})*\s*\/\s*${CREDIT_WORD}(?:\s*\/?\s*${CREDIT_WORD})*\s*$`,
  'u',
);
const CREDIT_OPENING =
  /^(?:photo|photos|foto|fotos|fotografia|image|images|bild|credit|credits|credit photo|illustration|zdjecie|llun|copyright photo)\b/u;
const CREDIT_CLOSING =
  /(?:getty images|afp photo|ap photo|reuters|shutterstock|imago|keystone|epa|dpa|sipa|maxppp|abaca|ansa|efe|anp|pap)$/u;
const FEED_CODE = /^(?:[a-z]{2,3}[-_][a-z0-9]{1,4}|[a-z]{2}2[a-z]{2}|[a-z]{2,3}-[a-z]{2,3}-\d+)$/iu;

/**
 * An interface string: a line that is, or ends with, a button or status label of a web page
 * ("Loading...", "L'info de A à Z Voir Plus", "Weiterlesen").
 *
 * @param line A trimmed, non-empty line.
 */
export function isInterfaceLine(line: string): boolean {
  if (line.length > 80 || wordCount(line) > 8) return false;
  const folded = foldLine(line);
  if (folded === '') return false;
  if (INTERFACE.has(folded)) return true;
  const words = folded.split(' ');
  if (words.length > 8 || /[.!?]$/u.test(line.replace(/\.\.\.$|…$/u, ''))) return false;
  // A label glued to a short rubric: "L'info de A à Z Voir Plus", "Lire la suite ›". One word
  // alone is only trusted when it is long enough to be unambiguous ("Weiterlesen").
  for (let n = 1; n <= 3 && n < words.length; n += 1) {
    const tail = words.slice(-n).join(' ');
    if (INTERFACE.has(tail) && (n >= 2 || tail.length >= 9)) return true;
  }
  return false;
}

/**
 * A pointer to another article: "Lire aussi : …", "Read more: …", "Lesen Sie auch: …".
 *
 * @param line A trimmed, non-empty line.
 */
export function isTeaserLine(line: string): boolean {
  if (line.length > 200 || !TEASER_SHAPE.test(line) || wordCount(line) > 30) return false;
  return TEASER_OPENINGS.test(foldLine(line.slice(0, 40)));
}

/**
 * A photo caption or credit: a short line ending with an upper-case, slashed credit, or opening
 * with "Photo:", or ending with a picture agency.
 *
 * @param line A trimmed, non-empty line.
 */
export function isCaptionLine(line: string): boolean {
  if (line.length > 200 || /[.!?]$/u.test(line) || wordCount(line) > 30) return false;
  if (/\p{Lu}{2,}\s*\/\s*\p{Lu}{2,}/u.test(line) && SLASHED_CREDIT.test(line)) return true;
  if (/^(?:©|\(c\))/iu.test(line) && wordCount(line) <= 6) return false; // a copyright: a source line
  if (/^[^:]{2,25}:/u.test(line) && CREDIT_OPENING.test(foldLine(line.slice(0, 30)))) return true;
  if (line.includes('©')) return true;
  return wordCount(line) >= 3 && /[/|(]\s*\S+\s*\)?$/u.test(line) && CREDIT_CLOSING.test(foldLine(line.slice(-40)));
}

/**
 * A feed or desk code such as `fr-01`, `En2Fr`, `eng-wire-3`: never a source, never content.
 *
 * @param line A trimmed, non-empty line.
 */
export function isFeedCodeLine(line: string): boolean {
  return line.length <= 30 && line.split(/\s+/u).every((token) => FEED_CODE.test(token));
}

/**
 * A token of feed junk that may trail an outlet name on an export line ("Cnn all En2Fr").
 *
 * @param token One whitespace-separated token.
 */
export function isFeedToken(token: string): boolean {
  return FEED_CODE.test(token) || /\d/u.test(token);
}
