// The report opened in a real browser (headless Chromium, Debian's `chromium`, driven by
// puppeteer-core): no console error, no request but the file itself, every chart drawn with
// marks, the figures those of `summarise --json`, the table sorted, filtered by language and
// opened from the keyboard, light and dark. A screenshot of the seeds' report is written to
// test-artifacts/ (kept by CI). Without Chromium the test fails: .ci/run installs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-report-browser-'));
const executablePath = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && fs.existsSync(p));

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // As root (CI, containers) Chromium runs only without its sandbox.
  if (executablePath !== undefined)
    browser = await puppeteer.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);

// A failed test, not a skipped one: a CI without Chromium must not pass unseen.
test('Chromium is installed (apt-get install -y chromium, as .ci/run does; or CHROMIUM_PATH)', () => {
  expect(executablePath).toBeDefined();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** What went wrong while the page was open: requests made, console errors, script errors. */
interface Trouble {
  requests: string[];
  errors: string[];
}

/** Opens a report file; every request other than the file itself is refused and recorded. */
async function openReport(file: string): Promise<{ page: Page; trouble: Trouble }> {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage();
  const trouble: Trouble = { requests: [], errors: [] };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url) void request.continue();
    else {
      trouble.requests.push(request.url());
      void request.abort();
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.errors.push(message.text());
  });
  page.on('pageerror', (err) => trouble.errors.push(String(err)));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, trouble };
}

function report(args: string[], file: string): void {
  const r = runBin(['report', ...args, '-o', file], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
}

/** The shown rows' cells, as text. */
function tableText(page: Page): Promise<string[][]> {
  return page.$$eval('#documents tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
  );
}

describe('the seeds report in Chromium', () => {
  let page: Page;
  let trouble: Trouble;
  const file = path.join(tmp, 'seeds.html');

  beforeAll(async () => {
    report(['seeds'], file);
    ({ page, trouble } = await openReport(file));
  }, 60_000);

  test('opens with no request, no console error, no script error', () => {
    expect(trouble).toEqual({ requests: [], errors: [] });
  });

  test('every chart has drawn marks', async () => {
    const marks = await page.$$eval('figure[id^="chart-"]', (figures) =>
      figures.map((f) => {
        const shapes = [...f.querySelectorAll('svg g[aria-label="bar"] > rect, svg g[aria-label="rect"] > rect')];
        const drawn = shapes.filter((s) => {
          const box = (s as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return box.width > 0 && box.height > 0;
        });
        return [f.id, drawn.length];
      }),
    );
    // Seeds: 3 months with documents, 1 language, 2 sources, 2 length bins.
    expect(marks).toEqual([
      ['chart-timeline', 3],
      ['chart-languages', 1],
      ['chart-sources', 2],
      ['chart-lengths', 2],
    ]);
  });

  test('its figures are those of summarise --json', async () => {
    const summary = JSON.parse(runBin(['summarise', 'seeds', '--json']).stdout);
    const overview = await page.$$eval('table.overview tr', (trs) =>
      Object.fromEntries(trs.map((tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent])),
    );
    const o = summary.overview;
    expect(overview).toMatchObject({
      documents: String(o.documents),
      words: o.words.toLocaleString('en-US'),
      'distinct words': String(o.distinctWords),
      dates: `${o.dateRange.from} … ${o.dateRange.to}`,
      'without date': String(o.undated),
      'without title': String(o.untitled),
    });
    const timeline = await page.$$eval('#chart-timeline tbody tr', (trs) =>
      trs.map((tr) => [tr.children[0]?.textContent, Number(tr.children[1]?.textContent)]),
    );
    expect(timeline).toEqual(
      summary.timeline.periods.map((p: { period: string; documents: number }) => [p.period, p.documents]),
    );
    const languages = await page.$$eval('#chart-languages tbody tr', (trs) =>
      trs.map((tr) => Number(tr.children[1]?.textContent)),
    );
    expect(languages).toEqual(summary.languages.languages.map((l: { documents: number }) => l.documents));
    const rows = await tableText(page);
    expect(rows).toHaveLength(o.documents);
    expect(rows.reduce((n, r) => n + Number((r[5] ?? '').replace(/,/g, '')), 0)).toBe(o.words);
  });

  test('a sort header and a row work from the keyboard; the row opens its text, boilerplate dimmed', async () => {
    await page.focus('#documents thead th:nth-child(6) button');
    await page.keyboard.press('Enter');
    const words = (await tableText(page)).map((r) => Number((r[5] ?? '').replace(/,/g, '')));
    expect(words).toEqual([...words].sort((a, b) => a - b));
    expect(await page.$eval('#documents thead th:nth-child(6)', (th) => th.getAttribute('aria-sort'))).toBe(
      'ascending',
    );

    // Row by row with the arrow keys until a document with boilerplate lines opens.
    await page.focus('#documents tbody tr');
    let cut = 0;
    for (let i = 0; i < 5 && cut === 0; i++) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect(await page.$eval('#doc-dialog', (d) => (d as unknown as { open: boolean }).open)).toBe(true);
      expect(await page.$$eval('#doc-dialog .text .line', (l) => l.length)).toBeGreaterThan(0);
      cut = await page.$$eval('#doc-dialog .text .cut', (l) => l.length);
      if (cut > 0) {
        // Dimmed: the boilerplate lines are drawn in another colour than the text's.
        const colours = (await page.evaluate(`(() => {
          const colour = (selector) => {
            const line = document.querySelector('#doc-dialog .text ' + selector);
            return line ? getComputedStyle(line).color : null;
          };
          return { cut: colour('.line.cut'), text: colour('.line:not(.cut)') };
        })()`)) as { cut: string | null; text: string | null };
        expect(colours.cut).not.toBeNull();
        expect(colours.cut).not.toBe(colours.text);
        await page.screenshot({ path: path.join(ARTIFACTS, 'report-seeds-document.png') });
      }
      await page.keyboard.press('Escape');
      expect(await page.$eval('#doc-dialog', (d) => (d as unknown as { open: boolean }).open)).toBe(false);
      // Focus goes back to the row that opened.
      expect(await page.evaluate('document.activeElement?.tagName')).toBe('TR');
    }
    expect(cut).toBeGreaterThan(0);
  });

  test('reads in light and dark, and leaves a screenshot', async () => {
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-seeds.png'), fullPage: true });
    // The top of the page (the overview and the first charts), the size of a README's picture.
    await page.screenshot({
      path: path.join(ARTIFACTS, 'report-seeds-top.png'),
      clip: { x: 0, y: 0, width: 1200, height: 1500 },
    });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await background()).toBe('rgb(20, 23, 31)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-seeds-dark.png'), fullPage: true });
    expect(fs.statSync(path.join(ARTIFACTS, 'report-seeds.png')).size).toBeGreaterThan(10_000);
  });
});

const TEXTS = {
  eng: 'The council met on Tuesday to discuss the new budget for the schools of the city. The mayor said that the plan would bring more teachers to the classrooms and that the money was already there. Parents were glad to hear it, but some of them asked when the work would start.',
  deu: 'Der Stadtrat hat am Dienstag über den neuen Haushalt für die Schulen der Stadt beraten. Die Bürgermeisterin sagte, dass der Plan mehr Lehrer in die Klassen bringen werde und dass das Geld bereits vorhanden sei. Die Eltern freuten sich darüber, aber einige fragten, wann die Arbeit beginnen werde.',
  fra: 'Le conseil municipal s’est réuni mardi pour discuter du nouveau budget des écoles de la ville. La maire a déclaré que le plan apporterait davantage d’enseignants dans les classes et que l’argent était déjà disponible. Les parents s’en sont réjouis, mais certains ont demandé quand les travaux commenceraient.',
};

describe('a report of several languages in Chromium', () => {
  test('filtering the table by language changes its rows', async () => {
    const corpus = path.join(tmp, 'news');
    fs.mkdirSync(corpus);
    const counts = { eng: 3, deu: 2, fra: 1 };
    for (const [lang, n] of Object.entries(counts))
      for (let i = 0; i < n; i++)
        fs.writeFileSync(path.join(corpus, `${lang}-${i}.txt`), `Title ${lang} ${i}\n\n${TEXTS[lang as 'eng']} ${i}\n`);
    const file = path.join(tmp, 'news.html');
    report([corpus], file);
    const { page, trouble } = await openReport(file);
    expect(await tableText(page)).toHaveLength(6);
    await page.select('#doc-lang', 'deu');
    const rows = await tableText(page);
    expect(rows.map((r) => r[2])).toEqual(['deu', 'deu']);
    expect(await page.$eval('#doc-count', (p) => p.textContent)).toBe('2 of 6 documents shown');
    await page.select('#doc-lang', '');
    expect(await tableText(page)).toHaveLength(6);
    expect(trouble).toEqual({ requests: [], errors: [] });
    await page.close();
  });
});
