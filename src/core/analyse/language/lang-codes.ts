// Language codes: ISO 639-1 (`fr`) and 639-3 (`fra`) both name a language; the record uses 639-3.

let oneToThree: Map<string, string> | undefined;

async function table(): Promise<Map<string, string>> {
  if (!oneToThree) {
    // Loaded on demand: only the filters need it, and start-up should stay light.
    const { iso6393To1 } = await import('iso-639-3');
    oneToThree = new Map(Object.entries(iso6393To1).map(([three, one]) => [one, three]));
  }
  return oneToThree;
}

/**
 * The ISO 639-3 code for a 639-1 or 639-3 code (case-insensitive); `und` stays `und`;
 * null when the code is neither.
 */
export async function toIso6393(code: string): Promise<string | null> {
  const c = code.trim().toLowerCase();
  if (/^[a-z]{3}$/.test(c)) return c;
  if (/^[a-z]{2}$/.test(c)) return (await table()).get(c) ?? null;
  return null;
}

/** A function from ISO 639-3 code to English language name (loads the full table once). */
export async function languageName(): Promise<(code: string) => string | null> {
  const { iso6393 } = await import('iso-639-3');
  const names = new Map(iso6393.map((l) => [l.iso6393, l.name]));
  return (code) => (code === 'und' ? 'undetermined' : (names.get(code) ?? null));
}
