// Text as roff for a man page: escapes, and a small markup for the prose the man page is written
// in (`code` in backticks, *a placeholder* in asterisks). Non-ASCII characters become `\[uXXXX]`,
// which groff and mandoc read whatever the locale.

/** Roff for plain text inside a line: backslashes and characters outside ASCII escaped. */
export function escapeText(text: string): string {
  return text
    .replaceAll('\\', '\\e')
    .replace(/[^\0-\x7f]/gu, (c) => `\\[u${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/**
 * A help text as declared: plain text, but the dashes that start a word (`--format`, `-e`, `-`)
 * are minus signs, as on a command line, wherever groff would print a hyphen for `-`.
 */
export function helpText(text: string): string {
  return escapeText(text).replace(/(?<![\w])-/g, '\\-');
}

/** A flag, a command or a value as written on a command line: hyphens as the minus sign `\-`. */
export function code(text: string): string {
  return `\\fB${escapeText(text).replaceAll('-', '\\-')}\\fR`;
}

/** A placeholder (`path`, `n`): italic. */
export function placeholder(text: string): string {
  return `\\fI${escapeText(text).replaceAll('-', '\\-')}\\fR`;
}

/** Prose with `code`, *placeholders* and **bold** (a section's name) marked up. */
export function prose(text: string): string {
  return text
    .split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/)
    .map((part) => {
      if (/^`.+`$/.test(part)) return code(part.slice(1, -1));
      if (/^\*\*.+\*\*$/.test(part)) return `\\fB${escapeText(part.slice(2, -2))}\\fR`;
      if (/^\*.+\*$/.test(part)) return placeholder(part.slice(1, -1));
      return escapeText(part);
    })
    .join('');
}

/** Lines shown as they are (an example): no filling, hyphens as typed, indented. */
export function verbatim(lines: readonly string[]): string[] {
  return ['.PP', '.RS 4', '.nf', ...lines.map((l) => textLine(escapeText(l).replaceAll('-', '\\-'))), '.fi', '.RE'];
}

/** A line of input: one starting with `.` or `'` would be read as a request. */
export function textLine(text: string): string {
  return /^[.']/.test(text) ? `\\&${text}` : text;
}

/** A macro argument in double quotes: a quote inside is `\(dq`. */
export function argument(text: string): string {
  return `"${text.replaceAll('"', '\\(dq')}"`;
}

/**
 * A usage as commander writes it (`grep [options] [pattern] [paths...]`) in roff: the command in
 * bold, placeholders in italic, brackets and dots as they are.
 */
export function usage(program: string, text: string): string {
  const [command, ...rest] = text.split(' ');
  const words = rest.map((word) => {
    const m = /^([[<])([^\]>.]+)(\.\.\.)?([\]>])$/.exec(word);
    if (!m) return escapeText(word);
    const [, open, name, dots] = m as unknown as [string, string, string, string | undefined];
    const inner = `${placeholder(name)}${dots ?? ''}`;
    return open === '[' ? `[${inner}]` : inner;
  });
  return [code(`${program} ${command}`), ...words].join(' ');
}
