// HTML pages through the built bin/corpus (issue 18, point 1): a page is one document whose text is
// its visible text a block a line, its menus and footers boilerplate, its metadata read from the
// page with where it was found; every command reads it, cold and from the cache, and `show --raw`
// gives the page's bytes. The fixtures are hand-written pages in French (UTF-8), Chinese (GBK,
// declared by `<meta http-equiv>`) and Arabic, and a broken one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/html');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-html-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const FIELDS = 'id,format,encoding,lang,declaredLang,date,source,url,title';

const LIST = [
  'broken\thtml\twindows-1252\tfra\t\t\t\t\tPage cassée',
  [
    "exercices\thtml\tutf-8\tfra\tfra\t2023-01-31T18:14:00+01:00\tLe Courrier de l'Est",
    'https://courrier-est.example/monde/2023/01/31/exercices-bielorussie',
    'La Russie et la Biélorussie lancent des exercices conjoints',
  ].join('\t'),
  [
    'tamrin\thtml\tutf-8\tarb\tarb\t2023-02-01T09:30:00Z\tأخبار العالم',
    'https://akhbar.example/world/2023/02/01/manawarat',
    'روسيا وبيلاروسيا تبدآن مناورات عسكرية مشتركة',
  ].join('\t'),
  'yanxi\thtml\tgbk\tcmn\tcmn\t2023-01-31\t新华网\t\t俄罗斯与白俄罗斯举行联合军事演习',
];

describe('HTML pages', () => {
  test('list reads each page: charset, languages, date, source, url and title from the page, cold and warm', () => {
    for (const run of ['cold', 'warm']) {
      const r = runBin(['list', '.', '--fields', FIELDS], { cwd: FIXTURE });
      expect([run, lines(r.stdout)]).toEqual([run, LIST]);
      expect([run, r.stderr]).toEqual([run, '']);
      expect(r.status).toBe(0);
    }
  });

  test('provenance names the part of the page each value was read from', () => {
    const r = runBin(['show', 'exercices', '--corpus', FIXTURE, '--json']);
    const [doc] = JSON.parse(r.stdout) as { provenance: Record<string, string>; text: string; body: string }[];
    expect(doc!.provenance).toMatchObject({
      title: 'og:title',
      source: 'og:site_name',
      url: '<link rel=canonical>',
      lang: 'detected',
    });
    expect(doc!.provenance.date).toMatch(/article:published_time/);
    // The text holds the menus and the footer; the body is the article alone.
    expect(doc!.text).toContain('Accueil');
    expect(doc!.text).toContain('Tous droits réservés');
    expect(doc!.body).not.toContain('Accueil');
    expect(doc!.body).not.toContain('cookies');
    expect(doc!.body).not.toContain('Tous droits réservés');
    expect(doc!.body).not.toContain('Minsk accueille de nouveaux avions');
    expect(doc!.body).toContain('mènent une nouvelle semaine d’exercices militaires conjoints');
    expect(doc!.body).toContain('suivent de près ces mouvements de troupes dans la région.');
  });

  test('show --body prints the article; show --raw the page as its file holds it', () => {
    const body = runBin(['show', 'tamrin', '--corpus', FIXTURE, '--body']);
    expect(body.status).toBe(0);
    expect(body.stdout).toContain('أعلنت وزارة الدفاع البيلاروسية');
    expect(body.stdout).not.toContain('الرئيسية');
    expect(body.stdout).not.toContain('جميع الحقوق محفوظة');
    const raw = runBin(['show', 'exercices', '--corpus', FIXTURE, '--raw']);
    expect(raw.stdout).toBe(fs.readFileSync(path.join(FIXTURE, 'exercices.html'), 'utf8'));
    // Bytes as they are: the GBK page is not decoded on its way to a pipe.
    const gbk = runBin(['show', 'yanxi', '--corpus', FIXTURE, '--raw'], {});
    expect(Buffer.from(gbk.stdout, 'latin1').length).toBeGreaterThan(0);
    expect(gbk.stdout).not.toContain('演习');
    const two = runBin(['show', 'yanxi', '--corpus', FIXTURE, '--raw', '--body']);
    expect(two.status).toBe(2);
  });

  test('grep searches the text, entities decoded, line numbers of the text; the GBK page is decoded', () => {
    const r = runBin(['grep', '-i', 'biélorussie', '.'], { cwd: FIXTURE });
    expect(r.status).toBe(0);
    const hits = lines(r.stdout);
    expect(hits.every((h) => h.startsWith('exercices:'))).toBe(true);
    // `Bi&eacute;lorussie` nowhere: the markup is never searched.
    const show = runBin(['show', 'exercices', '--corpus', FIXTURE], {});
    const textLines = show.stdout.split('\n');
    for (const hit of hits) {
      const [, n, text] = /^exercices:(\d+):(.*)$/.exec(hit) as RegExpExecArray;
      expect(textLines[Number(n) - 1]).toBe(text);
    }
    expect(runBin(['grep', '-c', '演习', '.'], { cwd: FIXTURE }).stdout).toBe('yanxi:4\n');
    expect(runBin(['grep', '-c', 'eacute|charset|<p>', '.'], { cwd: FIXTURE }).status).toBe(1);
  });

  test('summarise counts the pages, and a compressed page reads as the page', () => {
    const dir = path.join(tmp, 'gz');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'page.html.gz'), zlib.gzipSync(fs.readFileSync(path.join(FIXTURE, 'tamrin.html'))));
    fs.copyFileSync(path.join(FIXTURE, 'exercices.html'), path.join(dir, 'exercices.htm'));
    const r = runBin(['summarise', dir, '--only', 'overview', '--format', 'tsv']);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toContain('overview\tdocuments\t2');
    const list = runBin(['list', dir, '--fields', 'id,format,lang,title']);
    expect(lines(list.stdout)).toEqual([
      'exercices\thtml\tfra\tLa Russie et la Biélorussie lancent des exercices conjoints',
      'page\thtml\tarb\tروسيا وبيلاروسيا تبدآن مناورات عسكرية مشتركة',
    ]);
  });
});
