// Lines that are page furniture whatever block they stand in: interface words ("Share", "Read
// more"), site notices (cookies, rights, newsletters), picture credits and "read also" lead-ins,
// in the languages of the evaluation sets. Generic wording, no site's own.

/** Short lines that are furniture wherever they stand. */
export const FURNITURE =
  /^(?:advertisement|anzeige|werbung|publicité|share|share this|tweet|email|print|read more|more|related|related articles|see also|comments?|close|menu|home|subscribe|sign in|log in|sign up|loading|continue reading|skip to content)\W*$/i;

/** Site notices: cookies, rights, newsletters, a request to enable scripts. */
const NOTICE =
  /cookie|©|copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|derechos reservados|newsletter|abonnieren|subscribe to|sign up for|inscrivez-vous|javascript/i;
/** Lead-ins of "more to read" lists. */
const MORE =
  /^(?:lesen sie auch|lies auch|mehr zum thema|das könnte dich|weitere artikel|read also|read more|see also|related|you may also like|more from|more stories|lire aussi|à lire aussi|leer más|lee también|leggi anche|zobacz też|czytaj też)\b/i;
/** Picture credits. */
const CAPTION =
  /^(?:foto|photo|bild|image|credit|quelle|source|fotos|photos|picture|getty images|reuters|ap photo)\b\s*[:/©]/i;

/** Whether a (short) line is a notice, a picture credit or a "read also" lead-in. */
export function lineNotice(text: string): boolean {
  return NOTICE.test(text) || CAPTION.test(text) || MORE.test(text);
}
