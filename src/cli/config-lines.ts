// The lines of a config file as the arguments of one command (docs/spec.md §1, "The config
// file"): one argument a line, as ripgrep reads RIPGREP_CONFIG_PATH, a value after `=` or alone on
// the next line. A line may start with the command it is for (`grep: --kwic`); a line without
// one applies to every command that has the option, and is skipped by the others. The whole file
// is checked on every run, whichever command runs: a file is valid or not, not valid for list
// and broken for grep.

import type { Command, Option } from 'commander';
import { UsageError } from './errors.js';

/** A line that holds an argument: its number in the file (from 1) and its text, trimmed. */
interface ConfigLine {
  number: number;
  text: string;
}

/** An option of the file: the flag as written, its option, its value, the commands it is for. */
interface ConfigOption {
  flag: string;
  option: Option;
  value?: string;
  targets: readonly Command[];
}

/** The lines holding an argument: blank lines and lines starting with `#` are not arguments. */
export function argumentLines(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((line, i) => {
      const trimmed = line.trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) lines.push({ number: i + 1, text: trimmed });
    });
  return lines;
}

/** Whether the option takes a value (`<n>` or `[n]` in its flags). */
export function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

/** The option of `cmd` that `flag` (`-C`, `--context`) names. */
export function optionOf(cmd: Command, flag: string): Option | undefined {
  return cmd.options.find((o) => o.short === flag || o.long === flag);
}

/**
 * The arguments the config file gives `command`, in the file's order, each value joined to its
 * option (`--context=2`, or `-C` then `2`) so that no value can be read as something else.
 * @param source - the file's name, as errors show it.
 * @throws UsageError naming the file and the line, for any line that is not a valid option.
 */
export function configArguments(text: string, program: Command, command: Command, source: string): string[] {
  const lines = argumentLines(text);
  const args: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ConfigLine;
    const fail = (message: string): never => {
      throw new UsageError(`config file ${source}:${line.number}: ${message}`);
    };
    const { prefix, arg } = splitPrefix(line.text);
    const named = prefix === undefined ? undefined : commandNamed(program, prefix, fail);
    if (!/^-[^-]|^--./.test(arg))
      fail(`'${arg}' is not an option: a config file holds options, one a line, a value after = or on the next line`);
    for (const found of flagsOf(arg, named ? [named] : program.commands, fail)) {
      if (takesValue(found.option) && found.value === undefined) {
        const next = lines[i + 1];
        if (next === undefined) fail(`option '${found.option.flags}' argument missing`);
        found.value = (next as ConfigLine).text;
        i++;
      }
      checkValue(found, named === undefined, fail);
      if (found.targets.includes(command)) args.push(...asArguments(found));
    }
  }
  return args;
}

/** `grep: --kwic` → the command's name and the argument; a line starting with `-` has no prefix. */
function splitPrefix(text: string): { prefix?: string; arg: string } {
  const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(text);
  return m ? { prefix: m[1] as string, arg: (m[2] as string).trim() } : { arg: text };
}

function commandNamed(program: Command, name: string, fail: (message: string) => never): Command {
  const cmd = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (cmd) return cmd;
  const names = program.commands.map((c) => c.name()).join(', ');
  return fail(`'${name}:' does not name a command (a line for one command starts with one of ${names})`);
}

/**
 * The options a line's argument names: one for `--name` or `--name=value`, one a letter for
 * `-iw`, whose letter taking a value takes the rest of the word (`-C2`). Each is looked up in
 * `commands`; it is for those that have it, and an error when none has it.
 */
function flagsOf(arg: string, commands: readonly Command[], fail: (message: string) => never): ConfigOption[] {
  const find = (flag: string, value?: string): ConfigOption => {
    const targets = commands.filter((c) => optionOf(c, flag) !== undefined);
    const first = targets[0];
    if (first === undefined)
      return fail(`unknown option '${flag}'${commands.length === 1 ? ` for ${commands[0]?.name()}` : ''}`);
    return { flag, option: optionOf(first, flag) as Option, targets, ...(value === undefined ? {} : { value }) };
  };
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return [eq === -1 ? find(arg) : find(arg.slice(0, eq), arg.slice(eq + 1))];
  }
  const found: ConfigOption[] = [];
  for (let i = 1; i < arg.length; i++) {
    const option = find(`-${arg[i]}`);
    found.push(option);
    if (takesValue(option.option)) {
      if (i + 1 < arg.length) option.value = arg.slice(i + 1);
      break;
    }
  }
  return found;
}

/**
 * A value where one is taken, none where none is, and one of the choices where they are declared,
 * for every command the option is for. A line without a prefix whose value fits one command
 * only (`--sort=date`: list's key, not grep's) is an error that says how to write it.
 */
function checkValue(found: ConfigOption, unprefixed: boolean, fail: (message: string) => never): void {
  const { flag, option, value, targets } = found;
  if (value === undefined) return;
  if (!takesValue(option)) fail(`option '${option.flags}' takes no value`);
  const fits = (cmd: Command) => optionOf(cmd, flag)?.argChoices?.includes(value) ?? true;
  const misfit = targets.find((cmd) => !fits(cmd));
  if (misfit === undefined) return;
  // Another command takes the value: say for which command it is not valid, and how to write it.
  const fit = unprefixed ? targets.find(fits) : undefined;
  fail(
    `option '${optionOf(misfit, flag)?.flags}' argument '${value}' is invalid${fit ? ` for ${misfit.name()}` : ''}. ` +
      `Allowed choices are ${optionOf(misfit, flag)?.argChoices?.join(', ')}.` +
      (fit ? ` A line for one command only starts with its name: '${fit.name()}: ${flag}=${value}'.` : ''),
  );
}

function asArguments({ flag, value }: ConfigOption): string[] {
  if (value === undefined) return [flag];
  return flag.startsWith('--') ? [`${flag}=${value}`] : [flag, value];
}
