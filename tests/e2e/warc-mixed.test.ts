// WARC and WET crawls beside the other formats, through the built bin/corpus (issue 18, points 4
// and 8): a mixed folder of a per-record-gzip WARC, a WET, an HTML page, a CSV, a JSON file and a
// text file, read by list, show, grep and summarise, cold and from the cache, with one thread and
// with workers (which extract the WARC's pages: SourceDocument.page).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';
import { gzipMember, htmlResponse, HTTP_RESPONSE, httpResponse, warcRecord } from '../helpers/warc.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-warc-'));
const dir = path.join(tmp, 'mixed');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PARAGRAPH =
  'Les manœuvres se déroulent sur les terrains d’entraînement proches de la frontière, à environ cent cinquante kilomètres au nord, et doivent durer jusqu’à la fin de la semaine selon les autorités.';

/** A news page with a menu, an article of `n` paragraphs and a footer. */
function page(title: string, date: string | null, n: number): string {
  const meta = date === null ? '' : `<meta property="article:published_time" content="${date}">`;
  const paragraphs = Array.from({ length: n }, (_, i) => `<p>${i + 1}. ${PARAGRAPH}</p>`).join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title} | Le Site</title>${meta}</head>
<body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article><h1>${title}</h1>\n${paragraphs}</article>
<footer><p>© 2024 Le Site. Tous droits réservés.</p></footer></body></html>`;
}

beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
  const records = [
    warcRecord({ type: 'warcinfo', payload: 'software: test\r\n' }),
    warcRecord({ type: 'request', uri: 'https://news.example/a', payload: 'GET /a HTTP/1.1\r\n\r\n' }),
    htmlResponse('https://news.example/2024/05/17/a', page('Exercices conjoints', '2024-05-17T08:00:00+02:00', 4)),
    warcRecord({ type: 'metadata', uri: 'https://news.example/a', payload: 'fetchTimeMs: 12\r\n' }),
    // No date in the page: the crawl date, said to be one.
    htmlResponse('https://news.example/b', page('Une page sans date', null, 3)),
    warcRecord({
      type: 'response',
      uri: 'https://news.example/logo.png',
      headers: HTTP_RESPONSE,
      payload: httpResponse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), { 'Content-Type': 'image/png' }),
    }),
    warcRecord({
      type: 'response',
      uri: 'https://news.example/notes.txt',
      headers: HTTP_RESPONSE,
      payload: httpResponse('Notes de terrain.\nLa Biélorussie accueille les exercices.\n', {
        'Content-Type': 'text/plain; charset=utf-8',
      }),
    }),
  ];
  fs.writeFileSync(path.join(dir, 'crawl.warc.gz'), Buffer.concat(records.map(gzipMember)));
  const wet = [
    warcRecord({ type: 'warcinfo', payload: 'software: test\r\n' }),
    warcRecord({
      type: 'conversion',
      uri: 'https://other.example/c',
      headers: { 'Content-Type': 'text/plain' },
      payload: 'Titre extrait\nLa Russie et la Biélorussie renforcent leur coopération.\n',
    }),
  ];
  fs.writeFileSync(path.join(dir, 'crawl.warc.wet.gz'), Buffer.concat(wet.map(gzipMember)));
  fs.copyFileSync(path.join(ROOT, 'tests/fixtures/html/exercices.html'), path.join(dir, 'page.html'));
  fs.writeFileSync(path.join(dir, 'rows.csv'), 'id,title,text\nr1,Ligne,La Biélorussie dans un tableau.\n');
  fs.writeFileSync(path.join(dir, 'items.json'), '[{"id":"j1","text":"La Biélorussie en JSON.","author":"Ann"}]');
  fs.writeFileSync(path.join(dir, 'note.txt'), 'Une note sur la Biélorussie.\n');
});

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

const LIST = [
  'https://news.example/2024/05/17/a\twarc\t2024-05-17T08:00:00+02:00\tExercices conjoints',
  'https://news.example/b\twarc\t2024-05-18T01:58:10Z\tUne page sans date',
  'https://news.example/notes.txt\twarc\t2024-05-18T01:58:10Z\t',
  'https://other.example/c\twet\t2024-05-18T01:58:10Z\tTitre extrait',
  'j1\tjson\t\t',
  'note\ttext\t\t',
  'page\thtml\t2023-01-31T18:14:00+01:00\tLa Russie et la Biélorussie lancent des exercices conjoints',
  'r1\tcsv\t\tLigne',
];
const SKIPPED = 'corpus: warning: crawl.warc.gz:7: skipped 1 response that is not text (1 image/png)';

describe('WARC and WET in a mixed folder', () => {
  test('list reads every format, cold and warm', () => {
    const env = { XDG_CACHE_HOME: path.join(tmp, 'cache-list') };
    for (const run of ['cold', 'warm']) {
      const r = runBin(['list', '.', '--fields', 'id,format,date,title', '--sort', 'id'], { cwd: dir, env });
      expect([run, lines(r.stdout)]).toEqual([run, LIST]);
      expect([run, lines(r.stderr)]).toEqual([run, [SKIPPED]]);
      expect(r.status).toBe(0);
    }
  });

  test('a crawl big enough for workers: they extract its pages, and every record is the same as with one thread', () => {
    const big = path.join(tmp, 'big');
    fs.mkdirSync(big);
    // Words drawn at random, so that the gzipped file is as big as its pages: the corpus is then
    // guessed big enough for workers (corpus-plan.ts guesses a record a 30 KB of file).
    let seed = 7;
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36).slice(0, 3 + (seed % 6));
    };
    // In a script, which a page's text never holds.
    const filler = (n: number) => `<script>var tags = "${Array.from({ length: n }, word).join(' ')}";</script>`;
    const records = Array.from({ length: 240 }, (_, i) =>
      htmlResponse(
        `https://news.example/p/${i}`,
        page(`Article ${i}`, `2024-05-${String((i % 28) + 1).padStart(2, '0')}`, 2 + (i % 3)).replace(
          '</body>',
          `${filler(8000)}</body>`,
        ),
      ),
    );
    fs.writeFileSync(path.join(big, 'big.warc.gz'), Buffer.concat(records.map(gzipMember)));
    const runs = ['1', '2', '2'].map((jobs, i) => {
      const env = { XDG_CACHE_HOME: path.join(tmp, `cache-big-${jobs}`) };
      const r = runBin(['list', big, '--json', '--jobs', jobs], { env });
      expect([i, r.stderr, r.status]).toEqual([i, '', 0]);
      return r.stdout;
    });
    const docs = JSON.parse(runs[0] as string) as {
      title: string;
      date: string;
      boilerplate: number[];
      words: number;
    }[];
    expect(docs).toHaveLength(240);
    expect(docs[7]).toMatchObject({ title: 'Article 7', date: '2024-05-08' });
    // The menu and the footer are boilerplate, the article is the body.
    expect(docs.every((d) => d.boilerplate.length >= 3 && d.words > 50)).toBe(true);
    // Workers (cold, then warm from their cache) give what one thread gives.
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  test('a WARC page: provenance, body without menus, --raw the page, the crawl date said', () => {
    const env = { XDG_CACHE_HOME: path.join(tmp, 'cache-show') };
    const json = runBin(['show', 'https://news.example/b', '--corpus', dir, '--json'], { env });
    const [doc] = JSON.parse(json.stdout) as {
      provenance: Record<string, string>;
      url: string;
      body: string;
      text: string;
      boilerplate: number[];
    }[];
    expect(doc!.provenance.date).toBe('WARC-Date (crawl date)');
    expect(doc!.provenance.url).toBe('WARC-Target-URI');
    expect(doc!.url).toBe('https://news.example/b');
    expect(doc!.text).toContain('Accueil');
    expect(doc!.body).not.toContain('Accueil');
    expect(doc!.body).not.toContain('Tous droits réservés');
    expect(doc!.body).toContain('3. Les manœuvres se déroulent');
    const raw = runBin(['show', 'https://news.example/b', '--corpus', dir, '--raw'], { env });
    expect(raw.stdout).toBe(page('Une page sans date', null, 3));
    const wet = runBin(['show', 'https://other.example/c', '--corpus', dir, '--raw'], { env });
    expect(wet.stdout).toBe('Titre extrait\nLa Russie et la Biélorussie renforcent leur coopération.\n');
  });

  test('grep finds matches in every format, line numbers of the text', () => {
    const r = runBin(['grep', '-c', '-i', 'biélorussie', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'https://news.example/notes.txt:1',
      'https://other.example/c:1',
      'j1:1',
      'note:1',
      'page:2',
      'r1:1',
    ]);
    const one = runBin(['grep', 'renforcent', '.'], { cwd: dir });
    expect(lines(one.stdout)).toEqual([
      'https://other.example/c:2:La Russie et la Biélorussie renforcent leur coopération.',
    ]);
  });

  test('summarise counts every document of every format', () => {
    const r = runBin(['summarise', '.', '--only', 'overview', '--format', 'tsv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toContain('overview\tdocuments\t8');
  });
});
