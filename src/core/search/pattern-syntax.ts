// A light tokenizer for JavaScript regular expressions in Unicode (`u`) mode. It does not
// validate (the RegExp constructor does that first); it only tells literal characters apart from
// syntax, so patterns can be folded, renumbered, analysed for backtracking and mined for literals.

/** A member of a character class. */
export type ClassItem =
  { kind: 'char'; value: string } | { kind: 'range'; from: string; to: string } | { kind: 'escape'; src: string };

/** One piece of a pattern. `src` is the exact source text it came from. */
export type Token =
  | { kind: 'char'; value: string; src: string }
  | { kind: 'escape'; src: string }
  | { kind: 'assertion'; src: string }
  | { kind: 'dot'; src: string }
  | { kind: 'backref'; index: number | null; src: string }
  | { kind: 'class'; negated: boolean; items: ClassItem[]; src: string }
  | { kind: 'open'; capture: boolean; lookaround: boolean; src: string }
  | { kind: 'close'; src: string }
  | { kind: 'alt'; src: string }
  | { kind: 'quant'; min: number; max: number; src: string };

const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const CLASS_SYNTAX = new Set('\\]^-[');

/** The regex source for one literal character, outside (or, with `inClass`, inside) a class. */
export function escapeChar(ch: string, inClass = false): string {
  return (inClass ? CLASS_SYNTAX : SYNTAX).has(ch) ? `\\${ch}` : ch;
}

/** Regex source matching `literal` exactly, in `u` mode. */
export function escapeLiteral(literal: string): string {
  let out = '';
  for (const ch of literal) out += escapeChar(ch);
  return out;
}

/** Tokens of a literal (-F) pattern: one char token per code point. */
export function literalTokens(literal: string): Token[] {
  return Array.from(literal, (ch) => ({ kind: 'char', value: ch, src: escapeChar(ch) }) as const);
}

const CONTROL: Readonly<Record<string, string>> = { t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '0': '\0' };

interface Escape {
  token:
    | { kind: 'char'; value: string }
    | { kind: 'escape' }
    | { kind: 'assertion' }
    | { kind: 'backref'; index: number | null };
  end: number;
}

/** Reads the escape starting at `source[at] === '\\'`. */
function readEscape(source: string, at: number, inClass: boolean): Escape {
  const c = source[at + 1] ?? '';
  const hex = (from: number, length: number): Escape => ({
    token: { kind: 'char', value: String.fromCharCode(parseInt(source.slice(from, from + length), 16)) },
    end: from + length,
  });
  if ('dDwWsS'.includes(c)) return { token: { kind: 'escape' }, end: at + 2 };
  if (c === 'p' || c === 'P') return { token: { kind: 'escape' }, end: source.indexOf('}', at) + 1 };
  if (c === 'b')
    return inClass
      ? { token: { kind: 'char', value: '\b' }, end: at + 2 }
      : { token: { kind: 'assertion' }, end: at + 2 };
  if (c === 'B') return { token: { kind: 'assertion' }, end: at + 2 };
  if (c === 'k') return { token: { kind: 'backref', index: null }, end: source.indexOf('>', at) + 1 };
  if (c >= '1' && c <= '9' && !inClass) {
    const digits = /^\d+/.exec(source.slice(at + 1))?.[0] ?? c;
    return { token: { kind: 'backref', index: Number(digits) }, end: at + 1 + digits.length };
  }
  const control = CONTROL[c];
  if (control !== undefined) return { token: { kind: 'char', value: control }, end: at + 2 };
  if (c === 'c')
    return { token: { kind: 'char', value: String.fromCharCode(source.charCodeAt(at + 2) % 32) }, end: at + 3 };
  if (c === 'x') return hex(at + 2, 2);
  if (c === 'u' && source[at + 2] === '{') {
    const close = source.indexOf('}', at);
    return {
      token: { kind: 'char', value: String.fromCodePoint(parseInt(source.slice(at + 3, close), 16)) },
      end: close + 1,
    };
  }
  if (c === 'u') {
    const first = hex(at + 2, 4);
    const high = first.token.kind === 'char' ? first.token.value.charCodeAt(0) : 0;
    // In u mode an escaped surrogate pair is one code point.
    if (high >= 0xd800 && high <= 0xdbff && source.startsWith('\\u', first.end) && source[first.end + 2] !== '{') {
      const second = hex(first.end + 2, 4);
      const low = second.token.kind === 'char' ? second.token.value.charCodeAt(0) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        return { token: { kind: 'char', value: String.fromCharCode(high, low) }, end: second.end };
      }
    }
    return first;
  }
  const ch = String.fromCodePoint(source.codePointAt(at + 1) ?? 0);
  return { token: { kind: 'char', value: ch }, end: at + 1 + ch.length };
}

function readClass(source: string, at: number): { token: Token; end: number } {
  let i = at + 1;
  const negated = source[i] === '^';
  if (negated) i += 1;
  const atoms: (
    | { kind: 'char'; value: string; end: number }
    | { kind: 'escape'; src: string; end: number }
    | { kind: 'dash'; end: number }
  )[] = [];
  while (i < source.length && source[i] !== ']') {
    if (source[i] === '\\') {
      const e = readEscape(source, i, true);
      atoms.push(
        e.token.kind === 'char'
          ? { kind: 'char', value: e.token.value, end: e.end }
          : { kind: 'escape', src: source.slice(i, e.end), end: e.end },
      );
      i = e.end;
    } else {
      const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
      atoms.push(ch === '-' ? { kind: 'dash', end: i + 1 } : { kind: 'char', value: ch, end: i + ch.length });
      i += ch.length;
    }
  }
  const items: ClassItem[] = [];
  for (let k = 0; k < atoms.length; k += 1) {
    const a = atoms[k];
    const dash = atoms[k + 1];
    const b = atoms[k + 2];
    if (a?.kind === 'char' && dash?.kind === 'dash' && b?.kind === 'char') {
      items.push({ kind: 'range', from: a.value, to: b.value });
      k += 2;
    } else if (a?.kind === 'escape') items.push({ kind: 'escape', src: a.src });
    else if (a !== undefined) items.push({ kind: 'char', value: a.kind === 'dash' ? '-' : a.value });
  }
  return { token: { kind: 'class', negated, items, src: source.slice(at, i + 1) }, end: i + 1 };
}

function readGroupOpen(source: string, at: number): { token: Token; end: number } {
  const rest = source.slice(at, at + 4);
  const make = (length: number, capture: boolean, lookaround: boolean) => ({
    token: { kind: 'open', capture, lookaround, src: source.slice(at, at + length) } as const,
    end: at + length,
  });
  if (rest.startsWith('(?:')) return make(3, false, false);
  if (rest.startsWith('(?=') || rest.startsWith('(?!')) return make(3, false, true);
  if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) return make(4, false, true);
  if (rest.startsWith('(?<')) return make(source.indexOf('>', at) + 1 - at, true, false);
  return make(1, true, false);
}

/** Splits a valid `u`-mode pattern into tokens. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < source.length;) {
    const c = source[i] ?? '';
    let read: { token: Token; end: number };
    if (c === '\\') {
      const e = readEscape(source, i, false);
      read = { token: { ...e.token, src: source.slice(i, e.end) } as Token, end: e.end };
    } else if (c === '[') read = readClass(source, i);
    else if (c === '(') read = readGroupOpen(source, i);
    else if (c === '*' || c === '+' || c === '?' || c === '{') {
      const m = /^(?:\*|\+|\?|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i));
      const text = m?.[0] ?? c;
      const min = c === '+' ? 1 : c === '{' ? Number(m?.[1] ?? 0) : 0;
      const max =
        c === '?' ? 1 : c !== '{' ? Infinity : m?.[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      read = { token: { kind: 'quant', min, max, src: text }, end: i + text.length };
    } else if (c === ')' || c === '|') read = { token: { kind: c === ')' ? 'close' : 'alt', src: c }, end: i + 1 };
    else if (c === '.') read = { token: { kind: 'dot', src: c }, end: i + 1 };
    else if (c === '^' || c === '$') read = { token: { kind: 'assertion', src: c }, end: i + 1 };
    else {
      const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
      read = { token: { kind: 'char', value: ch, src: ch }, end: i + ch.length };
    }
    tokens.push(read.token);
    i = read.end;
  }
  return tokens;
}

/** Regex source of a class item. */
export function classItemSource(item: ClassItem): string {
  if (item.kind === 'escape') return item.src;
  if (item.kind === 'range') return `${escapeChar(item.from, true)}-${escapeChar(item.to, true)}`;
  return escapeChar(item.value, true);
}
