import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

describe('corpus grep, piped', () => {
  test('id:line:text, exit 0', async () => {
    const r = await runCli(['grep', 'Ashuluk']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      paged: [],
      stdout:
        '003_d5acbb01e160b551:14:Lundi, Minsk a révélé que ses unités de défense aérienne avaient participé à des exercices conjoints avec les troupes russes. Le personnel biélorusse a été transporté par un avion cargo Il-76 vers le terrain d’entraînement d’Ashuluk, dans la région d’Astrakhan, dans le sud de la Russie, comme l’indiquent les rapports.\n',
    });
  });

  test('nothing found exits 1 with no output', async () => {
    expect(await runCli(['grep', 'Zanzibar'])).toEqual({ status: 1, stdout: '', stderr: '', paged: [] });
  });

  test('an invalid pattern is a one-line error, exit 2', async () => {
    expect(await runCli(['grep', 'a(b'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'corpus: invalid regular expression "a(b": unterminated group (use -F to search for it literally)\n',
      paged: [],
    });
  });

  test('-c counts matching lines per document; documents without a match are left out', async () => {
    expect((await runCli(['grep', '-c', 'Biélorussie'])).stdout).toBe(
      '000_fdb09ddbbd769acc:6\n001_34f256881794425b:5\n002_075e5e7c38a2ef25:4\n003_d5acbb01e160b551:5\n',
    );
  });

  test('--fold finds accented and unaccented spellings, any case', async () => {
    expect((await runCli(['grep', '-c', '--fold', 'bielorussie'])).stdout).toBe(
      '000_fdb09ddbbd769acc:6\n001_34f256881794425b:5\n002_075e5e7c38a2ef25:4\n003_d5acbb01e160b551:5\n',
    );
    expect((await runCli(['grep', '-c', '--fold', "l'allie de moscou"])).stdout).toBe('003_d5acbb01e160b551:2\n');
    expect((await runCli(['grep', '-c', '--fold', 'cooperation en matiere de defense a minsk'])).stdout).toBe(
      '004_4beb03af83448623:3\n',
    );
  });

  test('-w respects letters beyond ASCII; -i is Unicode', async () => {
    const russe = await runCli(['grep', '-c', '-w', 'russe']);
    // The same counts as `rg -c -w russe seeds`: not `russes`, not `biélorusse`.
    expect(russe.stdout).toBe(
      '000_fdb09ddbbd769acc:2\n001_34f256881794425b:4\n002_075e5e7c38a2ef25:1\n003_d5acbb01e160b551:4\n004_4beb03af83448623:2\n',
    );
    expect((await runCli(['grep', '-c', '-i', 'défense à minsk'])).stdout).toBe('004_4beb03af83448623:3\n');
  });

  test('-l ids, --paths paths, -0 NUL', async () => {
    // 002 holds the untranslated fragment `[of Russia and Belarus]`.
    expect((await runCli(['grep', '-l', 'Belarus'])).stdout).toBe('002_075e5e7c38a2ef25\n004_4beb03af83448623\n');
    expect((await runCli(['grep', '-l', '--paths', 'Belarus', '--since', '2024'])).stdout).toBe(
      'seeds/004_4beb03af83448623.txt\n',
    );
    expect((await runCli(['grep', '-l', '--paths', '-0', 'Belarus'])).stdout).toBe(
      'seeds/002_075e5e7c38a2ef25.txt\0seeds/004_4beb03af83448623.txt\0',
    );
  });

  test('-e several patterns, then paths; -m caps lines per document', async () => {
    const r = await runCli(['grep', '-c', '-e', 'Koursk', '-e', 'Ashuluk', 'seeds/003_d5acbb01e160b551.txt']);
    expect(r.stdout).toBe('003_d5acbb01e160b551:6\n');
    expect((await runCli(['grep', '-c', '-m', '2', 'Biélorussie'])).stdout).toBe(
      '000_fdb09ddbbd769acc:2\n001_34f256881794425b:2\n002_075e5e7c38a2ef25:2\n003_d5acbb01e160b551:2\n',
    );
  });

  test('-A/-B/-C context, `-` for context lines and -- between groups', async () => {
    const r = await runCli(['grep', '-B1', '-A1', 'Cnn all']);
    expect(r.stdout).toBe(
      '000_fdb09ddbbd769acc-12-La présence des troupes russes inciterait cependant l’Ukraine à stationner ses troupes dans cette direction pour « compenser ce risque potentiel », ont déclaré les responsables, même s’ils ont souligné qu’il était « extrêmement improbable » que la Biélorussie « soit un axe d’avancée dans les prochains mois. »\n' +
        '000_fdb09ddbbd769acc:13:Cnn all En2Fr\n',
    );
    const groups = await runCli(['grep', '-C1', 'Savoir plus|fr-01']);
    expect(groups.stdout).toBe(
      '001_34f256881794425b-32-\n001_34f256881794425b:33:Savoir plus\n001_34f256881794425b-34-\n001_34f256881794425b:35:fr-01\n',
    );
    const apart = await runCli(['grep', '-C1', '^Le projet de confiance$|^fr-01$']);
    expect(apart.stdout).toBe(
      // As `rg -n -C1` prints it: two groups, -- between them.
      '001_34f256881794425b-30-\n001_34f256881794425b:31:Le projet de confiance\n001_34f256881794425b-32-\n--\n001_34f256881794425b-34-\n001_34f256881794425b:35:fr-01\n',
    );
  });

  test('--json: one object per matching line, its matches in it, with its document', async () => {
    const r = await runCli(['grep', '--json', '-B1', 'Loading']);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: '004_4beb03af83448623',
        path: 'seeds/004_4beb03af83448623.txt',
        line: 29,
        text: 'Loading...',
        matches: [{ column: 1, match: 'Loading' }],
        before: [''],
        after: [],
        doc: {
          title: 'POUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
          lang: 'fra',
          date: '2024-05-26T11:53+01:00',
          source: 'La Gazette',
        },
      },
    ]);
  });

  test('--format jsonl: a line per matching line; columns count characters', async () => {
    const r = await runCli(['grep', '--format', 'jsonl', '--fold', 'biélorussie', 'seeds/001_34f256881794425b.txt']);
    const first = JSON.parse(r.stdout.split('\n')[0]!);
    // `Biélorussie` starts at byte 72 of line 1 but character 72 (the é of création is one character).
    expect([first.line, first.matches]).toEqual([1, [{ column: 72, match: 'Biélorussie' }]]);
  });

  test('filters restrict which documents are searched', async () => {
    expect((await runCli(['grep', '-c', 'Poutine', '--since', '2024'])).stdout).toBe(
      '003_d5acbb01e160b551:1\n004_4beb03af83448623:5\n',
    );
    expect((await runCli(['grep', '-c', 'Poutine', '--source', 'cnn'])).stdout).toBe('000_fdb09ddbbd769acc:2\n');
    expect((await runCli(['grep', 'Poutine', '--lang', 'en'])).status).toBe(1);
  });

  test('--kwic piped: id, line, left, match, right as TSV, sorted by the word on the left', async () => {
    const r = await runCli(['grep', '--kwic', '--sort', 'left', '--width', '20', '-w', 'Minsk']);
    // No word on the left sorts first (corpus order among them), then à, Biélorussie, Lundi.
    expect(r.stdout).toBe(
      [
        '003_d5acbb01e160b551\t18\t\tMinsk\t ne participe pas',
        '003_d5acbb01e160b551\t22\t\tMinsk\t avait précédemment',
        '004_4beb03af83448623\t27\t\tMinsk\t et Moscou',
        '004_4beb03af83448623\t11\tde deux jours à \tMinsk\t, dans le cadre',
        '003_d5acbb01e160b551\t22\tde la Biélorussie, \tMinsk\t a renforcé sa',
        '003_d5acbb01e160b551\t14\tLundi, \tMinsk\t a révélé que ses',
        '',
      ].join('\n'),
    );
  });

  test('usage errors: no pattern, --sort without --kwic, bad numbers', async () => {
    expect((await runCli(['grep'])).stderr).toBe('corpus: grep needs a pattern (or -e PATTERN)\n');
    expect((await runCli(['grep', '--sort', 'left', 'x'])).stderr).toBe('corpus: --sort goes with --kwic\n');
    expect((await runCli(['grep', '-m', 'lots', 'x'])).stderr).toBe("corpus: -m takes a whole number, not 'lots'\n");
  });
});

describe('corpus grep, on a terminal', () => {
  test('a heading per document, line:text, matches highlighted in place', async () => {
    const r = await runCli(
      ['grep', '--fold', 'BIELORUSSIE', '-m', '1', 'seeds/001_34f256881794425b.txt', 'seeds/002_075e5e7c38a2ef25.txt'],
      { tty: true },
    );
    expect(r.stdout).toContain('\u001b[1m\u001b[31mBiélorussie\u001b[39m\u001b[22m');
    expect(plain(r.stdout)).toBe(
      '001_34f256881794425b  Poutine approuve la création de centres de formation militaire avec la Biélorussie · fra · 2023-01-31T18:14\n' +
        '1:Poutine approuve la création de centres de formation militaire avec la Biélorussie\n' +
        '\n' +
        '002_075e5e7c38a2ef25  fra · 2023-01\n' +
        '1: date 2023-01 Un train transportant des troupes et du matériel russes est arrivé en Biélorussie alors que Moscou craignait d’utiliser le territoire de son allié pour attaquer l’Ukraine par le nord.\n',
    );
  });

  test('--kwic: an aligned concordance', async () => {
    const r = await runCli(['grep', '--kwic', '--width', '16', '--sort', 'right', '--color', 'never', '-w', 'Minsk'], {
      tty: true,
      columns: 100,
    });
    expect(r.stdout).toBe(
      [
        'ID                    LINE          LEFT  MATCH  RIGHT',
        '003_d5acbb01e160b551    22  Biélorussie,  Minsk  a renforcé sa',
        '003_d5acbb01e160b551    14        Lundi,  Minsk  a révélé que',
        '003_d5acbb01e160b551    22                Minsk  avait précédemm',
        '004_4beb03af83448623    11  deux jours à  Minsk  , dans le cadre',
        '004_4beb03af83448623    27                Minsk  et Moscou',
        '003_d5acbb01e160b551    18                Minsk  ne participe',
        '',
      ].join('\n'),
    );
  });

  test('control characters in a matching line are made visible', async () => {
    const r = await runCli(['grep', 'clears', '--corpus', 'tests/fixtures/hostile'], { tty: true });
    expect(r.stdout).toContain('␛[2J');
    expect(r.stdout).not.toContain('\u001b[2J');
  });
});
