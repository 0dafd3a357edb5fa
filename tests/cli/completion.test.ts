// `corpus completion bash|zsh|fish`: scripts made from the declarations `--help` prints. The bash
// script runs in a scripted bash session (COMP_WORDS, COMP_CWORD, the completion function); zsh
// and fish are not on the test machines, so their scripts are checked for their shape.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-completion-'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

const COMMANDS = ['list', 'show', 'grep', 'summarise'];

/** The flags `corpus <command> --help` lists, in order: `-e`, `--regexp`, … */
async function helpFlags(command: string): Promise<string[]> {
  const r = await runCli([command, '--help'], { columns: 200 });
  const start = r.stdout.split('\n').indexOf('Options:');
  return r.stdout
    .split('\n')
    .slice(start + 1)
    .flatMap((line) => /^ {2}(-\S.*?)(?: {2,}|$)/.exec(line)?.[1]?.replace(/<[^>]*>|\[[^\]]*\]/g, '') ?? [])
    .flatMap((term) => term.match(/--?[\w-]+/g) ?? []);
}

describe('bash', () => {
  let script = '';
  let file = '';
  beforeAll(async () => {
    const r = await runCli(['completion', 'bash']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    script = r.stdout;
    file = path.join(DIR, 'corpus.bash');
    fs.writeFileSync(file, script);
  });

  /** What the completion function offers for the words of a command line, the last being completed. */
  function complete(...words: string[]): string[] {
    const code =
      'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _corpus; ' +
      '((${#COMPREPLY[@]})) && printf "%s\\n" "${COMPREPLY[@]}"; exit 0';
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', code, 'bash', file, ...words], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter((line) => line !== '');
  }

  test('the script parses (bash -n) and registers its function for corpus', () => {
    const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(script.startsWith('# bash completion for corpus ')).toBe(true);
    expect(script.endsWith('\ncomplete -o default -F _corpus corpus\n')).toBe(true);
  });

  test('completes a command, its aliases among them', () => {
    expect(complete('corpus', 'gr')).toEqual(['grep']);
    expect(complete('corpus', 'summ')).toEqual(['summarise', 'summarize', 'summary']);
    expect(complete('corpus', '')).toEqual([
      'list',
      'show',
      'grep',
      'summarise',
      'summarize',
      'summary',
      'words',
      'collocates',
      'keywords',
      'report',
      'merge',
      'completion',
      'help',
    ]);
  });

  test("completes a command's options, and only its own", () => {
    expect(complete('corpus', 'grep', '--kw')).toEqual(['--kwic']);
    expect(complete('corpus', 'grep', 'word', '--fi')).toEqual([
      '--fixed-strings',
      '--files-with-matches',
      '--files-without-match',
    ]);
    expect(complete('corpus', 'list', '--kw')).toEqual([]);
    expect(complete('corpus', 'summary', '--to')).toEqual(['--top']);
    // The program's options, before or after the command.
    expect(complete('corpus', '--no-c')).toEqual(['--no-config']);
    expect(complete('corpus', '--no-config', 'grep', '--smart')).toEqual(['--smart-case']);
    expect(complete('corpus', 'grep', '--no-con')).toEqual(['--no-config']);
  });

  test("completes an option's choices: after a space, after =, and the command's own", () => {
    const formats = ['table', 'tsv', 'csv', 'json', 'jsonl'];
    expect(complete('corpus', 'grep', '--format', '')).toEqual(formats);
    expect(complete('corpus', 'grep', '--format', 'j')).toEqual(['json', 'jsonl']);
    // Bash splits `--format=` at the `=`.
    expect(complete('corpus', 'grep', '--format', '=')).toEqual(formats);
    expect(complete('corpus', 'grep', '--format', '=', 'c')).toEqual(['csv']);
    expect(complete('corpus', 'list', '--sort', '')).toEqual(['id', 'date', 'lang', 'words', 'title']);
    expect(complete('corpus', 'grep', '--sort', '')).toEqual(['left', 'right', 'match', 'id']);
    expect(complete('corpus', 'summarize', '--by', 'm')).toEqual(['month']);
    expect(complete('corpus', 'show', '--color', '')).toEqual(['auto', 'always', 'never']);
  });

  test("an option's value without choices, and a path, are left to bash's file names", () => {
    expect(complete('corpus', 'grep', '-C', '')).toEqual([]);
    expect(complete('corpus', 'list', '--corpus', '')).toEqual([]);
    expect(complete('corpus', 'list', '')).toEqual([]);
  });

  test("completes the arguments that declare their values: completion's shell, help's command", () => {
    expect(complete('corpus', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('corpus', 'help', 's')).toEqual(['show', 'summarise']);
  });

  test.each(COMMANDS)('%s: the options completed are those --help lists, and the program options', async (command) => {
    const flags = await helpFlags(command);
    expect(flags.length).toBeGreaterThan(20);
    const completed = complete('corpus', command, '-');
    expect(completed).toEqual([...flags, '-V', '--version', '--no-config']);
  });
});

describe('zsh (shape only: zsh is not on the test machines)', () => {
  test('a #compdef function with a branch a command, its options and their values', async () => {
    const r = await runCli(['completion', 'zsh']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('#compdef corpus');
    expect(lines).toContain(
      "    'summarise:the whole corpus at a glance: languages, dates, sources, vocabulary, duplicates'",
    );
    expect(lines).toContain('        (summarise|summarize|summary)');
    expect(lines).toContain(
      "            '--format=[output format (default: table on a terminal, tsv otherwise)]:format:(table tsv csv json jsonl)' \\",
    );
    expect(lines).toContain("            '-C+[lines of context before and after each match]:n: ' \\");
    expect(lines).toContain(
      "            '--corpus=[read this folder, file or glob (repeatable; also CORPUS_PATH)]:path:_files' \\",
    );
    expect(lines).toContain("            '1::pattern:_files' \\");
    expect(lines).toContain("            '*:paths:_files' \\");
    expect(lines).toContain("            '1:shell:(bash zsh fish)' \\");
    expect(lines.at(-3)).toBe('  compdef _corpus corpus');
    // Quotes balance and the blocks close: bash reads zsh's syntax here as its own.
    expect(spawnSync('bash', ['-n'], { input: r.stdout, encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    for (const command of COMMANDS) {
      for (const flag of (await helpFlags(command)).filter((f) => f !== '-h' && f !== '--help')) {
        const branch = r.stdout.slice(r.stdout.indexOf(`        (${command}`));
        expect(branch, `${command} ${flag}`).toMatch(new RegExp(`\\n {12}'${flag}[=+[]`));
      }
    }
  });
});

describe('fish (shape only: fish is not on the test machines)', () => {
  test('one complete line an option of each command, with its values and help', async () => {
    const r = await runCli(['completion', 'fish']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const lines = r.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    for (const line of lines) {
      expect(line).toMatch(/^complete -c corpus( |$)/);
      // Every quote is closed: fish escapes \ and ' inside single quotes.
      expect(line.replace(/'(?:[^'\\]|\\.)*'/g, ''), line).not.toContain("'");
    }
    expect(lines).toContain(
      "complete -c corpus -n __fish_use_subcommand -a 'grep' -d 'search the documents line by line with a regular expression'",
    );
    expect(lines).toContain(
      "complete -c corpus -n '__fish_seen_subcommand_from grep' -l format -x -a 'table tsv csv json jsonl' -d 'output format (default: table on a terminal, tsv otherwise)'",
    );
    expect(lines).toContain(
      "complete -c corpus -n '__fish_seen_subcommand_from summarise summarize summary' -l by -x -a 'lang source month' -d 'also give the overview per language, source or month'",
    );
    expect(lines).toContain(
      "complete -c corpus -n '__fish_seen_subcommand_from grep' -s C -l context -x -d 'lines of context before and after each match'",
    );
    expect(lines).toContain(
      "complete -c corpus -n '__fish_seen_subcommand_from list' -l corpus -r -F -d 'read this folder, file or glob (repeatable; also CORPUS_PATH)'",
    );
    expect(lines).toContain("complete -c corpus -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'");
    expect(lines).toContain("complete -c corpus -l no-config -d 'read no config file (CORPUS_CONFIG_PATH)'");
  });
});

describe('completion itself', () => {
  test('a shell it does not know is a usage error naming those it does', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r).toMatchObject({
      status: 2,
      stdout: '',
      stderr:
        "corpus: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n",
    });
  });

  test('the scripts are the same whatever the terminal', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const piped = await runCli(['completion', shell]);
      const tty = await runCli(['completion', shell], { tty: true, columns: 40 });
      expect(tty.stdout, shell).toBe(piped.stdout);
    }
  });
});
