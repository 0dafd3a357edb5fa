// A WARC record's page left to extract (`defer`, SourceDocument.page): what the analysis then
// makes of it is what the reader would have made, and its lines take no part in the recurring count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyseDocument } from '../../../src/core/analyse/analyse-document.js';
import { readWarc, setWarcRaw } from '../../../src/core/input/formats/warc.js';
import { IdRegistry } from '../../../src/core/input/ids.js';
import { completePage } from '../../../src/core/input/warc/pending-page.js';
import type { SourceDocument } from '../../../src/core/types.js';
import { gzipMember, htmlResponse } from '../../helpers/warc.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-page-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PAGE = `<html lang="fr"><head><title>Essai | Site</title><meta charset="windows-1252"></head>
<body><nav><a href="/">Accueil</a> <a href="/m">Monde</a></nav><article><h1>Un titre</h1>
<p>La Russie et la Biélorussie mènent une nouvelle semaine d’exercices militaires conjoints, a annoncé mardi le ministère.</p>
<p>Les manœuvres se déroulent sur les terrains d’entraînement proches de la frontière, selon les autorités de Minsk.</p>
</article><footer>© 2024 Site</footer></body></html>`;

async function read(defer: boolean): Promise<SourceDocument[]> {
  const absPath = path.join(dir, 'a.warc.gz');
  // Served as UTF-8 by its HTTP header, which wins over its <meta>.
  fs.writeFileSync(absPath, gzipMember(htmlResponse('https://a.test/2024/05/01/x', PAGE)));
  const docs: SourceDocument[] = [];
  const file = { absPath, relPath: 'a.warc.gz', displayPath: 'a.warc.gz' };
  for await (const d of readWarc(file, new IdRegistry(), () => {}, undefined, undefined, undefined, defer))
    docs.push(d);
  return docs;
}

describe('a deferred WARC page', () => {
  test('comes with its page and no text; completed, it is the document the reader gives', async () => {
    const [now] = await read(false);
    const [later] = await read(true);
    expect(later!.text).toBe('');
    expect(later!.page).toMatchObject({ charset: 'utf-8', url: 'https://a.test/2024/05/01/x', raw: false });
    const done = completePage(later!);
    expect(done.page).toBe(undefined);
    expect(done).toEqual(now);
  });

  test('keeps its page as raw when asked, and its analysis counts no edge line', async () => {
    setWarcRaw(true);
    try {
      const [later] = await read(true);
      const a = analyseDocument(later!);
      expect(a.raw).toBe(PAGE);
      expect(a.text).toContain('La Russie et la Biélorussie');
      expect(a.edges).toEqual([]);
      expect(a.record).toMatchObject({ title: 'Un titre', url: 'https://a.test/2024/05/01/x', declaredLang: 'fra' });
      expect(analyseDocument(completePage(later!)).edges.length).toBeGreaterThan(0);
    } finally {
      setWarcRaw(false);
    }
  });
});
