// The config file of default flags that CORPUS_CONFIG_PATH names (docs/spec.md §1, "The config
// file"), as ripgrep's RIPGREP_CONFIG_PATH: read before commander parses the command line, its
// arguments put right after the command's name, so that the command line, coming after them,
// has the last word. `--no-config` turns it off; a file that cannot be read is a warning.

import type { Command } from 'commander';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../core/input/fs-errors.js';
import { configArguments, optionOf, takesValue } from './config-lines.js';
import type { Io } from './io.js';

/** A config file holds a few flags: a bigger one is not read (nor is /dev/zero read for ever). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The command line with the config file's arguments for its command inserted after the command's
 * name; the command line as it was when no file is named, or the run asks for none (`--no-config`,
 * `--help`), or names no command the file can be for (none, `help`, `completion`).
 * @param argv - the arguments, without node and the script.
 * @throws UsageError for a line of the file that is not a valid option (configArguments).
 */
export async function withConfig(argv: readonly string[], program: Command, io: Io): Promise<string[]> {
  const source = io.env.CORPUS_CONFIG_PATH;
  const at = commandIndex(argv);
  const name = argv[at];
  const command = program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
  // A command with no options of its own (`completion`) has nothing a file could set.
  if (!source || command === undefined || command.options.length === 0 || turnedOff(argv, at, command))
    return [...argv];
  let text: string;
  try {
    text = await readBounded(path.resolve(io.cwd, source));
  } catch (err) {
    await io.stderr
      .write(`corpus: warning: cannot read the config file ${source} (CORPUS_CONFIG_PATH): ${describeError(err)}\n`)
      .catch(() => {});
    return [...argv];
  }
  return [...argv.slice(0, at + 1), ...configArguments(text, program, command, source), ...argv.slice(at + 1)];
}

/** Where the command's name is: the first word that is not an option (the program's take no value). */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return -1;
    if (!arg.startsWith('-')) return i;
  }
  return -1;
}

const OFF = new Set(['--no-config', '-h', '--help']);

/**
 * Whether the command line asks for no config file: `--no-config` (a program option, taken
 * before or after the command), or help, which a broken file must not stand in the way of.
 * The values of the command's options are stepped over: `-e --help` searches for `--help`.
 */
function turnedOff(argv: readonly string[], at: number, command: Command): boolean {
  if (argv.slice(0, at).some((arg) => OFF.has(arg))) return true;
  for (let i = at + 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return false;
    if (OFF.has(arg)) return true;
    if (arg.startsWith('--')) {
      const option = arg.includes('=') ? undefined : optionOf(command, arg);
      if (option && takesValue(option)) i++;
    } else if (arg.startsWith('-')) {
      // A cluster (`-iC2`): the first letter taking a value takes the rest, or the next word.
      for (let j = 1; j < arg.length; j++) {
        const option = optionOf(command, `-${arg[j]}`);
        if (option && takesValue(option)) {
          if (j === arg.length - 1) i++;
          break;
        }
      }
    }
  }
  return false;
}

/** The file's text, read up to MAX_CONFIG_BYTES; a FIFO (`<(…)`) is read as a file. */
async function readBounded(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(MAX_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) throw new Error(`bigger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`);
    return new TextDecoder().decode(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}
