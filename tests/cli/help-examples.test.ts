// The help of every command ends with examples, and every example works: each `corpus …`
// invocation of an Examples block is run on the seeds (from the clone, whose .corpus.json names
// them) and must succeed with status 0 and no warning.
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const COMMANDS = ['list', 'show', 'grep', 'summarise', 'words', 'keywords', 'collocates', 'report', 'completion'];

/** A word of a shell line, or an operator that ends a command (`|`, `&&`, `>`, `<(`, `)`…). */
type ShellToken = { word: string } | { op: string };

/**
 * The words and operators of one line of shell, as far as examples need: single and double quotes,
 * a `#` comment; no escapes, no variables.
 */
function shellTokens(line: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    if (rest[0] === ' ') i++;
    else if (rest[0] === '#') break;
    else {
      const op = /^(?:&&|\|\||<\(|[|><();&])/.exec(rest);
      if (op) {
        tokens.push({ op: op[0] });
        i += op[0].length;
        continue;
      }
      let word = '';
      while (i < line.length && !/[ |&<>();]/.test(line[i] as string)) {
        const c = line[i] as string;
        if (c === '"' || c === "'") {
          const end = line.indexOf(c, i + 1);
          if (end === -1) throw new Error(`an unclosed quote: ${line}`);
          word += line.slice(i + 1, end);
          i = end + 1;
        } else {
          word += c;
          i++;
        }
      }
      tokens.push({ word });
    }
  }
  return tokens;
}

/** The arguments after `corpus` in a line of shell, up to the operator that ends its command. */
function corpusArgs(line: string): string[] | null {
  const tokens = shellTokens(line);
  const at = tokens.findIndex((t) => 'word' in t && t.word === 'corpus');
  if (at === -1) return null;
  const args: string[] = [];
  for (const t of tokens.slice(at + 1)) {
    if ('op' in t) break;
    args.push(t.word);
  }
  return args;
}

/** The lines of the Examples block that ends a help text (an error if it does not end with one). */
function examplesOf(help: string): string[] {
  const lines = help.trimEnd().split('\n');
  const start = lines.lastIndexOf('Examples:');
  if (start === -1) throw new Error(`the help does not end with Examples:\n${help}`);
  const block = lines.slice(start + 1);
  for (const line of block) expect(line, 'an example line is indented by two spaces').toMatch(/^ {2}\S/);
  return block;
}

describe('the Examples block of each command', () => {
  test('the tokenizer finds corpus and stops at shell operators, quotes kept together', () => {
    expect(corpusArgs('  corpus grep -o -w "[A-Z][a-z]+sk"     # each match')).toEqual([
      'grep',
      '-o',
      '-w',
      '[A-Z][a-z]+sk',
    ]);
    expect(corpusArgs('  source <(corpus completion bash)')).toEqual(['completion', 'bash']);
    expect(corpusArgs('  corpus grep -q Minsk && echo found')).toEqual(['grep', '-q', 'Minsk']);
    expect(corpusArgs("  corpus list -0 --paths | xargs -0 wc -w  # 'quoted'")).toEqual(['list', '-0', '--paths']);
    expect(corpusArgs('  corpus completion zsh > ~/.zfunc/_corpus')).toEqual(['completion', 'zsh']);
    expect(corpusArgs('  # fish:')).toBeNull();
  });

  describe.each(COMMANDS)('corpus %s --help', (command) => {
    test('ends with 3 to 6 examples of the command, each a corpus invocation that works on the seeds', async () => {
      const help = await runCli([command, '--help'], { columns: 100 });
      expect(help.status).toBe(0);
      const invocations = examplesOf(help.stdout)
        .map(corpusArgs)
        .filter((a): a is string[] => a !== null);
      expect(invocations.length).toBeGreaterThanOrEqual(3);
      expect(invocations.length).toBeLessThanOrEqual(6);
      // merge's examples merge the seeds' two partials its help says how to make.
      if (command === 'merge')
        for (const i of [1, 2])
          expect(
            (
              await runCli(['summarise', 'seeds/', '--shard', `${i}/2`, '--partial', '-o', `/tmp/seeds-${i}.corpus`], {
                cwd: ROOT,
              })
            ).status,
          ).toBe(0);
      for (const args of invocations) {
        expect(args[0], args.join(' ')).toBe(command);
        const r = await runCli(args, { cwd: ROOT });
        expect({ args: args.join(' '), status: r.status, stderr: r.stderr }).toEqual({
          args: args.join(' '),
          status: 0,
          stderr: '',
        });
        // Only `grep -q` prints nothing: every other example shows something.
        if (!args.includes('-q')) expect(r.stdout + r.paged.join(''), args.join(' ')).not.toBe('');
      }
    });
  });
});
