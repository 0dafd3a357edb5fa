// `corpus report` in-process: the page to a file or to standard output, what stderr says, the
// exit statuses (2 for a file that cannot be written, 1 when the filters leave no document), and
// the page's table against `summarise --json` on the seeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-report-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tableRows(html: string): unknown[][] {
  const start = html.indexOf('<script type="application/json" id="report-data">');
  const open = html.indexOf('>', start) + 1;
  return (JSON.parse(html.slice(open, html.indexOf('</script>', open))) as { rows: unknown[][] }).rows;
}

describe('corpus report', () => {
  test('writes the page to the file named, quietly in a pipe', async () => {
    const file = path.join(tmp, 'seeds.html');
    const r = await runCli(['report', 'seeds', '-o', file]);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    const html = fs.readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</body></html>\n')).toBe(true);
  });

  test('says where the page went on a terminal, relative paths from the current folder', async () => {
    const r = await runCli(['report', path.resolve('seeds'), '-o', 'out.html'], {
      tty: true,
      cwd: tmp,
      env: { CI: '1' },
    });
    expect(r.status).toBe(0);
    const bytes = fs.statSync(path.join(tmp, 'out.html')).size;
    expect(r.stderr).toBe(`corpus: wrote out.html (${(bytes / 1024).toFixed(1)} KB; 5 documents, 5 in its table)\n`);
  });

  test('-o - writes the page to standard output, nothing else', async () => {
    const r = await runCli(['report', 'seeds', '-o', '-'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('made 2026-01-01 00:00 UTC by corpus');
    expect(tableRows(r.stdout)).toHaveLength(5);
  });

  test('-o - to a terminal is refused', async () => {
    const r = await runCli(['report', 'seeds', '-o', '-'], { tty: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'corpus: -o - writes the HTML page to standard output, which is a terminal: redirect it or name a file\n',
    );
  });

  test('a file that cannot be written is an error before the corpus is read', async () => {
    const missing = path.join(tmp, 'no-such-folder', 'r.html');
    const r = await runCli(['report', 'seeds', '-o', missing]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr: `corpus: cannot write ${missing}: no such file or directory (ENOENT)\n`,
    });
    const folder = await runCli(['report', 'seeds', '-o', tmp]);
    expect({ status: folder.status, stderr: folder.stderr }).toEqual({
      status: 2,
      stderr: `corpus: cannot write ${tmp}: it is a folder\n`,
    });
  });

  test('filters that leave no document: status 1 and no file', async () => {
    const file = path.join(tmp, 'none.html');
    const r = await runCli(['report', 'seeds', '--lang', 'de', '-o', file]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 1,
      stderr: 'corpus: no document to report on: no file written\n',
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  test('--top takes a whole number', async () => {
    const r = await runCli(['report', 'seeds', '--top', '0', '-o', '-']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr: "corpus: --top takes a whole number from 1, not '0'\n",
    });
  });

  test('the table holds the documents summarise counts, with their words, languages and dates', async () => {
    const page = await runCli(['report', 'seeds', '-o', '-']);
    const summary = JSON.parse((await runCli(['summarise', 'seeds', '--json'])).stdout);
    const rows = tableRows(page.stdout);
    expect(rows).toHaveLength(summary.overview.documents);
    expect(rows.reduce((n, r) => n + (r[5] as number), 0)).toBe(summary.overview.words);
    const dates = rows
      .map((r) => r[1])
      .filter((d): d is string => d !== null)
      .sort();
    expect([dates[0], dates[dates.length - 1]]).toEqual([
      summary.overview.dateRange.from,
      summary.overview.dateRange.to,
    ]);
    expect(rows.filter((r) => r[1] === null)).toHaveLength(summary.overview.undated);
    for (const l of summary.languages.languages)
      expect(
        rows.filter((r) => r[2] === l.lang),
        l.lang,
      ).toHaveLength(l.documents);
    expect(page.stdout).toContain(
      `<tr><td>words</td><td class="n">${summary.overview.words.toLocaleString('en-US')}</td></tr>`,
    );
  });
});
