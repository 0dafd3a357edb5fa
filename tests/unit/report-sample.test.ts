// The documents of the report's table: every document of a small corpus; of a big one, a seeded
// sample and every document with a flag other than no-date and no-title, up to a cap; each
// with the start of its text within a byte budget, its boilerplate lines marked.
import { describe, expect, test } from 'vitest';
import type { AnalysedDocument } from '../../src/core/analyse/analyse-document.js';
import {
  capLines,
  DocumentSample,
  FLAGGED_CAP,
  SAMPLE_SIZE,
  TEXT_MAX,
  TEXT_MIN,
  textCap,
} from '../../src/core/report/document-sample.js';
import type { DocumentRecord } from '../../src/core/types.js';
import { rec } from '../helpers/record.js';

function doc(
  n: number,
  over: Partial<DocumentRecord> = {},
  text = `line one of ${n}\nline two of ${n}`,
): AnalysedDocument {
  return {
    record: rec({ id: `d${n}`, ...over }),
    lines: [],
    paragraphs: [],
    lede: '',
    text,
    edges: [],
    recurringHits: [],
    signature: null,
  };
}

const noFile = () => {
  throw new Error('no file is read: every text came with its document');
};

async function sampleOf(docs: AnalysedDocument[]) {
  const sample = new DocumentSample();
  for (const d of docs) sample.add(d);
  return sample.finish(noFile, () => {});
}

describe('the documents of the report table', () => {
  test('a corpus of at most the sample size is in the table whole, in corpus order, with its text', async () => {
    const { documents, rule } = await sampleOf([doc(0), doc(1, { flags: ['no-date'] }), doc(2)]);
    expect(documents.map((d) => d.id)).toEqual(['d0', 'd1', 'd2']);
    expect(documents.map((d) => d.seq)).toEqual([0, 1, 2]);
    expect(documents[1]?.lines).toEqual(['line one of 1', 'line two of 1']);
    expect(documents[1]?.flags).toEqual(['no-date']);
    expect(rule).toEqual({ documents: 3, sampled: 3, flagged: 0, flaggedKept: 0, rows: 3, textCap: TEXT_MAX });
  });

  test('a big corpus gives the sample plus every document flagged other than no-date/no-title', async () => {
    const docs: AnalysedDocument[] = [];
    for (let n = 0; n < 10_000; n++) {
      const flags = n % 50 === 0 ? ['short'] : n % 3 === 0 ? ['no-date', 'no-title'] : [];
      docs.push(doc(n, { flags }));
    }
    const { documents, rule } = await sampleOf(docs);
    const flagged = docs.filter((d) => d.record.flags.includes('short')).map((d) => d.record.id);
    const ids = new Set(documents.map((d) => d.id));
    for (const id of flagged) expect(ids.has(id), id).toBe(true);
    // 2,000 drawn; the 200 flagged join them, less those drawn anyway.
    const drawnFlagged = flagged.length + SAMPLE_SIZE - documents.length;
    expect(drawnFlagged).toBeGreaterThanOrEqual(0);
    expect(drawnFlagged).toBeLessThan(200);
    expect(rule).toMatchObject({ documents: 10_000, sampled: SAMPLE_SIZE, flagged: 200, flaggedKept: 200 });
    expect(rule.rows).toBe(documents.length);
    expect(documents.map((d) => d.seq)).toEqual([...documents.map((d) => d.seq)].sort((a, b) => a - b));
    // Drawn from the whole corpus, not its start: about a fifth of the sample in each fifth.
    const fifths = new Map<number, number>();
    for (const d of documents) {
      const fifth = Math.floor(d.seq / 2000);
      if (!d.flags.includes('short')) fifths.set(fifth, (fifths.get(fifth) ?? 0) + 1);
    }
    expect([...fifths.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    for (const f of fifths.values()) expect(f).toBeGreaterThan(300);
  });

  test('the sample is the same for the same corpus', async () => {
    const docs = Array.from({ length: 5000 }, (_, n) => doc(n));
    const a = await sampleOf(docs);
    const b = await sampleOf(docs);
    expect(a.documents.map((d) => d.id)).toEqual(b.documents.map((d) => d.id));
    expect(a.documents).toHaveLength(SAMPLE_SIZE);
  });

  test('past the cap, the first flagged documents in corpus order are kept, and the rest counted', async () => {
    const docs = Array.from({ length: FLAGGED_CAP + 500 }, (_, n) => doc(n, { flags: ['duplicate'] }));
    const { documents, rule } = await sampleOf(docs);
    expect(rule).toMatchObject({ flagged: FLAGGED_CAP + 500, flaggedKept: FLAGGED_CAP });
    const ids = new Set(documents.map((d) => d.id));
    for (let n = 0; n < FLAGGED_CAP; n++) expect(ids.has(`d${n}`)).toBe(true);
  });

  test('a document of its own file has its text read again at the end, its boilerplate lines marked', async () => {
    const sample = new DocumentSample();
    const d = doc(0, { boilerplate: [1, 3], boilerplateKinds: ['page', 'teaser'] }, '');
    d.file = { absPath: '/x/d0.txt', relPath: 'd0.txt', displayPath: 'x/d0.txt' };
    sample.add(d);
    const read: string[] = [];
    const { documents } = await sample.finish(
      (file) => {
        read.push(file.absPath);
        return 'Menu\nThe article.\nRead more';
      },
      () => {},
    );
    expect(read).toEqual(['/x/d0.txt']);
    expect(documents[0]).toMatchObject({
      lines: ['Menu', 'The article.', 'Read more'],
      boilerplate: [
        [1, 'page'],
        [3, 'teaser'],
      ],
      cut: false,
    });
  });

  test('a text that cannot be read again leaves the row without text', async () => {
    const sample = new DocumentSample();
    const d = doc(0, {}, '');
    d.file = { absPath: '/gone.txt', relPath: 'gone.txt', displayPath: 'gone.txt' };
    sample.add(d);
    const { documents } = await sample.finish(
      () => null,
      () => {},
    );
    expect(documents[0]?.lines).toBeNull();
  });
});

describe('the text cap', () => {
  test('the budget is shared among the rows, within bounds', () => {
    expect(textCap(1)).toBe(TEXT_MAX);
    expect(textCap(4000)).toBe(1250);
    expect(textCap(100_000)).toBe(TEXT_MIN);
  });

  test('lines are kept whole while they fit, the last one cut on a code point', () => {
    expect(capLines(['abc', 'def'], 100)).toEqual({ lines: ['abc', 'def'], cut: false });
    // 'abc\n' is 4 bytes; 'é' is 2, '€' 3, the ellipsis 3: 4 + 2 + 3 + 3 + 1 (the line end) = 13.
    expect(capLines(['abc', 'é€𝄞x'], 13)).toEqual({ lines: ['abc', 'é€…'], cut: true });
    expect(capLines(['abc', 'é€𝄞x'], 12)).toEqual({ lines: ['abc', 'é…'], cut: true });
    expect(capLines(['abc', 'def'], 4)).toEqual({ lines: ['abc'], cut: true });
  });

  test('boilerplate lines past the cap are not marked', async () => {
    const sample = new DocumentSample();
    const long = Array.from({ length: 3000 }, (_, i) => `line ${i} of the article, long enough to fill the cap`);
    sample.add(doc(0, { boilerplate: [2, 2999], boilerplateKinds: ['page', 'page'] }, long.join('\n')));
    const { documents } = await sample.finish(noFile, () => {});
    const d = documents[0];
    expect(d?.cut).toBe(true);
    expect(d?.boilerplate).toEqual([[2, 'page']]);
    expect(Buffer.byteLength((d?.lines ?? []).join('\n'))).toBeLessThanOrEqual(TEXT_MAX);
  });
});
