// Boilerplate means boilerplate: the record says what each line cut from the body is, `show` says
// it on a terminal, and `summarise` counts as boilerplate only page furniture, never the headlines,
// datelines and outlet lines that are cut from the body too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('the seeds', () => {
  test('list: boilerplateKinds beside boilerplate, a kind for each line', async () => {
    const r = await runCli(['list', '--fields', 'id,boilerplate,boilerplateKinds', '--format', 'jsonl']);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: '000_fdb09ddbbd769acc', boilerplate: [13], boilerplateKinds: ['meta'] },
      {
        id: '001_34f256881794425b',
        boilerplate: [1, 3, 5, 9, 29, 31, 33, 35],
        boilerplateKinds: ['headline', 'teaser', 'meta', 'caption', 'interface', 'interface', 'interface', 'meta'],
      },
      { id: '002_075e5e7c38a2ef25', boilerplate: [], boilerplateKinds: [] },
      { id: '003_d5acbb01e160b551', boilerplate: [1, 3, 30], boilerplateKinds: ['headline', 'headline', 'meta'] },
      {
        id: '004_4beb03af83448623',
        boilerplate: [1, 3, 5, 6, 7, 9, 29, 30],
        boilerplateKinds: ['meta', 'headline', 'meta', 'headline', 'headline', 'meta', 'interface', 'interface'],
      },
    ]);
  });

  test('piped, the kinds are one cell, comma-separated, as boilerplate', async () => {
    const r = await runCli(['list', '--fields', 'id,boilerplate,boilerplateKinds']);
    expect(r.stdout.split('\n')[3]).toBe('003_d5acbb01e160b551\t1,3,30\theadline,headline,meta');
    const meta = await runCli(['show', '003', '--meta']);
    expect(meta.stdout).toContain('\nboilerplate\t1,3,30\nboilerplateKinds\theadline,headline,meta\nhash\t');
  });

  test('show on a terminal: the cut lines by kind in the header, every one of them dimmed below', async () => {
    const r = await runCli(['show', '001', '--no-pager'], { tty: true, env: { FORCE_COLOR: '1' } });
    const plain = r.stdout.replace(/\u001b\[\d+m/g, '');
    expect(plain.split('\n')[9]).toBe(
      'cut      headline 1; meta 5, 35; interface 29, 31, 33; teaser 3; caption 9 (dimmed below)',
    );
    // The headline is dimmed as any cut line is; the first paragraph is not.
    expect(r.stdout).toContain(
      '\n\u001b[2mPoutine approuve la création de centres de formation militaire avec la Biélorussie\u001b[22m\n',
    );
    expect(r.stdout).toContain('\n\u001b[2mSavoir plus\u001b[22m\n');
    expect(r.stdout).toContain('\nLe président russe Vladimir Poutine a approuvé');
  });

  test('summarise: only boilerplate proper, not a headline, dateline or outlet line among them', async () => {
    const r = await runCli(['summarise', '--only', 'boilerplate', '--json', '--top', '30']);
    const s = JSON.parse(r.stdout).boilerplate;
    expect([s.documents, s.lines, s.shared]).toEqual([2, 7, []]);
    expect(s.top.map((l: { text: string }) => l.text)).toEqual([
      "L'info de A à Z Voir Plus",
      'Le projet de confiance',
      'Loading...',
      'Poutine, en image cette semaine MIKHAEL KLIMENTYEV / KREMLIN / PEFE',
      'Savoir plus',
      'Selon les critères de',
      'Une equipe de recherche internationale cree des composes azotes jusque la',
    ]);
    expect(s.more).toEqual({ shared: 0, top: 0 });
  });
});

describe('a corpus with a kicker recurring above its headlines', () => {
  let dir: string;
  const BODY =
    'Le conseil municipal a voté mardi soir le budget de la ville pour l’année prochaine, après un long débat sur les écoles et les cantines.';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-kinds-'));
    const titles = [
      'Le budget adopté à Montval',
      'Les cantines rouvrent',
      'Un nouveau maire élu',
      'Le gymnase attendra',
    ];
    titles.forEach((title, i) => {
      const text = `Dernière minute\n\n${title}\n\nPublié le ${i + 3} mars 2021\n\n${BODY} Numéro ${i}.\n`;
      fs.writeFileSync(path.join(dir, `0${i}.txt`), text);
    });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the kicker is boilerplate, as a line recurring across the corpus; the headlines and datelines are not', async () => {
    const list = await runCli(['list', dir, '--fields', 'id,boilerplate,boilerplateKinds']);
    expect(list.stdout).toBe(['00', '01', '02', '03'].map((id) => `${id}\t1,3,5\trecurring,headline,meta\n`).join(''));
    const r = await runCli(['summarise', dir, '--only', 'boilerplate', '--json']);
    const s = JSON.parse(r.stdout).boilerplate;
    expect([s.documents, s.lines]).toEqual([4, 4]);
    expect(s.top).toEqual([{ text: 'Dernière minute', documents: 4, occurrences: 4 }]);
  });
});

describe('an HTML page', () => {
  let dir: string;
  const PARAGRAPHS = [
    'Rivers across the valley rose to their highest level in twenty years on Tuesday, after a week of heavy rain soaked the hills above the towns.',
    'Emergency services moved more than two hundred families from their homes overnight, and schools in three towns stayed closed while the water was pumped away.',
  ];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-kinds-html-'));
    const menu = Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i + 1}">Section ${i + 1}</a></li>`).join('');
    const html =
      `<!doctype html><html lang="en"><head><title>Rivers rise | Daily Courier</title></head><body>` +
      `<nav><ul>${menu}</ul></nav><main><article><h1>Rivers rise across the valley after a week of rain</h1>` +
      `<p class="byline">By Ann Smith</p>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
    fs.writeFileSync(path.join(dir, 'page.html'), html);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the reader's menu lines are `page`, the headline and the byline the article's own", async () => {
    const list = await runCli(['list', dir, '--fields', 'boilerplate,boilerplateKinds']);
    expect(list.stdout).toBe('1,3,5,7,9,11,13,15,17,19,21,23,25,27\t' + `${'page,'.repeat(12)}headline,meta\n`);
    const summary = JSON.parse((await runCli(['summarise', dir, '--only', 'boilerplate', '--json'])).stdout);
    expect([summary.boilerplate.documents, summary.boilerplate.lines]).toEqual([1, 12]);
  });

  test("show's header cuts a long list of lines of one kind, and says how many it left out", async () => {
    const r = await runCli(['show', path.join(dir, 'page.html'), '--no-pager', '--color', 'never'], { tty: true });
    expect(r.stdout.split('\n')[9]).toBe(
      'cut      headline 25; meta 27; page 1, 3, 5, 7, 9, 11, 13, 15 and 4 more (dimmed below)',
    );
  });
});
