// The `corpus` program: the commands registered on one commander program, its output through
// the io object, its errors thrown for main to report.

import { Command, Option } from 'commander';
import type { Io } from './io.js';
import { VERSION } from '../core/version.js';
import { visibleText } from '../format/sanitize.js';
import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import { grepCommand } from './commands/grep.js';
import { summariseCommand } from './commands/summarise.js';
import { wordsCommand } from './commands/words.js';
import { collocatesCommand } from './commands/collocates.js';
import { keywordsCommand } from './commands/keywords.js';
import { reportCommand } from './commands/report.js';
import { mergeCommand } from './commands/merge.js';
import { completionCommand } from './completion.js';

/** Builds the program; `setStatus` receives each command's exit status. */
export function buildProgram(io: Io, setStatus: (code: number) => void): Command {
  const program = new Command('corpus')
    .description(
      'Find out what is in a folder of text documents: list, show, grep and summarise a corpus, and ask it about words.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // Read by main before commander parses (config-file.ts); declared so that help lists it.
    .addOption(new Option('--no-config', 'read no config file (CORPUS_CONFIG_PATH)'))
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nWith no paths or --corpus, commands read the paths of the nearest .corpus.json, else CORPUS_PATH, else the current folder.\n' +
        'Exit status: 0 results, 1 no results, 2 error.',
    );
  program.addCommand(listCommand(io, setStatus));
  program.addCommand(showCommand(io, setStatus));
  program.addCommand(grepCommand(io, setStatus));
  program.addCommand(summariseCommand(io, setStatus));
  program.addCommand(wordsCommand(io, setStatus));
  program.addCommand(collocatesCommand(io, setStatus));
  program.addCommand(keywordsCommand(io, setStatus));
  program.addCommand(reportCommand(io, setStatus));
  program.addCommand(mergeCommand(io, setStatus));
  program.addCommand(completionCommand(io, setStatus));
  const configure = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => void io.stdout.write(s).catch(() => {}),
      writeErr: (s) => void io.stderr.write(s).catch(() => {}),
      // The message may echo an argument: no escape sequence from it reaches the terminal.
      outputError: (s, write) => write(visibleText(s.replace(/^error: /, 'corpus: '))),
    });
    cmd.configureHelp({ helpWidth: Math.min(io.columns, 100) });
    for (const sub of cmd.commands) configure(sub);
  };
  configure(program);
  return program;
}
