// `corpus keywords` in-process: the three ways of naming a reference (paths, the rest of the
// corpus, a filter), the columns in every format, and the statuses (1 for no keyword, 2 for an
// empty side or no reference), on two folders of records whose figures are computed by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// 2023/: 8 words, `guerre` 4 times; 2024/: 8 words, `paix` 4 times, `guerre` once.
const DOCS = {
  '2023/a.jsonl': [
    { id: 'a1', date: '2023-03-01', source: 'AFP', lang: 'fra', text: 'guerre guerre guerre guerre' },
    { id: 'a2', date: '2023-04-01', source: 'AFP', lang: 'fra', text: 'froid neige pluie vent' },
  ],
  '2024/b.jsonl': [
    { id: 'b1', date: '2024-03-01', source: 'Reuters', lang: 'fra', text: 'paix paix paix paix' },
    { id: 'b2', date: '2024-04-01', source: 'Reuters', lang: 'fra', text: 'froid neige pluie guerre' },
  ],
};
let corpus: string;

beforeAll(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-keywords-'));
  for (const [file, records] of Object.entries(DOCS)) {
    fs.mkdirSync(path.dirname(path.join(corpus, file)), { recursive: true });
    fs.writeFileSync(path.join(corpus, file), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
});
afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));

const keywords = (args: string[], tty = false) =>
  runCli(['keywords', ...args], { tty, cwd: corpus, env: { NO_COLOR: '1' } });

// paix: 4 of 8 in the target, 0 of 8 in the reference. E = 2 on each side:
// G² = 2·4·ln(4/2) = 8 ln 2 = 5.545 (p < 0.05); log ratio log2((4/8)/(0.5/8)) = 3; %DIFF infinite.
// guerre: 1 against 4: G² = 2·(1·ln(1/2.5) + 4·ln(4/2.5)) = 1.927, negative, not significant.
const PAIX = 'paix\t+\t4\t0\t500000\t0\t5.55\t0.05\t3\tinf\n';

describe('corpus keywords', () => {
  test('paths against paths (--ref), as computed by hand', async () => {
    const r = await keywords(['2024', '--ref', '2023', '--min-freq', '1']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(PAIX);
  });

  test('a filter against the rest of the corpus, and a filter against a filter', async () => {
    expect((await keywords(['.', '--source', 'Reuters', '--min-freq', '1'])).stdout).toBe(PAIX);
    expect((await keywords(['.', '--since', '2024', '--ref-until', '2023', '--min-freq', '1'])).stdout).toBe(PAIX);
  });

  test('both directions and every term with --max-p 1, in CSV and JSON', async () => {
    const r = await keywords([
      '2024',
      '--ref',
      '2023',
      '--direction',
      'both',
      '--max-p',
      '1',
      '--min-freq',
      '4',
      '--format',
      'csv',
    ]);
    expect(r.stdout).toBe(
      'term,direction,freq_target,freq_ref,pm_target,pm_ref,g2,p,log_ratio,pct_diff\n' +
        'paix,+,4,0,500000,0,5.55,0.05,3,inf\n' +
        'guerre,-,1,4,125000,500000,1.93,1,-2,-75\n',
    );
    const json = JSON.parse((await keywords(['2024', '--ref', '2023', '--min-freq', '1', '--json'])).stdout);
    expect(json).toEqual([
      {
        term: 'paix',
        direction: '+',
        freq_target: 4,
        freq_ref: 0,
        pm_target: 500000,
        pm_ref: 0,
        g2: 5.55,
        p: 0.05,
        log_ratio: 3,
        pct_diff: null,
      },
    ]);
  });

  test('on a terminal: a table with the significance as stars', async () => {
    const r = await keywords(['2024', '--ref', '2023', '--min-freq', '1'], true);
    expect(r.stdout).toBe(
      'TERM  ±  TARGET  REF  PM TARGET  PM REF    G2  P        LOG RATIO  %DIFF\n' +
        'paix  +       4    0  500000.00    0.00  5.55  <0.05 *       3.00    inf\n',
    );
  });

  test('no keyword passes: status 1; an empty side or no reference: status 2', async () => {
    expect(await keywords(['2024', '--ref', '2023', '--min-freq', '5'])).toMatchObject({ status: 1, stdout: '' });
    expect(await keywords(['.', '--since', '2030'])).toMatchObject({
      status: 2,
      stderr: 'corpus: the target is empty: no document passes its paths and filters\n',
    });
    expect(await keywords(['.', '--since', '2024', '--ref-lang', 'de'])).toMatchObject({
      status: 2,
      stderr: 'corpus: the reference is empty: no document passes its paths and filters\n',
    });
    const none = await keywords(['.']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^corpus: keywords needs a reference: --ref <path>/);
    expect((await keywords(['.', '--source', 'AFP', '--max-p', '0.5'])).status).toBe(2);
    expect(await keywords(['.', '--since', '2024', '--ref-since', '2023-13'])).toMatchObject({
      status: 2,
      stderr: "corpus: --ref-since takes an ISO date such as 2023, 2023-01 or 2023-01-31, not '2023-13'\n",
    });
  });
});
