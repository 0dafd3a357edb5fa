// Escaping for the report page: every string from the corpus is hostile input (a title may hold
// `</script>`, a source name markup), so text and attributes are escaped, and the JSON embedded
// in the page cannot end its script element.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value (quoted) made safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * JSON for a `<script type="application/json">` element: `<` written `\u003c` so that no
 * `</script>` or `<!--` can appear in it, and the line separators U+2028 and U+2029 escaped too.
 * `JSON.parse` of the element's text gives the value back.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A whole number with thousands separators, as the rest of the tool writes them. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
