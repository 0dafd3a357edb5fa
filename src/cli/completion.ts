// The `completion` command: prints a shell's completion script, made from the program's own
// declarations (command-tree.ts), the ones `--help` prints, so that completion never lags behind
// an option. The scripts' writers are loaded only when the command runs.

import { Argument, Command } from 'commander';
import { describeProgram, type ProgramInfo } from './command-tree.js';
import { EXIT } from './errors.js';
import type { Io } from './io.js';

/** The shells `completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The completion script of `shell` for the program. */
export async function completionScript(shell: Shell, program: ProgramInfo): Promise<string> {
  switch (shell) {
    case 'bash':
      return (await import('./completion-bash.js')).bashCompletion(program);
    case 'zsh':
      return (await import('./completion-zsh.js')).zshCompletion(program);
    case 'fish':
      return (await import('./completion-fish.js')).fishCompletion(program);
  }
}

/** The `completion` command. */
export function completionCommand(io: Io, setStatus: (code: number) => void): Command {
  return new Command('completion')
    .description('print the completion script of a shell (bash, zsh or fish) on stdout')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  # bash, in ~/.bashrc:\n' +
        '  source <(corpus completion bash)\n' +
        '  # zsh: a file _corpus in a folder of $fpath (here ~/.zfunc), before compinit runs:\n' +
        '  corpus completion zsh > ~/.zfunc/_corpus\n' +
        '  # fish:\n' +
        '  corpus completion fish > ~/.config/fish/completions/corpus.fish',
    )
    .action(async (shell: Shell, _flags: unknown, cmd: Command) => {
      const program = cmd.parent;
      if (program === null) throw new Error('completion: the command is not part of a program');
      await io.stdout.write(await completionScript(shell, describeProgram(program)));
      setStatus(EXIT.results);
    });
}
