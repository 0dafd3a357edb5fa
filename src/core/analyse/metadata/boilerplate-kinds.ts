// What each line cut from a document's body is (docs/spec.md §3 `boilerplateKinds`): its headline,
// a metadata line, or boilerplate proper. A line that two readings claim keeps the surer kind.

import type { BoilerplateKind } from '../../types.js';

/**
 * The kinds, in the order a line's kind is chosen when several readings claim it, surest first:
 * what a line says (a date, a byline, a button label, a credit) is read from its own words; a
 * reader's `page` from where the line stood in the markup; `recurring` from a count over the
 * corpus; `teaser` and `headline` only from a short line's shape and place above the body, so
 * they yield to the others (a menu line shaped like a headline is the page's, not the article's).
 */
export const BOILERPLATE_KINDS: readonly BoilerplateKind[] = [
  'meta',
  'interface',
  'caption',
  'page',
  'recurring',
  'teaser',
  'headline',
];

const RANK = new Map(BOILERPLATE_KINDS.map((kind, rank) => [kind, rank]));

/**
 * Boilerplate proper: page furniture that is no part of this article (interface strings,
 * teasers, captions, a page's menus and footers, lines recurring across the corpus), as against
 * the article's own headline and metadata lines (`headline`, `meta`), which are cut from the
 * body too but are not boilerplate. `summarise`'s boilerplate section counts only these.
 *
 * @param kind A line's kind; undefined (no kind) is not boilerplate proper.
 */
export function isBoilerplateProper(kind: BoilerplateKind | undefined): boolean {
  return kind !== undefined && kind !== 'headline' && kind !== 'meta';
}

/** The lines cut from a document's body, by 1-based number, each with its kind. */
export class CutLines {
  private readonly kinds = new Map<number, BoilerplateKind>();

  /** Marks line `n` as `kind`, unless a surer kind (see {@link BOILERPLATE_KINDS}) has it already. */
  claim(n: number, kind: BoilerplateKind): void {
    const had = this.kinds.get(n);
    if (had === undefined || (RANK.get(kind) as number) < (RANK.get(had) as number)) this.kinds.set(n, kind);
  }

  has(n: number): boolean {
    return this.kinds.has(n);
  }

  /** The line numbers, ascending, and their kinds in the same order: the record's two fields. */
  lists(): { boilerplate: number[]; boilerplateKinds: BoilerplateKind[] } {
    const boilerplate = [...this.kinds.keys()].sort((a, b) => a - b);
    return { boilerplate, boilerplateKinds: boilerplate.map((n) => this.kinds.get(n) as BoilerplateKind) };
  }
}
