// Makes document text safe for a terminal: control characters become visible, so no escape
// sequence from a document ever reaches the terminal. Pipes get the text as decoded.

// C0 controls but tab, DEL, and C1 controls (0x9B alone is a CSI on some terminals).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟, ␛ for ESC
  if (code === 0x7f) return '\u2421'; // ␡
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Replaces control characters (but tab) with visible stand-ins: ESC becomes `␛`. */
export function visible(text: string): string {
  return text.replace(CONTROL, picture);
}

/** Like {@link visible}, and tabs become spaces: for one table cell. */
export function visibleCell(text: string): string {
  return visible(text).replace(/\t/g, ' ');
}
