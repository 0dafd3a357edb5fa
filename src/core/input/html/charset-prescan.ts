// The charset a page declares in its first 1,024 bytes, as the WHATWG encoding prescan finds it
// (HTML §13.2.3.2): `<meta charset>`, or `<meta http-equiv=content-type content="…; charset=…">`;
// comments are passed over, so a commented-out declaration does not count.

/** How far the prescan looks (HTML's prescan: the first 1,024 bytes). */
const PRESCAN_BYTES = 1024;

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const META = /<meta[\s/][^>]*>?/gi;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/g;
const CHARSET_IN_CONTENT = /charset\s*=\s*["']?([^\s"';]+)/i;

/** A `<meta>` tag's attributes, lower-cased names, the first of each. */
function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  const body = tag.slice(5);
  for (let m = ATTR.exec(body); m !== null; m = ATTR.exec(body)) {
    const name = (m[1] as string).toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * The charset label a page declares in its first 1,024 bytes (`<meta charset>`, `<meta http-equiv
 * content-type>`), as written and trimmed; null when none.
 */
export function htmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES))
    .toString('latin1')
    .replace(COMMENT, '');
  for (const tag of head.match(META) ?? []) {
    const attrs = attributesOf(tag);
    const charset = attrs.get('charset')?.trim();
    if (charset) return charset;
    if (attrs.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const label = CHARSET_IN_CONTENT.exec(attrs.get('content') ?? '')?.[1];
      if (label) return label;
    }
  }
  return null;
}
