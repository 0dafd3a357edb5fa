// What a page's JSON-LD says about it: the article's headline, its datePublished and
// dateModified and its publisher's name, found in the nodes of every `application/ld+json` script (`@graph`,
// `mainEntity`, arrays), a publisher given by `@id` looked up among them.

/** The facts of a page's JSON-LD, each the first found. */
export interface JsonLdFacts {
  headline?: string;
  datePublished?: string;
  /** The last update: it confirms a day the page writes by its headline (page-dates.ts). */
  dateModified?: string;
  publisher?: string;
}

type JsonObject = Record<string, unknown>;

/** Node count and depth cut: a page's JSON-LD is small, a hostile one must not make us walk forever. */
const MAX_NODES = 500;
const MAX_DEPTH = 6;
// Raw control characters (a newline inside a string) make JSON.parse refuse what browsers and
// search engines accept; outside strings they are white space anyway.
const CONTROLS = /[\u0000-\u001f]+/g;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The objects of a JSON-LD document in document order: itself, `@graph`, `mainEntity`, arrays. */
function collectNodes(value: unknown, out: JsonObject[], depth: number): void {
  if (out.length >= MAX_NODES || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    if (key in value) collectNodes(value[key], out, depth + 1);
  }
}

/** A publisher's name: a string, an object's `name`, the first of an array, or the node its `@id` names. */
function publisherName(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  if (Array.isArray(value)) return publisherName(value[0], byId);
  if (typeof value === 'string') return str(value);
  if (!isObject(value)) return undefined;
  const name = str(value.name);
  if (name !== undefined) return name;
  const id = str(value['@id']);
  const node = id === undefined ? undefined : byId.get(id);
  return node === undefined ? undefined : str(node.name);
}

/** A field a script that is not valid JSON still shows: `"datePublished": "…"`. */
function looseField(script: string, field: string): string | undefined {
  const m = new RegExp(`"${field}"\\s*:\\s*"([^"]{1,400})"`).exec(script);
  return m ? str(m[1]) : undefined;
}

/** Reads the facts of a page's JSON-LD scripts; never throws. */
export function readJsonLd(scripts: readonly string[]): JsonLdFacts {
  const facts: JsonLdFacts = {};
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
    try {
      collectNodes(JSON.parse(script.replace(CONTROLS, ' ')), nodes, 0);
    } catch {
      facts.datePublished ??= looseField(script, 'datePublished');
      facts.dateModified ??= looseField(script, 'dateModified');
      facts.headline ??= looseField(script, 'headline');
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = str(node['@id']);
    if (id !== undefined && !byId.has(id)) byId.set(id, node);
  }
  for (const node of nodes) {
    facts.datePublished ??= str(node.datePublished);
    facts.dateModified ??= str(node.dateModified);
    facts.headline ??= str(node.headline);
    if (facts.publisher === undefined && node.publisher !== undefined) {
      facts.publisher = publisherName(node.publisher, byId);
    }
  }
  return facts;
}
