import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AmbiguousIdError, resolveIds } from '../../src/core/input/resolve-id.js';

const root = path.resolve(__dirname, '../..');
const options = { inputs: [{ given: 'seeds' }], cwd: root };

describe('resolveIds', () => {
  test('an exact id, a unique prefix, a file path; an unknown name resolves to nothing', async () => {
    expect(await resolveIds(['003_d5acbb01e160b551', '004', 'seeds/000_fdb09ddbbd769acc.txt', 'zzz'], options)).toEqual(
      [
        { query: '003_d5acbb01e160b551', ids: ['003_d5acbb01e160b551'] },
        { query: '004', ids: ['004_4beb03af83448623'] },
        { query: 'seeds/000_fdb09ddbbd769acc.txt', ids: ['000_fdb09ddbbd769acc'] },
        { query: 'zzz', ids: [] },
      ],
    );
  });

  test('a prefix shared by several documents is ambiguous, with the candidates', async () => {
    const err = await resolveIds(['00'], options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AmbiguousIdError);
    expect((err as AmbiguousIdError).candidates).toHaveLength(5);
  });

  test('a JSON Lines file names all its records; a record id resolves', async () => {
    const mixed = { inputs: [{ given: 'tests/fixtures/mixed' }], cwd: root };
    expect(await resolveIds(['tests/fixtures/mixed/records.jsonl', 'rec-1', 'records#'], mixed)).toEqual([
      { query: 'tests/fixtures/mixed/records.jsonl', ids: ['rec-1', 'records#2'] },
      { query: 'rec-1', ids: ['rec-1'] },
      { query: 'records#', ids: ['records#2'] },
    ]);
  });
});
