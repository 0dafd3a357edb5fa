// Differential test: per-file counts of matching lines must equal `rg -c` on the seed corpus,
// for patterns in the syntax JavaScript and ripgrep share.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcher, type MatcherOptions } from '../../src/core/search/matcher.js';

const seeds = join(import.meta.dirname, '../../seeds');
const files = readdirSync(seeds)
  .sort()
  .map((name) => join(seeds, name));

type Flag = '-F' | '-i' | '-w' | '-S';
const OPTION: Record<Flag, 'fixedStrings' | 'ignoreCase' | 'wordRegexp' | 'smartCase'> = {
  '-F': 'fixedStrings',
  '-i': 'ignoreCase',
  '-w': 'wordRegexp',
  '-S': 'smartCase',
};

const cases: [string[], Flag[]][] = [
  [['Russie'], ['-F']],
  [['Biélorussie'], ['-F']],
  [['de la'], ['-F']],
  [['l’'], ['-F']],
  [['«'], ['-F']],
  [['.'], ['-F']],
  [['2023', 'mardi'], ['-F']],
  [['Bi[ée]lorussie'], []],
  [['[0-9]+'], []],
  [['^Le '], []],
  [['e$'], []],
  [['\\p{Lu}\\p{Ll}+ \\p{Lu}'], []],
  [['militaires?'], []],
  [['(?:russe|ukrainien)'], []],
  [['\\.$'], []],
  [['o[^a-z]'], []],
  [['a.b'], []],
  [['Russie', 'Moscou'], []],
  [['russie'], ['-i']],
  [['MOSCOU'], ['-i']],
  [['ÉTÉ'], ['-i']],
  [['l’ukraine'], ['-i']],
  [['russe'], ['-w']],
  [['de'], ['-w']],
  [['à'], ['-w']],
  [['mili[a-zé]+'], ['-w']],
  [['russe', 'armée'], ['-w']],
  [['LE'], ['-w', '-i']],
  [['russie'], ['-S']],
  [['Russie'], ['-S']],
];

function rgCounts(patterns: string[], flags: Flag[]): Map<string, number> {
  const args = [
    '--no-config',
    '--include-zero',
    '-c',
    '-H',
    ...flags,
    ...patterns.flatMap((p) => ['-e', p]),
    '--',
    ...files,
  ];
  const result = spawnSync('rg', args, { encoding: 'utf8' });
  if (result.error !== undefined) {
    throw new Error(
      `cannot run rg (${result.error.message}): install ripgrep (apt-get install ripgrep) to run this test`,
    );
  }
  if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr}`);
  const counts = new Map<string, number>();
  for (const row of result.stdout.trim().split('\n')) {
    const colon = row.lastIndexOf(':');
    counts.set(row.slice(0, colon), Number(row.slice(colon + 1)));
  }
  return counts;
}

describe('counts agree with rg -c', () => {
  it('has the seed files and at least 20 cases', () => {
    expect(files).toHaveLength(5);
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%j %j', (patterns, flags) => {
    const options: MatcherOptions = { patterns };
    for (const flag of flags) options[OPTION[flag]] = true;
    const matcher = buildMatcher(options);
    const expected = rgCounts(patterns, flags);
    const actual = new Map(
      files.map((file) => [
        file,
        readFileSync(file, 'utf8')
          .split(/\r\n|\r|\n/)
          .filter((line) => matcher.isMatch(line)).length,
      ]),
    );
    expect(actual).toEqual(expected);
    const viaFindAll = files.map(
      (file) =>
        readFileSync(file, 'utf8')
          .split(/\r\n|\r|\n/)
          .filter((line) => matcher.findAll(line).length > 0).length,
    );
    expect(viaFindAll).toEqual(files.map((file) => expected.get(file)));
  });
});
