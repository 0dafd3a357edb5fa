// The built bin/corpus's completion scripts in a real bash, and the man page scripts/build-man.mjs
// writes from the built program: read by groff without a warning and by man(1), with every
// command and option `--help` lists. groff and man come from the groff-base and man-db packages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-man-'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

const COMMANDS = ['list', 'show', 'grep', 'summarise', 'completion'];

/** Every flag (`-e`, `--regexp`) in the Options section of `corpus <command> --help`. */
function helpFlags(command: string): string[] {
  const help = runBin([command, '--help']).stdout.split('\n');
  return help
    .slice(help.indexOf('Options:') + 1)
    .flatMap((line) => /^ {2}(-\S.*?)(?: {2,}|$)/.exec(line)?.[1]?.replace(/<[^>]*>|\[[^\]]*\]/g, '') ?? [])
    .flatMap((term) => term.match(/--?[\w-]+/g) ?? []);
}

describe('bin/corpus completion bash in bash', () => {
  test('the script loads in an interactive bash and completes a command, an option and a value', () => {
    const r = runBin(['completion', 'bash']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const file = path.join(DIR, 'corpus.bash');
    fs.writeFileSync(file, r.stdout);
    const session = [
      'source "$1"',
      'complete -p corpus',
      't() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _corpus; echo "${COMPREPLY[*]}"; }',
      't corpus gr',
      't corpus grep --kw',
      "t corpus grep --format ''",
    ].join('\n');
    const bash = spawnSync('bash', ['--norc', '--noprofile', '-i', '-c', session, 'bash', file], { encoding: 'utf8' });
    expect(bash.status).toBe(0);
    expect(bash.stdout).toBe('complete -o default -F _corpus corpus\ngrep\n--kwic\ntable tsv csv json jsonl\n');
  });
});

describe('the man page', () => {
  const page = path.join(DIR, 'corpus.1');
  let text = '';
  beforeAll(() => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-man.mjs'), page], { encoding: 'utf8' });
    expect(build).toMatchObject({ status: 0, stderr: '' });
    const man = spawnSync('man', ['-l', page], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', MANWIDTH: '100', MANPAGER: 'cat', PAGER: 'cat' },
    });
    expect(man).toMatchObject({ status: 0, stderr: '' });
    // man marks bold and italic with backspaces when piped: the text without them.
    text = man.stdout.replace(/.\x08/g, '');
  });

  test('groff reads it without a warning', () => {
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', page], { encoding: 'utf8' });
    expect(r).toMatchObject({ status: 0, stderr: '' });
  });

  test('man shows its sections in order, under its name', () => {
    const headings = text.split('\n').filter((line) => /^[A-Z][A-Z ]+$/.test(line));
    expect(headings).toEqual([
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
      'OPTIONS',
      'COMMANDS',
      'SHARED OPTIONS',
      'CONFIG FILE',
      'EXIT STATUS',
      'ENVIRONMENT',
      'FILES',
      'EXAMPLES',
      'SEE ALSO',
    ]);
    const lines = text.split('\n');
    expect(lines[lines.indexOf('NAME') + 1]?.trim()).toMatch(
      /^corpus - find out what is in a folder of text documents/,
    );
  });

  test('every command, and every option its --help lists, is in the page', () => {
    for (const command of COMMANDS) {
      expect(text, command).toContain(`corpus ${command} [options]`);
      const flags = helpFlags(command);
      expect(flags.length, command).toBeGreaterThan(0);
      for (const flag of flags)
        expect(text, `${command} ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}([ ,\\n]|$)`, 'm'));
    }
  });

  test('the exit statuses and the environment are there', () => {
    for (const word of [
      'CORPUS_PATH',
      'CORPUS_CONFIG_PATH',
      'NO_COLOR',
      'FORCE_COLOR',
      'PAGER',
      'XDG_CACHE_HOME',
      'CORPUS_MAX_JOBS',
    ]) {
      expect(text, word).toMatch(new RegExp(`^ {7}${word}( {2,}\\S.*)?$`, 'm'));
    }
    for (const status of ['0', '1', '2']) expect(text).toMatch(new RegExp(`^ {7}${status} {6}\\S`, 'm'));
  });

  test('the build puts it in man/corpus.1, for `man ./man/corpus.1` in the clone', () => {
    expect(fs.readFileSync(path.join(ROOT, 'man/corpus.1'), 'utf8')).toBe(fs.readFileSync(page, 'utf8'));
  });
});
